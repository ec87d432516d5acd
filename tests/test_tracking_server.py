"""A real ``mlflow server`` on loopback: the same code tracks to it with tracking.uri=http://..."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import mlflow
import pytest

import stance
from conftest import run_module


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/health", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError((tmp_path / "server.log").read_text()[-2000:]) from None
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("mlflow server did not start in 90 s")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


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
