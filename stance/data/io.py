"""Reading labelled JSONL with validation that names file, line and field.

Every problem in a file is collected before raising, so one run shows them all; no row
is ever dropped silently.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Iterable

from stance.errors import DataError
from stance.labels import KINDS, LABELS, TASKS

FIELDS_REQUIRED = ("text", "speaker", "lang", "kind", *TASKS)
# Optional fields the codebook names; any other key is kept as given.
FIELDS_OPTIONAL = ("id", "target", "context", "source", "date", "topic", "hard_case")
# A record longer than this is refused, not read: one runaway line must not exhaust memory.
MAX_LINE_BYTES = 1_000_000


_INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+")


def is_blank(text: str) -> bool:
    """True for text that is empty once spaces and invisible characters (zero-width spaces,
    joiners, direction marks, byte-order marks, soft hyphens) are removed."""
    return not _INVISIBLE.sub("", text)


def jsonl_files(path: str | Path) -> list[Path]:
    """The ``.jsonl`` files at ``path`` (a file, or a folder searched non-recursively)."""
    p = Path(path)
    if p.is_file():
        return [p]
    if p.is_dir():
        files = sorted(f for f in p.glob("*.jsonl") if f.is_file())
        if not files:
            raise DataError(f"{p}: folder has no .jsonl files; give a labelled .jsonl file or a folder of them")
        return files
    # An installed package has no corpus: the default data/statements exists only in a checkout
    # of the repository, so the message says both what to pass and why the default is missing.
    raise DataError(f"{p}: no such file or folder; pass data.path=<a labelled .jsonl file or a folder of them> "
                    "(the default, data/statements, is the project's corpus, present in a checkout of the repository)")


def _check_record(rec: object, where: str) -> list[str]:
    if not isinstance(rec, dict):
        return [f"{where}: expected a JSON object, got {type(rec).__name__}"]
    problems = []
    for field in FIELDS_REQUIRED:
        if field not in rec or rec[field] is None:
            problems.append(f"{where}: missing field {field!r}")
        elif not isinstance(rec[field], str):
            problems.append(f"{where}: field {field!r} must be a string, got {type(rec[field]).__name__}")
    if isinstance(rec.get("text"), str) and is_blank(rec["text"]):
        problems.append(f"{where}: field 'text' is empty (or only spaces and invisible characters)")
    for task in TASKS:
        value = rec.get(task)
        if isinstance(value, str) and value not in LABELS[task]:
            problems.append(f"{where}: field {task!r} has unknown label {value!r}; allowed: {', '.join(LABELS[task])}")
    kind = rec.get("kind")
    if isinstance(kind, str) and kind not in KINDS:
        problems.append(f"{where}: field 'kind' has unknown value {kind!r}; allowed: {', '.join(KINDS)}")
    if "id" in rec and not isinstance(rec["id"], (str, int)):
        problems.append(f"{where}: field 'id' must be a string or integer")
    return problems


def _lines(file: Path, max_bytes: int):
    """``(line number, text or None)`` of a file read line by line in bounded pieces; ``None``
    stands for a line longer than ``max_bytes`` (skipped to its end without holding it)."""
    with file.open("rb") as handle:
        lineno = 0
        while True:
            raw = handle.readline(max_bytes + 1)
            if not raw:
                return
            lineno += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while True:  # drop the rest of the runaway line
                    rest = handle.readline(1 << 20)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield lineno, None
                continue
            try:
                yield lineno, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise DataError(f"{file}:{lineno}: not UTF-8 text ({exc.reason} at byte {exc.start} of the line); "
                                "save the file as UTF-8") from None


def read_records(path: str | Path, max_line_bytes: int = MAX_LINE_BYTES) -> list[dict]:
    """Validated records from a ``.jsonl`` file or folder, in file then line order.

    Each record gets ``id`` (``<file stem>:<line>`` where the file gives none) and
    ``_file``. Raises ``DataError`` listing every problem (bad JSON, missing or
    non-string field, empty text, unknown label, duplicate id, a line longer than
    ``max_line_bytes``); an empty file is an error. Files are read line by line.
    """
    records: list[dict] = []
    problems: list[str] = []
    seen_ids: dict[str, str] = {}
    for file in jsonl_files(path):
        before = len(records)
        for lineno, line in _lines(file, max_line_bytes):
            where = f"{file}:{lineno}"
            if line is None:
                problems.append(f"{where}: line longer than {max_line_bytes:,} bytes; one record per line, "
                                "a statement rather than a document")
                continue
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: bad JSON ({exc.msg} at column {exc.colno})")
                continue
            found = _check_record(rec, where)
            if found:
                problems += found
                continue
            rec = dict(rec)
            rec["id"] = str(rec.get("id", f"{file.stem}:{lineno}"))
            if rec["id"] in seen_ids:
                problems.append(f"{where}: duplicate id {rec['id']!r} (first at {seen_ids[rec['id']]})")
                continue
            seen_ids[rec["id"]] = where
            rec["_file"] = file.name
            records.append(rec)
        if len(records) == before and not any(p.startswith(f"{file}:") for p in problems):
            problems.append(f"{file}: no statements in file; it must hold one JSON record per line")
    if problems:
        raise DataError(problems)
    return records


def fingerprint(path: str | Path | list[Path]) -> str:
    """SHA-256 over the names and bytes of the labelled files (first 16 hex digits).

    ``path`` is a file or folder (its ``.jsonl`` files) or an explicit list of files.
    """
    h = hashlib.sha256()
    for file in path if isinstance(path, list) else jsonl_files(path):
        h.update(file.name.encode())
        h.update(b"\0")
        h.update(file.read_bytes())
    return h.hexdigest()[:16]


def records_to_dataset(records: Iterable[dict]):
    """A ``datasets.Dataset`` with string columns and ``ClassLabel`` stance and tone."""
    import datasets

    records = list(records)
    extra = sorted({k for r in records for k in r} - set(FIELDS_REQUIRED) - {"id", "_file"})
    columns = ["id", *FIELDS_REQUIRED, *extra]
    data = {c: [_as_str(r.get(c)) for r in records] for c in columns}
    features = {c: datasets.Value("string") for c in columns}
    for task in TASKS:
        data[task] = [LABELS[task].index(r[task]) for r in records]
        features[task] = datasets.ClassLabel(names=list(LABELS[task]))
    return datasets.Dataset.from_dict(data, features=datasets.Features(features))


def _as_str(value):
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
