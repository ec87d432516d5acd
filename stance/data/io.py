"""Reading labelled statements (any format of ``stance.data.formats``) with validation that
names file, line or row, and column; ``data.columns`` maps the package's field names to a file's.

Every problem in a file is collected before raising, so one run shows them all; no row
is ever dropped silently.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from dataclasses import dataclass, field
from typing import Iterable

from stance.errors import DataError
from stance.labels import KINDS, TASKS, LabelSpace

# The codebook's fields. Only ``text`` and a label of some task are needed: ``lang`` is detected
# when missing (stance.data.langid), ``speaker`` and ``kind`` may be absent.
FIELDS_REQUIRED = ("text", "speaker", "lang", "kind", *TASKS)
FIELDS_BASE = ("text", "speaker", "lang", "kind")
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
    """The data files at ``path`` (a file, or a folder searched non-recursively); kept for callers
    of the JSONL-only reader, every supported format counts."""
    from stance.data.formats import sources

    return [s.path for s in sources(path)]


@dataclass(frozen=True)
class ReadSpec:
    """How to read labelled rows: the column mapping (package field → the file's column), the
    label sets, and whether the rows are to train on (every task needs a column with two labels
    or more) or to score or describe (a column for one task suffices)."""

    columns: dict = field(default_factory=dict)
    space: LabelSpace = field(default_factory=LabelSpace.default)
    training: bool = False
    # Said after an unknown label: how to allow it (training) or whose labels these are (evaluation).
    unknown_hint: str = "to learn other labels set labels={{{task}:[...]}}"

    def column(self, name: str) -> str:
        return self.columns.get(name, name)

    def described(self, name: str) -> str:
        col = self.column(name)
        return f"column {col!r}" + (f" (data.columns.{name})" if name in self.columns else "")


def read_spec(columns=None, space: LabelSpace | None = None, training: bool = False, unknown_hint: str | None = None) -> ReadSpec:
    """A ``ReadSpec`` from config values, checking ``data.columns`` (``ConfigError`` naming the key)."""
    from stance.errors import ConfigError
    from stance.labels import _plain_value

    space = space or LabelSpace.default()
    columns = _plain_value(columns) or {}
    if not isinstance(columns, dict):
        raise ConfigError(f"data.columns must map field names to the file's column names, got {columns!r}")
    columns = {k: v for k, v in columns.items() if v is not None}  # null: the field's own name
    known = ("id", *FIELDS_BASE, *FIELDS_OPTIONAL[1:], *space.tasks)
    for key, value in columns.items():
        if key not in known:
            raise ConfigError(f"data.columns.{key}: unknown field; map one of {', '.join(dict.fromkeys(known))}")
        if not isinstance(value, str) or not value:
            raise ConfigError(f"data.columns.{key} must name a column of the file, got {value!r}")
    sources_ = [c for c in columns.values()]
    dup = sorted({c for c in sources_ if sources_.count(c) > 1})
    if dup:
        raise ConfigError(f"data.columns maps column(s) {dup} to two fields")
    kw = {} if unknown_hint is None else {"unknown_hint": unknown_hint}
    return ReadSpec(dict(columns), space, training, **kw)


# Fields whose empty value means "not given" (an empty cell); text and the free fields are kept as written.
_MISSING_WHEN_EMPTY = frozenset({"id", "lang", "kind"})


def _check_record(rec: object, where: str, spec: ReadSpec | None = None) -> tuple[dict | None, list[str]]:
    """The record in package field names, or the problems that keep it out."""
    spec = spec or ReadSpec()
    if not isinstance(rec, dict):
        return None, [f"{where}: expected a JSON object, got {type(rec).__name__}"]
    problems = []
    out: dict = {}
    used = set()
    for name in ("id", *FIELDS_BASE, *FIELDS_OPTIONAL[1:], *spec.space.tasks):
        col = spec.column(name)
        if col not in rec:
            if name in spec.columns:  # asked for by name: its absence is a mistake, not a gap
                problems.append(f"{where}: no {spec.described(name)}; the row has {', '.join(map(repr, rec)) or 'no columns'}")
            elif name == "text":
                problems.append(f"{where}: missing field 'text' (the row has {', '.join(map(repr, rec)) or 'no columns'}; "
                                "map yours with data.columns.text=<column>)")
            continue
        used.add(col)
        value = rec[col]
        if isinstance(value, str) and (name in _MISSING_WHEN_EMPTY or name in spec.space.labels):
            value = value.strip() or None  # an empty cell is a missing value
        if value is None:
            out[name] = None
            continue
        if name == "id":
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                problems.append(f"{where}: {spec.described('id')} must be a string or integer")
            out[name] = value
            continue
        if name in FIELDS_BASE or name in spec.space.labels:
            if not isinstance(value, str):
                problems.append(f"{where}: {spec.described(name)} ({name}) must be a string, got {type(value).__name__}")
                continue
        out[name] = value
    text = out.get("text")
    if "text" in out and (text is None or (isinstance(text, str) and is_blank(text))):
        problems.append(f"{where}: {spec.described('text')} is empty (or only spaces and invisible characters)")
    for task, names in spec.space.labels.items():
        value = out.get(task)
        if isinstance(value, str) and value not in names:
            problems.append(f"{where}: {spec.described(task)} has unknown {task} label {value!r}; allowed: "
                            f"{', '.join(names)}; {spec.unknown_hint.format(task=task)}")
    if not problems and not any(out.get(t) is not None for t in spec.space.tasks):
        cols = ", ".join(repr(spec.column(t)) for t in spec.space.tasks)
        problems.append(f"{where}: no label in {cols}; every statement needs the label of at least one task")
    kind = out.get("kind")
    if isinstance(kind, str) and kind not in KINDS:
        problems.append(f"{where}: {spec.described('kind')} has unknown value {kind!r}; allowed: {', '.join(KINDS)}")
    if problems:
        return None, problems
    # In the file's own order (a JSONL record reads back as written); columns the mapping does
    # not consume keep their names and values (a file's own column named like a mapped field
    # gives way to the mapped one).
    field_of = {spec.column(n): n for n in out}
    ordered = {}
    for key, value in rec.items():
        if key in field_of:
            ordered[field_of[key]] = out[field_of[key]]
        elif key not in used and key not in out and isinstance(key, str):
            ordered[key] = value
    return ordered, []


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


def read_records(path: str | Path, max_line_bytes: int = MAX_LINE_BYTES, spec: ReadSpec | None = None) -> list[dict]:
    """Validated records from a file, folder or saved dataset (``stance.data.formats``), in file
    then row order, with package field names (``spec.columns`` maps them to the file's).

    Each record gets ``id`` (``<file stem>:<line or row>`` where the data gives none), ``_file``
    and ``lang`` (detected from the text where missing). Raises ``DataError`` listing every
    problem (bad JSON, a mapped column the file lacks, a non-string value, empty text, an unknown
    label, a row without any label, a duplicate id, a label column empty in every row, a line
    longer than ``max_line_bytes``); an empty file is an error. Nothing is dropped silently.
    """
    from stance.data.formats import sources

    return _read_sources(sources(path), path, spec or ReadSpec(), max_line_bytes)


def read_source(src, spec: ReadSpec | None = None, max_line_bytes: int = MAX_LINE_BYTES) -> list[dict]:
    """``read_records`` for one ``stance.data.formats.Source`` (e.g. one split of a saved dataset)."""
    return _read_sources([src], src.name, spec or ReadSpec(), max_line_bytes)


def _read_sources(srcs, path, spec: ReadSpec, max_line_bytes: int) -> list[dict]:
    records: list[dict] = []
    problems: list[str] = []
    seen_ids: dict[str, str] = {}
    task_columns: set[str] = set()  # tasks some source has a column for
    for src in srcs:
        before, n_problems = len(records), len(problems)
        for where, rec, key, found in _source_rows(src, spec, max_line_bytes, task_columns, problems):
            if found:
                problems += found
                continue
            rec["id"] = str(rec["id"]) if rec.get("id") is not None else f"{src.stem}:{key}"
            if rec["id"] in seen_ids:
                problems.append(f"{where}: duplicate id {rec['id']!r} (first at {seen_ids[rec['id']]})")
                continue
            seen_ids[rec["id"]] = where
            rec["_file"] = src.split or src.path.name
            records.append(rec)
        if len(records) == before and len(problems) == n_problems:
            problems.append(f"{src.name}: no statements in file; it must hold one labelled statement per line or row")
    if not problems:
        problems += _column_problems(records, path, spec, task_columns)
    if problems:
        raise DataError(problems)
    _fill_lang(records)
    return records


def _source_rows(src, spec: ReadSpec, max_line_bytes: int, task_columns: set, problems: list):
    """``(place, record, row key, problems)`` per row of one source, after the column checks."""
    from stance.data.formats import table_rows

    if src.path.suffix.lower() == ".jsonl" and not src.is_saved_dataset:
        task_columns.update(spec.space.tasks)  # in JSON Lines a missing key is a missing label
        for lineno, line in _lines(src.path, max_line_bytes):
            where = f"{src.path}:{lineno}"
            if line is None:
                yield where, None, lineno, [f"{where}: line longer than {max_line_bytes:,} bytes; one record per line, "
                                            "a statement rather than a document"]
                continue
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                yield where, None, lineno, [f"{where}: bad JSON ({exc.msg} at column {exc.colno})"]
                continue
            rec, found = _check_record(raw, where, spec)
            yield where, rec, lineno, found
        return
    names, rows = table_rows(src)
    missing = [n for n in spec.columns if spec.column(n) not in names]
    if spec.column("text") not in names and "text" not in missing:
        missing.insert(0, "text")
    have = [t for t in spec.space.tasks if spec.column(t) in names]
    task_columns.update(have)
    absent = [t for t in spec.space.tasks if t not in have]
    if missing or not have or (spec.training and absent):
        what = [spec.described(n) for n in missing]
        if spec.training and absent:
            what += [f"{spec.described(t)} for task {t!r}" for t in absent if t not in missing]
        elif not have:
            what += [f"a label column ({', '.join(repr(spec.column(t)) for t in spec.space.tasks)})"]
        hint = " (map yours with data.columns.<field>=<column>" + (", or learn fewer tasks with labels=" if absent else "") + ")"
        problems.append(f"{src.name}: no {', '.join(what)}; the columns are {', '.join(map(repr, names))}{hint}")
        return
    for i, (where, raw) in enumerate(rows):
        rec, found = _check_record(raw, where, spec)
        yield where, rec, (where.rsplit(":", 1)[-1] if where.rsplit(":", 1)[-1].isdigit() else i), found


def _column_problems(records: list[dict], path, spec: ReadSpec, task_columns: set) -> list[str]:
    """A label column empty in every row, or (for training) a task with fewer than two labels."""
    from collections import Counter

    problems = []
    for task in spec.space.tasks:
        if task not in task_columns:
            continue
        counts = Counter(r.get(task) for r in records if r.get(task) is not None)
        if not counts:
            problems.append(f"{path}: {spec.described(task)} ({task}) is empty in every row; fill it, or "
                            + ("leave the task out with labels=" if spec.training else "drop the column"))
        elif spec.training and len(counts) < 2:
            problems.append(f"{path}: {task} has a single label ({next(iter(counts))}) in {sum(counts.values())} "
                            f"labelled rows; a classifier needs at least two {task} labels")
    return problems


def _fill_lang(records: list[dict]) -> None:
    """``lang`` for the records without one, detected from the text (stance.data.langid)."""
    missing = [r for r in records if not r.get("lang")]
    if missing:
        from stance.data.langid import detect

        for r in missing:
            r["lang"] = detect(r["text"])
            r["lang_detected"] = "true"


def fingerprint(path: str | Path | list[Path]) -> str:
    """SHA-256 over the names and bytes of the labelled files (first 16 hex digits).

    ``path`` is a file, folder or saved dataset, or an explicit list of files.
    """
    from stance.data.formats import Source, fingerprint_sources, sources

    srcs = [Source(Path(f)) for f in path] if isinstance(path, list) else sources(path)
    return fingerprint_sources(srcs)


def records_to_dataset(records: Iterable[dict], space: LabelSpace | None = None):
    """A ``datasets.Dataset`` with string columns and a ``ClassLabel`` column per task of ``space``
    that the records have (code -1 where a statement has no label for it)."""
    import datasets

    space = space or LabelSpace.default()
    records = list(records)
    keys = {k for r in records for k in r}
    tasks = [t for t in space.tasks if t in keys]
    extra = sorted(keys - set(FIELDS_BASE) - set(space.tasks) - {"id", "_file"})
    columns = ["id", *FIELDS_BASE, *extra]
    data = {c: [_as_str(r.get(c)) for r in records] for c in columns}
    features = {c: datasets.Value("string") for c in columns}
    for task in tasks:
        names = space.labels[task]
        data[task] = [-1 if r.get(task) is None else names.index(r[task]) for r in records]
        features[task] = datasets.ClassLabel(names=list(names))
    order = ["id", *FIELDS_BASE, *tasks, *extra]
    return datasets.Dataset.from_dict({c: data[c] for c in order}, features=datasets.Features({c: features[c] for c in order}))


def _as_str(value):
    if value is None or isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:  # a Parquet date or bytes: its text form
        return str(value)
