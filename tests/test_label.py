"""python -m stance.label on real files: formats, bad rows, articles, atomic output, resuming after SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

import stance
from conftest import ROOT, error_lines, read_jsonl, run_module, write_jsonl
from stance.labels import TASKS, output_columns


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory, corpus_records):
    from stance.models.tfidf import TfidfClassifier

    recs = corpus_records["train"][::8]
    model = TfidfClassifier(seed=0).fit([r["text"] for r in recs], {t: [r[t] for r in recs] for t in TASKS})
    return model.save(tmp_path_factory.mktemp("label") / "model")


@pytest.fixture(scope="module")
def statements(corpus_records) -> list[dict]:
    return [{"id": r["id"], "text": r["text"], "lang": r["lang"], "topic": r.get("topic")}
            for r in corpus_records["test"][:400]]


def label(model_dir, tmp_path, *args, timeout=600):
    return run_module("stance.label", f"model_uri={model_dir}", f"hydra.run.dir={tmp_path}/hydra", *args, timeout=timeout)


BAD_LINES = [
    '{"id": "n1", "text": 5}\n',  # a non-string
    '{"id": "n2"}\n',  # no text
    '{"id": "n3", "text": " \\u200b "}\n',  # invisible only
    "not json\n",
    '["a list"]\n',
]


def test_statements_with_bad_rows_are_labelled_and_reported(model_dir, statements, tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, statements[:100])
    with src.open("ab") as f:
        f.write("".join(BAD_LINES).encode())
        f.write(b'{"id": "n6", "text": "caf\xe9 au lait"}\n')  # Latin-1, not UTF-8
        f.write(b"\n")  # a blank line is no row and no error
    with src.open("a", encoding="utf-8") as f:
        f.write(json.dumps(statements[100]) + "\n")
    out = tmp_path / "out.jsonl"
    proc = label(model_dir, tmp_path, f"input={src}", f"output={out}", "keep=[topic]")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "101 statements labelled" in proc.stdout and "6 bad rows" in proc.stdout, proc.stdout
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == [s["id"] for s in statements[:101]]
    assert list(rows[0]) == ["id", "text", "topic", *output_columns(), "confidence"]
    expected = stance.load(model_dir).predict([s["text"] for s in statements[:101]])
    for row, exp in zip(rows, expected):
        assert {k: row[k] for k in exp} == pytest.approx(exp)
        assert row["confidence"] == pytest.approx(min(exp[f"{t}_p_{exp[t]}"] for t in TASKS))
    errors = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [e["line"] for e in errors] == [101, 102, 103, 104, 105, 106]
    assert all(e["file"] == "in.jsonl" for e in errors)
    problems = [e["problem"] for e in errors]
    assert "not a string" in problems[0] and "no text" in problems[1] and "empty" in problems[2]
    assert "bad JSON" in problems[3] and "JSON object" in problems[4] and "not UTF-8" in problems[5]
    assert not (tmp_path / "out.jsonl.partial").exists()

    # strict=true: the first bad row stops the job in one line naming file and line
    proc = label(model_dir, tmp_path, f"input={src}", f"output={tmp_path / 'strict.jsonl'}", "strict=true")
    assert proc.returncode == 2 and error_lines(proc) == [
        f"stance.label: error: in.jsonl:101: {problems[0]} (strict=true stops at the first bad row; "
        "strict=false lists them in the errors file and goes on)"], proc.stderr[-2000:]
    assert not (tmp_path / "strict.jsonl").exists()


def test_csv_and_parquet_in_a_folder_give_the_same_labels(model_dir, statements, tmp_path):
    folder = tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    frame = pd.DataFrame(statements[:150])
    frame.iloc[:50].to_csv(folder / "2024" / "a.csv", index=False)
    frame.iloc[50:].assign(text=lambda d: d["text"].where(d.index != 60, None)).to_parquet(folder / "b.parquet")
    out = tmp_path / "out.parquet"
    proc = label(model_dir, tmp_path, f"input={folder}", f"output={out}", "batch_size=37")
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = pd.read_parquet(out)
    kept = [s for i, s in enumerate(statements[:150]) if i != 60]
    assert list(got["id"]) == [s["id"] for s in kept]  # files in sorted path order: 2024/a.csv, then b.parquet
    expected = stance.load(model_dir).predict_frame([s["text"] for s in kept])
    for task in TASKS:
        assert list(got[task]) == list(expected[task])
    (error,) = read_jsonl(tmp_path / "out.parquet.errors.jsonl")
    assert error == {"file": "b.parquet", "line": 11, "problem": "no text ('text' missing or null)"}

    csv_out = tmp_path / "out.csv"
    proc = label(model_dir, tmp_path, f"input={folder}", f"output={csv_out}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    again = pd.read_csv(csv_out)
    assert list(again["id"]) == list(got["id"]) and list(again["stance"]) == list(got["stance"])
    assert again["tone_p_negative"].to_numpy() == pytest.approx(got["tone_p_negative"].to_numpy())


def test_articles_mode_gives_label_articles_records(model_dir, tmp_path):
    articles = sorted((ROOT / "data" / "articles").glob("*.json"))[:6]
    texts = {p.stem: json.loads(p.read_text(encoding="utf-8"))["text"] for p in articles}
    write_jsonl(tmp_path / "articles.jsonl", [{"id": k, "text": v} for k, v in texts.items()] + [{"id": "e", "text": ""}])
    out = tmp_path / "quotes.jsonl"
    proc = label(model_dir, tmp_path, f"input={tmp_path / 'articles.jsonl'}", f"output={out}", "mode=articles",
                 "batch_size=4")
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = read_jsonl(out)
    expected = stance.label_articles(texts, model=stance.load(model_dir))
    assert len(rows) == len(expected) > 10
    for row, exp in zip(rows, expected):
        assert set(row) == set(exp)
        assert {k: v for k, v in row.items() if not isinstance(v, float)} == {
            k: v for k, v in exp.items() if not isinstance(v, float)}
        assert row["confidence"] == pytest.approx(exp["confidence"])
    assert f"{len(rows)} statements from the articles" in proc.stdout and "1 bad rows" in proc.stdout


def test_bad_settings_fail_in_one_line(model_dir, statements, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", statements[:5])
    cases = [
        ([f"input={src}"], "missing output; usage: stance-label model_uri="),
        ([f"input={tmp_path / 'nope'}", f"output={tmp_path / 'o.jsonl'}"], "no such file or folder"),
        ([f"input={src}", f"output={tmp_path / 'o.txt'}"], "unknown output format '.txt'"),
        ([f"input={src}", f"output={tmp_path / 'o.jsonl'}", "mode=quotes"], "mode must be one of"),
        ([f"input={src}", f"output={tmp_path / 'o.jsonl'}", "text_col=body"], None),  # every row is a bad row
    ]
    for args, message in cases:
        proc = label(model_dir, tmp_path, *args)
        if message is None:
            assert proc.returncode == 0 and "5 bad rows" in proc.stdout, proc.stderr[-2000:]
            continue
        (line,) = error_lines(proc)
        assert proc.returncode == 2 and line.startswith("stance.label: error:") and message in line, proc.stderr[-2000:]


def _big_input(statements, path, n):
    rows = [{"id": f"r{i}", "text": statements[i % len(statements)]["text"]} for i in range(n)]
    rows[7777] = {"id": "bad", "text": None}
    return write_jsonl(path, rows)


def test_resumes_after_sigkill_with_identical_output(model_dir, statements, tmp_path):
    src = _big_input(statements, tmp_path / "big.jsonl", 24_000)
    args = [f"input={src}", "batch_size=500"]
    whole = tmp_path / "whole.jsonl"
    proc = label(model_dir, tmp_path, *args, f"output={whole}")
    assert proc.returncode == 0, proc.stderr[-3000:]

    out = tmp_path / "resumed.jsonl"
    state = tmp_path / "resumed.jsonl.partial" / "state.json"
    cmd = [sys.executable, "-m", "stance.label", f"model_uri={model_dir}", *args, f"output={out}",
           f"hydra.run.dir={tmp_path}/hydra"]
    job = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"}, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    done = 0
    while time.monotonic() < deadline and job.poll() is None:
        if state.is_file():
            try:
                done = json.loads(state.read_text())["rows"]
            except ValueError:  # caught between write and rename: the next poll reads the new one
                pass
            if done >= 6000:
                break
        time.sleep(0.05)
    assert job.poll() is None, f"the job ended before it could be killed: {job.communicate()[1][-2000:]}"
    job.send_signal(signal.SIGKILL)
    job.wait()
    assert not out.exists()  # nothing under the final name until the end
    assert 6000 <= json.loads(state.read_text())["rows"] < 24_000

    proc = label(model_dir, tmp_path, *args, f"output={out}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "resumed after" in proc.stdout, proc.stdout
    assert out.read_bytes() == whole.read_bytes()
    assert (tmp_path / "resumed.jsonl.errors.jsonl").read_bytes() == (tmp_path / "whole.jsonl.errors.jsonl").read_bytes()
    assert not state.parent.exists()

    # a changed input does not resume from a stale partial result
    partial = tmp_path / "again.jsonl.partial"
    partial.mkdir()
    (partial / "state.json").write_text(json.dumps({"key": "something else", "rows": 20_000, "chunks": 40}))
    proc = label(model_dir, tmp_path, *args, f"output={tmp_path / 'again.jsonl'}")
    assert proc.returncode == 0 and "starting over" in proc.stderr and "resumed" not in proc.stdout
    assert (tmp_path / "again.jsonl").read_bytes() == whole.read_bytes()


def test_sigterm_keeps_the_finished_batches(model_dir, statements, tmp_path):
    src = _big_input(statements, tmp_path / "big.jsonl", 24_000)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "stance.label", f"model_uri={model_dir}", f"input={src}", f"output={out}",
           "batch_size=500", f"hydra.run.dir={tmp_path}/hydra"]
    job = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    state = tmp_path / "out.jsonl.partial" / "state.json"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and job.poll() is None and not state.is_file():
        time.sleep(0.05)
    job.send_signal(signal.SIGTERM)
    _, err = job.communicate(timeout=120)
    assert job.returncode == 143, err[-2000:]
    assert "terminated (SIGTERM)" in err and "out.jsonl.partial/" in err and not out.exists()


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_skipping_rows_resumes_at_the_same_row_in_every_format(suffix, statements, tmp_path, monkeypatch):
    """What a rerun does: skip the positions already labelled (across files, Parquet by whole
    batches where it can) and read on from exactly the next row."""
    from stance import archive

    monkeypatch.setattr(archive, "_PARQUET_BATCH", 7)  # skips cross Parquet batch boundaries
    frame = pd.DataFrame(statements[:60])[["id", "text"]]
    folder = tmp_path / "in"
    folder.mkdir()
    for i, part in enumerate((frame.iloc[:25], frame.iloc[25:])):
        path = folder / f"part{i}{suffix}"
        if suffix == ".jsonl":
            write_jsonl(path, part.to_dict(orient="records"))
        elif suffix == ".csv":
            part.to_csv(path, index=False)
        else:
            part.to_parquet(path)
    base, files = archive.input_files(folder)
    assert archive.count_rows(files) == 60
    full = list(archive.iter_rows(base, files, ["text", "id"]))
    assert [r[2]["id"] for r in full] == list(frame["id"])
    for skip in (0, 1, 7, 14, 24, 25, 26, 59, 60):
        assert list(archive.iter_rows(base, files, ["text", "id"], skip=skip)) == full[skip:], skip


def test_a_speaker_model_reads_the_speaker_column(tmp_path, corpus_records):
    from stance.data.inputs import model_inputs
    from stance.models.tfidf import TfidfClassifier

    train, rows = corpus_records["train"][::8], corpus_records["test"][:80]
    model = TfidfClassifier(seed=0).fit(model_inputs(train, "speaker"), {t: [r[t] for r in train] for t in TASKS})
    model.input_mode = "speaker"
    model_dir = model.save(tmp_path / "model")
    write_jsonl(tmp_path / "in.jsonl", [{"text": r["text"], "speaker": r["speaker"]} for r in rows])
    proc = label(model_dir, tmp_path, f"input={tmp_path / 'in.jsonl'}", f"output={tmp_path / 'out.jsonl'}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = read_jsonl(tmp_path / "out.jsonl")
    expected = stance.load(model_dir).predict(model_inputs(rows, "speaker"))
    assert [g["text"] for g in got] == [r["text"] for r in rows]
    assert [g["stance_p_hardline"] for g in got] == pytest.approx([e["stance_p_hardline"] for e in expected])
    plain_text = stance.load(model_dir).predict([r["text"] for r in rows])
    assert [g["stance_p_hardline"] for g in got] != pytest.approx([e["stance_p_hardline"] for e in plain_text])


def test_a_model_with_its_own_label_set_is_labelled_with_its_columns(tmp_path, corpus_records):
    """A one-task model with SemEval labels (``labels=``): the output has that task's columns and
    the confidence over its one task, in statements and articles mode."""
    from stance.labels import LabelSpace
    from stance.models.tfidf import TfidfClassifier

    names = {"conciliatory": "favor", "hardline": "against", "neutral": "none"}
    space = LabelSpace.from_config({"stance": ["favor", "against", "none"]})
    train, rows = corpus_records["train"][::8], corpus_records["test"][:40]
    model = TfidfClassifier(seed=0).fit([r["text"] for r in train], {"stance": [names[r["stance"]] for r in train]},
                                        label_space=space)
    model_dir = model.save(tmp_path / "model")
    write_jsonl(tmp_path / "in.jsonl", [{"text": r["text"]} for r in rows])
    proc = label(model_dir, tmp_path, f"input={tmp_path / 'in.jsonl'}", f"output={tmp_path / 'out.jsonl'}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = read_jsonl(tmp_path / "out.jsonl")
    assert list(got[0]) == ["id", "text", "stance", "stance_p_favor", "stance_p_against", "stance_p_none", "confidence"]
    assert all(g["confidence"] == pytest.approx(g[f"stance_p_{g['stance']}"]) for g in got)
    write_jsonl(tmp_path / "articles.jsonl", [{"id": "a", "text": "– Nie ustąpimy ani o krok – powiedział minister obrony."}])
    proc = label(model_dir, tmp_path, f"input={tmp_path / 'articles.jsonl'}", f"output={tmp_path / 'quotes.jsonl'}",
                 "mode=articles")
    assert proc.returncode == 0, proc.stderr[-3000:]
    (quote,) = read_jsonl(tmp_path / "quotes.jsonl")
    assert "tone" not in quote and quote["stance"] in ("favor", "against", "none")
