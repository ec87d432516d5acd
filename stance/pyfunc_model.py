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
import pandas as pd
from mlflow.pyfunc import PythonModel


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
        _warn_if_other_version(PurePath(given).parents[1] / "code" / "stance")

    # Typed so MLflow knows the input is a DataFrame (checked against the logged signature, which
    # names the one string column) and does not warn on every run that the hints are missing.
    def predict(self, context, model_input: pd.DataFrame, params=None) -> pd.DataFrame:
        if isinstance(model_input, pd.DataFrame):
            if "text" not in model_input.columns:
                raise ValueError(f"input needs a 'text' column; got columns {list(model_input.columns)}")
            return self.model.predict_frame(model_input["text"])
        if isinstance(model_input, str):
            model_input = [model_input]
        return self.model.predict_frame(list(model_input))


def _warn_if_other_version(bundled) -> None:
    """MLflow puts the model's copy of stance (code/stance) first on sys.path, but a process that
    imported an installed stance before loading keeps that one: say so when their versions differ."""
    import re
    from pathlib import Path

    import stance

    init = Path(bundled) / "__init__.py"
    if not init.is_file() or Path(stance.__file__).resolve().parent == Path(bundled).resolve():
        return
    found = re.search(r'^__version__ = "([^"]+)"', init.read_text(encoding="utf-8"), re.M)
    if found and found.group(1) != stance.__version__:
        warnings.warn(f"this model was written by stance {found.group(1)} but stance {stance.__version__}, imported "
                      "before the model, reads it; load it in a fresh process to use its own copy", stacklevel=2)


mlflow.models.set_model(StanceModel())
