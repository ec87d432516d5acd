"""The label sets and their order: the codebook's, read from ``resources/labels.json``, and
``LabelSpace``, the label sets a model is trained with (config ``labels=``, saved with the model).

Nothing else in the package spells out a label string: code asks this module or a model's
``label_space``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

_SPEC = json.loads((Path(__file__).parent / "resources" / "labels.json").read_text("utf-8"))

TASKS: tuple[str, ...] = tuple(_SPEC["tasks"])
LABELS: dict[str, tuple[str, ...]] = {t: tuple(s["labels"]) for t, s in _SPEC["tasks"].items()}
POLAR: dict[str, tuple[str, ...]] = {t: tuple(s["polar"]) for t, s in _SPEC["tasks"].items()}
KINDS: tuple[str, ...] = tuple(_SPEC["kinds"])
LANGUAGES: tuple[str, ...] = tuple(_SPEC["languages"])


def labels(task: str) -> tuple[str, ...]:
    """Ordered labels of ``task``; raises a clear ``KeyError`` for an unknown task."""
    try:
        return LABELS[task]
    except KeyError:
        raise KeyError(f"unknown task {task!r}; known tasks: {', '.join(TASKS)}") from None


def proba_column(task: str, label: str) -> str:
    """Name of the output column holding P(label) for ``task`` (the model contract)."""
    return f"{task}_p_{label}"


def output_columns() -> list[str]:
    """The columns every model returns, in order: the labels, then one probability per label."""
    cols = list(TASKS)
    for task in TASKS:
        cols += [proba_column(task, lab) for lab in LABELS[task]]
    return cols


# -- label sets as configuration ---------------------------------------------------------------
# A task or label name becomes part of column and metric names (``stance_p_favor``,
# ``stance_test_f1_favor``): letters (any script), digits, ``_``, ``.`` and ``-`` only.
_NAME = re.compile(r"^[^\W_][\w.-]{0,63}$")
# Names an output or input column already has: a task named so would overwrite it.
_RESERVED_TASKS = frozenset({"text", "id", "speaker", "lang", "kind", "context", "confidence", "abstained"})


@dataclass(frozen=True, eq=True)
class LabelSpace:
    """The tasks a model learns, each with its ordered labels and its polar labels (for F_avg).

    Built from config (``labels=``) or from a saved model's JSON, and always checked as plain
    data: strings only, nothing is instantiated. The codebook's is ``LabelSpace.default()``.
    """

    labels: dict = field(default_factory=dict)  # task -> tuple of labels, in order
    polar: dict = field(default_factory=dict)  # task -> tuple of polar labels

    __hash__ = None  # mutable-looking dict fields: compare, never hash

    @property
    def tasks(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def output_columns(self) -> list[str]:
        """Labels first (one column per task), then one probability column per label."""
        cols = list(self.tasks)
        for task in self.tasks:
            cols += [proba_column(task, lab) for lab in self.labels[task]]
        return cols

    def to_json(self) -> dict:
        return {"labels": {t: list(v) for t, v in self.labels.items()}, "polar": {t: list(v) for t, v in self.polar.items()}}

    def restrict(self, tasks) -> "LabelSpace":
        """The same labels for ``tasks`` only (in this space's order)."""
        keep = [t for t in self.tasks if t in set(tasks)]
        return LabelSpace({t: self.labels[t] for t in keep}, {t: self.polar[t] for t in keep})

    def is_default(self) -> bool:
        return self == LabelSpace.default()

    @staticmethod
    def default() -> "LabelSpace":
        return LabelSpace(dict(LABELS), dict(POLAR))

    @staticmethod
    def from_config(value, where: str = "labels") -> "LabelSpace":
        """From ``labels=`` config: ``None`` (the codebook's), or a mapping from task to either its
        ordered label list or ``{labels: [...], polar: [...]}``. A task whose list equals the
        codebook's keeps the codebook's polar labels; any other list counts every label as polar
        (F_avg then equals macro-F1) unless ``polar`` says otherwise. Raises ``ConfigError``."""
        from stance.errors import ConfigError

        value = _plain_value(value)
        if value is None:
            return LabelSpace.default()
        try:
            return _parse_space(value, None, where)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None

    @staticmethod
    def from_saved(labels, polar, where: str) -> "LabelSpace":
        """From a saved model's ``labels`` and ``polar`` entries (plain JSON data); ``ValueError``
        naming ``where`` when they are anything but strings in lists. A model saved before
        label sets were configurable has no ``polar``: the codebook's applies to the codebook's lists."""
        if not isinstance(labels, dict) or not labels:
            raise ValueError(f"{where}: 'labels' must map each task to its list of labels, got {labels!r}")
        if polar is not None and not isinstance(polar, dict):
            raise ValueError(f"{where}: 'polar' must map tasks to lists of labels, got {polar!r}")
        return _parse_space(labels, polar, where)


def _plain_value(value):
    try:
        from omegaconf import DictConfig, ListConfig, OmegaConf

        if isinstance(value, (DictConfig, ListConfig)):
            return OmegaConf.to_container(value, resolve=True)
    except ImportError:  # pragma: no cover - omegaconf is a core dependency
        pass
    return value


def _name_list(value, what: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: {what} must be a list of strings, got {value!r}")
    bad = [v for v in value if not _NAME.match(v)]
    if bad:
        raise ValueError(f"{where}: {what} has names {bad} that are not plain words (letters, digits, _ . -)")
    dup = sorted({v for v in value if list(value).count(v) > 1})
    if dup:
        raise ValueError(f"{where}: {what} repeats {dup}")
    return tuple(value)


def _parse_space(labels: dict, polar: dict | None, where: str) -> LabelSpace:
    if not isinstance(labels, dict) or not labels:
        raise ValueError(f"{where} must map each task to its ordered labels, e.g. labels={{stance:[favor,against,none]}}; "
                         f"got {labels!r}")
    out_labels, out_polar = {}, {}
    for task, spec in labels.items():
        if not isinstance(task, str) or not _NAME.match(task) or task in _RESERVED_TASKS:
            raise ValueError(f"{where}: {task!r} cannot name a task (plain word, not one of {sorted(_RESERVED_TASKS)})")
        given_polar = None if polar is None else polar.get(task)
        if isinstance(spec, dict):
            extra = sorted(set(spec) - {"labels", "polar"})
            if extra or "labels" not in spec:
                raise ValueError(f"{where}.{task}: expected a label list or {{labels: [...], polar: [...]}}, got keys {sorted(spec)}")
            given_polar, spec = spec.get("polar", given_polar), spec["labels"]
        labs = _name_list(spec, "the label list", f"{where}.{task}")
        if len(labs) < 2:
            raise ValueError(f"{where}.{task}: a task needs at least two labels, got {list(labs)}")
        if given_polar is None:
            pol = POLAR[task] if task in LABELS and labs == LABELS[task] else labs
        else:
            pol = _name_list(given_polar, "polar", f"{where}.{task}")
            unknown = [p for p in pol if p not in labs]
            if unknown or not pol:
                raise ValueError(f"{where}.{task}: polar labels {unknown or '[]'} must be some of {list(labs)}")
        out_labels[task], out_polar[task] = labs, tuple(pol)
    return LabelSpace(out_labels, out_polar)
