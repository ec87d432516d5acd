"""Hyper-parameter search: a Hydra sweeper that drives a current Optuna study (ask/tell).

    python -m stance.train -m hparams_search=tfidf_logreg_optuna [hydra.sweeper.n_trials=40]

The search space, the number of trials, the sampler's seed, the study's name and its storage come
from ``stance/conf/hparams_search/*.yaml`` (``hydra.sweeper``). Each trial is one Hydra job, so it
runs under whatever launcher is selected (basic, joblib, submitit), one batch of ``n_jobs`` trials
at a time, and is one MLflow child run of the sweep's parent run (``stance.tracking.SweepCallback``).
The objective is what ``stance.train`` returns: the mean macro-F1 over the tasks on the realistic
validation half when it is scored, else on the corpus's validation split.

Why not the released ``hydra-optuna-sweeper``: 1.2.0 still requires ``optuna<3`` and its SQLite
storage fails, so a study could not be resumed; this sweeper is small and uses Optuna's stable
ask/tell API. The study lives in a SQLite file (``storage``): rerunning the same command loads it
and runs only the trials still missing up to ``n_trials``.

The search space is data: every entry names one distribution of an explicit allow-list
(``float``, ``int``, ``categorical``); nothing in it is imported or instantiated.
"""

from __future__ import annotations

import math
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from hydra.plugins.sweeper import Sweeper

from stance.errors import ConfigError
from stance.files import write_text_atomic

TRIAL_ENV = "STANCE_OPTUNA_TRIAL"
STUDY_ENV = "STANCE_OPTUNA_STUDY"
RESULTS_FILE = "optimization_results.yaml"
DISTRIBUTIONS = ("float", "int", "categorical")
_KEYS = {"float": {"type", "low", "high", "log", "step"}, "int": {"type", "low", "high", "log", "step"},
         "categorical": {"type", "choices"}}
_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")


@dataclass(frozen=True)
class Param:
    """One searched config key: its Optuna distribution and, for categorical ones, the choices
    as written (a list such as an n-gram range is offered to Optuna by its index)."""

    key: str
    kind: str
    low: float | int | None = None
    high: float | int | None = None
    log: bool = False
    step: float | int | None = None
    choices: tuple = ()

    def distribution(self):
        from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution

        if self.kind == "float":
            return FloatDistribution(self.low, self.high, log=self.log, step=self.step)
        if self.kind == "int":
            return IntDistribution(self.low, self.high, log=self.log, step=self.step or 1)
        return CategoricalDistribution([c if _scalar(c) else override_value(c) for c in self.choices])

    def value(self, optuna_value: Any) -> Any:
        """The config value of Optuna's ``optuna_value`` (a list choice back from its index name)."""
        if self.kind != "categorical":
            return optuna_value
        return self.choices[[c if _scalar(c) else override_value(c) for c in self.choices].index(optuna_value)]

    def override(self, optuna_value: Any) -> str:
        """The Hydra override that sets this key to Optuna's ``optuna_value``."""
        return f"{self.key}={override_value(self.value(optuna_value))}"


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (bool, int, float, str))


def override_value(value: Any) -> str:
    """A Python value as Hydra override syntax: ``[1,2]``, ``null``, ``true``, ``'a b'``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return value if _PLAIN.match(value) and value not in ("null", "true", "false") else "'" + value.replace("'", "\\'") + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(override_value(v) for v in value) + "]"
    raise ConfigError(f"search choice {value!r} is not a number, string, boolean, null or list of them")


def parse_space(params: Mapping[str, Any] | None) -> list[Param]:
    """Check a search space (``hydra.sweeper.params``) and return its parameters, in order.

    Each entry is ``key: {type: float|int, low, high[, log][, step]}`` or ``key: {type:
    categorical, choices: [...]}``; a plain list is short for a categorical one. Anything else
    (an unknown type or key, low > high, log with low <= 0, a ``_target_``) is a ``ConfigError``
    naming the key.
    """
    from omegaconf import OmegaConf

    if params is not None and OmegaConf.is_config(params):
        params = OmegaConf.to_container(params, resolve=True)
    if not params:
        raise ConfigError("hydra.sweeper.params is empty: the search space needs at least one key "
                          "(e.g. model.C: {type: float, low: 0.1, high: 100, log: true})")
    if not isinstance(params, Mapping):
        raise ConfigError(f"hydra.sweeper.params must map config keys to distributions, got {type(params).__name__}")
    space = []
    for key, spec in params.items():
        where = f"hydra.sweeper.params.{key}"
        if not isinstance(key, str) or not re.match(r"^[A-Za-z_][\w.]*$", key):
            raise ConfigError(f"{where}: not a config key (letters, digits, _ and dots)")
        if isinstance(spec, list):
            spec = {"type": "categorical", "choices": spec}
        if not isinstance(spec, Mapping):
            raise ConfigError(f"{where}: expected {{type: float|int|categorical, ...}} or a list of choices, got {spec!r}")
        if _names_target(spec):
            raise ConfigError(f"{where}: _target_ is not allowed in a search space (it names distributions, "
                              f"one of {', '.join(DISTRIBUTIONS)})")
        kind = spec.get("type")
        if kind not in DISTRIBUTIONS:
            raise ConfigError(f"{where}: unknown distribution type {kind!r}; use one of {', '.join(DISTRIBUTIONS)}")
        unknown = set(spec) - _KEYS[kind]
        if unknown:
            raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))} for type {kind} "
                              f"(allowed: {', '.join(sorted(_KEYS[kind]))})")
        space.append(_numeric(key, kind, spec, where) if kind != "categorical" else _categorical(key, spec, where))
    return space


def _names_target(tree: Any) -> bool:
    """Whether ``_target_`` is a key anywhere in ``tree`` (a search space names no classes)."""
    if isinstance(tree, Mapping):
        return "_target_" in tree or any(_names_target(v) for v in tree.values())
    return isinstance(tree, list) and any(_names_target(v) for v in tree)


def _numeric(key: str, kind: str, spec: Mapping, where: str) -> Param:
    number = float if kind == "float" else int
    try:
        low, high = spec["low"], spec["high"]
        if isinstance(low, bool) or isinstance(high, bool) or (kind == "int" and not (isinstance(low, int) and isinstance(high, int))):
            raise TypeError
        low, high = number(low), number(high)
        step = None if spec.get("step") is None else number(spec["step"])
    except KeyError as exc:
        raise ConfigError(f"{where}: type {kind} needs low and high (missing {exc.args[0]})") from None
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: low, high and step of type {kind} must be {number.__name__}s, "
                          f"got low={spec.get('low')!r} high={spec.get('high')!r}") from None
    log = spec.get("log", False)
    if not isinstance(log, bool):
        raise ConfigError(f"{where}: log must be true or false, got {log!r}")
    if not (math.isfinite(low) and math.isfinite(high)) or low > high:
        raise ConfigError(f"{where}: low ({low}) must not be greater than high ({high})")
    if log and low <= 0:
        raise ConfigError(f"{where}: a log-scaled range needs low > 0, got {low}")
    if log and step is not None and not (kind == "int" and step == 1):
        raise ConfigError(f"{where}: step cannot be combined with log")
    if step is not None and step <= 0:
        raise ConfigError(f"{where}: step must be positive, got {step}")
    return Param(key, kind, low, high, log, step)


def _categorical(key: str, spec: Mapping, where: str) -> Param:
    choices = spec.get("choices")
    if not isinstance(choices, list) or not choices:
        raise ConfigError(f"{where}: type categorical needs a non-empty list of choices")
    for choice in choices:
        if not (_scalar(choice) or isinstance(choice, list)):
            raise ConfigError(f"{where}: choice {choice!r} is not a number, string, boolean, null or list of them")
        if isinstance(choice, list) and not all(_scalar(c) for c in choice):
            raise ConfigError(f"{where}: choice {choice!r} may only hold numbers, strings, booleans or null")
    keys = [c if _scalar(c) else override_value(c) for c in choices]
    if len(set(map(repr, keys))) != len(keys):
        raise ConfigError(f"{where}: choices repeat a value: {choices}")
    return Param(key, "categorical", choices=tuple(choices))


def safe_storage(url: str) -> str:
    """A storage URL without its password, for logs and run tags."""
    return re.sub(r"://([^:/@]+):[^@/]*@", r"://\1:***@", url)


def default_storage() -> str:
    """``multirun/optuna.db`` under the working directory (beside Hydra's default sweep folders):
    one file for every study, each found again by its name."""
    return f"sqlite:///{Path.cwd() / 'multirun' / 'optuna.db'}"


def check_sweeper_config(sweeper_cfg) -> None:
    """The early check ``SweepCallback`` runs before making a parent run: the search space and
    settings are valid (a one-line error and exit status 2 otherwise)."""
    from stance.cli import user_errors

    with user_errors("stance.train"):
        _check_settings(sweeper_cfg.get("n_trials"), sweeper_cfg.get("n_jobs"), sweeper_cfg.get("direction", "maximize"),
                        sweeper_cfg.get("sampler"))
        parse_space(sweeper_cfg.get("params"))


def _check_settings(n_trials, n_jobs, direction, sampler) -> None:
    for name, value in (("n_trials", n_trials), ("n_jobs", n_jobs)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"hydra.sweeper.{name} must be a positive whole number, got {value!r}")
    if direction not in ("maximize", "minimize"):
        raise ConfigError(f"hydra.sweeper.direction must be maximize or minimize, got {direction!r}")
    sampler = dict(sampler or {})
    if set(sampler) - {"name", "seed", "n_startup_trials"}:
        raise ConfigError(f"hydra.sweeper.sampler: unknown field(s) {sorted(set(sampler) - {'name', 'seed', 'n_startup_trials'})}")
    if sampler.get("name", "tpe") not in ("tpe", "random"):
        raise ConfigError(f"hydra.sweeper.sampler.name must be tpe or random, got {sampler.get('name')!r}")


def make_sampler(name: str, seed: int, n_startup_trials: int | None = None):
    """A seeded sampler; reseeded per batch from the first trial's number, so that a resumed study
    asks the same trials an uninterrupted one would (Optuna's samplers draw from one stream)."""
    import optuna

    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    kwargs = {} if n_startup_trials is None else {"n_startup_trials": int(n_startup_trials)}
    return optuna.samplers.TPESampler(seed=seed, **kwargs)


class OptunaSweeper(Sweeper):
    """Hydra sweeper over an Optuna study; Hydra loads it as
    ``hydra_plugins.stance_search.optuna_sweeper.StanceOptunaSweeper`` (Hydra 1.3 instantiates
    sweepers only from the ``hydra_plugins`` namespace)."""

    def __init__(self, params=None, study_name: str = "stance", storage: str | None = None, direction: str = "maximize",
                 n_trials: int = 20, n_jobs: int = 1, sampler=None) -> None:
        from omegaconf import OmegaConf

        self.params = OmegaConf.to_container(params, resolve=True) if OmegaConf.is_config(params) else params
        self.study_name = str(study_name)
        self.storage = storage
        self.direction = direction
        self.n_trials = n_trials
        self.n_jobs = n_jobs
        self.sampler = OmegaConf.to_container(sampler, resolve=True) if OmegaConf.is_config(sampler) else dict(sampler or {})
        self.config = None
        self.launcher = None
        self.hydra_context = None

    def setup(self, *, hydra_context, task_function, config) -> None:
        from hydra.core.plugins import Plugins

        self.hydra_context = hydra_context
        self.config = config
        self.launcher = Plugins.instance().instantiate_launcher(
            hydra_context=hydra_context, task_function=task_function, config=config)

    def sweep(self, arguments: list[str]) -> Any:
        from stance.cli import user_errors

        with user_errors("stance.train"):
            return self._sweep(list(arguments))

    def _sweep(self, arguments: list[str]) -> dict:
        import optuna

        _check_settings(self.n_trials, self.n_jobs, self.direction, self.sampler)
        space = parse_space(self.params)
        _check_arguments(arguments, space)
        self._check_composes(arguments, space)
        storage = self.storage or default_storage()
        if storage.startswith("sqlite:///"):
            Path(storage[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        optuna.logging.set_verbosity(optuna.logging.WARNING)
        study = optuna.create_study(study_name=self.study_name, storage=storage, direction=self.direction,
                                    load_if_exists=True)
        if study.direction.name.lower() != self.direction:
            raise ConfigError(f"study {self.study_name!r} in {safe_storage(storage)} was created to {study.direction.name.lower()}, "
                              f"not {self.direction}; use another study_name")
        stale = _fail_stale_trials(study)
        done = len(study.trials)
        remaining = max(0, self.n_trials - done)
        parent = _parent_run_id(self.config)
        _tag_parent(parent, {"stance.optuna_study": self.study_name, "stance.optuna_storage": safe_storage(storage),
                             "stance.optuna_n_trials": str(self.n_trials), "stance.optuna_resumed_from": str(done)})
        print(f"optuna study {self.study_name!r} in {safe_storage(storage)}: {done} trial(s) stored"
              + (f" ({stale} left RUNNING by a stopped search, marked FAIL)" if stale else "")
              + f", {remaining} to run (n_trials={self.n_trials})", file=sys.stderr)
        seed = int(self.sampler.get("seed", 0) or 0)
        distributions = {p.key: p.distribution() for p in space}
        failed = 0
        while remaining > 0:
            size = min(self.n_jobs, remaining)
            first = len(study.trials)
            study.sampler = make_sampler(self.sampler.get("name", "tpe"), seed + first, self.sampler.get("n_startup_trials"))
            trials = [study.ask(distributions) for _ in range(size)]
            batch = [arguments + [p.override(t.params[p.key]) for p in space]
                     + [f"++hydra.job.env_set.{TRIAL_ENV}={t.number}", f"++hydra.job.env_set.{STUDY_ENV}={override_value(self.study_name)}"]
                     for t in trials]
            try:
                returns = self.launcher.launch(batch, initial_job_idx=trials[0].number)
            except BaseException:
                for t in trials:
                    study.tell(t, state=optuna.trial.TrialState.FAIL)
                raise
            for trial, ret in zip(trials, returns):
                value = _objective(ret)
                if value is None:
                    failed += 1
                    study.tell(trial, state=optuna.trial.TrialState.FAIL)
                    print(f"trial {trial.number} failed: {_failure(ret)}", file=sys.stderr)
                else:
                    study.tell(trial, value)
            remaining -= size
        return self._report(study, storage, parent, failed, space)

    def _check_composes(self, arguments: list[str], space: Sequence[Param]) -> None:
        """Compose one trial's config before the study is touched: a searched key missing from
        the config, or a value of the wrong type, fails here in one line."""
        probe = [p.override(p.low if p.kind != "categorical" else p.distribution().choices[0]) for p in space]
        try:
            self.validate_batch_is_legal([arguments + probe])
        except Exception as exc:
            message = " ".join(str(exc).split())
            raise ConfigError(f"the search space does not fit the config ({', '.join(probe)}): {message}") from None

    def _report(self, study, storage: str, parent: str | None, failed: int, space: Sequence[Param]) -> dict:
        import optuna

        complete = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
        if not complete:
            raise ConfigError(f"no trial of study {self.study_name!r} completed ({failed} failed in this search); "
                              "see the failed runs' stance.error tags in MLflow")
        best = study.best_trial
        # Parameters removed from the yaml since a stored trial ran are reported as Optuna holds them.
        known = {p.key: p for p in space}
        overrides = [known[k].override(v) if k in known else f"{k}={override_value(v)}" for k, v in best.params.items()]
        results = {"study_name": self.study_name, "storage": safe_storage(storage), "direction": self.direction,
                   "n_trials": len(study.trials), "n_complete": len(complete), "best_trial": best.number,
                   "best_value": float(best.value),
                   "best_params": {k: known[k].value(v) if k in known else v for k, v in best.params.items()},
                   "best_overrides": overrides}
        _write_results(Path(str(self.config.hydra.sweep.dir)) / RESULTS_FILE, results)
        _tag_parent(parent, {"stance.optuna_best_trial": str(best.number), "stance.optuna_best_overrides": " ".join(overrides),
                             **{f"stance.optuna_best.{o.split('=', 1)[0]}": o.split("=", 1)[1] for o in overrides}},
                    metrics={"optuna_best_value": float(best.value), "optuna_n_trials": float(len(study.trials))})
        print(f"best trial {best.number} of study {self.study_name!r}: {best.value:.4f} with {' '.join(overrides)}"
              + (f"; {failed} trial(s) failed" if failed else ""), file=sys.stderr)
        return results


def _check_arguments(arguments: list[str], space: Sequence[Param]) -> None:
    from hydra.core.override_parser.overrides_parser import OverridesParser

    for override in OverridesParser.create().parse_overrides(arguments):
        if override.is_sweep_override():
            raise ConfigError(f"{override.input_line}: a search runs one job per trial; sweep a key through "
                              "hydra.sweeper.params instead of a comma list")
        if override.key_or_group in {p.key for p in space}:
            raise ConfigError(f"{override.input_line}: {override.key_or_group} is searched (hydra.sweeper.params); "
                              "do not set it on the command line too")


def _objective(ret) -> float | None:
    from hydra.core.utils import JobStatus

    if ret.status != JobStatus.COMPLETED:
        return None
    value = ret.return_value
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _failure(ret) -> str:
    from hydra.core.utils import JobStatus

    if ret.status == JobStatus.COMPLETED:
        return f"objective {ret.return_value!r} is not a finite number"
    exc = ret._return_value
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:300]


def _fail_stale_trials(study) -> int:
    """Mark FAIL the trials a stopped search left RUNNING (one search process per study)."""
    import optuna

    stale = [t for t in study.get_trials(deepcopy=False) if t.state in (optuna.trial.TrialState.RUNNING,
                                                                          optuna.trial.TrialState.WAITING)]
    for trial in stale:
        study._storage.set_trial_state_values(trial._trial_id, optuna.trial.TrialState.FAIL)
    return len(stale)


def _parent_run_id(config) -> str | None:
    from stance.tracking import PARENT_RUN_ENV, PARENT_RUN_FILE

    marker = Path(str(config.hydra.sweep.dir)) / PARENT_RUN_FILE
    return marker.read_text().strip() if marker.is_file() else os.environ.get(PARENT_RUN_ENV)


def _tag_parent(parent: str | None, tags: Mapping[str, str], metrics: Mapping[str, float] | None = None) -> None:
    """Record the study on the sweep's parent run (skipped when no SweepCallback made one)."""
    if not parent:
        return
    import mlflow

    client = mlflow.MlflowClient()
    for key, value in tags.items():
        client.set_tag(parent, key, value[:5000])
    for key, value in (metrics or {}).items():
        client.log_metric(parent, key, value)


def _write_results(path: Path, results: dict) -> None:
    """``optimization_results.yaml`` in the sweep folder, written to a temporary name and renamed."""
    from omegaconf import OmegaConf

    write_text_atomic(path, OmegaConf.to_yaml(OmegaConf.create(results)))
