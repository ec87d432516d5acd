"""Reading an archive row by row and writing labelled rows in pieces (``stance.label``'s files).

Inputs: JSONL, CSV or Parquet files (a file, or a folder searched recursively). Rows are read in
bounded pieces and each carries where it came from (file and line; for Parquet the row number), so
a bad row is reported by position instead of stopping the job. Outputs: the same three formats,
written as numbered chunk files that are joined, streaming, into the final file at the end.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path
from typing import Iterator

from stance.errors import DataError

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_PARQUET_BATCH = 8192


def format_of(path: Path, what: str) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise DataError(f"{path}: unknown {what} format {path.suffix or '(no extension)'!r}; "
                        f"use one of {', '.join(sorted(FORMATS))}")
    return fmt


def input_files(path: str | os.PathLike, exclude: tuple[Path, ...] = ()) -> tuple[Path, list[Path]]:
    """``(base, files)``: the file itself, or the folder's JSONL/CSV/Parquet files below it in
    sorted path order (hidden files and ``exclude`` left out: a rerun never reads its own output)."""
    p = Path(path)
    if p.is_file():
        format_of(p, "input")
        return p.parent, [p]
    if not p.is_dir():
        raise DataError(f"{p}: no such file or folder; pass input=<a .jsonl, .csv or .parquet file, or a folder of them>")
    skip = {e.resolve() for e in exclude}
    files = sorted(
        f for f in p.rglob("*")
        if f.is_file() and f.suffix.lower() in FORMATS and not any(part.startswith(".") for part in f.relative_to(p).parts)
        and f.resolve() not in skip and not any(s in f.resolve().parents for s in skip)
    )
    if not files:
        raise DataError(f"{p}: folder has no .jsonl, .csv or .parquet files")
    return p, files


def count_rows(files: list[Path]) -> int:
    """Rows to expect, for the progress bar's ETA: exact for JSONL and Parquet (line count,
    metadata), the line count minus the header for CSV (an overestimate when fields span lines)."""
    total = 0
    for f in files:
        fmt = format_of(f, "input")
        if fmt == "parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(f).metadata.num_rows
            continue
        lines, last = 0, b"\n"
        with f.open("rb") as handle:
            while block := handle.read(1 << 20):
                lines += block.count(b"\n")
                last = block[-1:]
        lines += last != b"\n"
        total += max(lines - (fmt == "csv"), 0)
    return total


# A row as read: (file label, line or row number, the record or None, a problem or None).
# (label, n, None, None) is a blank line: it takes a position (so resuming counts it) but is no row.
Row = tuple[str, int, "dict | None", "str | None"]


def iter_rows(base: Path, files: list[Path], columns: list[str], skip: int = 0,
              max_line_bytes: int = 10_000_000) -> Iterator[Row]:
    """Every row of ``files`` in order, after skipping the first ``skip`` positions (cheaply:
    JSONL lines are not parsed, Parquet batches not converted)."""
    for f in files:
        reader = {"jsonl": _jsonl_rows, "csv": _csv_rows, "parquet": _parquet_rows}[format_of(f, "input")]
        # each reader passes over up to `skip` positions itself and returns how many are left to skip
        skip = yield from reader(f, str(f.relative_to(base)), columns, skip, max_line_bytes)


def _jsonl_rows(f: Path, label: str, columns, skip: int, max_bytes: int) -> Iterator[Row]:
    with f.open("rb") as handle:
        lineno = 0
        while True:
            raw = handle.readline(max_bytes + 1)
            if not raw:
                return skip
            lineno += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while True:  # drop the rest of a runaway line without holding it
                    rest = handle.readline(1 << 20)
                    if not rest or rest.endswith(b"\n"):
                        break
                if skip:
                    skip -= 1
                else:
                    yield label, lineno, None, f"line longer than {max_bytes:,} bytes (max_line_bytes)"
                continue
            if skip:  # already labelled: count the line, do not parse it
                skip -= 1
                continue
            if not raw.strip():
                yield label, lineno, None, None
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield label, lineno, None, f"not UTF-8 ({exc.reason} at byte {exc.start} of the line)"
                continue
            try:
                rec = json.loads(text)
            except json.JSONDecodeError as exc:
                yield label, lineno, None, f"bad JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(rec, dict):
                yield label, lineno, None, f"expected a JSON object, got {type(rec).__name__}"
                continue
            yield label, lineno, rec, None


def _csv_rows(f: Path, label: str, columns, skip: int, max_bytes: int) -> Iterator[Row]:
    csv.field_size_limit(max_bytes)
    # surrogateescape keeps invalid UTF-8 bytes as lone surrogates: found per row, not fatal to the file
    with f.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        if columns[0] not in header:
            raise DataError(f"{f}: no {columns[0]!r} column (columns: {', '.join(header[:10]) or 'none'}); "
                            "pass text_col=<the column with the text>")
        try:
            for rec in reader:
                if skip:
                    skip -= 1
                    continue
                line = reader.line_num
                bad = [k for k, v in rec.items() if isinstance(v, str) and _has_surrogates(v)]
                if bad:
                    yield label, line, None, f"not UTF-8 (in column {bad[0]!r})"
                    continue
                if None in rec:  # more fields than the header names
                    yield label, line, None, f"{len(header) + len(rec[None])} fields, the header names {len(header)}"
                    continue
                yield label, line, rec, None
        except csv.Error as exc:
            raise DataError(f"{f}:{reader.line_num}: unreadable CSV ({exc}); fix the file or raise max_line_bytes") from None
    return skip


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _parquet_rows(f: Path, label: str, columns, skip: int, max_bytes: int) -> Iterator[Row]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(f)
    names = pf.schema_arrow.names
    if columns[0] not in names:
        raise DataError(f"{f}: no {columns[0]!r} column (columns: {', '.join(names[:10])}); "
                        "pass text_col=<the column with the text>")
    wanted = [c for c in dict.fromkeys(columns) if c in names]
    row = 0
    for batch in pf.iter_batches(batch_size=_PARQUET_BATCH, columns=wanted):
        if skip >= batch.num_rows:  # labelled before: pass the batch without converting it
            skip -= batch.num_rows
            row += batch.num_rows
            continue
        for rec in batch.to_pylist():
            row += 1
            if skip:
                skip -= 1
                continue
            for key, value in rec.items():
                if isinstance(value, bytes):  # a binary column: text only if it decodes
                    try:
                        rec[key] = value.decode("utf-8")
                    except UnicodeDecodeError:
                        rec = None
                        break
            if rec is None:
                yield label, row, None, "not UTF-8"
            else:
                yield label, row, rec, None
    return skip


def plain(value):
    """A value as the output files hold a copied column: strings and None as they are, numbers
    and anything else as their JSON text (one type per column in every format)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


class ChunkWriter:
    """Writes a list of records with fixed ``columns`` as one chunk file of ``fmt``, and joins
    chunk files into the final file (streaming, one chunk in memory at a time)."""

    def __init__(self, fmt: str, columns: list[str], types: dict[str, str]):
        self.fmt, self.columns, self.types = fmt, columns, types

    def _schema(self):
        import pyarrow as pa

        kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
        return pa.schema([(c, kinds[self.types[c]]) for c in self.columns])

    def write(self, records: list[dict], path: Path) -> None:
        if self.fmt == "jsonl":
            with path.open("w", encoding="utf-8") as out:
                out.writelines(json.dumps({c: r.get(c) for c in self.columns}, ensure_ascii=False) + "\n" for r in records)
        elif self.fmt == "csv":
            with path.open("w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out)
                writer.writerows([r.get(c) for c in self.columns] for r in records)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist([{c: r.get(c) for c in self.columns} for r in records], schema=self._schema())
            pq.write_table(table, path)

    def join(self, chunks: list[Path], path: Path) -> None:
        if self.fmt == "parquet":
            import pyarrow.parquet as pq

            with pq.ParquetWriter(path, self._schema()) as writer:
                for chunk in chunks:
                    table = pq.read_table(chunk, schema=self._schema())
                    if table.num_rows:
                        writer.write_table(table)
            return
        with path.open("wb") as out:
            if self.fmt == "csv":
                out.write((",".join(self.columns) + "\r\n").encode("utf-8"))
            for chunk in chunks:
                with chunk.open("rb") as piece:
                    shutil.copyfileobj(piece, out, 1 << 20)
