"""The Python API: ``load``, ``extract_quotes``, ``label_quotes``, ``label_article``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Sequence

from stance.errors import ModelNotFoundError

_MLFLOW_SCHEMES = ("models:/", "runs:/", "mlflow-artifacts:/")


def load(uri: str | os.PathLike, tracking_uri: str | None = None):
    """Load a trained model as a ``QuoteClassifier`` (it has ``predict``, ``predict_proba``...).

    ``uri`` is an MLflow model URI (``models:/<name>/<version>``, ``models:/<name>@<alias>``,
    ``models:/<name>/latest``, ``models:/<model_id>``, ``runs:/<run_id>/model``), a local
    MLflow model directory, or a directory written by ``QuoteClassifier.save``.
    ``tracking_uri`` defaults to ``MLFLOW_TRACKING_URI`` or the project's SQLite store.
    """
    from stance.models import load_model
    from stance.models.base import MODEL_FILE

    text = str(uri)
    if text.startswith("file:"):
        # a local folder: read in place (downloading it would copy whatever the folder holds)
        from urllib.parse import unquote, urlparse

        text = unquote(urlparse(text).path)
    local = Path(text)
    if not text.startswith(_MLFLOW_SCHEMES) and local.exists():
        return load_model(_model_dir_in(local, MODEL_FILE))
    if not text.startswith(_MLFLOW_SCHEMES):
        raise ModelNotFoundError(
            f"{text!r} is neither a local model directory nor an MLflow model URI "
            "(models:/<name>/<version>, models:/<name>@<alias>, models:/<model_id>, runs:/<run_id>/model)"
        )
    import mlflow
    from mlflow.exceptions import MlflowException

    from stance import tracking

    tracking.connect(tracking_uri)
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    with tempfile.TemporaryDirectory(prefix="stance-model-") as tmp:
        try:
            path = Path(mlflow.artifacts.download_artifacts(artifact_uri=text, dst_path=tmp))
        except MlflowException as exc:
            raise ModelNotFoundError(
                f"model {text} not found in {mlflow.get_tracking_uri()}: {' '.join(exc.message.split())[:200]}; "
                "check the name, version or alias in the MLflow UI"
            ) from None
        except OSError as exc:
            raise ModelNotFoundError(f"model {text} could not be downloaded: {exc}") from None
        return load_model(_model_dir_in(path, MODEL_FILE))


def _model_dir_in(path: Path, marker: str) -> Path:
    """The stance model folder that ``path`` is: a folder written by ``QuoteClassifier.save``
    (``marker`` at its root) or an MLflow model (``MLmodel`` at its root, the stance model in
    ``artifacts/model_dir``). Nothing below the root is searched: a folder is a model only if
    its own root says so."""
    if not path.is_dir():
        raise ModelNotFoundError(f"{path}: not a folder; expected a stance model folder or an MLflow model folder")
    if (path / marker).is_file():
        return path
    if (path / "MLmodel").is_file():
        from stance.safety import check_folder, inside

        check_folder(path)
        inner = path / "artifacts" / "model_dir"
        if (inner / marker).is_file():
            inside(inner, path)
            return inner
        raise ModelNotFoundError(f"{path}: an MLflow model without a stance model in artifacts/model_dir")
    raise ModelNotFoundError(
        f"{path}: not a model folder (expected {marker} written by QuoteClassifier.save, "
        "or an MLflow model folder with an MLmodel file at its root)"
    )


def extract_quotes(text: str, lang: str | None = None):
    """Statements in ``text`` as ``Quote`` records (text, speaker, kind, start, end, cue)."""
    from stance.extract import extract_quotes as _extract

    return _extract(text, lang=lang)


def _as_model(model):
    if model is None:
        raise ValueError("pass model=<a loaded model or a model URI>, e.g. model='models:/quote-stance/latest'")
    return load(model) if isinstance(model, (str, os.PathLike)) else model


def label_quotes(texts: str | Sequence[str], model) -> dict | list[dict]:
    """Stance, tone and label probabilities for each statement (a single string gives a dict)."""
    return _as_model(model).predict(texts)


def label_article(text: str, model, lang: str | None = None) -> list[dict]:
    """Extract the statements of an article and label each.

    One record per statement: ``text, speaker, kind, start, end, cue, stance, tone`` and
    the ``<task>_p_<label>`` probabilities.
    """
    clf = _as_model(model)
    quotes = extract_quotes(text, lang=lang)
    if not quotes:
        return []
    labels = clf.predict([q.text for q in quotes])
    return [
        {"text": q.text, "speaker": q.speaker, "kind": q.kind, "start": q.start, "end": q.end, "cue": q.cue, **lab}
        for q, lab in zip(quotes, labels)
    ]
