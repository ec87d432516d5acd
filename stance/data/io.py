"""Reading labelled JSONL with validation that names file, line and field.

Every problem in a file is collected before raising, so one run shows them all; no row
is ever dropped silently.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable

from stance.errors import DataError
from stance.labels import KINDS, LABELS, TASKS

FIELDS_REQUIRED = ("text", "speaker", "lang", "kind", *TASKS)
# Optional fields the codebook names; any other key is kept as given.
FIELDS_OPTIONAL = ("id", "target", "context", "source", "date", "topic", "hard_case")


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
    raise DataError(f"{p}: no such file or folder; set data.path to a labelled .jsonl file or folder")


def _check_record(rec: object, where: str) -> list[str]:
    if not isinstance(rec, dict):
        return [f"{where}: expected a JSON object, got {type(rec).__name__}"]
    problems = []
    for field in FIELDS_REQUIRED:
        if field not in rec or rec[field] is None:
            problems.append(f"{where}: missing field {field!r}")
        elif not isinstance(rec[field], str):
            problems.append(f"{where}: field {field!r} must be a string, got {type(rec[field]).__name__}")
    if isinstance(rec.get("text"), str) and not rec["text"].strip():
        problems.append(f"{where}: field 'text' is empty")
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


def read_records(path: str | Path) -> list[dict]:
    """Validated records from a ``.jsonl`` file or folder, in file then line order.

    Each record gets ``id`` (``<file stem>:<line>`` where the file gives none) and
    ``_file``. Raises ``DataError`` listing every problem (bad JSON, missing or
    non-string field, empty text, unknown label, duplicate id); an empty file is an error.
    """
    records: list[dict] = []
    problems: list[str] = []
    seen_ids: dict[str, str] = {}
    for file in jsonl_files(path):
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as exc:
            raise DataError(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
        before = len(records)
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{file}:{lineno}"
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
