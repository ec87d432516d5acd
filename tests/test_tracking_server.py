"""A real ``mlflow server`` on loopback: the same code tracks to it with tracking.uri=http://..."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import mlflow
import pytest

import stance
from conftest import ROOT, run_module


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/health", timeout=1).read()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(log.read_text()[-2000:]) from None
            time.sleep(0.5)
    raise RuntimeError(f"mlflow server did not start in {seconds:.0f} s")


def _stop(proc: subprocess.Popen, group: bool = False, seconds: float = 30) -> None:
    """SIGTERM the server (its process group when ``group``), then SIGKILL if it has not exited in
    ``seconds``: under load mlflow's server parent can hang in a lock after its workers have exited
    on SIGTERM (seen once in `make test`: the parent in futex_wait over two defunct workers), which
    is mlflow's shutdown, not what these tests check, and must not leave a server behind."""
    send = (lambda sig: os.killpg(proc.pid, sig)) if group else proc.send_signal
    send(signal.SIGTERM)
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        send(signal.SIGKILL)
        proc.wait(timeout=seconds)


@pytest.fixture
def mlflow_server(tmp_path):
    port = free_port()
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "mlflow"), "server", "--host", "127.0.0.1", "--port", str(port),
            "--backend-store-uri", f"sqlite:///{tmp_path / 'server.db'}", "--artifacts-destination", str(tmp_path / "artifacts"),
            "--workers", "1",
        ],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, tmp_path / "server.log")
    except RuntimeError:
        proc.kill()
        raise
    yield url
    _stop(proc)


def test_train_and_load_through_a_server(mlflow_server, small_corpus, hydra_outputs, monkeypatch):
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    proc = run_module("stance.train", f"data.path={small_corpus}", "tracking=server", f"tracking.uri={mlflow_server}", "register=true", "n_boot=50", *hydra_outputs)
    assert proc.returncode == 0, proc.stderr[-3000:]
    mlflow.set_tracking_uri(mlflow_server)
    (run,) = mlflow.search_runs(search_all_experiments=True, output_format="list")
    assert run.info.status == "FINISHED" and "stance_test_macro_f1" in run.data.metrics
    clf = stance.load("models:/quote-stance/1", tracking_uri=mlflow_server)
    assert clf.predict("Rozmowy były konstruktywne.")["stance"] in ("conciliatory", "hardline", "neutral")
    # MLFLOW_TRACKING_URI alone points the default config at the server too
    proc = run_module("stance.evaluate", "model_uri=models:/quote-stance/1", f"data.path={small_corpus / 'test.jsonl'}", "n_boot=50", *hydra_outputs, env={"MLFLOW_TRACKING_URI": mlflow_server})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert len(mlflow.search_runs(search_all_experiments=True, output_format="list")) == 2


@pytest.mark.slow
def test_make_server_takes_a_parallel_sweep(tmp_path, small_corpus, hydra_outputs, monkeypatch):
    """`make server` on a free port, then a 4-job parallel multirun that registers every model:
    every run, metric, artifact and model version arrives, nothing is left RUNNING, and the
    server logs no locked-database error."""
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    port, folder, log = free_port(), tmp_path / "server", tmp_path / "make-server.log"
    with log.open("w") as out:
        server = subprocess.Popen(["make", "-s", "server", f"SERVER_PORT={port}", f"SERVER_DIR={folder}"], cwd=ROOT,
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server, log)
        proc = run_module("stance.train", "-m", "seed=0,1,2,3", f"data.path={small_corpus}", f"tracking.uri={url}",
                          "register=true", "n_boot=20", "explain.sample=0", "hydra/launcher=joblib", "hydra.launcher.n_jobs=4",
                          *hydra_outputs)
        assert proc.returncode == 0, proc.stderr[-3000:]
        client = mlflow.MlflowClient(url)
        runs = client.search_runs([e.experiment_id for e in client.search_experiments()])
        children = [r for r in runs if r.data.tags.get("stance.run_type") == "train"]
        (parent,) = [r for r in runs if r.data.tags.get("stance.run_type") == "sweep"]
        assert len(children) == 4 and {r.info.status for r in runs} == {"FINISHED"}
        assert {r.data.tags["mlflow.parentRunId"] for r in children} == {parent.info.run_id}
        for run in children:
            assert "stance_test_macro_f1" in run.data.metrics and "tone_validation_macro_f1" in run.data.metrics
            assert {f.path for f in client.list_artifacts(run.info.run_id, "plots")} >= {"plots/confusion_stance_test.png"}
        versions = client.search_model_versions("name='quote-stance'")
        assert sorted(int(v.version) for v in versions) == [1, 2, 3, 4]
        assert sorted(v.run_id for v in versions) == sorted(r.info.run_id for r in children)
        assert stance.load("models:/quote-stance/4", tracking_uri=url).predict("Nie ustąpimy.")["stance"]
        assert (folder / "mlflow.db").is_file() and any((folder / "artifacts").rglob("MLmodel"))
        assert "database is locked" not in log.read_text()
    finally:
        _stop(server, group=True)
