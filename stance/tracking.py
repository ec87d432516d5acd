"""Everything MLflow: where runs go, run lifecycle, params, tags, metrics, artifacts,
model logging and the registry.

Traps handled here: parallel jobs must not race on creating a fresh SQLite store (it is
created under a file lock, and a multirun's parent run and experiment are made once in the
launching process, ``SweepCallback``, before every job opens a child run); a job that raises
ends its run FAILED (KILLED on SIGTERM or Ctrl-C) and a run whose process died is marked
FAILED by the next job on the host; a server that went away is retried for a bounded time;
the config is logged flattened and resolved.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator, Mapping

from stance.errors import TrackingError

PARENT_RUN_FILE = "mlflow_parent_run_id"
PARENT_RUN_ENV = "STANCE_PARENT_RUN_ID"
# Set by ``stance.study`` for the multiruns it launches: their sweep runs nest under the study's run.
STUDY_RUN_ENV = "STANCE_STUDY_RUN_ID"


# -- where runs go ---------------------------------------------------------------
def checkout_root() -> Path | None:
    """The repository root when stance runs from a checkout (editable install, PYTHONPATH), None
    when it is installed from a wheel (site-packages has no pyproject.toml beside the package)."""
    here = Path(__file__).resolve().parent.parent
    return here if (here / "pyproject.toml").is_file() else None


def project_root() -> Path:
    """The repository root when running from a checkout, else the working directory: an installed
    package keeps its store (mlflow.db) and looks for data/ in the folder it is run from."""
    return checkout_root() or Path.cwd()


def default_tracking_uri() -> str:
    """``MLFLOW_TRACKING_URI`` when set, else the embedded SQLite store in the project root."""
    return os.environ.get("MLFLOW_TRACKING_URI") or f"sqlite:///{project_root() / 'mlflow.db'}"


def artifact_root_for(uri: str) -> str | None:
    """Where a local store keeps artifacts (``mlartifacts/`` beside the SQLite file); None for servers."""
    if uri.startswith("sqlite:///"):
        return (Path(uri[len("sqlite:///"):]).resolve().parent / "mlartifacts").as_uri()
    return None


def connect(uri: str | None = None, timeout: float = 5.0, retry_seconds: float = 60.0) -> str:
    """Point MLflow at ``uri`` (default: ``default_tracking_uri()``) after checking it is usable.

    A server that does not answer, or a SQLite file in a missing folder, raises a
    one-line ``TrackingError`` saying what to fix. For a server, MLflow's client retries a
    failed request for about ``retry_seconds`` in all (not its default of many minutes); a
    new SQLite store is created once, under a file lock, so parallel jobs never race on its
    schema.
    """
    import mlflow

    uri = uri or default_tracking_uri()
    if uri.startswith(("http://", "https://")):
        import urllib.error
        import urllib.request

        _bound_retries(retry_seconds)
        try:
            with urllib.request.urlopen(uri.rstrip("/") + "/health", timeout=timeout) as resp:
                resp.read()
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise TrackingError(
                f"tracking server {uri} is unreachable ({reason}); start it (mlflow server ...) "
                "or set tracking.uri / MLFLOW_TRACKING_URI to a reachable store"
            ) from None
    elif uri.startswith("sqlite:///"):
        folder = Path(uri[len("sqlite:///"):]).parent
        if not folder.is_dir():
            raise TrackingError(f"tracking store folder {folder} does not exist; create it or set tracking.uri")
        with file_lock(Path(uri[len("sqlite:///"):]).with_suffix(".lock")):
            mlflow.MlflowClient(uri).search_experiments(max_results=1)  # creates and migrates the schema
    mlflow.set_tracking_uri(uri)
    return uri


def _bound_retries(retry_seconds: float) -> None:
    """MLflow's HTTP retries (urllib3: sleeps of 1, 2, 4, ... s) sized to about ``retry_seconds``
    in all; MLflow's own default keeps a job retrying for over ten minutes."""
    import math

    retries = max(1, int(math.log2(max(retry_seconds, 1.0) + 1)))
    os.environ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = str(retries)
    os.environ["MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR"] = "1"
    os.environ["MLFLOW_HTTP_REQUEST_TIMEOUT"] = str(int(max(5.0, retry_seconds / 4)))


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on ``path`` (created if missing) for the body's duration."""
    import fcntl

    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# MLflow 3's UI reads this experiment tag to tell model-training experiments from GenAI ones
# (the value names are those of its JavaScript bundle, mlflow/server/js/build). The "*_inferred"
# values and "no_inferred_type" are the UI's own guesses, written when it first opens an
# untagged experiment; only those are replaced, never a kind somebody chose.
EXPERIMENT_KIND_TAG = "mlflow.experimentKind"
MODEL_TRAINING_KIND = "custom_model_development"
_GUESSED_KINDS = ("", "no_inferred_type", "genai_development_inferred", "custom_model_development_inferred")


def experiment_id(name: str) -> str:
    """Id of experiment ``name``, created (with a local artifact root where relevant) if missing,
    and marked as a model-training experiment unless a kind was chosen for it (``mark_model_training``)."""
    import mlflow
    from mlflow.exceptions import MlflowException

    client = mlflow.MlflowClient()
    exp = client.get_experiment_by_name(name)
    if exp is not None:
        mark_model_training(exp)
        return exp.experiment_id
    try:
        return client.create_experiment(name, artifact_location=artifact_root_for(mlflow.get_tracking_uri()),
                                        tags={EXPERIMENT_KIND_TAG: MODEL_TRAINING_KIND})
    except MlflowException:
        # Another process created it between our lookup and create.
        exp = client.get_experiment_by_name(name)
        if exp is None:
            raise
        mark_model_training(exp)
        return exp.experiment_id


def mark_model_training(exp) -> bool:
    """Tag experiment ``exp`` (an MLflow ``Experiment``) as model training when it has no kind or
    only the UI's guess; a kind set by a user (``genai_development``, ``finetuning``, ...) is kept.
    Returns whether the tag was written."""
    import mlflow

    from mlflow.exceptions import MlflowException

    if exp.tags.get(EXPERIMENT_KIND_TAG, "") not in _GUESSED_KINDS:
        return False
    try:
        mlflow.MlflowClient().set_experiment_tag(exp.experiment_id, EXPERIMENT_KIND_TAG, MODEL_TRAINING_KIND)
    except MlflowException:  # parallel jobs writing the same tag at once: one of them wins, the run goes on
        return False
    return True


def ui_url(base: str, exp_id: str | None = None) -> str:
    """The MLflow UI's page of an experiment's runs table (or the experiment list) at ``base``.

    MLflow 3.17's UI chooses between its GenAI pages and its model-training pages by a switch in
    its sidebar ("GenAI" / "Model training", remembered per browser, GenAI at first), not by the
    experiment's kind tag: ``workflowType=machine_learning`` in the link sets the switch."""
    page = f"experiments/{exp_id}/runs" if exp_id else "experiments"
    return f"{base.rstrip('/')}/#/{page}?workflowType=machine_learning"


def ui_links(base: str, uri: str | None = None) -> str:
    """What ``make ui`` prints: the runs-table link of each experiment in the store at ``uri``
    (default: ``default_tracking_uri()``), untagged ones marked as model training on the way."""
    import mlflow

    uri = uri or default_tracking_uri()
    head = ("MLflow 3.17 opens an experiment on its GenAI pages until 'Model training' is chosen in the "
            "switch at the top left (your browser then remembers it); these links choose it:")
    if uri.startswith("sqlite:///") and not Path(uri[len("sqlite:///"):]).is_file():
        return f"{head}\n  {ui_url(base)}  (no runs yet in {uri})"
    client = mlflow.MlflowClient(uri)
    lines = [head]
    for exp in client.search_experiments(order_by=["last_update_time DESC"], max_results=20):
        if exp.name == "Default" and not client.search_runs([exp.experiment_id], max_results=1):
            continue
        with contextlib.suppress(Exception):  # a read-only store still gets its links
            if exp.tags.get(EXPERIMENT_KIND_TAG, "") in _GUESSED_KINDS:
                client.set_experiment_tag(exp.experiment_id, EXPERIMENT_KIND_TAG, MODEL_TRAINING_KIND)
        lines.append(f"  {exp.name}: {ui_url(base, exp.experiment_id)}")
    return "\n".join(lines if len(lines) > 1 else [head, f"  {ui_url(base)}"])


# -- provenance ------------------------------------------------------------------
def git_commit() -> str:
    """The checkout's commit, suffixed ``-dirty`` when tracked files have uncommitted changes;
    "unknown" for an installed package (the run's ``stance.version`` tag says which code ran), so
    that the commit of whatever repository the user happens to run from is never recorded as ours."""
    root = checkout_root()
    if root is None:
        return "unknown"
    try:
        sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=5, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True, text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return sha + ("-dirty" if dirty else "")


def flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"model": {"C": 1}}`` → ``{"model.C": 1}``; lists stay as values."""
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def config_container(cfg) -> dict:
    from omegaconf import OmegaConf

    return OmegaConf.to_container(cfg, resolve=True)


# -- run lifecycle ---------------------------------------------------------------
def owner_tags() -> dict[str, str]:
    """Which process owns a run: host, pid and the pid's start time (pids are reused)."""
    import socket

    import psutil

    me = psutil.Process()
    return {"stance.host": socket.gethostname(), "stance.pid": str(me.pid), "stance.pid_started": f"{me.create_time():.3f}"}


def _owner_alive(tags: Mapping[str, str]) -> bool:
    import psutil

    try:
        return f"{psutil.Process(int(tags['stance.pid'])).create_time():.3f}" == tags.get("stance.pid_started")
    except (psutil.Error, KeyError, ValueError):
        return False


def reap_orphans(experiment_ids: list[str] | None = None) -> list[str]:
    """Mark FAILED the RUNNING runs of this host whose owning process is gone (killed, or its
    last calls never reached a server that was down); returns their ids. Runs of other hosts
    are left alone: their processes cannot be checked from here."""
    import socket

    import mlflow

    client = mlflow.MlflowClient()
    ids = experiment_ids or [e.experiment_id for e in client.search_experiments()]
    host = socket.gethostname()
    reaped = []
    for run in client.search_runs(ids, filter_string=f"attributes.status = 'RUNNING' and tags.`stance.host` = '{host}'"):
        if _owner_alive(run.data.tags):
            continue
        client.set_tag(run.info.run_id, "stance.error", f"owning process {run.data.tags.get('stance.pid')} on {host} is gone")
        client.set_terminated(run.info.run_id, status="FAILED")
        reaped.append(run.info.run_id)
    return reaped


@contextlib.contextmanager
def tracked_run(
    experiment: str,
    run_name: str | None = None,
    tags: Mapping[str, str] | None = None,
    params: Mapping[str, Any] | None = None,
    parent_run_id: str | None = None,
    system_metrics: bool = False,
    system_metrics_interval: float | None = None,
) -> Iterator[Any]:
    """An MLflow run that ends FINISHED, or FAILED (KILLED for an interrupt or SIGTERM) if the
    body raises; the error that ended it is what propagates, even when the server is gone and
    the end state cannot be recorded (the next job on this host records it: ``reap_orphans``).

    Call ``connect`` first. ``params`` may be nested; they are logged flattened. ``system_metrics``
    samples CPU, memory, disk, network (and GPU where ``nvidia-ml-py`` is installed) into the run's
    ``system/*`` metrics every ``system_metrics_interval`` seconds (None: MLflow's own default, 10 s,
    or ``MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL``); a run shorter than one interval gets none.
    """
    import mlflow

    exp_id = experiment_id(experiment)
    reap_orphans([exp_id])
    if system_metrics and system_metrics_interval is not None:
        mlflow.set_system_metrics_sampling_interval(float(system_metrics_interval))
    run = mlflow.start_run(experiment_id=exp_id, run_name=run_name, tags={**owner_tags(), **dict(tags or {})},
                           parent_run_id=parent_run_id, log_system_metrics=bool(system_metrics))
    try:
        if params:
            log_params(params)
        yield run
    except BaseException as exc:
        status = "KILLED" if isinstance(exc, KeyboardInterrupt) else "FAILED"
        try:
            mlflow.set_tag("stance.error", f"{type(exc).__name__}: {exc}"[:5000])
            mlflow.end_run(status=status)
        except Exception as later:  # the store is gone too: keep the first error, say what happened
            _drop_active_run()
            print(f"note: run {run.info.run_id} could not be marked {status} ({type(later).__name__}); "
                  "the next job on this host will mark it FAILED", file=sys.stderr)
        raise
    else:
        mlflow.end_run(status="FINISHED")


def _drop_active_run() -> None:
    """Forget the active run locally when ending it on the store failed (the store is gone)."""
    try:
        from mlflow.tracking import fluent

        stack = fluent._active_run_stack.get() if hasattr(fluent._active_run_stack, "get") else fluent._active_run_stack
        stack.clear()
    except Exception:  # private API moved: a later start_run in this process may then nest
        pass


def log_params(params: Mapping[str, Any]) -> None:
    """Log (nested) params flattened; values over MLflow's length limit are truncated with a marker."""
    import mlflow

    flat = {k: _param_value(v) for k, v in flatten(params).items()}
    items = list(flat.items())
    for i in range(0, len(items), 100):
        mlflow.log_params(dict(items[i : i + 100]))


def _param_value(value: Any) -> str:
    text = "null" if value is None else str(value)
    return text if len(text) <= 6000 else text[:5980] + "...[truncated]"


def log_metrics(metrics: Mapping[str, float], step: int | None = None) -> None:
    import mlflow

    mlflow.log_metrics({k: float(v) for k, v in metrics.items()}, step=step)


def log_dataset(frame, name: str, digest: str, source: str, context: str) -> None:
    """Record ``frame`` (a pandas DataFrame) as a dataset input of the active run: MLflow keeps its
    name, digest, source, schema and row count (the runs table's Dataset column), not its rows."""
    import warnings

    import mlflow
    from mlflow.data.pandas_dataset import from_pandas

    with warnings.catch_warnings():  # a local path matches MLflow's file source twice; it picks the same one
        warnings.filterwarnings("ignore", message="The specified dataset source can be interpreted in multiple ways")
        dataset = from_pandas(frame, source=str(source), name=name, digest=digest)
    # Parallel jobs log the same dataset at the same moment, and MLflow's store inserts it as
    # get-or-create without a lock: the loser hits the UNIQUE constraint on (experiment, name,
    # digest). The row then exists, so the retry links it.
    for attempt in range(4):
        try:
            mlflow.log_input(dataset, context=context)
            return
        except Exception as exc:  # the REST store raises MlflowException, the SQL store SQLAlchemy's IntegrityError
            race = "UNIQUE constraint failed: datasets" in str(exc) or "IntegrityError" in str(exc)
            if not race or attempt == 3:
                raise
            time.sleep(0.2 * (attempt + 1))


def log_text(text: str, artifact_file: str) -> None:
    import mlflow

    mlflow.log_text(text, artifact_file)


def log_figure(fig, artifact_file: str) -> None:
    import mlflow

    mlflow.log_figure(fig, artifact_file)


def log_dir(path: str | Path, artifact_path: str | None = None) -> None:
    import mlflow

    if Path(path).is_dir():
        mlflow.log_artifacts(str(path), artifact_path)


# -- models ----------------------------------------------------------------------
PYFUNC_CODE = Path(__file__).resolve().parent / "pyfunc_model.py"


def log_model(model, name: str = "model", example_texts: list[str] | None = None):
    """Log a ``QuoteClassifier`` as an MLflow pyfunc model ("models from code": no pickle).

    The model's own files (skops / JSON / safetensors) travel as the ``model_dir``
    artifact; their size is logged as ``model_size_mb``. Returns MLflow's ``ModelInfo``.
    """
    import mlflow
    import pandas as pd
    from mlflow.models import infer_signature

    import warnings

    from stance import __version__

    examples = example_texts or ["Rozmowy były konstruktywne.", "We will not give up an inch of our land."]
    example = pd.DataFrame({"text": examples})
    signature = infer_signature(example, model.predict_frame(examples))
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*Add type hints to the `predict` method.*")
        os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
        model_dir = model.save(Path(tmp) / "model_dir")
        size = sum(f.stat().st_size for f in model_dir.rglob("*") if f.is_file())
        mlflow.log_metric("model_size_mb", size / 2**20)
        return mlflow.pyfunc.log_model(
            name=name,
            python_model=str(PYFUNC_CODE),
            artifacts={"model_dir": str(model_dir)},
            # The package travels with the model (code/stance, about 0.7 MB): MLflow puts code/ on
            # sys.path before loading, so the model loads where stance is not installed (a Spark
            # executor, a colleague's environment) with the same code that wrote it. Not a pip
            # requirement: "stance" on PyPI is another project (see README, "Installing").
            code_paths=[str(package_copy(Path(tmp) / "code"))],
            signature=signature,
            input_example=example,
            pip_requirements=_requirements(model.requirements()),
            metadata={"stance_version": __version__},
        )


def package_copy(folder: Path) -> Path:
    """A copy of the imported ``stance`` package (code, configs, lexicons, resources; no byte
    code) at ``folder/stance``, for logging as the model's code path."""
    import shutil

    src = Path(__file__).resolve().parent
    return Path(shutil.copytree(src, folder / "stance", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")))


def _requirements(extra: list[str] = ()) -> list[str]:
    """Pinned requirements of the serving side (the core ones plus what the model family
    needs); listed explicitly because inferring them loads the model in a subprocess (slow)
    and would miss the lazily imported libraries."""
    from importlib import metadata

    reqs = []
    core = ("mlflow", "scikit-learn", "skops", "pandas", "numpy", "simplemma")
    for dist in dict.fromkeys([*core, *extra]):
        try:
            reqs.append(f"{dist}=={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            pass
    return reqs


def register(model_uri: str, name: str, alias: str | None = None):
    """Register ``model_uri`` under ``name`` (and point ``alias`` at the new version)."""
    import mlflow

    version = mlflow.register_model(model_uri, name)
    if alias:
        mlflow.MlflowClient().set_registered_model_alias(name, alias, version.version)
    return version


# -- multirun --------------------------------------------------------------------
def parent_run_id_for_job() -> str | None:
    """The sweep's parent run id when this process runs a Hydra multirun job."""
    try:
        from hydra.core.hydra_config import HydraConfig

        hc = HydraConfig.get()
        if hc.mode is not None and hc.mode.name == "MULTIRUN":
            marker = Path(hc.sweep.dir) / PARENT_RUN_FILE
            if marker.is_file():
                return marker.read_text().strip()
            return os.environ.get(PARENT_RUN_ENV) or None
    except ValueError:  # HydraConfig not set: not running under Hydra
        pass
    return None


try:
    from hydra.experimental.callback import Callback as _HydraCallback
except ImportError:  # pragma: no cover - hydra is a core dependency
    _HydraCallback = object


class SweepCallback(_HydraCallback):
    """Creates the store, the experiment and the sweep's parent run once, before the jobs.

    Jobs find the parent through a file in the sweep folder (works across the joblib
    launcher's worker processes) and open nested child runs. The parent always ends: at the
    end of the multirun, or at the launching process's exit when a job's failure stopped the
    sweep (Hydra then skips ``on_multirun_end``), FAILED if any child failed, with the count of
    failed children as the tag ``stance.failed_children``.
    """

    def on_multirun_start(self, config, **kwargs) -> None:
        import atexit

        import mlflow

        if str(config.hydra.sweeper.get("_target_", "")).endswith("StanceOptunaSweeper"):
            # Hydra makes the sweeper after this callback: a bad search space must fail before the parent run
            from stance.search import check_sweeper_config

            check_sweeper_config(config.hydra.sweeper)
        connect(config.tracking.uri, timeout=config.tracking.get("timeout", 5),
                retry_seconds=config.tracking.get("retry_seconds", 60))
        exp_id = experiment_id(config.tracking.experiment)
        sweep_dir = Path(config.hydra.sweep.dir)
        sweep_dir.mkdir(parents=True, exist_ok=True)
        run = mlflow.MlflowClient().create_run(
            exp_id,
            run_name=f"sweep {sweep_dir.name}",
            tags={"stance.run_type": "sweep", "stance.sweep_dir": str(sweep_dir), "stance.git_commit": git_commit(),
                  "mlflow.source.git.commit": git_commit(), **owner_tags(), **_study_parent()},
        )
        (sweep_dir / PARENT_RUN_FILE).write_text(run.info.run_id)
        os.environ[PARENT_RUN_ENV] = run.info.run_id
        atexit.register(finish_sweep, run.info.run_id, sweep_dir)

    def on_multirun_end(self, config, **kwargs) -> None:
        marker = Path(config.hydra.sweep.dir) / PARENT_RUN_FILE
        if marker.is_file():
            finish_sweep(marker.read_text().strip(), marker.parent)


def _study_parent() -> dict[str, str]:
    """The study's run as the sweep's parent when ``stance.study`` launched this multirun."""
    study = os.environ.get(STUDY_RUN_ENV)
    return {"mlflow.parentRunId": study, "stance.study_run_id": study} if study else {}


def finish_sweep(parent_run_id: str, sweep_dir: Path | None = None) -> None:
    """End a sweep's parent run if it is still RUNNING: FAILED when a job failed (its run FAILED
    or KILLED, or a job folder without a finished run: it failed before its run began), counted
    in ``stance.failed_children``; FINISHED otherwise."""
    import mlflow

    client = mlflow.MlflowClient()
    try:
        parent = client.get_run(parent_run_id)
        if parent.info.status != "RUNNING":
            return
        children = client.search_runs([parent.info.experiment_id], filter_string=f"tags.mlflow.parentRunId = '{parent_run_id}'")
        failed = sum(1 for c in children if c.info.status in ("FAILED", "KILLED"))
        if sweep_dir is not None:
            # job folders of this sweep only: a resumed search may reuse the folder of an earlier one
            since = parent.info.start_time / 1000 - 1
            started = sum(1 for d in Path(sweep_dir).iterdir()
                          if (d / ".hydra").is_dir() and (d / ".hydra").stat().st_mtime >= since)
            finished = sum(1 for c in children if c.info.status == "FINISHED")
            failed = max(failed, started - finished)
        client.set_tag(parent_run_id, "stance.failed_children", str(failed))
        client.set_tag(parent_run_id, "stance.children", str(len(children)))
        client.set_terminated(parent_run_id, status="FAILED" if failed else "FINISHED")
    except Exception as exc:  # at exit with the store gone: the next job's reap_orphans ends it
        print(f"note: sweep run {parent_run_id} could not be ended ({type(exc).__name__})", file=sys.stderr)
