"""What a researcher meets in the MLflow UI: experiments marked as model training, the splits as
dataset inputs (the runs table's Dataset column), system metrics for the long families, no
type-hint warning from the pyfunc model; and, where a headless browser is installed, the UI
itself opening on the runs table (experiments/ui_screenshots.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, read_jsonl, run_module, write_jsonl

KIND = "mlflow.experimentKind"


def test_experiments_are_marked_model_training_and_a_users_kind_is_kept(tracking_uri):
    import mlflow

    from stance import tracking

    tracking.connect(tracking_uri)
    client = mlflow.MlflowClient(tracking_uri)
    new = tracking.experiment_id("fresh")
    old = client.create_experiment("made-before")  # an experiment from before this version: no kind
    guessed = client.create_experiment("opened-in-ui", tags={KIND: "genai_development_inferred"})
    mine = client.create_experiment("chosen", tags={KIND: "genai_development"})
    for name in ("made-before", "opened-in-ui", "chosen"):
        tracking.experiment_id(name)
    kinds = {e: client.get_experiment(e).tags.get(KIND) for e in (new, old, guessed, mine)}
    assert kinds == {new: "custom_model_development", old: "custom_model_development",
                     guessed: "custom_model_development", mine: "genai_development"}
    assert tracking.ui_url("http://127.0.0.1:5000/", new).endswith(f"/#/experiments/{new}/runs?workflowType=machine_learning")


@pytest.fixture
def eval_set(tmp_path, corpus_records) -> Path:
    """A small evaluation set folder (validation.jsonl, test.jsonl), scored as eval_sets.tiny."""
    folder = tmp_path / "tiny"
    write_jsonl(folder / "validation.jsonl", corpus_records["validation"][-30:])
    write_jsonl(folder / "test.jsonl", corpus_records["test"][-24:])
    return folder


def _train(small_corpus, tracking_uri, hydra_outputs, *extra):
    proc = run_module("stance.train", "model=tfidf_logreg", f"data.path={small_corpus}", f"tracking.uri={tracking_uri}",
                      "n_boot=20", "explain.sample=0", *hydra_outputs, *extra)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def _only_run(tracking_uri):
    import mlflow

    client = mlflow.MlflowClient(tracking_uri)
    exp = client.get_experiment_by_name("quote-stance")
    (run,) = client.search_runs([exp.experiment_id])
    return client, exp, run


@pytest.mark.slow
def test_training_logs_dataset_inputs_and_forced_system_metrics(small_corpus, eval_set, tracking_uri, hydra_outputs):
    from stance.data import fingerprint

    proc = _train(small_corpus, tracking_uri, hydra_outputs, "~eval_sets.realistic", f"+eval_sets.tiny={eval_set}",
                  "tracking.system_metrics=true", "tracking.system_metrics_interval=0.2")
    # the pyfunc predict is typed: MLflow has nothing to warn about
    assert "type hint" not in proc.stderr.lower(), proc.stderr[-2000:]
    assert "can be interpreted in multiple ways" not in proc.stderr
    client, exp, run = _only_run(tracking_uri)
    assert exp.tags[KIND] == "custom_model_development"
    inputs = {i.dataset.name: (i.dataset, {t.key: t.value for t in i.tags}) for i in run.inputs.dataset_inputs}
    files = {"corpus-train": small_corpus / "train.jsonl", "corpus-validation": small_corpus / "validation.jsonl",
             "corpus-test": small_corpus / "test.jsonl", "tiny-validation": eval_set / "validation.jsonl",
             "tiny-test": eval_set / "test.jsonl"}
    assert set(inputs) == set(files)
    contexts = {name: tags["mlflow.data.context"] for name, (_, tags) in inputs.items()}
    assert contexts == {"corpus-train": "train", "corpus-validation": "validation", "corpus-test": "test",
                        "tiny-validation": "tiny_validation", "tiny-test": "tiny_test"}
    for name, file in files.items():
        dataset = inputs[name][0]
        assert dataset.digest == fingerprint(file), name  # the fingerprint the run's tags carry
        assert str(file) in dataset.source and f'"num_rows": {len(read_jsonl(file))}' in dataset.profile
    assert run.data.tags["stance.eval_fingerprint.tiny"] == f"{inputs['tiny-validation'][0].digest}/{inputs['tiny-test'][0].digest}"
    history = client.get_metric_history(run.info.run_id, "system/cpu_utilization_percentage")
    assert len(history) >= 2 and {"system/system_memory_usage_megabytes", "system/disk_usage_percentage"} <= set(run.data.metrics)


@pytest.mark.slow
def test_tfidf_has_no_system_metrics_under_auto_and_a_cut_split_has_its_own_digest(small_corpus, tracking_uri, hydra_outputs):
    _train(small_corpus, tracking_uri, hydra_outputs, "data.limit=50", "tracking.system_metrics_interval=0.2")
    from stance.data import fingerprint

    _, _, run = _only_run(tracking_uri)
    assert not [k for k in run.data.metrics if k.startswith("system/")]
    digests = {i.dataset.name: i.dataset.digest for i in run.inputs.dataset_inputs}
    assert set(digests) == {"corpus-train", "corpus-validation", "corpus-test"}
    # data.limit=50 uses part of each file: not the file's fingerprint, and each split its own
    assert fingerprint(small_corpus / "train.jsonl") != digests["corpus-train"]
    assert len(set(digests.values())) == 3


def _compose(overrides):
    from hydra import compose, initialize_config_module

    from stance.config import register_configs

    register_configs()
    with initialize_config_module(config_module="stance.conf", version_base="1.3"):
        return compose(config_name="train", overrides=overrides)


@pytest.mark.parametrize("overrides, expected", [
    (["model=tfidf_logreg"], False),
    (["model=majority"], False),
    (["model=transformer"], True),
    (["model=encoder_head"], True),
    (["model=ensemble"], True),  # tf-idf with encoder_head
    (["model=ensemble", "~model.members.encoder_head"], False),  # tf-idf alone
    (["model=tfidf_svm", "tracking.system_metrics=true"], True),
    (["model=transformer", "tracking.system_metrics=false"], False),
])
def test_system_metrics_auto_follows_the_family(overrides, expected):
    from stance.train import wants_system_metrics

    assert wants_system_metrics(_compose(overrides)) is expected


def test_a_bad_system_metrics_setting_is_one_line():
    from stance.errors import ConfigError
    from stance.train import wants_system_metrics

    with pytest.raises(ConfigError, match=r"tracking.system_metrics='sometimes' is not one of auto, true, false"):
        wants_system_metrics(_compose(["tracking.system_metrics=sometimes"]))


def _browser_missing() -> str | None:
    """Why the headless-browser check cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[ui]')"
    if not (shutil.which("chromium") or shutil.which("chromium-browser")) or not shutil.which("chromedriver"):
        return "no chromium/chromedriver on PATH (make ui-browser installs them)"
    return None


@pytest.mark.slow
@pytest.mark.skipif(_browser_missing() is not None, reason=str(_browser_missing()))
def test_the_ui_opens_on_the_runs_table_with_datasets(small_corpus, tracking_uri, hydra_outputs, tmp_path):
    _train(small_corpus, tracking_uri, hydra_outputs, "~eval_sets.realistic")
    proc = run_module_script("experiments/ui_screenshots.py", "--store", tracking_uri, "--check-only")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    assert "runs table shown" in proc.stdout


def run_module_script(script: str, *args: str):
    import subprocess

    return subprocess.run([sys.executable, str(ROOT / script), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)
