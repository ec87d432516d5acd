"""Where labelled statements come from: ``.jsonl``, ``.csv``, ``.tsv`` and ``.parquet`` files, a
folder of them, or a Hugging Face dataset saved with ``save_to_disk``.

Each source yields its rows as plain dicts together with the place of every row, so errors can
name it: ``file.jsonl:12`` and ``file.csv:12`` are lines (the CSV header is line 1; a cell
spanning lines shifts later ones), ``file.parquet row 12`` and ``folder row 12`` are 0-based
row indices as in ``dataset[12]``. CSV, TSV and Parquet are read through ``datasets`` in
streaming mode (no copy in a cache, memory bounded by a batch); a saved dataset is memory-mapped
by ``load_from_disk``. JSONL keeps the package's own bounded line reader (``stance.data.io``):
it names the line of a JSON syntax error and refuses a runaway line without holding it, which
the ``json`` builder of ``datasets`` cannot do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from stance.errors import DataError

SUFFIXES = (".jsonl", ".csv", ".tsv", ".parquet")
_SEPARATORS = {".csv": ",", ".tsv": "\t"}


@dataclass(frozen=True)
class Source:
    """One readable unit: a file, or a saved dataset (``split`` names one split of a saved DatasetDict)."""

    path: Path
    split: str | None = None

    @property
    def name(self) -> str:
        return f"{self.path}[{self.split}]" if self.split else str(self.path)

    @property
    def stem(self) -> str:
        return self.split or self.path.stem

    @property
    def is_saved_dataset(self) -> bool:
        return self.path.is_dir()


def saved_dataset_kind(path: Path) -> str | None:
    """``"dataset"`` or ``"dict"`` for a folder written by ``save_to_disk``, else None."""
    if not path.is_dir():
        return None
    if (path / "dataset_dict.json").is_file():
        return "dict"
    if (path / "state.json").is_file() and (path / "dataset_info.json").is_file():
        return "dataset"
    return None


def saved_splits(path: Path) -> list[str]:
    """The split names of a saved ``DatasetDict`` folder (from its ``dataset_dict.json``)."""
    import json

    try:
        splits = json.loads((path / "dataset_dict.json").read_text("utf-8")).get("splits")
    except (OSError, ValueError, AttributeError):
        splits = None
    if not isinstance(splits, list) or not all(isinstance(s, str) for s in splits):
        raise DataError(f"{path}/dataset_dict.json: not a dataset saved with save_to_disk (no list of splits)")
    return splits


def sources(path: str | Path) -> list[Source]:
    """The sources at ``path``: a supported file, a saved dataset, or a folder of supported files
    (non-recursive, sorted by name). A saved ``DatasetDict`` is read as all its splits in order."""
    p = Path(path)
    kind = saved_dataset_kind(p)
    if kind == "dataset":
        return [Source(p)]
    if kind == "dict":
        return [Source(p, s) for s in saved_splits(p)]
    if p.is_file():
        if p.suffix.lower() not in SUFFIXES:
            raise DataError(f"{p}: unsupported file type {p.suffix or '(none)'!r}; give a {', '.join(SUFFIXES)} file, "
                            "a folder of them or a dataset saved with save_to_disk")
        return [Source(p)]
    if p.is_dir():
        files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES)
        if not files:
            raise DataError(f"{p}: folder has no {', '.join(SUFFIXES)} files and is not a saved dataset; "
                            "give a labelled file or a folder of them")
        return [Source(f) for f in files]
    # An installed package has no corpus: the default data/statements exists only in a checkout
    # of the repository, so the message says both what to pass and why the default is missing.
    raise DataError(f"{p}: no such file or folder; pass data.path=<a labelled .jsonl, .csv, .tsv or .parquet file, "
                    "a folder of them or a saved dataset> (the default, data/statements, is the project's corpus, "
                    "present in a checkout of the repository)")


def fixed_split_sources(path: Path, splits: tuple[str, ...]) -> dict[str, Source] | None:
    """``{split: source}`` when ``path`` holds one file per split (``train.csv`` ...) or is a saved
    ``DatasetDict`` with those splits; None when it has none of them; an error when only some."""
    if saved_dataset_kind(path) == "dict":
        have = saved_splits(path)
        if all(s in have for s in splits):
            return {s: Source(path, s) for s in splits}
        raise DataError(f"{path}: saved dataset has splits {have}; it needs {', '.join(splits)} "
                        "(or save a single Dataset, which is split deterministically)")
    if not path.is_dir() or saved_dataset_kind(path):
        return None
    found: dict[str, list[Path]] = {s: [path / f"{s}{x}" for x in SUFFIXES if (path / f"{s}{x}").is_file()] for s in splits}
    present = [s for s, f in found.items() if f]
    if not present:
        return None
    double = {s: [f.name for f in fs] for s, fs in found.items() if len(fs) > 1}
    if double:
        raise DataError(f"{path}: {double} give one split twice; keep one file per split")
    if len(present) != len(splits):
        missing = sorted(set(splits) - set(present))
        raise DataError(f"{path}: has {', '.join(found[s][0].name for s in present)} but no file for "
                        f"{', '.join(missing)} (train, validation and test files go together)")
    return {s: Source(found[s][0]) for s in splits}


def source_files(src: Source) -> list[Path]:
    """The files whose bytes make up ``src`` (every file of a saved dataset, in a stable order)."""
    if src.path.is_dir():
        return sorted(f for f in src.path.rglob("*") if f.is_file() and not f.name.endswith(".lock"))
    return [src.path]


def fingerprint_sources(srcs: list[Source]) -> str:
    """SHA-256 over the names and bytes of the sources' files (first 16 hex digits)."""
    h = hashlib.sha256()
    for src in srcs:
        for file in source_files(src):
            # a plain file hashes as before (its name): fingerprints of existing corpora do not move
            name = f"{src.split or ''}/{file.relative_to(src.path).as_posix()}" if src.path.is_dir() else file.name
            h.update(name.encode())
            h.update(b"\0")
            with file.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    h.update(block)
    return h.hexdigest()[:16]


def table_rows(src: Source) -> tuple[list[str], Iterator[tuple[str, dict]]]:
    """The column names of a CSV, TSV, Parquet or saved-dataset source and its rows as
    ``(place, row)``; values are as stored (strings for CSV/TSV, an empty cell an empty string;
    a ``ClassLabel`` column gives its label names, -1 as None)."""
    if src.is_saved_dataset:
        return _saved_rows(src)
    suffix = src.path.suffix.lower()
    if suffix in _SEPARATORS:
        return _delimited_rows(src.path, _SEPARATORS[suffix])
    return _parquet_rows(src.path)


def _read_failure(path: Path, what: str, exc: BaseException) -> DataError:
    cause = exc
    while cause.__cause__ is not None or cause.__context__ is not None:
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, UnicodeDecodeError) or isinstance(exc, UnicodeDecodeError):
        return DataError(f"{path}: not UTF-8 text; save the file as UTF-8")
    message = " ".join(str(cause).split())[:200] or type(cause).__name__
    return DataError(f"{path}: cannot be read as {what} ({message})")


def _delimited_rows(path: Path, sep: str):
    import csv

    what = "CSV" if sep == "," else "TSV (tab-separated)"
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle, delimiter=sep), None)
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    except csv.Error as exc:
        raise DataError(f"{path}:1: cannot read the header as {what} ({exc})") from None
    if not header or not any(c.strip() for c in header):
        raise DataError(f"{path}: empty file; the first line must name the columns (e.g. text,stance)")
    header = [c.lstrip("\ufeff") for c in header]  # a spreadsheet's byte-order mark is not part of the name
    dup = sorted({c for c in header if header.count(c) > 1})
    if dup:
        raise DataError(f"{path}:1: column names {dup} appear twice in the header")

    def rows():
        import datasets

        # Every cell as a string and no "NA"-style guessing: an empty cell is "", nothing else is missing.
        features = datasets.Features({c: datasets.Value("string") for c in header})
        try:
            ds = datasets.load_dataset("csv", data_files=str(path), split="train", streaming=True, sep=sep,
                                       features=features, na_filter=False, encoding="utf-8-sig")
            for i, row in enumerate(ds):
                yield f"{path}:{i + 2}", row
        except DataError:
            raise
        except Exception as exc:  # pandas/arrow parse errors: one line naming the file
            raise _read_failure(path, what, exc) from None

    return header, rows()


def _parquet_rows(path: Path):
    try:
        import pyarrow.parquet as pq

        names = list(pq.read_schema(path).names)
    except Exception as exc:
        raise _read_failure(path, "Parquet", exc) from None

    def rows():
        import datasets

        try:
            ds = datasets.load_dataset("parquet", data_files=str(path), split="train", streaming=True)
            for i, row in enumerate(ds):
                yield f"{path} row {i}", row
        except Exception as exc:
            raise _read_failure(path, "Parquet", exc) from None

    return names, rows()


def _saved_rows(src: Source):
    import datasets

    try:
        ds = datasets.load_from_disk(str(src.path))
        if src.split is not None:
            ds = ds[src.split]
    except Exception as exc:
        raise _read_failure(src.path, "a saved dataset", exc) from None
    if isinstance(ds, datasets.DatasetDict):
        raise DataError(f"{src.path}: a saved DatasetDict; give its split folder or a dataset with train/validation/test")
    class_names = {c: f.names for c, f in ds.features.items() if isinstance(f, datasets.ClassLabel)}

    def rows():
        for i, row in enumerate(ds):
            for c, names in class_names.items():
                v = row[c]
                row[c] = None if v is None or v < 0 else names[v]
            yield f"{src.name} row {i}", row

    return list(ds.column_names), rows()
