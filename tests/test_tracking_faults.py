"""Tracking under faults, with real stores: a server killed mid-run and restarted, SIGTERM,
SIGKILL, a failing sweep job, and parallel jobs on a brand-new SQLite store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import mlflow
import pytest

from conftest import ROOT, run_module
from test_tracking_server import free_port, mlflow_server  # noqa: F401  (the fixture)

# A job that opens a run, says so, then waits for a go file before logging a metric: the test
# injects its fault (kill the server, send a signal) while the run is open.
JOB = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from stance import tracking
    from stance.cli import user_errors

    uri, go = sys.argv[1], Path(sys.argv[2])
    with user_errors("job"):
        tracking.connect(uri, retry_seconds=float(sys.argv[3]))
        with tracking.tracked_run("faults", "job") as run:
            print(run.info.run_id, flush=True)
            while not go.exists():
                time.sleep(0.1)
            tracking.log_metrics({"after_fault": 1.0})
""")


def start_job(tmp_path: Path, uri: str, retry_seconds: float = 4) -> tuple[subprocess.Popen, str, Path]:
    script = tmp_path / "job.py"
    script.write_text(JOB)
    go = tmp_path / "go"
    proc = subprocess.Popen([sys.executable, str(script), uri, str(go), str(retry_seconds)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    run_id = proc.stdout.readline().strip()
    assert run_id, proc.stderr.read()
    return proc, run_id, go


def status(uri: str, run_id: str) -> str:
    return mlflow.MlflowClient(uri).get_run(run_id).info.status


def test_sigterm_ends_the_run_killed(tmp_path):
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    proc, run_id, _ = start_job(tmp_path, uri)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert [line for line in err.splitlines() if line.startswith("job:")] == [
        "job: terminated (SIGTERM); the run was ended as KILLED and nothing was registered"]
    assert "Traceback" not in err
    assert status(uri, run_id) == "KILLED"


def test_sigkill_run_is_reaped_by_the_next_job(tmp_path):
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    proc, run_id, _ = start_job(tmp_path, uri)
    proc.kill()
    proc.wait(timeout=30)
    assert status(uri, run_id) == "RUNNING"  # nobody could end it
    second, second_id, go = start_job(_sub(tmp_path, "b"), uri)
    go.write_text("")
    second.communicate(timeout=60)
    assert status(uri, run_id) == "FAILED" and status(uri, second_id) == "FINISHED"
    tags = mlflow.MlflowClient(uri).get_run(run_id).data.tags
    assert "is gone" in tags["stance.error"] and tags["stance.pid"] == str(proc.pid)


def _sub(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir(exist_ok=True)
    return tmp_path / name


def test_server_killed_mid_run(tmp_path):
    """The job fails within its retry budget with one line naming the first failure; once the
    server is back, the next job marks the orphaned run FAILED."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    db, artifacts = tmp_path / "server.db", tmp_path / "artifacts"

    def serve():
        proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "mlflow"), "server", "--host", "127.0.0.1", "--port", str(port),
             "--backend-store-uri", f"sqlite:///{db}", "--artifacts-destination", str(artifacts), "--workers", "1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                import urllib.request

                urllib.request.urlopen(url + "/health", timeout=1).read()
                return proc
            except OSError:
                time.sleep(0.5)
        os.killpg(proc.pid, signal.SIGKILL)
        raise RuntimeError("mlflow server did not start")

    server = serve()
    try:
        job, run_id, go = start_job(tmp_path, url, retry_seconds=4)
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)
        started = time.time()
        go.write_text("")
        _, err = job.communicate(timeout=180)
        elapsed = time.time() - started
        assert job.returncode == 2, err[-2000:]
        errors = [line for line in err.splitlines() if line.startswith("job: error:")]
        assert len(errors) == 1 and "MLflow" in errors[0], err[-2000:]
        assert "Traceback" not in err
        assert elapsed < 120, elapsed  # bounded: MLflow's default retried for over ten minutes
        server = serve()
        assert status(url, run_id) == "RUNNING"
        second, _, go2 = start_job(_sub(tmp_path, "b"), url)
        go2.write_text("")
        second.communicate(timeout=60)
        assert status(url, run_id) == "FAILED"
    finally:
        os.killpg(server.pid, signal.SIGKILL)


def test_failed_sweep_job_ends_the_parent(small_corpus, tracking_uri, hydra_outputs):
    """One job of a multirun fails (an invalid C): the parent still ends, FAILED, counting it."""
    proc = run_module("stance.train", "-m", "model=tfidf_logreg", "model.C=1.0,-1.0", f"data.path={small_corpus}",
                      f"tracking.uri={tracking_uri}", "n_boot=20", *hydra_outputs)
    assert proc.returncode != 0
    client = mlflow.MlflowClient(tracking_uri)
    runs = [r for e in client.search_experiments() for r in client.search_runs([e.experiment_id])]
    (parent,) = [r for r in runs if r.data.tags.get("stance.run_type") == "sweep"]
    assert parent.info.status == "FAILED"
    assert parent.data.tags["stance.failed_children"] == "1"
    assert not [r for r in runs if r.info.status == "RUNNING"]


PARALLEL_JOB = textwrap.dedent("""
    import sys
    from stance import tracking

    tracking.connect(sys.argv[1])
    with tracking.tracked_run("parallel", f"job-{sys.argv[2]}"):
        tracking.log_metrics({"x": float(sys.argv[2])})
""")


def test_parallel_jobs_on_a_fresh_sqlite_store(tmp_path):
    """Four processes started together on a store that does not exist yet all succeed."""
    script = tmp_path / "job.py"
    script.write_text(PARALLEL_JOB)
    uri = f"sqlite:///{tmp_path / 'fresh.db'}"
    procs = [subprocess.Popen([sys.executable, str(script), uri, str(i)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
             for i in range(4)]
    errors = [p.communicate(timeout=180)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    client = mlflow.MlflowClient(uri)
    exp = client.get_experiment_by_name("parallel")
    runs = client.search_runs([exp.experiment_id])
    assert sorted(r.data.metrics["x"] for r in runs) == [0.0, 1.0, 2.0, 3.0]
    assert all(r.info.status == "FINISHED" for r in runs)


@pytest.mark.parametrize("override, message", [
    ("model.C=-1.0", "C must be a positive number"),
    ("model.classifier=forest", "classifier must be 'logreg' or 'svm'"),
])
def test_invalid_hyper_parameters_are_one_line(small_corpus, tracking_uri, hydra_outputs, override, message):
    proc = run_module("stance.train", override, f"data.path={small_corpus}", f"tracking.uri={tracking_uri}", *hydra_outputs)
    errors = [line for line in proc.stderr.splitlines() if "error:" in line]
    assert proc.returncode == 2 and len(errors) == 1 and message in errors[0], proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr


def test_full_disk_for_artifacts_fails_the_run_cleanly(small_corpus, tmp_path, hydra_outputs):
    """Writing the model when the disk is full (simulated with a file-size limit, which fails
    writes with EFBIG as a full disk fails them with ENOSPC): one line, exit 2, the run FAILED,
    nothing registered."""
    import resource

    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    from stance import tracking

    tracking.connect(uri)  # the store exists before the limit applies (as on a disk that fills up later)

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4 * 2**20, 4 * 2**20))

    proc = subprocess.run([sys.executable, "-m", "stance.train", f"data.path={small_corpus}", f"tracking.uri={uri}",
                           "register=true", "n_boot=20", "~eval_sets.realistic", *hydra_outputs],
                          cwd=ROOT, capture_output=True, text=True, preexec_fn=limit, timeout=600)
    errors = [line for line in proc.stderr.splitlines() if "error:" in line]
    assert proc.returncode == 2 and len(errors) == 1 and "no space to write" in errors[0], proc.stderr[-2000:]
    client = mlflow.MlflowClient(uri)
    runs = [r for e in client.search_experiments() for r in client.search_runs([e.experiment_id])]
    assert [r.info.status for r in runs] == ["FAILED"]
    assert not client.search_registered_models()
