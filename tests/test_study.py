"""Studies as configs (python -m stance.study), their reports, the paired comparison of two runs
(stance.compare) and the learning-curve subsample (data.train_fraction): real SQLite stores, real
Hydra composition, tiny real tf-idf training."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import error_lines, run_module, write_jsonl

TINY = ["n_boot=50", "explain.sample=0", "explain.examples=0", "~eval_sets.realistic"]


# -- data.train_fraction ----------------------------------------------------------------
def _train_set(corpus_records, order_seed: int | None = None):
    from stance.data import records_to_dataset

    records = list(corpus_records["train"][:400])
    if order_seed is not None:
        random.Random(order_seed).shuffle(records)
    return records_to_dataset(records)


def test_train_fraction_is_stable_nested_and_seeded(corpus_records):
    from stance.data.inputs import subsample_train
    from stance.errors import ConfigError

    ds = _train_set(corpus_records)
    ids = {f: set(subsample_train(ds, f, seed=3)["id"]) for f in (0.1, 0.25, 0.5)}
    assert [len(ids[f]) for f in (0.1, 0.25, 0.5)] == [40, 100, 200]
    assert ids[0.1] < ids[0.25] < ids[0.5]  # a smaller share is inside a larger one
    assert set(subsample_train(_train_set(corpus_records, order_seed=7), 0.25, seed=3)["id"]) == ids[0.25]  # order-free
    assert set(subsample_train(ds, 0.25, seed=4)["id"]) != ids[0.25]  # another seed, another share
    assert subsample_train(ds, 1.0, seed=3) is ds
    for bad in (0, 1.5, -0.1):
        with pytest.raises(ConfigError, match="train_fraction"):
            subsample_train(ds, bad, seed=0)


# -- stance.compare -------------------------------------------------------------------
@pytest.fixture(scope="module")
def two_runs(tmp_path_factory, corpus_records):
    """Two runs scored on the same statements (tf-idf and majority) and one on other statements."""
    tmp = tmp_path_factory.mktemp("compare")
    uri = f"sqlite:///{tmp / 'mlflow.db'}"
    corpus, other = tmp / "corpus", tmp / "other"
    for split, n in (("train", 200), ("validation", 60), ("test", 60)):
        write_jsonl(corpus / f"{split}.jsonl", corpus_records[split][:n])
        write_jsonl(other / f"{split}.jsonl", corpus_records[split][:n] if split != "test" else corpus_records[split][100:160])
    common = [f"tracking.uri={uri}", "tracking.experiment=cmp", f"hydra.sweep.dir={tmp}/multirun", f"hydra.run.dir={tmp}/run", *TINY]
    proc = run_module("stance.train", "-m", "model=tfidf_logreg,majority", f"data.path={corpus}", *common)
    assert proc.returncode == 0, proc.stderr[-2000:]
    proc = run_module("stance.train", "model=majority", f"data.path={other}", "run_name=other-data", *common)
    assert proc.returncode == 0, proc.stderr[-2000:]
    import mlflow

    client = mlflow.MlflowClient(uri)
    exp = client.get_experiment_by_name("cmp")
    runs = {r.info.run_name: r for r in client.search_runs([exp.experiment_id], "tags.`stance.run_type` = 'train'")}
    return uri, runs


def test_compare_delta_interval_and_identity(two_runs):
    import stance

    uri, runs = two_runs
    a, b = runs["majority-seed0"], runs["tfidf_logreg-seed0"]
    result = stance.compare(a.info.run_id, f"runs:/{b.info.run_id}/model", split="test", tracking_uri=uri)
    assert [t.task for t in result.tasks] == ["stance", "tone"]
    for t in result.tasks:
        logged_a, logged_b = a.data.metrics[f"{t.task}_test_macro_f1"], b.data.metrics[f"{t.task}_test_macro_f1"]
        assert t.macro_f1_a == pytest.approx(logged_a, abs=1e-9) and t.macro_f1_b == pytest.approx(logged_b, abs=1e-9)
        assert t.delta == pytest.approx(logged_b - logged_a, abs=1e-9)
        assert t.ci_low <= t.delta <= t.ci_high and 0.0 <= t.p_value <= 1.0
        assert t.n == int(b.data.metrics[f"{t.task}_test_n"])
    frame = result.to_frame()
    assert list(frame["task"]) == ["stance", "tone"] and "p_value" in frame.columns
    same = stance.compare("tfidf_logreg-seed0", b.info.run_id, tracking_uri=uri, task="tone")  # by unique run name
    assert [(t.task, t.delta, t.ci_low, t.ci_high) for t in same.tasks] == [("tone", 0.0, 0.0, 0.0)]
    import stance.compare as module  # the submodule, once imported, is still the callable API

    assert module(a.info.run_id, a.info.run_id, tracking_uri=uri).tasks[0].delta == 0.0


def test_compare_refuses_other_statements_and_unknown_runs(two_runs):
    from stance.compare import CompareError, compare

    uri, runs = two_runs
    with pytest.raises(CompareError, match="different data"):
        compare(runs["majority-seed0"].info.run_id, runs["other-data"].info.run_id, tracking_uri=uri)
    with pytest.raises(CompareError, match="no run"):
        compare("0" * 32, runs["other-data"].info.run_id, tracking_uri=uri)
    import mlflow

    from stance.compare import load_predictions

    client = mlflow.MlflowClient(uri)
    with pytest.raises(CompareError, match="over the 100-byte limit"):  # artifacts are read bounded
        load_predictions(client, runs["majority-seed0"], "test", max_bytes=100)
    previous = mlflow.get_tracking_uri()
    mlflow.set_tracking_uri(f"sqlite:///{Path(uri[len('sqlite:///'):]).parent / 'elsewhere.db'}")
    try:  # read from the client's store, whatever the process's current one is
        assert len(load_predictions(client, runs["majority-seed0"], "test")) == 60
    finally:
        mlflow.set_tracking_uri(previous)
    with pytest.raises(CompareError, match="no predictions for split 'validation'"):
        compare(runs["majority-seed0"].info.run_id, runs["tfidf_logreg-seed0"].info.run_id, split="validation", tracking_uri=uri)


def test_compare_cli(two_runs):
    uri, runs = two_runs
    a, b = runs["majority-seed0"].info.run_id, runs["tfidf_logreg-seed0"].info.run_id
    proc = run_module("stance.compare", a, b, "--tracking-uri", uri, "--n-boot", "200")
    assert proc.returncode == 0, proc.stderr
    assert "stance" in proc.stdout and "tone" in proc.stdout and "95% CI" in proc.stdout
    bad = run_module("stance.compare", a, "no-such-run", "--tracking-uri", uri)
    assert bad.returncode == 2 and len(error_lines(bad)) == 1 and "no run named 'no-such-run'" in bad.stderr
    bad = run_module("stance.compare", a, b, "--split", "realistic_test", "--tracking-uri", uri)
    assert bad.returncode == 2 and len(error_lines(bad)) == 1 and "no predictions" in bad.stderr


# -- stance.study ---------------------------------------------------------------------------
def _study_conf(tmp_path: Path, corpus: Path, text: str | None = None) -> Path:
    conf = tmp_path / "conf"
    (conf / "experiment").mkdir(parents=True, exist_ok=True)
    common = json.dumps([f"data.path={corpus}", "model.calibration_cv=2", *TINY])
    (conf / "experiment" / "tiny.yaml").write_text(text or f"""# @package _global_
study:
  name: tiny
  description: two families on a small slice
  report: model_comparison
  seeds: [1, 2]
  common: {common}
  arms:
    logreg: {{what: tf-idf logistic regression, overrides: ["model=tfidf_logreg"]}}
    svm: {{what: tf-idf linear SVM, overrides: ["model=tfidf_svm"]}}
tracking:
  experiment: tiny-study
""", encoding="utf-8")
    return conf


def _study(tmp_path, conf, uri, *extra):
    return run_module("stance.study", "experiment=tiny", f"hydra.searchpath=[file://{conf}]", f"tracking.uri={uri}",
                      f"out={tmp_path}/results", f"hydra.run.dir={tmp_path}/study_out", *extra)


def _scores(report: dict) -> dict:
    """The report's figures without the training times (the only figures a rerun may change)."""
    return {arm: {**row, "metrics": {k: v for k, v in row["metrics"].items() if k != "train_seconds"}}
            for arm, row in report["arms"].items()}


@pytest.mark.slow
def test_study_runs_reports_and_resumes(tmp_path, small_corpus, tracking_uri):
    import mlflow

    conf = _study_conf(tmp_path, small_corpus)
    proc = _study(tmp_path, conf, tracking_uri)
    assert proc.returncode == 0, proc.stderr[-3000:]
    folder = tmp_path / "results" / "tiny"
    report = (folder / "report.md").read_text()
    assert "| logreg |" in report and "| svm |" in report and "Paired test between the two best arms" in report
    assert (folder / "test_macro_f1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    first = json.loads((folder / "report.json").read_text())
    assert first["arms"]["logreg"]["seeds"] == [1, 2] and len(first["paired"]) == 4  # 2 seeds x 2 tasks

    client = mlflow.MlflowClient(tracking_uri)
    exp = client.get_experiment_by_name("tiny-study")
    (study_run,) = client.search_runs([exp.experiment_id], "tags.`stance.run_type` = 'study'")
    assert study_run.info.status == "FINISHED"
    logged = {a.path for a in client.list_artifacts(study_run.info.run_id, "report")}
    assert {"report/report.md", "report/report.json", "report/test_macro_f1.png"} <= logged
    sweeps = client.search_runs([exp.experiment_id], f"tags.`mlflow.parentRunId` = '{study_run.info.run_id}'")
    assert len(sweeps) == 2 and {s.data.tags["stance.run_type"] for s in sweeps} == {"sweep"}
    trains = client.search_runs([exp.experiment_id], "tags.`stance.run_type` = 'train'")
    assert len(trains) == 4 and {t.data.tags["mlflow.parentRunId"] for t in trains} == {s.info.run_id for s in sweeps}
    # the paired test's delta is the difference of the two runs' logged test macro-F1
    by_id = {t.info.run_id: t for t in trains}
    p = first["paired"][0]
    runs = first["runs"]
    a_id = runs[p["a"]][first["arms"][p["a"]]["seeds"].index(p["seed"])]
    b_id = runs[p["b"]][first["arms"][p["b"]]["seeds"].index(p["seed"])]
    key = f"{p['task']}_test_macro_f1"
    assert p["delta"] == pytest.approx(by_id[b_id].data.metrics[key] - by_id[a_id].data.metrics[key], abs=1e-6)

    # a lost run (here marked FAILED) is trained again on a rerun, everything else is skipped,
    # and the same seeds give the same numbers
    lost = runs["svm"][1]
    client.set_terminated(lost, status="FAILED")
    again = _study(tmp_path, conf, tracking_uri)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "logreg#0: every seed already FINISHED; skipped" in again.stdout and "svm#0: seeds [2]" in again.stdout
    second = json.loads((folder / "report.json").read_text())
    assert second["runs"]["svm"][1] != lost and second["runs"]["logreg"] == runs["logreg"]
    assert _scores(second) == _scores(first) and second["paired"] == first["paired"]
    assert len(client.search_runs([exp.experiment_id], "tags.`stance.run_type` = 'study'")) == 1  # the same study run, resumed
    assert len(client.search_runs([exp.experiment_id], "tags.`stance.run_type` = 'train'")) == 5


@pytest.mark.parametrize("change, message", [
    ("  colour: blue\n", "study: unknown key(s) colour"),
    ("  arms: {}\n", "study.arms is empty"),
    ('  arms:\n    x: {what: bad, overrides: ["model.C=[1,"]}\n', "study.arms.x.overrides[0]: 'model.C=[1,' is not a valid override"),
    ('  arms:\n    x: {overrides: ["seed=3"]}\n', "sets seed, which the study runner sets itself"),
    ('  arms:\n    x: {overrides: ["model=nosuch"]}\n', "study.arms.x: In 'train': Could not find 'model/nosuch'"),
])
def test_bad_study_file_is_one_line(tmp_path, small_corpus, tracking_uri, change, message):
    body = ("# @package _global_\nstudy:\n  name: tiny\n  report: ablation\n  seeds: [1]\n"
            + ("" if "arms" in change else "  arms:\n    x: {what: ok, overrides: []}\n") + change)
    conf = _study_conf(tmp_path, small_corpus, body)
    proc = _study(tmp_path, conf, tracking_uri)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert len(error_lines(proc)) == 1 and message in proc.stderr, proc.stderr[-2000:]
    assert not (tmp_path / "results").exists()


def test_packaged_studies_parse():
    """Every packaged study composes with Hydra and validates (nothing runs)."""
    from hydra import compose, initialize_config_module

    from stance.config import register_configs
    from stance.study import available_studies, parse_study

    register_configs()
    assert {"model_comparison", "learning_curve", "cross_lingual", "ablations"} <= set(available_studies())
    with initialize_config_module(config_module="stance.conf", version_base="1.3"):
        for name in available_studies():
            study, options = parse_study(compose(config_name="study", overrides=[f"experiment={name}"]))
            assert study.name == name and study.arms and options["tracking"]["experiment"].startswith("study-")
    with initialize_config_module(config_module="stance.conf", version_base="1.3"):
        study, options = parse_study(compose(config_name="study", overrides=["experiment=model_comparison"]))
    assert "transformer_e5" in study.arms and "transformer_e5" not in options["chosen"]  # present, not run by default
    assert len(study.arms["tfidf_svm"].points) == 3


def test_only_takes_a_list_or_one_name():
    """`only=[a,b]` (the form the README shows; `only=a,b` is a Hydra sweep, not a value) and `only=a`."""
    from hydra import compose, initialize_config_module

    from stance.config import register_configs
    from stance.errors import ConfigError
    from stance.study import parse_study

    register_configs()
    with initialize_config_module(config_module="stance.conf", version_base="1.3"):
        listed = compose(config_name="study", overrides=["experiment=model_comparison", "only=[majority,tfidf_svm]"])
        single = compose(config_name="study", overrides=["experiment=model_comparison", "only=transformer_e5"])
        wrong = compose(config_name="study", overrides=["experiment=model_comparison", "only=[majority,nope]"])
    assert parse_study(listed)[1]["chosen"] == ["majority", "tfidf_svm"]
    assert parse_study(single)[1]["chosen"] == ["transformer_e5"]
    with pytest.raises(ConfigError, match="unknown arm"):
        parse_study(wrong)


def test_report_keeps_the_runs_the_study_launched_whatever_their_commit(tracking_uri):
    """A file edited while a study runs tags its later runs `<commit>-dirty`: they are the study's
    own (nested under it) and stay in its report; other commits' runs stay out."""
    import mlflow

    from stance.study import study_runs

    client = mlflow.MlflowClient(tracking_uri)
    exp = client.create_experiment("s")

    def run(commit, parent=None, run_type="train"):
        tags = {"stance.run_type": run_type, "stance.git_commit": commit}
        if parent:
            tags["mlflow.parentRunId"] = parent
        r = client.create_run(exp, tags=tags)
        client.set_terminated(r.info.run_id, "FINISHED")
        return r.info.run_id

    study = run("abc", run_type="study")
    sweep = run("abc", parent=study, run_type="sweep")
    own_dirty = run("abc-dirty", parent=sweep)
    same_commit = run("abc")
    other_commit = run("zzz")
    ids = {r.info.run_id for r in study_runs(client, exp, study, "abc")}
    assert ids == {own_dirty, same_commit}
    assert {r.info.run_id for r in study_runs(client, exp, study, None)} == {own_dirty, same_commit, other_commit}
