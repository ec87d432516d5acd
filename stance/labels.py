"""The label sets and their order, read from ``resources/labels.json``.

Nothing else in the package spells out a label string: code asks this module.
"""

from __future__ import annotations

import json
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
