"""Label an archive: statements or whole articles from JSONL, CSV or Parquet, streamed in batches.

    python -m stance.label model_uri=models:/quote-stance@champion input=archive/ output=labelled.parquet
    python -m stance.label model_uri=... input=articles.jsonl output=quotes.jsonl mode=articles

Memory stays bounded (one batch of rows at a time). Each finished batch is written to
``<output>.partial/`` with a small state file, so a job that is killed continues where it stopped
when the same command is run again; the output appears only at the end, under a temporary name
renamed into place. Bad rows are listed in ``<output>.errors.jsonl`` and counted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import hydra
from omegaconf import DictConfig

from stance.config import register_configs
from stance.files import write_text_atomic
from stance.labels import LANGUAGES

register_configs()

MODES = ("statements", "articles")
STATE_FILE = "state.json"


@dataclass
class Summary:
    rows: int = 0  # input positions consumed (rows, blank lines and bad rows)
    records: int = 0  # output rows
    bad_rows: int = 0
    articles_without_statements: int = 0
    chunks: int = 0
    key: str = ""
    resumed_from: int = 0
    extra: dict = field(default_factory=dict)


def output_layout(mode: str, keep: list[str], space) -> tuple[list[str], dict[str, str]]:
    """The output's columns, in order, and their types (str, int or float), for a model that
    predicts the tasks and labels of ``space`` (its ``label_space``)."""
    tasks = list(space.tasks)
    probs = [c for c in space.output_columns() if c not in tasks]
    if mode == "statements":
        columns = ["id", "text", *keep, *tasks, *probs, "confidence"]
    else:
        columns = ["article_id", *keep, "text", "speaker", "kind", "start", "end", "cue", "lang", *tasks, *probs,
                   "confidence"]
    types = {c: "float" if c in probs or c == "confidence" else "int" if c in ("start", "end") else "str" for c in columns}
    return columns, types


def row_problem(rec: dict, text_col: str, max_chars: int | None) -> str | None:
    """Why a read row cannot be labelled, or None."""
    from stance.data.io import is_blank

    text = rec.get(text_col)
    if text is None:
        return f"no text ({text_col!r} missing or null)"
    if not isinstance(text, str):
        return f"{text_col!r} is {type(text).__name__}, not a string"
    if is_blank(text):
        return f"{text_col!r} is empty (or only spaces and invisible characters)"
    if max_chars is not None and len(text) > max_chars:
        return (f"{text_col!r} has {len(text):,} characters, over the model's limit of {max_chars:,} for one statement; "
                "label whole articles with mode=articles")
    return None


def _row_id(rec: dict, id_col: str, file: str, line: int) -> str:
    from stance.archive import plain

    given = rec.get(id_col)
    return plain(given) if given is not None else f"{file}:{line}"


def label_statements(clf, rows: list, cfg) -> tuple[list[dict], list[dict], int]:
    """Records, bad rows and (always 0 here) articles without statements for one batch of read rows."""
    from stance.archive import plain

    good, bad = [], []
    for file, line, rec, problem in rows:
        if rec is None and problem is None:
            continue  # a blank line
        problem = problem or row_problem(rec, cfg.text_col, clf.max_text_chars)
        if problem:
            bad.append({"file": file, "line": line, "problem": problem})
        else:
            good.append((_row_id(rec, cfg.id_col, file, line), rec))
    if not good:
        return [], bad, 0
    texts = [rec[cfg.text_col] for _, rec in good]
    if clf.input_mode != "text":  # a model trained on speaker + statement or statement + context reads the same
        from stance.data.inputs import model_inputs

        texts = model_inputs([{"text": t, "speaker": plain(rec.get("speaker")), "context": plain(rec.get("context"))}
                              for t, (_, rec) in zip(texts, good)], clf.input_mode)
    frame = clf.predict_frame(texts)
    labels = frame.to_dict(orient="records")
    out = []
    for (row_id, rec), lab in zip(good, labels):
        confidence = min(lab[f"{t}_p_{lab[t]}"] for t in clf.label_space.tasks)
        out.append({"id": row_id, "text": rec[cfg.text_col], **{k: plain(rec.get(k)) for k in cfg.keep}, **lab,
                    "confidence": confidence})
    return out, bad, 0


def label_articles(clf, rows: list, cfg) -> tuple[list[dict], list[dict], int]:
    """One record per extracted statement of every article in the batch, labelled in one call."""
    from stance.api import _check_lang, _model_inputs, _records, extract_quotes
    from stance.archive import plain
    from stance.extract import detect_lang

    default_lang = _check_lang(cfg.lang)
    articles, bad = [], []
    for file, line, rec, problem in rows:
        if rec is None and problem is None:
            continue
        problem = problem or row_problem(rec, cfg.text_col, None)
        if problem is None:
            text = rec[cfg.text_col]
            lang = rec.get("lang") if rec.get("lang") in LANGUAGES else default_lang
            try:
                quotes = extract_quotes(text, lang=lang)
            except Exception as exc:  # noqa: BLE001 - one article the extractor cannot read must not stop an archive
                problem = f"extraction failed: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        if problem:
            bad.append({"file": file, "line": line, "problem": problem})
            continue
        articles.append((_row_id(rec, cfg.id_col, file, line), rec, lang or detect_lang(text), quotes))
    texts = [x for _, rec, _, quotes in articles if quotes for x in _model_inputs(clf, rec[cfg.text_col], quotes)]
    labels = iter(clf.predict(texts)) if texts else iter(())
    out, empty = [], 0
    for article_id, rec, lang, quotes in articles:
        empty += not quotes
        kept = {k: plain(rec.get(k)) for k in cfg.keep}
        for record in _records(quotes, [next(labels) for _ in quotes], lang, article_id, clf.label_space.tasks):
            out.append({**record, **kept})
    return out, bad, empty


class Partial:
    """``<output>.partial/``: chunk files, their bad rows, and ``state.json`` saying how many input
    positions they cover. Each chunk is complete before the state names it (both written under a
    temporary name and renamed), so a kill at any moment leaves a state that a rerun can trust."""

    def __init__(self, folder: Path, key: str, writer, fmt: str):
        self.folder, self.key, self.writer, self.fmt = folder, key, writer, fmt
        self.state = {"key": key, "rows": 0, "chunks": 0, "records": 0, "bad_rows": 0, "articles_without_statements": 0}
        state_file = folder / STATE_FILE
        if state_file.is_file():
            try:
                old = json.loads(state_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                old = {}
            if old.get("key") == key:
                self.state = old
                return
            print(f"stance.label: {folder} is from another input, model or setting; starting over", file=sys.stderr)
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        self._save_state()

    def chunk(self, n: int) -> Path:
        return self.folder / f"chunk-{n:06d}.{self.fmt}"

    def errors(self, n: int) -> Path:
        return self.folder / f"chunk-{n:06d}.errors.jsonl"

    def commit(self, records: list[dict], bad: list[dict], positions: int, empty: int) -> None:
        n = self.state["chunks"]
        tmp = self.folder / f".tmp-{self.chunk(n).name}"
        self.writer.write(records, tmp)
        os.replace(tmp, self.chunk(n))
        write_text_atomic(self.errors(n), "".join(json.dumps(b, ensure_ascii=False) + "\n" for b in bad))
        self.state.update(rows=self.state["rows"] + positions, chunks=n + 1, records=self.state["records"] + len(records),
                          bad_rows=self.state["bad_rows"] + len(bad),
                          articles_without_statements=self.state["articles_without_statements"] + empty)
        self._save_state()

    def _save_state(self) -> None:
        write_text_atomic(self.folder / STATE_FILE, json.dumps(self.state, indent=1))

    def finish(self, output: Path, errors_file: Path) -> None:
        """Join the chunks into ``output`` and the bad rows into ``errors_file`` (temporary names,
        then renames), then remove the partial folder."""
        chunks = [self.chunk(i) for i in range(self.state["chunks"])]
        tmp = output.with_name(f".{output.name}.tmp-{os.getpid()}")
        try:
            self.writer.join(chunks, tmp)
            etmp = errors_file.with_name(f".{errors_file.name}.tmp-{os.getpid()}")
            with etmp.open("wb") as out:
                for i in range(len(chunks)):
                    out.write(self.errors(i).read_bytes())
            os.replace(etmp, errors_file)
            os.replace(tmp, output)
        finally:
            tmp.unlink(missing_ok=True)
        shutil.rmtree(self.folder)


def _model_fingerprint(clf) -> str:
    about = {"class": type(clf).__name__, "params": clf.get_params(), "info": clf.info,
             "temperatures": dict(clf.temperatures_), "input": clf.input_mode}
    return hashlib.sha256(json.dumps(about, sort_keys=True, default=str).encode()).hexdigest()[:16]


def run_key(base: Path, files: list[Path], cfg, clf, fmt: str) -> str:
    """What a partial result depends on: the input files (name, size, modification time), the
    model (its saved parameters, card and temperatures, so an alias moved to another version
    starts over) and every setting that changes the rows or their batching."""
    import stance

    about = {
        "files": [(str(f.relative_to(base)), f.stat().st_size, f.stat().st_mtime_ns) for f in files],
        "model": _model_fingerprint(clf), "mode": cfg.mode, "text_col": cfg.text_col, "id_col": cfg.id_col,
        "keep": list(cfg.keep), "lang": cfg.lang, "batch_size": cfg.batch_size, "format": fmt,
        "max_line_bytes": cfg.max_line_bytes, "version": stance.__version__,
    }
    return hashlib.sha256(json.dumps(about, sort_keys=True).encode()).hexdigest()[:16]


def _batches(rows, size: int):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def label_archive(cfg: DictConfig) -> Summary:
    """Label ``cfg.input`` into ``cfg.output`` (see the module's docstring); returns the counts."""
    from stance.api import load
    from stance.archive import ChunkWriter, count_rows, format_of, input_files, iter_rows
    from stance.errors import ConfigError, DataError

    from omegaconf import OmegaConf

    missing = [k for k in ("model_uri", "input", "output") if OmegaConf.is_missing(cfg, k)]
    if missing:
        raise ConfigError(f"missing {', '.join(missing)}; usage: stance-label model_uri=<models:/name@alias or a model "
                          "folder> input=<file or folder> output=<file.jsonl|.csv|.parquet>")
    if cfg.mode not in MODES:
        raise ConfigError(f"mode must be one of {', '.join(MODES)}, got {cfg.mode!r}")
    if cfg.batch_size < 1:
        raise ConfigError(f"batch_size must be at least 1, got {cfg.batch_size}")
    output = Path(cfg.output).absolute()
    fmt = format_of(output, "output")
    partial_dir = output.with_name(output.name + ".partial")
    errors_file = output.with_name(output.name + ".errors.jsonl")
    if not output.parent.is_dir():
        raise DataError(f"{output.parent}: no such folder for output={cfg.output}")
    base, files = input_files(cfg.input, exclude=(output, partial_dir, errors_file))
    keep = list(cfg.keep)
    clf = load(cfg.model_uri, tracking_uri=cfg.tracking.uri)
    clash = sorted(set(keep) & set(output_layout(cfg.mode, [], clf.label_space)[0]))
    if clash:
        raise ConfigError(f"keep={keep}: {clash} would overwrite output columns; keep other columns only")
    columns, types = output_layout(cfg.mode, keep, clf.label_space)
    partial = Partial(partial_dir, run_key(base, files, cfg, clf, fmt), ChunkWriter(fmt, columns, types), fmt)
    done = partial.state["rows"]
    label_batch = label_statements if cfg.mode == "statements" else label_articles
    read = iter_rows(base, files, [cfg.text_col, cfg.id_col, "lang", "speaker", "context", *keep], skip=done,
                     max_line_bytes=cfg.max_line_bytes)
    unit = " rows" if cfg.mode == "statements" else " articles"
    from stance.progress import progress

    with progress(total=count_rows(files), initial=done, unit=unit, desc="labelling", smoothing=0.1, delay=0) as bar:
        for batch in _batches(read, cfg.batch_size):
            records, bad, empty = label_batch(clf, batch, cfg)
            if bad and cfg.strict:
                first = bad[0]
                raise DataError(f"{first['file']}:{first['line']}: {first['problem']} (strict=true stops at the first "
                                "bad row; strict=false lists them in the errors file and goes on)")
            partial.commit(records, bad, len(batch), empty)
            bar.update(len(batch))
    state = dict(partial.state)
    partial.finish(output, errors_file)
    return Summary(rows=state["rows"], records=state["records"], bad_rows=state["bad_rows"],
                   articles_without_statements=state["articles_without_statements"], chunks=state["chunks"],
                   key=state["key"], resumed_from=done)


def _report(cfg, summary: Summary) -> str:
    what = "statements" if cfg.mode == "statements" else "statements from the articles"
    line = f"{cfg.output}: {summary.records:,} {what} labelled with {cfg.model_uri}"
    if summary.resumed_from:
        line += f" (resumed after {summary.resumed_from:,} input rows)"
    line += f"; {summary.bad_rows:,} bad rows"
    if summary.bad_rows:
        line += f", listed in {cfg.output}.errors.jsonl"
    if cfg.mode == "articles":
        line += f"; {summary.articles_without_statements:,} articles without statements"
    return line


@hydra.main(config_path="conf", config_name="label", version_base="1.3")
def _hydra_main(cfg: DictConfig) -> None:
    from stance.cli import user_errors

    from omegaconf import OmegaConf

    where = "<output>" if OmegaConf.is_missing(cfg, "output") else cfg.output
    note = f"the finished batches are kept in {where}.partial/ and the same command continues from them"
    with user_errors("stance.label", interrupted=note):
        print(_report(cfg, label_archive(cfg)))


def main() -> None:
    _hydra_main()


if __name__ == "__main__":
    main()
