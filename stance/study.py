"""Run a study from ``conf/experiment/<name>.yaml`` and write its report from what MLflow holds.

    python -m stance.study experiment=learning_curve
    python -m stance.study experiment=model_comparison only=[majority,tfidf_logreg,tfidf_svm]
    python -m stance.study experiment=ablations report_only=true

A study file is plain data (it is validated, never instantiated): the arms (what each is, its
training overrides, an optional grid), the seeds, overrides common to every job, and the report
it makes. One MLflow run stands for the study; every (arm, grid point) is one ``stance.train``
multirun over the seeds, launched as a subprocess, whose sweep run is nested under the study's run
(so the training runs are its grandchildren: the existing sweep machinery, with its failure
accounting, is reused unchanged). A job is skipped when a FINISHED training run with the same
resolved config, seed, data fingerprint and commit is already in the experiment, so an
interrupted study resumes where it stopped and a rerun only rebuilds the report. The report
(``stance.study_report``) is built from the runs MLflow holds, written atomically to
``<out>/<study>/`` and logged to the study's run under ``report/``.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field

import hydra
from omegaconf import DictConfig, OmegaConf

from stance.config import register_configs
from stance.errors import ConfigError

register_configs()

REPORT_KINDS = ("model_comparison", "learning_curve", "cross_lingual", "ablation")
TOP_KEYS = {"study", "tracking", "only", "report_only", "out", "extra"}
STUDY_KEYS = {"name", "description", "report", "seeds", "common", "arms", "baseline"}
ARM_KEYS = {"what", "overrides", "grid", "enabled"}
# The runner sets these for every job; a study that set them would make its runs unfindable.
RESERVED = ("seed", "run_name", "tracking.", "hydra.")


@dataclass(frozen=True)
class Arm:
    name: str
    what: str
    overrides: tuple[str, ...]
    points: tuple[tuple[str, ...], ...]  # one override tuple per grid point ((),) without a grid
    enabled: bool = True


@dataclass
class Study:
    name: str
    description: str
    report: str
    seeds: list[int]
    common: list[str]
    arms: dict[str, Arm]
    baseline: str | None = None
    extra: list[str] = field(default_factory=list)

    def job_overrides(self, arm: Arm, point: int) -> list[str]:
        return [*self.common, *self.extra, *arm.overrides, *arm.points[point]]

    def key(self, commit: str) -> str:
        """Identity of the study for resuming its MLflow run: its content and the code's commit."""
        data = {"name": self.name, "report": self.report, "seeds": self.seeds, "common": self.common, "extra": self.extra,
                "arms": {a.name: [a.overrides, a.points] for a in self.arms.values()}, "commit": commit}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def _check_override(where: str, text) -> str:
    from hydra.core.override_parser.overrides_parser import OverridesParser
    from hydra.errors import HydraException

    if not isinstance(text, str) or not text.strip():
        raise ConfigError(f"{where}: {text!r} is not an override string like 'model.C=5'")
    try:
        (parsed,) = OverridesParser.create().parse_overrides([text])
    except HydraException as exc:
        raise ConfigError(f"{where}: {text!r} is not a valid override ({str(exc).splitlines()[0][:150]})") from None
    if parsed.is_sweep_override():
        raise ConfigError(f"{where}: {text!r} sweeps several values; put them in the arm's grid")
    key = parsed.key_or_group.lstrip("~+")
    if key == "seed" or key == "run_name" or key.startswith(RESERVED[2:]):
        raise ConfigError(f"{where}: {text!r} sets {key}, which the study runner sets itself (seeds: study.seeds)")
    return text


def _strings(where: str, value) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConfigError(f"{where} must be a list of override strings, got {value!r}")
    return [_check_override(f"{where}[{i}]", v) for i, v in enumerate(value)]


def _grid(where: str, grid) -> tuple[tuple[str, ...], ...]:
    if grid is None:
        return ((),)
    if not isinstance(grid, dict) or not grid:
        raise ConfigError(f"{where} must map override keys to lists of values, e.g. {{model.C: [1, 5]}}")
    keys, values = [], []
    for k, vals in grid.items():
        if not isinstance(vals, list) or not vals or not all(isinstance(v, (str, int, float, bool)) for v in vals):
            raise ConfigError(f"{where}.{k} must be a non-empty list of plain values, got {vals!r}")
        keys.append(k)
        values.append(vals)
    points = []
    for combo in itertools.product(*values):
        points.append(tuple(_check_override(where, f"{k}={json.dumps(v) if isinstance(v, bool) else v}")
                            for k, v in zip(keys, combo)))
    return tuple(points)


def parse_study(cfg: DictConfig | dict, available: list[str] | None = None) -> tuple[Study, dict]:
    """Validate a composed study config; returns the study and the runner's options. Every
    problem is one ``ConfigError`` line naming the key to fix."""
    raw = OmegaConf.to_container(cfg, resolve=True) if isinstance(cfg, DictConfig) else dict(cfg)
    unknown = sorted(set(raw) - TOP_KEYS)
    if unknown:
        raise ConfigError(f"unknown key(s) {', '.join(unknown)} at the top of the study config; known: {', '.join(sorted(TOP_KEYS))}")
    study = raw.get("study")
    if not isinstance(study, dict):
        raise ConfigError("no study chosen: experiment=<name> (" + (", ".join(available or []) or "conf/experiment/*.yaml") + ")")
    unknown = sorted(set(study) - STUDY_KEYS)
    if unknown:
        raise ConfigError(f"study: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(STUDY_KEYS))}")
    name = study.get("name")
    if not isinstance(name, str) or not name or not all(c.isalnum() or c in "-_" for c in name):
        raise ConfigError(f"study.name must be a word of letters, digits, '-' or '_', got {name!r}")
    if study.get("report") not in REPORT_KINDS:
        raise ConfigError(f"study.report={study.get('report')!r} is unknown; choose one of {', '.join(REPORT_KINDS)}")
    seeds = study.get("seeds")
    if not isinstance(seeds, list) or not seeds or not all(isinstance(s, int) and not isinstance(s, bool) for s in seeds):
        raise ConfigError(f"study.seeds must be a non-empty list of integers, got {seeds!r}")
    if len(set(seeds)) != len(seeds):
        raise ConfigError(f"study.seeds has repeats: {seeds}")
    arms_raw = study.get("arms")
    if not isinstance(arms_raw, dict) or not arms_raw:
        raise ConfigError("study.arms is empty; give at least one arm: {name: {what: ..., overrides: [...]}}")
    arms = {}
    for arm_name, spec in arms_raw.items():
        where = f"study.arms.{arm_name}"
        if not all(c.isalnum() or c in "-_" for c in str(arm_name)):
            raise ConfigError(f"{where}: an arm name is a word of letters, digits, '-' or '_'")
        if not isinstance(spec, dict):
            raise ConfigError(f"{where} must be a mapping with what/overrides (and optional grid, enabled)")
        unknown = sorted(set(spec) - ARM_KEYS)
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(ARM_KEYS))}")
        enabled = spec.get("enabled", True)
        if not isinstance(enabled, bool):
            raise ConfigError(f"{where}.enabled must be true or false")
        arms[arm_name] = Arm(arm_name, str(spec.get("what") or arm_name), tuple(_strings(f"{where}.overrides", spec.get("overrides"))),
                             _grid(f"{where}.grid", spec.get("grid")), enabled)
    baseline = study.get("baseline")
    if baseline is not None and baseline not in arms:
        raise ConfigError(f"study.baseline={baseline!r} is not one of the arms ({', '.join(arms)})")
    only = raw.get("only")
    # only=[a,b] (a list, as Hydra reads it) or only=a (one name, or a quoted "a,b")
    names = [str(a) for a in only] if isinstance(only, (list, tuple)) else str(only).split(",") if only else []
    chosen = [a.strip() for a in names if a.strip()] or [a for a, s in arms.items() if s.enabled]
    missing = [a for a in chosen if a not in arms]
    if missing:
        raise ConfigError(f"only={only}: unknown arm(s) {', '.join(missing)}; arms: {', '.join(arms)}")
    out = Study(name, str(study.get("description") or ""), study["report"], seeds, _strings("study.common", study.get("common")),
                arms, baseline, _strings("extra", raw.get("extra")))
    return out, {"chosen": chosen, "report_only": bool(raw.get("report_only")), "out": str(raw.get("out") or "."),
                 "tracking": raw.get("tracking") or {}}


# -- which runs a job already has ------------------------------------------------------
@dataclass(frozen=True)
class JobKey:
    arm: str
    point: int
    seed: int
    fingerprint: str
    params: tuple[tuple[str, str | None], ...]  # the resolved training config as MLflow logs it (None: any value)


@functools.lru_cache(maxsize=64)  # every job of a study usually reads the same data: hash it once
def data_fingerprint(path) -> str:
    """The fingerprint a training run on ``path`` records (``stance.data.load_corpus``'s)."""
    from pathlib import Path

    from stance.data.corpus import SPLITS
    from stance.data.formats import fingerprint_sources, fixed_split_sources, sources

    fixed = fixed_split_sources(Path(path), SPLITS)
    return fingerprint_sources(list(fixed.values()) if fixed else sources(path))


def job_key(study: Study, arm: Arm, point: int, seed: int, compose_fn) -> JobKey:
    """Compose the job's training config (as ``stance.train`` will) and key it: a bad override
    or an unknown option fails here, before anything runs."""
    from hydra.errors import HydraException

    from stance import tracking

    overrides = [*study.job_overrides(arm, point), f"seed={seed}"]
    try:
        cfg = compose_fn(overrides)
    except HydraException as exc:
        raise ConfigError(f"study.arms.{arm.name}: {' '.join(str(exc).split())[:300]}") from None
    flat = tracking.flatten(OmegaConf.to_container(cfg, resolve=True))
    # Where the data sits is not part of the config's identity (a clone elsewhere, ${stance.root:}):
    # the data fingerprint stands for the corpus; an evaluation set need only be scored (value None).
    params = tuple(sorted((k, None if k.startswith("eval_sets.") else tracking._param_value(v)) for k, v in flat.items()
                          if not k.startswith("tracking.") and k not in ("run_name", "data.path")))
    return JobKey(arm.name, point, seed, data_fingerprint(str(cfg.data.path)), params)


def finished_runs(client, experiment_id: str, commit: str | None) -> list:
    """FINISHED training runs in the experiment (of ``commit`` unless None), newest first."""
    where = "attributes.status = 'FINISHED' and tags.`stance.run_type` = 'train'"
    if commit is not None:
        where += f" and tags.`stance.git_commit` = '{commit}'"
    return client.search_runs([experiment_id], where, max_results=50000, order_by=["attributes.start_time DESC"])


def study_runs(client, experiment_id: str, study_run: str, commit: str | None) -> list:
    """The runs a report may use: FINISHED training runs of ``commit`` (all commits when None) and,
    whatever their commit, those this study launched (its sweeps' children). A file edited while the
    study ran marks its later runs ``<commit>-dirty``; they must not silently drop out of its report."""
    runs = finished_runs(client, experiment_id, commit)
    if commit is not None:
        sweeps = {r.info.run_id for r in client.search_runs(
            [experiment_id], f"tags.`mlflow.parentRunId` = '{study_run}'", max_results=50000)}
        seen = {r.info.run_id for r in runs}
        runs += [r for r in finished_runs(client, experiment_id, None)
                 if r.data.tags.get("mlflow.parentRunId") in sweeps and r.info.run_id not in seen]
        runs.sort(key=lambda r: r.info.start_time, reverse=True)
    return runs


def match(key: JobKey, runs: list):
    """The newest run of ``runs`` that is the job ``key`` (same data and resolved config), or None."""
    for run in runs:
        if run.data.tags.get("stance.data_fingerprint") != key.fingerprint:
            continue
        params = run.data.params
        if all((k in params) if v is None else params.get(k) == v for k, v in key.params):
            return run
    return None


# -- running --------------------------------------------------------------------------
def _open_study_run(client, experiment_id: str, study: Study, commit: str) -> str:
    """The study's MLflow run: the last one with the same study key is resumed, else a new one."""
    from stance import tracking

    key = study.key(commit)
    previous = client.search_runs([experiment_id], f"tags.`stance.run_type` = 'study' and tags.`stance.study_key` = '{key}'",
                                  max_results=1, order_by=["attributes.start_time DESC"])
    if previous:
        run_id = previous[0].info.run_id
        client.update_run(run_id, status="RUNNING")
        for k, v in tracking.owner_tags().items():
            client.set_tag(run_id, k, v)
        return run_id
    run = client.create_run(experiment_id, run_name=f"study {study.name}", tags={
        "stance.run_type": "study", "stance.study": study.name, "stance.study_key": key, "stance.study_report": study.report,
        "stance.git_commit": commit, "mlflow.source.git.commit": commit, **tracking.owner_tags()})
    params = {"study.name": study.name, "study.report": study.report, "study.seeds": json.dumps(study.seeds),
              "study.arms": ",".join(study.arms), "study.common": " ".join(study.common)[:6000]}
    for k, v in params.items():
        client.log_param(run.info.run_id, k, v)
    return run.info.run_id


def _launch(study: Study, arm: Arm, point: int, seeds: list[int], tracking_cfg: dict, study_run: str, sweep_dir: str,
            searchpath: list[str]) -> None:
    from stance.errors import StanceError
    from stance.tracking import PARENT_RUN_ENV, STUDY_RUN_ENV, project_root

    cmd = [sys.executable, "-m", "stance.train", "-m", f"seed={','.join(map(str, seeds))}", *study.job_overrides(arm, point),
           f"run_name='{study.name}:{arm.name}#{point}'", f"tracking.uri={tracking_cfg['uri']}",
           f"tracking.experiment={tracking_cfg['experiment']}", f"hydra.sweep.dir={sweep_dir}"]
    if searchpath:
        cmd.append(f"hydra.searchpath=[{','.join(searchpath)}]")
    env = {k: v for k, v in os.environ.items() if k != PARENT_RUN_ENV}
    env.update({STUDY_RUN_ENV: study_run, "PYTHONHASHSEED": "0"})
    print(f"  {arm.name}#{point}: seeds {seeds}: {' '.join(study.job_overrides(arm, point)) or '(defaults)'}", flush=True)
    proc = subprocess.run(cmd, cwd=project_root(), env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        why = next((ln for ln in reversed(lines) if "error" in ln.lower()), lines[-1] if lines else "")
        print(proc.stderr[-3000:], file=sys.stderr)
        raise StanceError(f"arm {arm.name} point {point} failed (exit {proc.returncode}): {why.strip()[:200]}")


def run_study(study: Study, options: dict, compose_fn, output_dir: str, searchpath: list[str] = ()) -> dict:
    """Run the missing jobs of the chosen arms, then build, write and log the report."""
    import time

    import mlflow

    from stance import study_report, tracking

    tc = options["tracking"]
    tracking.connect(tc["uri"], timeout=tc.get("timeout", 5.0), retry_seconds=tc.get("retry_seconds", 60.0))
    client = mlflow.MlflowClient()
    exp_id = tracking.experiment_id(tc["experiment"])
    commit = tracking.git_commit()
    # every job's config is composed first: a bad override fails before any training
    keys = {a: {p: {s: job_key(study, study.arms[a], p, s, compose_fn) for s in study.seeds}
                for p in range(len(study.arms[a].points))} for a in study.arms}
    study_run = _open_study_run(client, exp_id, study, commit)
    status = "FAILED"
    try:
        if not options["report_only"]:
            for arm_name in options["chosen"]:
                arm = study.arms[arm_name]
                for point in range(len(arm.points)):
                    runs = finished_runs(client, exp_id, commit)
                    todo = [s for s in study.seeds if match(keys[arm_name][point][s], runs) is None]
                    if not todo:
                        print(f"  {arm_name}#{point}: every seed already FINISHED; skipped", flush=True)
                        continue
                    start = time.perf_counter()
                    _launch(study, arm, point, todo, tc, study_run, f"{output_dir}/{arm_name}-{point}", list(searchpath))
                    print(f"    done in {time.perf_counter() - start:.0f}s", flush=True)
        # A rebuilt report (report_only) takes the matching runs of any commit (the report names
        # them): the code that made a report may be older than the code that rebuilds it.
        runs = study_runs(client, exp_id, study_run, None if options["report_only"] else commit)
        found = {a: {p: {s: match(k, runs) for s, k in by_seed.items()} for p, by_seed in by_point.items()}
                 for a, by_point in keys.items()}
        missing = [f"{a}#{p} seed {s}" for a in options["chosen"] for p, by_seed in found[a].items()
                   for s, run in by_seed.items() if run is None]
        if missing:
            print(f"study {study.name}: warning: no FINISHED run for {', '.join(missing)}; left out of the report",
                  file=sys.stderr, flush=True)
        report = study_report.build(study, found, {"experiment": tc["experiment"], "study_run": study_run, "commit": commit,
                                                   "uri": tc["uri"]})
        folder = study_report.write_atomic(report, os.path.join(options["out"], study.name))
        client.log_artifacts(study_run, str(folder), "report")
        status = "FINISHED"
        print(f"study {study.name}: report in {folder}; logged to run {study_run} (experiment {tc['experiment']!r})")
        return report
    finally:
        client.set_terminated(study_run, status=status)


def available_studies() -> list[str]:
    from pathlib import Path

    return sorted(p.stem for p in (Path(__file__).parent / "conf" / "experiment").glob("*.yaml"))


@hydra.main(config_path="conf", config_name="study", version_base="1.3")
def _hydra_main(cfg: DictConfig) -> None:
    from hydra import compose
    from hydra.core.hydra_config import HydraConfig

    from stance.cli import user_errors

    with user_errors("stance.study", interrupted="the study's run was ended FAILED; rerun to resume"):
        study, options = parse_study(cfg, available_studies())
        hc = HydraConfig.get()

        def compose_train(overrides):
            return compose(config_name="train", overrides=overrides)

        run_study(study, options, compose_train, hc.runtime.output_dir, list(hc.searchpath))


def main() -> None:
    _hydra_main()


if __name__ == "__main__":
    main()
