"""The one interface every model family implements: ``QuoteClassifier``.

A model labels every task of its ``label_space`` (the codebook's stance and tone unless it was
trained with other label sets, ``fit(..., label_space=)``). Subclasses implement ``_fit``,
``predict_proba`` and the two state hooks; saving, loading, input checks and the
output layout live here once.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from stance.errors import DataError, ModelNotFoundError
from stance.labels import LabelSpace, proba_column

MODEL_FILE = "stance_model.json"
FORMAT_VERSION = 1


# Longer statements are refused (a quote is a sentence or a paragraph; a whole archive passed as
# one string would otherwise be tokenised and held at once). Set ``model.max_text_chars`` to change.
MAX_TEXT_CHARS = 20_000
TEXT_COLUMN = "text"


def check_texts(texts: Any, max_chars: int | None = None) -> list[str]:
    """The statements as a list of strings, or one line saying what to pass instead.

    Accepted: a list or tuple of strings, a pandas Series of strings, a DataFrame with a ``text``
    column, a numpy array of strings. Refused: ``None``, bytes, a bare string (``predict`` wraps a
    single string itself), a DataFrame without a ``text`` column (iterating it would yield its
    column names), non-string items, empty or invisible-only texts, and (when given) texts over
    ``max_chars``: the models' ``fit`` and ``predict`` pass their ``max_text_chars``.
    """
    from stance.data.io import is_blank

    if texts is None:
        raise TypeError("expected statements (a list of strings, a pandas Series, or a DataFrame with a 'text' column), got None")
    if isinstance(texts, (bytes, bytearray)):
        raise TypeError("expected statements as str, got bytes; decode them first (e.g. data.decode('utf-8'))")
    if isinstance(texts, str):
        raise ValueError("expected a list of texts, got a single string")
    if hasattr(texts, "columns") and hasattr(texts, "iloc"):  # a DataFrame
        if TEXT_COLUMN not in texts.columns:
            raise ValueError(f"a DataFrame needs a {TEXT_COLUMN!r} column; it has {list(texts.columns)[:10]} "
                             "(pass df['<your column>'] or rename it)")
        texts = texts[TEXT_COLUMN]
    if isinstance(texts, dict):
        raise TypeError("expected statements as a list of strings, got a dict")
    out = list(texts)
    for i, t in enumerate(out):
        if not isinstance(t, str):
            raise ValueError(f"text at position {i} is {type(t).__name__}, not a string")
        if max_chars is not None and len(t) > max_chars:
            raise ValueError(f"text at position {i} has {len(t):,} characters, over the limit of {max_chars:,} for one "
                             "statement; extract its statements with stance.label_article, or raise model.max_text_chars")
        if is_blank(t):
            raise ValueError(f"text at position {i} is empty (or only spaces and invisible characters)")
    return out


def _index_of(texts: Any):
    """The pandas index of a Series or DataFrame input (kept on the output), else None."""
    return getattr(texts, "index", None) if hasattr(texts, "iloc") else None


class QuoteClassifier(ABC):
    """Labels statements for every task of its ``label_space`` (``stance.labels.LabelSpace``).

    Verbs: ``fit(texts, labels)``, ``predict_proba(texts, task)``, ``predict(texts)``,
    ``predict_frame(texts)``, ``save(dir)`` and ``QuoteClassifier.load(dir)``.
    Constructor arguments are the model's parameters; they are saved with it.
    """

    max_text_chars: int = MAX_TEXT_CHARS  # longest statement accepted by fit and predict
    # What the model reads per statement (``stance.data.inputs``: text, speaker or context);
    # ``label_article`` builds the same input from the article. Saved with the model.
    input_mode: str = "text"
    # The model card that training fills in (data fingerprint, commit, validation scores, label
    # sets, ...) and ``save`` keeps: plain data, read back as such.
    info: dict[str, Any] = {}

    label_space_: LabelSpace | None = None  # set by fit and load; the codebook's until then

    @property
    def label_space(self) -> LabelSpace:
        """The tasks and labels this model predicts (saved with it)."""
        return self.label_space_ if self.label_space_ is not None else LabelSpace.default()

    def get_params(self) -> dict[str, Any]:
        """Constructor parameters, JSON-serialisable (saved with the model, logged to MLflow)."""
        return dict(self._params)

    def _set_params(self, **params: Any) -> None:
        self._params = {k: _plain(v) for k, v in params.items()}

    # -- training ---------------------------------------------------------------
    def fit(
        self,
        texts: Sequence[str],
        labels: Mapping[str, Sequence[str | None]],
        validation: tuple[Sequence[str], Mapping[str, Sequence[str | None]]] | None = None,
        label_space: LabelSpace | Mapping | None = None,
    ) -> "QuoteClassifier":
        """Train on ``texts`` with ``labels[task]`` per task; ``validation`` may steer early stopping.

        ``label_space``: the tasks and ordered labels to learn (a ``LabelSpace`` or ``labels=``
        config); by default the model's (the codebook's unless fitted with others). A label may be
        ``None`` (partial annotation): that statement trains the other tasks only.
        """
        texts = check_texts(texts, self.max_text_chars)
        if label_space is None:
            space = self.label_space  # the codebook's, or those of an earlier fit
        else:
            space = label_space if isinstance(label_space, LabelSpace) else LabelSpace.from_config(label_space)
        for task in space.tasks:
            if task not in labels:
                raise ValueError(f"labels for task {task!r} are missing; to learn only {', '.join(labels) or 'some'} pass "
                                 "label_space= (config labels=) naming those tasks and their labels")
            if len(labels[task]) != len(texts):
                raise ValueError(f"{len(labels[task])} {task} labels for {len(texts)} texts")
            unknown = set(labels[task]) - set(space.labels[task]) - {None}
            if unknown:
                raise ValueError(f"unknown {task} labels {sorted(unknown)}; allowed: {', '.join(space.labels[task])}")
        if not texts:
            raise ValueError("cannot fit on an empty list of statements")
        for task in space.tasks:
            present = sorted(set(labels[task]) - {None})
            if len(present) < 2:
                have = f"only one {task} label ({present[0]})" if present else f"no {task} labels"
                raise DataError(f"the training data has {have}; a classifier needs statements of at least two {task} labels")
        self.label_space_ = space
        self._fit(texts, {t: list(labels[t]) for t in space.tasks}, validation)
        return self

    @abstractmethod
    def _fit(self, texts: list[str], labels: dict[str, list[str]], validation) -> None: ...

    # -- inference --------------------------------------------------------------
    @abstractmethod
    def predict_proba(self, texts: Sequence[str], task: str) -> np.ndarray:
        """Probabilities, shape ``(n, len(label_space.labels[task]))``, columns in label order."""

    def predict_probas(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Probabilities for every task; families that share work across tasks override this."""
        texts = check_texts(texts)
        return {task: self.predict_proba(texts, task) for task in self.label_space.tasks}

    # -- calibration -------------------------------------------------------------
    temperatures_: dict[str, float] = {}

    def calibrate(self, texts: Sequence[str], labels: Mapping[str, Sequence[str]]) -> "QuoteClassifier":
        """Fit one temperature per task on held-out statements (validation), minimising their
        negative log-likelihood. It rescales the probabilities of ``predict``/``predict_frame``
        (p ** (1/T), renormalised) and never changes the predicted labels. Statements without a
        label for a task (``None``) do not count for it."""
        from stance.metrics import fit_temperature

        probas = self.predict_probas(check_texts(texts))
        space = self.label_space
        self.temperatures_ = {}
        for task in space.tasks:
            rows = [i for i, v in enumerate(labels[task]) if v is not None]
            self.temperatures_[task] = fit_temperature(probas[task][rows], [space.labels[task].index(labels[task][i]) for i in rows])
        return self

    def calibrated_probas(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """``predict_probas`` with the fitted temperatures applied (the raw ones when uncalibrated)."""
        from stance.metrics import apply_temperature

        probas = self.predict_probas(texts)
        return {t: apply_temperature(p, self.temperatures_.get(t, 1.0)) for t, p in probas.items()}

    def predict_frame(self, texts: Any, min_confidence: float | None = None):
        """A DataFrame, one row per text: one column per task and ``<task>_p_<label>`` columns
        (calibrated probabilities when ``calibrate`` was called). A Series keeps its index; a
        DataFrame (with a ``text`` column) comes back with its own columns and index and the
        predictions beside them, so ``df.join`` and filtering stay aligned.

        ``min_confidence``: also add ``confidence`` (the lower of the two predicted labels'
        probabilities) and ``abstained`` (``confidence < min_confidence``); the labels stay, so
        a caller can keep or drop the abstained rows."""
        import pandas as pd

        index = _index_of(texts)
        items = check_texts(texts, self.max_text_chars)
        space = self.label_space
        probas = self.calibrated_probas(items) if items else {t: np.zeros((0, len(space.labels[t]))) for t in space.tasks}
        cols: dict[str, Any] = {}
        for task in space.tasks:
            cols[task] = np.asarray(space.labels[task], dtype=object)[probas[task].argmax(axis=1)] if len(probas[task]) else []
        for task in space.tasks:
            for j, lab in enumerate(space.labels[task]):
                cols[proba_column(task, lab)] = probas[task][:, j].astype(float)
        frame = pd.DataFrame(cols, columns=space.output_columns(), index=index)
        if min_confidence is not None:
            if not 0 <= float(min_confidence) <= 1:
                raise ValueError(f"min_confidence must be between 0 and 1, got {min_confidence}")
            top = [probas[t].max(axis=1) if len(probas[t]) else np.zeros(0) for t in space.tasks]
            frame["confidence"] = np.minimum.reduce(top) if top else []
            frame["abstained"] = frame["confidence"] < float(min_confidence)
        if hasattr(texts, "columns") and hasattr(texts, "iloc"):
            clash = [c for c in frame.columns if c in texts.columns]
            return texts.drop(columns=clash).join(frame)
        return frame

    def predict(self, texts: Any, min_confidence: float | None = None) -> dict | list[dict]:
        """Per text a dict with the label of every task and the probability of every label
        (plus ``confidence`` and ``abstained`` with ``min_confidence``, see ``predict_frame``).

        A single string in gives a single dict out; an empty list gives an empty list.
        """
        single = isinstance(texts, str)
        frame = self.predict_frame([texts] if single else texts, min_confidence=min_confidence)
        extra = ["confidence", "abstained"] if min_confidence is not None else []
        rows = frame[self.label_space.output_columns() + extra].to_dict(orient="records")
        return rows[0] if single else rows

    def explain(self, text: str, tasks: Sequence[str] | None = None):
        """Which words drove each task's label for ``text``: ``{task: Explanation}`` (word
        occlusion; the tf-idf families add their weighted n-grams). See ``stance.explain``."""
        from stance.explain import explain

        return explain(self, text, tasks)

    def requirements(self) -> list[str]:
        """Distributions the serving side needs beyond the core ones (MLflow's pip requirements)."""
        return []

    # -- persistence ------------------------------------------------------------
    def save(self, path: str | os.PathLike) -> Path:
        """Write the model to directory ``path`` atomically (a temporary folder, then a rename)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
        try:
            self._save_state(tmp)
            meta = {
                "format_version": FORMAT_VERSION,
                "class": f"{type(self).__module__}.{type(self).__qualname__}",
                "params": self.get_params(),
                **self.label_space.to_json(),  # "labels" and "polar": plain lists of strings
                "temperatures": dict(self.temperatures_),
                "input": self.input_mode,
                "info": dict(self.info),
            }
            (tmp / MODEL_FILE).write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")
            if path.exists():
                shutil.rmtree(path)
            os.replace(tmp, path)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return path

    @classmethod
    def load(cls, path: str | os.PathLike) -> "QuoteClassifier":
        """Load a model saved by ``save`` (any family).

        The folder is data (SECURITY.md): its family must be one of ``stance.safety.MODEL_FAMILIES``
        by exact name, its params plain JSON without Hydra keys, and it may hold no symbolic links.
        """
        import inspect

        from stance import safety

        path = Path(path)
        meta_file = path / MODEL_FILE
        if not meta_file.is_file():
            raise ModelNotFoundError(f"{path}: not a saved stance model (no {MODEL_FILE})")
        safety.check_folder(path)
        meta = safety.read_json(meta_file)
        if not isinstance(meta, dict) or not isinstance(meta.get("params"), dict):
            raise ModelNotFoundError(f"{meta_file}: expected an object with 'class' and 'params'")
        # Plain strings in lists, checked, never instantiated; a model saved before label sets
        # were configurable carries the codebook's lists and no "polar" (the codebook's applies).
        try:
            space = LabelSpace.from_saved(meta.get("labels"), meta.get("polar"), str(meta_file))
        except ValueError as exc:
            raise safety.UnsafeModelError(str(exc)) from None
        model_cls = safety.locate(safety.MODEL_FAMILIES, meta.get("class"), "model class", str(meta_file))
        if not issubclass(model_cls, cls):
            raise ModelNotFoundError(f"{path}: {meta['class']} is not a {cls.__name__}")
        accepted = set(inspect.signature(model_cls.__init__).parameters) - {"self"}
        unknown = sorted(set(meta["params"]) - accepted)
        if unknown:
            raise safety.UnsafeModelError(f"{meta_file}: unknown parameter(s) {unknown} for {meta['class']}")
        temperatures = meta.get("temperatures", {})
        if not isinstance(temperatures, dict) or not all(isinstance(v, (int, float)) for v in temperatures.values()):
            raise ModelNotFoundError(f"{meta_file}: 'temperatures' must map tasks to numbers")
        try:
            model = model_cls(**meta["params"])
        except (TypeError, ValueError) as exc:
            if isinstance(exc, ModelNotFoundError):  # the allow-lists' own refusals, already one line
                raise
            raise ModelNotFoundError(f"{meta_file}: invalid parameters for {meta['class']} ({exc})") from None
        from stance.data.inputs import INPUT_MODES

        input_mode, info = meta.get("input", "text"), meta.get("info", {})
        if input_mode not in INPUT_MODES or not isinstance(info, dict):
            raise ModelNotFoundError(f"{meta_file}: 'input' must be one of {', '.join(INPUT_MODES)} and 'info' an object")
        model.label_space_ = space  # before the state: families size their heads by it
        model._load_state(path)
        model.temperatures_ = {t: float(v) for t, v in temperatures.items()}
        model.input_mode, model.info = input_mode, info
        return model

    @abstractmethod
    def _save_state(self, path: Path) -> None: ...

    @abstractmethod
    def _load_state(self, path: Path) -> None: ...

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({args})"


def _plain(value: Any) -> Any:
    """OmegaConf containers and tuples as plain JSON-able Python values."""
    try:
        from omegaconf import DictConfig, ListConfig, OmegaConf

        if isinstance(value, (DictConfig, ListConfig)):
            return OmegaConf.to_container(value, resolve=True)
    except ImportError:  # pragma: no cover - omegaconf is a core dependency
        pass
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value
