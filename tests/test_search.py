"""Sweeps beyond one machine: the Optuna search (stance/search.py) and the submitit launcher, run
as a user runs them (python -m stance.train -m ...), with real SQLite Optuna and MLflow stores."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import mlflow
import pytest

from conftest import error_lines, run_module

optuna = pytest.importorskip("optuna", reason="the search extra (pip install -e .[search]) is not installed")

FAST = ["n_boot=20", "explain.sample=0", "explain.examples=0"]
HAS_SUBMITIT = importlib.util.find_spec("hydra_plugins.hydra_submitit_launcher") is not None


def search(corpus: Path, sweep: Path, storage: Path, *args: str):
    return run_module("stance.train", "-m", "hparams_search=tfidf_logreg_optuna", f"data.path={corpus}", *FAST,
                      f"hydra.sweeper.storage=sqlite:///{storage}", f"hydra.sweep.dir={sweep}", *args)


def runs(tracking_uri: str) -> list:
    client = mlflow.MlflowClient(tracking_uri)
    return client.search_runs([e.experiment_id for e in client.search_experiments()])


def study_trials(storage: Path, name: str = "tfidf_logreg") -> list:
    return optuna.load_study(study_name=name, storage=f"sqlite:///{storage}").trials


def one_parent(all_runs: list, sweep: Path):
    (parent,) = [r for r in all_runs if r.data.tags.get("stance.run_type") == "sweep"
                 and r.data.tags.get("stance.sweep_dir") == str(sweep)]
    children = [r for r in all_runs if r.data.tags.get("mlflow.parentRunId") == parent.info.run_id]
    return parent, children


def test_search_trials_are_child_runs_seeded_and_resumable(tmp_path, small_corpus, tracking_uri):
    storage = tmp_path / "optuna" / "a.db"
    proc = search(small_corpus, tmp_path / "s1", storage, "hydra.sweeper.n_trials=2")
    assert proc.returncode == 0, proc.stderr[-3000:]
    trials = study_trials(storage)
    assert [t.state.name for t in trials] == ["COMPLETE", "COMPLETE"]
    parent, children = one_parent(runs(tracking_uri), tmp_path / "s1")
    assert len(children) == 2 and {c.info.status for c in children} == {"FINISHED"} and parent.info.status == "FINISHED"
    by_trial = {int(c.data.tags["stance.optuna_trial"]): c for c in children}
    assert sorted(by_trial) == [0, 1] and {c.data.tags["stance.optuna_study"] for c in children} == {"tfidf_logreg"}
    for trial in trials:
        run = by_trial[trial.number]
        # the sampled values reached the job's config, and the objective is the job's return value
        assert math.isclose(float(run.data.params["model.C"]), trial.params["model.C"], rel_tol=1e-9)
        assert run.data.params["model.min_df"] == str(trial.params["model.min_df"])
        expected = (run.data.metrics["stance_validation_macro_f1"] + run.data.metrics["tone_validation_macro_f1"]) / 2
        assert math.isclose(trial.value, expected, rel_tol=1e-9)
    best = max(trials, key=lambda t: t.value)
    assert parent.data.tags["stance.optuna_study"] == "tfidf_logreg"
    assert parent.data.tags["stance.optuna_storage"] == f"sqlite:///{storage}"
    assert parent.data.tags["stance.optuna_best_trial"] == str(best.number)
    assert math.isclose(parent.data.metrics["optuna_best_value"], best.value)
    assert (tmp_path / "s1" / "optimization_results.yaml").is_file()

    # the same seed in a fresh storage asks the same trials
    other = tmp_path / "optuna" / "b.db"
    assert search(small_corpus, tmp_path / "s2", other, "hydra.sweeper.n_trials=2").returncode == 0
    assert [t.params for t in study_trials(other)] == [t.params for t in trials]

    # the same command with more trials continues the stored study: only the missing ones run, here
    # as one batch of two jobs through the submitit launcher (cluster extra), as on SLURM, and in
    # the same sweep folder (job folders are trial numbers: nothing is overwritten)
    before = {r.info.run_id for r in runs(tracking_uri)}
    launcher = ["hydra/launcher=submitit_local"] if HAS_SUBMITIT else []
    proc = search(small_corpus, tmp_path / "s1", storage, "hydra.sweeper.n_trials=4", "hydra.sweeper.n_jobs=2", *launcher)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(d.name for d in (tmp_path / "s1").iterdir() if (d / ".hydra").is_dir()) == ["0", "1", "2", "3"]
    if HAS_SUBMITIT:
        assert len(list((tmp_path / "s1" / ".submitit").glob("*/*_result.pkl"))) == 2
    assert "2 trial(s) stored, 2 to run" in proc.stderr
    resumed = study_trials(storage)
    assert [t.number for t in resumed] == [0, 1, 2, 3] and {t.state.name for t in resumed} == {"COMPLETE"}
    assert resumed[2].params not in (trials[0].params, trials[1].params)  # a resumed sampler does not replay
    new = [r for r in runs(tracking_uri) if r.info.run_id not in before]
    parent, children = one_parent(new, tmp_path / "s1")
    assert len(new) == 3 and sorted(int(c.data.tags["stance.optuna_trial"]) for c in children) == [2, 3]
    assert parent.info.status == "FINISHED" and parent.data.tags["stance.failed_children"] == "0"
    assert parent.data.tags["stance.optuna_resumed_from"] == "2"
    assert math.isclose(parent.data.metrics["optuna_best_value"], max(t.value for t in resumed))


def user_search(tmp_path: Path, params: str) -> list[str]:
    """Overrides selecting an hparams_search file of the user's own config folder."""
    folder = tmp_path / "myconf" / "hparams_search"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.yaml").write_text(
        "# @package _global_\ndefaults:\n  - override /hydra/sweeper: stance_optuna\n"
        f"hydra:\n  sweeper:\n    study_name: mine\n    n_trials: 1\n    params:\n{params}")
    return [f"hydra.searchpath=[file://{tmp_path / 'myconf'}]", "hparams_search=mine"]


def test_a_failing_trial_is_marked_fail_in_optuna_and_mlflow(tmp_path, small_corpus, tracking_uri):
    # max_features=0 passes the config checks and fails inside scikit-learn's fit
    storage = tmp_path / "optuna.db"
    proc = run_module("stance.train", "-m", *user_search(tmp_path, "      model.max_features: [0]\n"),
                      f"data.path={small_corpus}", *FAST, f"hydra.sweeper.storage=sqlite:///{storage}",
                      f"hydra.sweep.dir={tmp_path / 'sweep'}")
    assert proc.returncode == 2
    (line,) = error_lines(proc)
    assert line.startswith("stance.train: error: no trial of study 'mine' completed (1 failed"), proc.stderr[-3000:]
    assert "trial 0 failed: InvalidParameterError" in proc.stderr
    (trial,) = study_trials(storage, "mine")
    assert trial.state.name == "FAIL"
    parent, (child,) = one_parent(runs(tracking_uri), tmp_path / "sweep")
    assert child.info.status == "FAILED" and child.data.tags["stance.optuna_trial"] == "0"
    assert "max_features" in child.data.tags["stance.error"]
    assert parent.info.status == "FAILED" and parent.data.tags["stance.failed_children"] == "1"


@pytest.mark.parametrize("params, says", [
    ("      model.C: {type: lognormal, low: 1, high: 2}\n", "unknown distribution type 'lognormal'"),
    ("      model.C: {type: float, low: 10, high: 1}\n", "low (10.0) must not be greater than high (1.0)"),
    ("      model.C: {_target_: os.system, type: float, low: 1, high: 2}\n", "_target_ is not allowed"),
])
def test_a_bad_search_space_is_one_line_before_any_run(tmp_path, small_corpus, tracking_uri, params, says):
    storage = tmp_path / "optuna.db"
    proc = run_module("stance.train", "-m", *user_search(tmp_path, params), f"data.path={small_corpus}",
                      f"hydra.sweeper.storage=sqlite:///{storage}", f"hydra.sweep.dir={tmp_path / 'sweep'}")
    assert proc.returncode == 2, proc.stderr[-2000:]
    (line,) = error_lines(proc)
    assert line.startswith("stance.train: error: hydra.sweeper.params.model.C: ") and says in line, line
    assert "Traceback" not in proc.stderr
    assert not storage.exists() and runs(tracking_uri) == []


@pytest.mark.parametrize("params, says", [
    ({}, "params is empty"),
    ({"model.C": {"type": "float", "low": 1, "high": 2, "log": True, "step": 0.5}}, "step cannot be combined with log"),
    ({"model.C": {"type": "float", "low": 0, "high": 2, "log": True}}, "needs low > 0"),
    ({"model.min_df": {"type": "int", "low": 1.5, "high": 3}}, "must be ints"),
    ({"model.C": {"type": "float", "low": 1}}, "missing high"),
    ({"model.C": {"type": "float", "low": 1, "high": 2, "scale": 3}}, "unknown field(s) scale"),
    ({"model.word_ngrams": {"type": "categorical", "choices": [[1, 2], [1, 2]]}}, "repeat"),
    ({"model.word_ngrams": {"type": "categorical", "choices": [{"a": 1}]}}, "is not a number"),
    ({"model.C": {"type": "categorical", "choices": [{"_target_": "os.system"}]}}, "_target_ is not allowed"),
    ({"os.system()": [1]}, "not a config key"),
])
def test_search_space_checks(params, says):
    from stance.errors import ConfigError
    from stance.search import parse_space

    with pytest.raises(ConfigError, match="hydra.sweeper.params") as err:
        parse_space(params)
    assert says in str(err.value) and "\n" not in str(err.value)


def test_search_space_values_become_overrides():
    from stance.search import parse_space

    word, c, weight = parse_space({"model.word_ngrams": [[1, 1], [1, 3]], "model.C": {"type": "float", "low": 0.1, "high": 10, "log": True},
                                   "model.class_weight": {"type": "categorical", "choices": ["balanced", None]}})
    assert word.distribution().choices == ("[1,1]", "[1,3]") and word.override("[1,3]") == "model.word_ngrams=[1,3]"
    assert word.value("[1,3]") == [1, 3] and weight.override(None) == "model.class_weight=null"
    assert c.distribution().log and c.override(0.5) == "model.C=0.5"


@pytest.mark.slow
def test_submitit_local_multirun_children_reach_the_sweep_parent(tmp_path, small_corpus, tracking_uri):
    """The submitit launcher (cluster extra) runs each job in its own process, as on SLURM: both
    child runs arrive FINISHED under the parent run the launching process made."""
    if not HAS_SUBMITIT:
        pytest.skip("the cluster extra (hydra-submitit-launcher) is not installed")
    sweep = tmp_path / "sweep"
    proc = run_module("stance.train", "-m", "hydra/launcher=submitit_local", "seed=0,1", f"data.path={small_corpus}",
                      *FAST, f"hydra.sweep.dir={sweep}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    parent, children = one_parent(runs(tracking_uri), sweep)
    assert len(children) == 2 and {c.info.status for c in children} == {"FINISHED"} and parent.info.status == "FINISHED"
    assert sorted(c.data.params["seed"] for c in children) == ["0", "1"]
    assert len(list((sweep / ".submitit").glob("*/*_result.pkl"))) == 2  # the jobs did run through submitit
    assert {c.data.tags["stance.pid"] for c in children}.isdisjoint({parent.data.tags["stance.pid"]})
