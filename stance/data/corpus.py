"""The corpus as a ``datasets.DatasetDict``: fixed split files or a deterministic split.

Any format of ``stance.data.formats`` works; ``spec`` (``stance.data.io.read_spec``) maps the
file's columns and sets the label sets the rows are checked against."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from stance.data.formats import Source, fingerprint_sources, fixed_split_sources, sources
from stance.data.io import ReadSpec, read_records, records_to_dataset
from stance.data.splits import SPLITS, assign_splits, normalise
from stance.errors import DataError


@dataclass(frozen=True)
class Corpus:
    """A loaded corpus: the splits, where they came from, and the fingerprint of the files."""

    splits: "object"  # datasets.DatasetDict
    path: str
    fingerprint: str
    fixed_splits: bool
    n_lang_detected: int = 0  # statements whose language was detected (no lang column or value)


def _fixed_split_files(path: Path) -> dict[str, Source] | None:
    return fixed_split_sources(path, SPLITS)


def load_corpus(
    path: str | Path,
    fractions: Sequence[float] = (0.7, 0.15, 0.15),
    split_seed: int = 0,
    near_duplicate_threshold: float = 0.8,
    limit: int | None = None,
    spec: ReadSpec | None = None,
) -> Corpus:
    """Load labelled statements as train/validation/test.

    A folder holding ``train``, ``validation`` and ``test`` files (``.jsonl``, ``.csv``, ``.tsv``
    or ``.parquet``), or a saved ``DatasetDict`` with those splits, is used as
    is (and checked that no text sits in two splits); any other file or folder is split
    deterministically (a stable hash of each near-duplicate group; labels play no part).
    ``limit`` keeps the first ``limit`` statements of each split (for quick runs).
    """
    import datasets

    path = Path(path)
    fixed = _fixed_split_files(path)
    if fixed:
        by_split = {s: _read(f, spec) for s, f in fixed.items()}
        _check_no_leak(by_split)
        fp = fingerprint_sources(list(fixed.values()))
    else:
        records = read_records(path, spec=spec)
        names = assign_splits(
            [r["text"] for r in records],
            fractions=fractions,
            seed=split_seed,
            threshold=near_duplicate_threshold,
        )
        by_split = {s: [r for r, n in zip(records, names) if n == s] for s in SPLITS}
        fp = fingerprint_sources(sources(path))
    if limit:
        by_split = {s: recs[:limit] for s, recs in by_split.items()}
    for s, recs in by_split.items():
        if not recs:
            raise DataError(f"{path}: the {s} split is empty; give more statements or other split fractions")
    space = spec.space if spec else None
    dd = datasets.DatasetDict({s: records_to_dataset(recs, space) for s, recs in by_split.items()})
    detected = sum(1 for recs in by_split.values() for r in recs if r.get("lang_detected"))
    return Corpus(splits=dd, path=str(path), fingerprint=fp, fixed_splits=bool(fixed), n_lang_detected=detected)


def _read(src: Source, spec: ReadSpec | None) -> list[dict]:
    """The records of one split source (a file, or one split of a saved DatasetDict)."""
    if src.split is None:
        return read_records(src.path, spec=spec)
    from stance.data.io import read_source

    return read_source(src, spec)


def load_eval_set(path: str | Path, split: str = "test", spec: ReadSpec | None = None):
    """Statements to evaluate on: the named split of a split folder, else every statement at ``path``.

    Returns ``(dataset, split_name, fingerprint)``.
    """
    path = Path(path)
    fixed = _fixed_split_files(path)
    space = spec.space if spec else None
    if fixed:
        if split not in fixed:
            raise DataError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
        return records_to_dataset(_read(fixed[split], spec), space), split, fingerprint_sources([fixed[split]])
    return records_to_dataset(read_records(path, spec=spec), space), "eval", fingerprint_sources(sources(path))


def _check_no_leak(by_split: dict[str, list[dict]]) -> None:
    where: dict[str, str] = {}
    problems = []
    for split, recs in by_split.items():
        for r in recs:
            key = normalise(r["text"])
            if key in where and where[key] != split:
                problems.append(f"statement {r['id']!r} in {split} also appears in {where[key]}: the same text must not sit in two splits")
            where.setdefault(key, split)
    if problems:
        raise DataError(problems)


__all__ = ["Corpus", "load_corpus", "load_eval_set"]
