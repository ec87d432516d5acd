"""The MLflow pyfunc wrapper, logged as a "model from code" (no cloudpickle).

Input: a DataFrame with a ``text`` column (MLflow checks it against the logged signature, which
names that one string column; a bare list or string is refused by MLflow's schema check: wrap it
as ``pd.DataFrame({"text": texts})``). Output: one row per input row, same index, with one column
per task of the model's label sets (saved with it: ``stance`` and ``tone`` by default) and its
``<task>_p_<label>`` columns.
"""

from __future__ import annotations

import warnings

import mlflow
from mlflow.pyfunc import PythonModel

# The wrapper validates its own input; MLflow's type-hint validation is not wanted here.
warnings.filterwarnings("ignore", message=".*Add type hints to the `predict` method.*")


class StanceModel(PythonModel):
    def load_context(self, context):
        from pathlib import PurePath

        from stance.models import load_model
        from stance.safety import UnsafeModelError

        # MLflow joins the MLmodel file's relative path onto the model folder: refuse one that
        # leaves it ("..", an absolute path) instead of loading whatever it points at.
        given = context.artifacts["model_dir"]
        parts = PurePath(given).parts
        if ".." in parts or parts[-2:] != ("artifacts", "model_dir"):
            raise UnsafeModelError(f"MLmodel: artifact model_dir {given!r} points outside the model's artifacts folder")
        self.model = load_model(given)

    def predict(self, context, model_input, params=None):
        import pandas as pd

        if isinstance(model_input, pd.DataFrame):
            if "text" not in model_input.columns:
                raise ValueError(f"input needs a 'text' column; got columns {list(model_input.columns)}")
            return self.model.predict_frame(model_input["text"])
        if isinstance(model_input, str):
            model_input = [model_input]
        return self.model.predict_frame(list(model_input))


mlflow.models.set_model(StanceModel())
