"""The corpus as a ``datasets.DatasetDict``: fixed split files or a deterministic split."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from stance.data.io import fingerprint, read_records, records_to_dataset
from stance.data.splits import SPLITS, assign_splits, normalise
from stance.errors import DataError


@dataclass(frozen=True)
class Corpus:
    """A loaded corpus: the splits, where they came from, and the fingerprint of the files."""

    splits: "object"  # datasets.DatasetDict
    path: str
    fingerprint: str
    fixed_splits: bool


def _fixed_split_files(path: Path) -> dict[str, Path] | None:
    if not path.is_dir():
        return None
    found = {s: path / f"{s}.jsonl" for s in SPLITS}
    present = [s for s, f in found.items() if f.is_file()]
    if not present:
        return None
    if len(present) != len(SPLITS):
        missing = sorted(set(SPLITS) - set(present))
        raise DataError(f"{path}: has {', '.join(present)}.jsonl but not {', '.join(m + '.jsonl' for m in missing)}")
    return found


def load_corpus(
    path: str | Path,
    fractions: Sequence[float] = (0.7, 0.15, 0.15),
    split_seed: int = 0,
    near_duplicate_threshold: float = 0.8,
    limit: int | None = None,
) -> Corpus:
    """Load labelled statements as train/validation/test.

    A folder holding ``train.jsonl``, ``validation.jsonl`` and ``test.jsonl`` is used as
    is (and checked that no text sits in two splits); any other file or folder is split
    deterministically (a stable hash of each near-duplicate group; labels play no part).
    ``limit`` keeps the first ``limit`` statements of each split (for quick runs).
    """
    import datasets

    path = Path(path)
    fixed = _fixed_split_files(path)
    if fixed:
        by_split = {s: read_records(f) for s, f in fixed.items()}
        _check_no_leak(by_split)
        fp = fingerprint(list(fixed.values()))
    else:
        records = read_records(path)
        names = assign_splits(
            [r["text"] for r in records],
            fractions=fractions,
            seed=split_seed,
            threshold=near_duplicate_threshold,
        )
        by_split = {s: [r for r, n in zip(records, names) if n == s] for s in SPLITS}
        fp = fingerprint(path)
    if limit:
        by_split = {s: recs[:limit] for s, recs in by_split.items()}
    for s, recs in by_split.items():
        if not recs:
            raise DataError(f"{path}: the {s} split is empty; give more statements or other split fractions")
    dd = datasets.DatasetDict({s: records_to_dataset(recs) for s, recs in by_split.items()})
    return Corpus(splits=dd, path=str(path), fingerprint=fp, fixed_splits=bool(fixed))


def load_eval_set(path: str | Path, split: str = "test"):
    """Statements to evaluate on: the named split of a split folder, else every statement at ``path``.

    Returns ``(dataset, split_name, fingerprint)``.
    """
    path = Path(path)
    fixed = _fixed_split_files(path)
    if fixed:
        if split not in fixed:
            raise DataError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
        return records_to_dataset(read_records(fixed[split])), split, fingerprint([fixed[split]])
    return records_to_dataset(read_records(path)), "eval", fingerprint(path)


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
