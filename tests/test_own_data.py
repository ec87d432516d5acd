"""Training and evaluating on a team's own annotations: every file format, a column mapping, other
label sets, partial labels, and the errors bad files get. Real files, real Hydra composition, real
SQLite MLflow stores, tiny real training (tf-idf)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import mlflow
import pandas as pd
import pytest

from conftest import ROOT, write_jsonl
from stance.data import load_corpus, read_records
from stance.data.io import read_spec
from stance.errors import ConfigError, DataError
from stance.labels import LabelSpace

# The corpus's own statements relabelled with SemEval's stance scheme (a renaming of real labels).
SEMEVAL = {"conciliatory": "favor", "hardline": "against", "neutral": "none"}
SPACE = {"stance": {"labels": ["favor", "against", "none"], "polar": ["favor", "against"]}}
OUTPUT = ["stance", "stance_p_favor", "stance_p_against", "stance_p_none"]


@pytest.fixture(scope="module")
def own_rows(corpus_records) -> list[dict]:
    """160 statements as an annotation tool might export them: own column names, one task, no lang."""
    recs = corpus_records["train"][::20][:160]
    return [{"nr": f"s{i}", "tekst": r["text"], "postawa": SEMEVAL[r["stance"]], "mowca": r["speaker"]} for i, r in enumerate(recs)]


def write_rows(rows: list[dict], fmt: str, folder) -> "os.PathLike":
    """``rows`` written in format ``fmt`` under ``folder``; returns the path to give data.path."""
    folder.mkdir(parents=True, exist_ok=True)
    frame = pd.DataFrame(rows)
    if fmt == "csv":
        path = folder / "ours.csv"
        frame.to_csv(path, index=False)
    elif fmt == "tsv":
        path = folder / "ours.tsv"
        frame.to_csv(path, index=False, sep="\t")
    elif fmt == "parquet":
        path = folder / "ours.parquet"
        frame.to_parquet(path, index=False)
    elif fmt == "jsonl":
        path = write_jsonl(folder / "ours.jsonl", [{k: v for k, v in r.items() if v is not None} for r in rows])
    else:
        import datasets

        path = folder / "saved"
        datasets.Dataset.from_pandas(frame, preserve_index=False).save_to_disk(str(path))
    return path


def compose(name: str, overrides: list[str]):
    from hydra import compose as hydra_compose
    from hydra import initialize_config_dir

    from stance.config import register_configs

    register_configs()
    with initialize_config_dir(config_dir=str(ROOT / "stance" / "conf"), version_base="1.3"):
        return hydra_compose(config_name=name, overrides=overrides)


MAPPED = ["data.columns.text=tekst", "data.columns.stance=postawa", "data.columns.speaker=mowca", "data.columns.id=nr"]
SEMEVAL_LABELS = "labels={stance:{labels:[favor,against,none],polar:[favor,against]}}"


def train_in_process(path, tracking_uri, *extra):
    from stance.train import train

    cfg = compose("train", [f"data.path={path}", f"tracking.uri={tracking_uri}", "~eval_sets.realistic", "n_boot=20", *extra])
    metrics = train(cfg)
    (run,) = mlflow.MlflowClient(tracking_uri).search_runs(
        [mlflow.MlflowClient(tracking_uri).get_experiment_by_name("quote-stance").experiment_id], max_results=1)
    return metrics, run


@pytest.mark.parametrize("fmt", ["csv", "tsv", "parquet", "jsonl", "hf"])
def test_each_format_trains_loads_and_serves_with_its_own_labels(fmt, own_rows, tmp_path, tracking_uri):
    import stance

    path = write_rows(own_rows, fmt, tmp_path / "data")
    metrics, run = train_in_process(path, tracking_uri, *MAPPED, SEMEVAL_LABELS)
    # one task, SemEval's labels: stance metrics per label, no tone anywhere
    for name in ("macro_f1", "f_avg", "f1_favor", "f1_against", "f1_none", "ece", "n"):
        assert f"stance_test_{name}" in metrics
    assert not any(k.startswith("tone_") for k in metrics)
    assert json.loads(run.data.tags["stance.labels"]) == {"stance": ["favor", "against", "none"]}
    assert int(run.data.tags["stance.lang_detected"]) == metrics["n_train"] + metrics["n_validation"] + metrics["n_test"]
    # F_avg is over the polar labels only
    assert metrics["stance_test_f_avg"] == pytest.approx((metrics["stance_test_f1_favor"] + metrics["stance_test_f1_against"]) / 2)
    uri = f"runs:/{run.info.run_id}/model"
    model = stance.load(uri, tracking_uri=tracking_uri)
    assert model.label_space == LabelSpace.from_config(SPACE)
    one = model.predict("Nie oddamy ani metra naszej ziemi.")
    assert list(one) == OUTPUT and one["stance"] in SEMEVAL.values()
    served = mlflow.pyfunc.load_model(uri).predict(pd.DataFrame({"text": ["Rozmowy były konstruktywne.", "We will not give in."]}))
    assert list(served.columns) == OUTPUT and len(served) == 2
    artifacts = {f.path for f in mlflow.MlflowClient(tracking_uri).list_artifacts(run.info.run_id, "plots")}
    assert "plots/confusion_stance_test.png" in artifacts and "plots/confusion_tone_test.png" not in artifacts


def test_saved_split_dataset_is_used_as_its_splits(own_rows, tmp_path):
    import datasets

    frame = pd.DataFrame(own_rows)
    parts = {"train": frame.iloc[:100], "validation": frame.iloc[100:130], "test": frame.iloc[130:]}
    datasets.DatasetDict({s: datasets.Dataset.from_pandas(f, preserve_index=False) for s, f in parts.items()}).save_to_disk(str(tmp_path / "dd"))
    spec = read_spec({"text": "tekst", "stance": "postawa", "id": "nr"}, LabelSpace.from_config(SPACE), training=True)
    corpus = load_corpus(tmp_path / "dd", spec=spec)
    assert corpus.fixed_splits and {s: len(d) for s, d in corpus.splits.items()} == {"train": 100, "validation": 30, "test": 30}
    assert corpus.splits["test"].features["stance"].names == ["favor", "against", "none"]
    # a saved ClassLabel column reads as its label names
    labelled = datasets.Dataset.from_dict({"text": ["a b c", "d e f"], "stance": [0, 1]},
                                          features=datasets.Features({"text": datasets.Value("string"),
                                                                      "stance": datasets.ClassLabel(names=["favor", "against"])}))
    labelled.save_to_disk(str(tmp_path / "cl"))
    recs = read_records(tmp_path / "cl", spec=read_spec(None, LabelSpace.from_config({"stance": ["favor", "against"]})))
    assert [r["stance"] for r in recs] == ["favor", "against"]


def test_partial_labels_train_each_task_on_its_rows(corpus_records, tmp_path, tracking_uri):
    """Rows with a stance label and no tone label (and the reverse) train and count for that task only."""
    rows = []
    for i, r in enumerate(corpus_records["train"][::15][:240]):
        row = {"text": r["text"], "stance": r["stance"], "tone": r["tone"]}
        if i % 3 == 1:
            row["tone"] = ""  # stance only
        elif i % 3 == 2:
            row["stance"] = ""  # tone only
        rows.append(row)
    path = write_rows(rows, "csv", tmp_path / "data")
    metrics, run = train_in_process(path, tracking_uri)
    for task in ("stance", "tone"):
        assert 0 < metrics[f"{task}_test_n"] < metrics["n_test"]
    assert metrics["stance_test_n"] + metrics["tone_test_n"] >= metrics["n_test"]
    preds = pd.read_csv(mlflow.artifacts.download_artifacts(run_id=run.info.run_id, artifact_path="predictions/test_predictions.csv",
                                                           tracking_uri=tracking_uri))
    assert preds["gold_tone"].isna().sum() == metrics["n_test"] - metrics["tone_test_n"]
    # the families select each task's rows: the same fit as on the labelled rows alone
    from stance.models.majority import MajorityClassifier

    texts = ["a b", "c d", "e f", "g h"]
    m = MajorityClassifier().fit(texts, {"stance": ["hardline", None, "neutral", "hardline"], "tone": [None, "positive", "negative", "negative"]})
    assert m.priors_["stance"] == pytest.approx([0, 2 / 3, 1 / 3]) and m.priors_["tone"] == pytest.approx([1 / 3, 2 / 3, 0])


def test_tfidf_partial_labels_equal_training_on_the_labelled_rows(corpus_records):
    from stance.models.tfidf import TfidfClassifier

    recs = corpus_records["train"][::25][:120]
    texts = [r["text"] for r in recs]
    stance = [r["stance"] if i % 2 else None for i, r in enumerate(recs)]
    partial = TfidfClassifier(seed=0).fit(texts, {"stance": stance}, label_space={"stance": ["conciliatory", "hardline", "neutral"]})
    head = partial.heads_["stance"]
    assert head.n_features_in_ == partial.features_.transform(texts[:1]).shape[1]
    rows = [i for i, s in enumerate(stance) if s is not None]
    assert len(head.coef_) == 3
    # the head saw exactly the labelled rows: refitting on them with the same features gives the same coefficients
    import numpy as np

    again = partial._make_head().fit(partial.features_.transform(partial._prepare([texts[i] for i in rows])),
                                     np.array([["conciliatory", "hardline", "neutral"].index(stance[i]) for i in rows]))
    np.testing.assert_allclose(again.coef_, head.coef_)


def test_evaluate_with_a_mapping_and_unknown_labels(own_rows, tmp_path, tracking_uri):
    from stance.evaluate import evaluate

    path = write_rows(own_rows, "csv", tmp_path / "data")
    _, run = train_in_process(path, tracking_uri, *MAPPED, SEMEVAL_LABELS)
    theirs = [{"tresc": r["tekst"], "label": r["postawa"]} for r in own_rows[:40]]
    other = write_rows(theirs, "tsv", tmp_path / "theirs")
    cfg = compose("evaluate", [f"model_uri=runs:/{run.info.run_id}/model", f"data.path={other}", f"tracking.uri={tracking_uri}",
                               "data.columns.text=tresc", "data.columns.stance=label", "n_boot=20"])
    metrics = evaluate(cfg)
    assert metrics["stance_eval_n"] == 40 and 0 <= metrics["stance_eval_macro_f1"] <= 1
    # labels the model does not know are named
    bad = write_rows([dict(r, label="conciliatory") if i == 3 else r for i, r in enumerate(theirs)], "tsv", tmp_path / "bad")
    cfg = compose("evaluate", [f"model_uri=runs:/{run.info.run_id}/model", f"data.path={bad}", f"tracking.uri={tracking_uri}",
                               "data.columns.text=tresc", "data.columns.stance=label"])
    with pytest.raises(DataError, match=r"ours.tsv:5: column 'label' \(data.columns.stance\) has unknown stance label 'conciliatory'; "
                                        r"allowed: favor, against, none; the model runs:/\w+/model was trained on these labels only"):
        evaluate(cfg)


def _csv(tmp_path, text: str, name="ours.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _train_spec(columns=None, labels=None):
    return read_spec(columns, LabelSpace.from_config(labels), training=True)


@pytest.mark.parametrize(
    "content, columns, labels, expected",
    [
        ("tekst,postawa\nRozmowy trwają.,favor\nNie ustąpimy.,maybe\n", {"text": "tekst", "stance": "postawa"}, SPACE,
         r"ours.csv:3: column 'postawa' \(data.columns.stance\) has unknown stance label 'maybe'; allowed: favor, against, none; "
         r"to learn other labels set labels=\{stance:\[...\]\}"),
        ("tekst,postawa\nRozmowy trwają.,favor\n", {"text": "tresc", "stance": "postawa"}, SPACE,
         r"ours.csv: no column 'tresc' \(data.columns.text\); the columns are 'tekst', 'postawa'"),
        ("body,stance\nRozmowy trwają.,favor\n", None, SPACE,
         r"ours.csv: no column 'text'; the columns are 'body', 'stance' \(map yours with data.columns.<field>=<column>\)"),
        ("text,stance\nRozmowy trwają.,conciliatory\n", None, None,
         r"ours.csv: no column 'tone' for task 'tone'; the columns are 'text', 'stance' .*or learn fewer tasks with labels="),
        ("tekst,postawa\nRozmowy trwają.,favor\n\"  \",against\n", {"text": "tekst", "stance": "postawa"}, SPACE,
         r"ours.csv:3: column 'tekst' \(data.columns.text\) is empty"),
        ("id,text,stance\n1,Rozmowy trwają.,favor\n1,Nie ustąpimy.,against\n", None, SPACE,
         r"ours.csv:3: duplicate id '1' \(first at .*ours.csv:2\)"),
        ("text,stance,tone\nRozmowy trwają.,conciliatory,\nNie ustąpimy.,hardline,\n", None, None,
         r"ours.csv: column 'tone' \(tone\) is empty in every row; fill it, or leave the task out with labels="),
        ("text,stance\nRozmowy trwają.,favor\nNie ustąpimy.,favor\n", None, SPACE,
         r"ours.csv: stance has a single label \(favor\) in 2 labelled rows; a classifier needs at least two stance labels"),
        ("text,stance\nRozmowy trwają.,\nNie ustąpimy.,against\n", None, SPACE,
         r"ours.csv:2: no label in 'stance'; every statement needs the label of at least one task"),
    ],
)
def test_bad_files_get_one_line_naming_file_row_and_column(tmp_path, content, columns, labels, expected):
    with pytest.raises(DataError) as err:
        read_records(_csv(tmp_path, content), spec=_train_spec(columns, labels))
    assert re.search(expected, str(err.value)), str(err.value)
    assert "\n" not in str(err.value)


def test_bad_config_values_are_config_errors():
    for labels, message in [({"stance": ["favor"]}, "at least two labels"), ({"stance": ["fa vor", "x"]}, "not plain words"),
                            ({"stance": {"labels": ["a", "b"], "polar": ["c"]}}, "polar labels"), ({"text": ["a", "b"]}, "cannot name a task")]:
        with pytest.raises(ConfigError, match=message):
            LabelSpace.from_config(labels)
    with pytest.raises(ConfigError, match="data.columns.texts: unknown field"):
        read_spec({"texts": "tekst"})
    with pytest.raises(ConfigError, match=r"maps column\(s\) \['a'\] to two fields"):
        read_spec({"text": "a", "speaker": "a"})


def test_old_models_load_with_the_codebook_labels_and_bad_label_sets_are_refused(corpus_records, tmp_path):
    from stance.models import load_model
    from stance.models.tfidf import TfidfClassifier
    from stance.safety import UnsafeModelError

    recs = corpus_records["train"][::40][:80]
    saved = TfidfClassifier(seed=0).fit([r["text"] for r in recs], {t: [r[t] for r in recs] for t in ("stance", "tone")}).save(tmp_path / "m")
    meta = json.loads((saved / "stance_model.json").read_text())
    del meta["polar"]  # a model saved before label sets were configurable
    (saved / "stance_model.json").write_text(json.dumps(meta))
    old = load_model(saved)
    assert old.label_space == LabelSpace.default()
    for bad in ({"stance": [{"_target_": "os.system"}, "b"]}, {"stance": "favor"}, ["stance"]):
        (saved / "stance_model.json").write_text(json.dumps(meta | {"labels": bad}))
        with pytest.raises(UnsafeModelError, match="stance_model.json"):
            load_model(saved)


def test_stats_work_on_any_labelled_file(corpus_records, tmp_path, capsys):
    from stance.data.stats import main

    recs = corpus_records["train"][::30][:120]
    rows = [{"tekst": r["text"], "postawa": "" if i % 4 == 0 else r["stance"], "ton": r["tone"] if i % 4 == 0 else ""}
            for i, r in enumerate(recs)]
    path = write_rows(rows, "csv", tmp_path / "data")
    assert main(["--path", str(path), "--column", "text=tekst", "--column", "stance=postawa", "--column", "tone=ton"]) == 0
    out = capsys.readouterr().out
    assert "**Stance**" in out and "| (no label) | 30 | 30 |" in out and "| (no label) | 90 | 90 |" in out
    assert "**Stance × tone (all splits)**" in out and "**Kind**" not in out
    assert f"language detected for {len(rows)}" in out
    with pytest.raises(SystemExit):  # a label outside the given sets names the option that allows it
        main(["--path", str(path), "--column", "text=tekst", "--column", "stance=postawa", "--column", "tone=ton",
              "--labels", "stance=conciliatory,hardline", "--labels", "tone=positive,negative,neutral"])
    assert "unknown stance label 'neutral'; allowed: conciliatory, hardline; name the task's labels with --labels stance=" in capsys.readouterr().err


def test_readme_own_data_example_runs_as_written(tmp_path):
    """The README's "Your own data" commands, run verbatim in an empty folder."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- own-data:begin -->\s*```bash\n(.*?)```\s*<!-- own-data:end -->", readme, re.S).group(1)
    csv_lines = re.search(r"<<'EOF'\n(.*?)\nEOF", block, re.S).group(1).splitlines()
    assert len(csv_lines) == 10  # the promised 10-line CSV
    env = {**os.environ, "MLFLOW_TRACKING_URI": f"sqlite:///{tmp_path / 'mlflow.db'}", "PYTHONPATH": str(ROOT),
           "PATH": f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "stance validation / test macro-F1" in proc.stdout and "stance macro-F1" in proc.stdout
    assert "'stance_p_favor'" in proc.stdout


def test_spreadsheet_csv_with_byte_order_mark_and_quoted_newlines(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufefftekst;x,postawa\n\"Rozmowy trwają,\nale powoli.\",favor\n\"We will not move.\",against\n".replace(";x", "").encode("utf-8"))
    recs = read_records(path, spec=read_spec({"text": "tekst", "stance": "postawa"}, LabelSpace.from_config(SPACE)))
    assert [r["text"] for r in recs] == ["Rozmowy trwają,\nale powoli.", "We will not move."]
    assert [r["stance"] for r in recs] == ["favor", "against"] and [r["lang"] for r in recs] == ["pl", "en"]
