"""The command-line contracts, run as a user runs them: subprocesses, real SQLite stores."""

import mlflow
import pandas as pd
import pytest

import stance
from conftest import ROOT, error_lines, run_module, write_jsonl
from stance.labels import output_columns


def client(uri):
    mlflow.set_tracking_uri(uri)
    return mlflow.MlflowClient()


def runs(uri):
    c = client(uri)
    return [r for e in c.search_experiments() for r in c.search_runs([e.experiment_id])]


@pytest.fixture
def trained(small_corpus, tracking_uri, hydra_outputs):
    proc = run_module(
        "stance.train", f"data.path={small_corpus}", f"tracking.uri={tracking_uri}", "register=true",
        "register_alias=champion", "n_boot=100", f"eval_sets.realistic={ROOT / 'data' / 'realistic'}", *hydra_outputs,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def test_train_run_is_fully_tracked(trained, tracking_uri):
    (run,) = runs(tracking_uri)
    assert run.info.status == "FINISHED"
    params, tags, metrics = run.data.params, run.data.tags, run.data.metrics
    assert params["model._target_"] == "stance.models.tfidf.TfidfClassifier"
    assert params["seed"] == "0" and params["data.split_seed"] == "0"
    assert len(tags["stance.git_commit"]) >= 40 and len(tags["stance.data_fingerprint"]) == 16
    assert "register=true" in tags["stance.overrides"]
    for task in ("stance", "tone"):
        for split in ("validation", "test"):
            for name in ("macro_f1", "f_avg", "accuracy", "macro_f1_ci_low", "macro_f1_ci_high", "ece"):
                assert f"{task}_{split}_{name}" in metrics
        assert 0.0 <= metrics[f"{task}_test_macro_f1_ci_low"] <= metrics[f"{task}_test_macro_f1"] <= metrics[f"{task}_test_macro_f1_ci_high"]
        # the realistic set is scored in every run, per half and language
        for half in ("realistic_validation", "realistic_test"):
            for name in ("macro_f1", "macro_f1_ci_low", "pl_macro_f1", "en_macro_f1"):
                assert f"{task}_{half}_{name}" in metrics, (half, name)
    assert len(tags["stance.eval_fingerprint.realistic"]) == 33
    assert tags["stance.pid"].isdigit() and tags["stance.host"]
    assert tags["stance.version"] == stance.__version__
    assert "realistic stance validation / test" in trained.stdout
    c = client(tracking_uri)
    names = {f.path for f in c.list_artifacts(run.info.run_id)} | {
        f.path for d in ("plots", "reports", "predictions", "hydra") for f in c.list_artifacts(run.info.run_id, d)
    }
    for expected in (
        "config.yaml", "plots/confusion_stance_test.png", "plots/confusion_tone_test.png",
        "reports/classification_report_test.txt", "predictions/test_predictions.csv", "hydra/config.yaml", "hydra/overrides.yaml",
        "plots/risk_coverage_test.png", "plots/risk_coverage_realistic_validation.png", "reports/risk_coverage_test.csv",
    ):
        assert expected in names
    assert "explanations/test_examples.html" in {f.path for f in c.list_artifacts(run.info.run_id, "explanations")}
    # the deletion check ran on the test sample: top-attributed words matter more than random ones
    assert metrics["explain_deletion_gain"] == pytest.approx(metrics["explain_deletion_top"] - metrics["explain_deletion_random"])
    assert metrics["explain_deletion_gain"] > 0
    assert "run " in trained.stdout and "registered quote-stance version 1" in trained.stdout
    assert f"experiment 'quote-stance' at {tracking_uri}" in trained.stdout and "outputs in " in trained.stdout
    assert "Add type hints" not in trained.stderr  # MLflow's warning on every run is gone (the predict is typed)


def test_loaded_model_reports_its_training(trained, tracking_uri):
    (run,) = runs(tracking_uri)
    clf = stance.load("models:/quote-stance/1", tracking_uri=tracking_uri)
    info = clf.info
    assert info["run_id"] == run.info.run_id and info["family"] == "tfidf_logreg"
    assert info["data_fingerprint"] == run.data.tags["stance.data_fingerprint"]
    assert info["git_commit"] == run.data.tags["stance.git_commit"]
    assert info["labels"] == {"stance": ["conciliatory", "hardline", "neutral"], "tone": ["positive", "negative", "neutral"]}
    assert info["validation"]["stance_validation_macro_f1"] == pytest.approx(run.data.metrics["stance_validation_macro_f1"], abs=1e-4)
    assert "stance_realistic_validation_macro_f1" in info["validation"]
    assert clf.input_mode == "text" and info["n_train"] == 240


def test_model_loads_by_every_uri_form(trained, tracking_uri):
    c = client(tracking_uri)
    version = c.get_model_version("quote-stance", "1")
    (run,) = runs(tracking_uri)
    uris = ["models:/quote-stance/1", "models:/quote-stance@champion", "models:/quote-stance/latest", version.source, f"runs:/{run.info.run_id}/model"]
    answers = [stance.load(u, tracking_uri=tracking_uri).predict(["Nie oddamy ani metra naszej ziemi."]) for u in uris]
    assert all(a == answers[0] for a in answers)
    assert set(answers[0][0]) == set(output_columns())
    pyfunc = mlflow.pyfunc.load_model("models:/quote-stance/1")
    out = pyfunc.predict(pd.DataFrame({"text": ["Rozmowy były konstruktywne.", "Nie oddamy ani metra."]}))
    assert list(out.columns) == output_columns() and len(out) == 2
    # the pyfunc keeps the input's row order and index, and refuses what its signature does not name
    framed = pd.DataFrame({"text": ["Nie oddamy ani metra.", "Rozmowy były konstruktywne."]}, index=[7, 3])
    assert list(pyfunc.predict(framed).index) == [7, 3]
    for bad in (["Rozmowy były konstruktywne."], "Rozmowy były konstruktywne.", pd.DataFrame({"tekst": ["x"]})):
        with pytest.raises(mlflow.exceptions.MlflowException, match="text"):
            pyfunc.predict(bad)
    local = mlflow.artifacts.download_artifacts("models:/quote-stance/1")
    assert stance.load(local).predict("Rozmowy były konstruktywne.")["stance"] == pyfunc.predict(pd.DataFrame({"text": ["Rozmowy były konstruktywne."]})).iloc[0]["stance"]


def test_evaluate_any_labelled_file(trained, tracking_uri, small_corpus, hydra_outputs):
    proc = run_module("stance.evaluate", "model_uri=models:/quote-stance/latest", f"data.path={small_corpus / 'test.jsonl'}", f"tracking.uri={tracking_uri}", "n_boot=100", *hydra_outputs)
    assert proc.returncode == 0, proc.stderr[-3000:]
    ev = [r for r in runs(tracking_uri) if r.data.tags.get("stance.run_type") == "evaluate"]
    assert len(ev) == 1 and ev[0].info.status == "FINISHED"
    assert "stance_eval_macro_f1" in ev[0].data.metrics and "tone_eval_f_avg" in ev[0].data.metrics
    assert ev[0].data.tags["stance.model_uri"] == "models:/quote-stance/latest"


def test_same_config_and_seed_same_numbers(small_corpus, tmp_path, hydra_outputs):
    results = []
    for i in range(2):
        uri = f"sqlite:///{tmp_path / f'repro{i}.db'}"
        proc = run_module("stance.train", "model=tfidf_svm", "seed=4", f"data.path={small_corpus}", f"tracking.uri={uri}", "n_boot=50", *hydra_outputs)
        assert proc.returncode == 0, proc.stderr[-2000:]
        (run,) = runs(uri)
        results.append({k: v for k, v in run.data.metrics.items() if not any(s in k for s in ("seconds", "per_second", "peak_rss"))})
    assert results[0] == results[1]


def test_multirun_parent_and_children_with_parallel_jobs(small_corpus, tracking_uri, hydra_outputs):
    proc = run_module(
        "stance.train", "-m", "model=majority,tfidf_logreg", "seed=1,2", f"data.path={small_corpus}", f"tracking.uri={tracking_uri}",
        "n_boot=50", "hydra/launcher=joblib", "hydra.launcher.n_jobs=2", *hydra_outputs,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    all_runs = runs(tracking_uri)
    parents = [r for r in all_runs if r.data.tags.get("stance.run_type") == "sweep"]
    children = [r for r in all_runs if r.data.tags.get("stance.run_type") == "train"]
    assert len(parents) == 1 and parents[0].info.status == "FINISHED"
    assert len(children) == 4 and all(r.info.status == "FINISHED" for r in children)
    assert {r.data.tags["mlflow.parentRunId"] for r in children} == {parents[0].info.run_id}
    assert sorted(r.data.tags["stance.job_num"] for r in children) == ["0", "1", "2", "3"]
    assert sorted(r.info.run_name for r in children) == ["majority-seed1", "majority-seed2", "tfidf_logreg-seed1", "tfidf_logreg-seed2"]


def test_sweep_runs_are_named_by_what_varies(small_corpus, tracking_uri, hydra_outputs):
    proc = run_module("stance.train", "-m", "model.C=1,5", "seed=0", f"data.path={small_corpus}", f"tracking.uri={tracking_uri}",
                      "n_boot=20", "explain.sample=0", *hydra_outputs)
    assert proc.returncode == 0, proc.stderr[-3000:]
    children = [r for r in runs(tracking_uri) if r.data.tags.get("stance.run_type") == "train"]
    assert sorted(r.info.run_name for r in children) == ["tfidf_logreg-C1-seed0", "tfidf_logreg-C5-seed0"]
    assert proc.stdout.count("sweep parent run ") == 2


# -- bad input: one line, non-zero exit, nothing half-written -------------------------
def assert_clean_failure(proc, tracking_uri, fragment):
    assert proc.returncode != 0
    lines = error_lines(proc)
    assert len(lines) == 1 and fragment in lines[0], proc.stderr[-2000:]
    assert all(r.info.status != "RUNNING" for r in runs(tracking_uri))
    assert not client(tracking_uri).search_registered_models()


@pytest.mark.parametrize(
    "override, fragment",
    [
        ("data.path=/nonexistent/statements.jsonl", "no such file or folder"),
        ("data.path={bad_label}", "unknown stance label 'furious'; allowed: conciliatory, hardline, neutral; to learn other labels set labels="),
        ("data.path={empty}", "no statements in file"),
        ("tracking.uri=http://127.0.0.1:9", "tracking server http://127.0.0.1:9 is unreachable"),
        ("model.C=abc", "model config"),
    ],
)
def test_bad_input_fails_cleanly(override, fragment, tmp_path, tracking_uri, hydra_outputs):
    good = {"text": "Rozmowy trwały dwie godziny.", "speaker": "rzecznik", "lang": "pl", "kind": "direct", "stance": "neutral", "tone": "neutral"}
    bad_label = write_jsonl(tmp_path / "bad.jsonl", [good, good | {"text": "x", "stance": "furious"}])
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    override = override.format(bad_label=bad_label, empty=empty)
    args = [override, "register=true", *hydra_outputs] + ([f"tracking.uri={tracking_uri}"] if not override.startswith("tracking") else [])
    proc = run_module("stance.train", *args)
    assert_clean_failure(proc, tracking_uri, fragment)


def test_unknown_option_or_wrong_type_fails_before_any_work(tracking_uri, hydra_outputs):
    for override, fragment in (("model=nosuchmodel", "Could not find 'model/nosuchmodel'"), ("seed=abc", "could not be converted to Integer")):
        proc = run_module("stance.train", override, f"tracking.uri={tracking_uri}", *hydra_outputs)
        assert proc.returncode != 0 and fragment in proc.stderr, proc.stderr[-2000:]
    assert runs(tracking_uri) == []


def test_evaluate_unknown_model_uri(tracking_uri, small_corpus, hydra_outputs):
    proc = run_module("stance.evaluate", "model_uri=models:/no-such-model/3", f"data.path={small_corpus}", f"tracking.uri={tracking_uri}", *hydra_outputs)
    assert_clean_failure(proc, tracking_uri, "model models:/no-such-model/3 not found")


def test_a_job_that_raises_ends_its_run_failed(small_corpus, tracking_uri, hydra_outputs):
    # min_df larger than the corpus: scikit-learn raises inside fit, after the run started
    proc = run_module("stance.train", "model.min_df=100000", f"data.path={small_corpus}", f"tracking.uri={tracking_uri}", "register=true", *hydra_outputs)
    assert proc.returncode != 0
    (run,) = runs(tracking_uri)
    assert run.info.status == "FAILED" and "ValueError" in run.data.tags["stance.error"]
    assert not client(tracking_uri).search_registered_models()


# -- study options: what the model reads, which languages it learns from --------------
def test_speaker_input_and_cross_lingual_training(small_corpus, tracking_uri, hydra_outputs, corpus_records):
    proc = run_module(
        "stance.train", "data.input=speaker", "data.train_languages=[pl]", f"data.path={small_corpus}",
        f"tracking.uri={tracking_uri}", "n_boot=50", *hydra_outputs,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    (run,) = runs(tracking_uri)
    m = run.data.metrics
    assert run.data.tags["stance.input"] == "speaker"
    assert m["n_train"] == 120 and m["n_validation"] == 30
    assert m["n_test"] == 60 and "stance_test_en_macro_f1" in m  # the test split keeps every language
    assert m["peak_rss_mb"] > 50 and m["model_size_mb"] > 0
    preds = mlflow.artifacts.load_text(f"runs:/{run.info.run_id}/predictions/test_predictions.csv")
    assert " | " in preds.splitlines()[1]  # the model read "speaker | statement"


def test_unknown_input_mode_fails_before_a_run(small_corpus, tracking_uri, hydra_outputs):
    proc = run_module("stance.train", "data.input=everything", f"data.path={small_corpus}", f"tracking.uri={tracking_uri}", *hydra_outputs)
    assert proc.returncode == 2 and "data.input='everything' is unknown" in error_lines(proc)[0]
    assert runs(tracking_uri) == []


def test_runs_from_python(trained, tracking_uri, tmp_path):
    df = stance.runs(tracking_uri=tracking_uri)
    assert len(df) == 1 and df.loc[0, "status"] == "FINISHED" and df.loc[0, "family"] == "tfidf_logreg"
    assert 0 < df.loc[0, "stance_test_macro_f1"] <= 1 and 0 < df.loc[0, "tone_realistic_test_macro_f1"] <= 1
    assert stance.load(df.loc[0, "model_uri"], tracking_uri=tracking_uri).predict("Rozmowy były konstruktywne.")
    missing = tmp_path / "elsewhere" / "mlflow.db"
    assert stance.runs(tracking_uri=f"sqlite:///{missing}").empty and not missing.parent.exists()
