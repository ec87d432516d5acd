"""Train a model, score it on validation and test, log everything to MLflow.

    python -m stance.train [model=tfidf_svm] [seed=3] [register=true]
    python -m stance.train -m model=majority,tfidf_logreg,tfidf_svm seed=1,2,3
"""

from __future__ import annotations

import time

import hydra
from omegaconf import DictConfig, OmegaConf

from stance.config import register_configs
from stance.errors import ConfigError, StanceError

register_configs()


def build_model(model_cfg: DictConfig):
    """Instantiate the configured model; a bad parameter is a ``ConfigError`` naming it."""
    from hydra.errors import InstantiationException
    from hydra.utils import instantiate

    try:
        return instantiate(model_cfg)
    except InstantiationException as exc:
        cause = exc.__cause__ or exc
        if isinstance(cause, StanceError):  # the model's own one-line message (e.g. a missing pretrained model)
            raise cause from None
        raise ConfigError(f"model config {OmegaConf.to_container(model_cfg)} is invalid: {cause}") from None


def model_choice(cfg: DictConfig) -> str:
    """The model's config name (``tfidf_svm``), or its class name outside Hydra."""
    try:
        from hydra.core.hydra_config import HydraConfig

        return HydraConfig.get().runtime.choices["model"]
    except (ValueError, KeyError):
        return cfg.model._target_.rsplit(".", 1)[-1]


def run_tags(cfg: DictConfig, fingerprint: str, run_type: str) -> dict[str, str]:
    """Provenance every run carries: commit, data fingerprint, overrides, sweep id."""
    from stance import tracking

    commit = tracking.git_commit()
    from stance import __version__

    tags = {
        "stance.version": __version__,
        "stance.run_type": run_type,
        "stance.git_commit": commit,
        "mlflow.source.git.commit": commit,
        "stance.data_fingerprint": fingerprint,
        "stance.data_path": str(cfg.data.path),
        "stance.input": str(cfg.data.get("input", "text")),
    }
    try:
        from hydra.core.hydra_config import HydraConfig

        hc = HydraConfig.get()
        tags["stance.overrides"] = " ".join(hc.overrides.task) or "(none)"
        if hc.mode is not None and hc.mode.name == "MULTIRUN":
            tags["stance.sweep_dir"] = str(hc.sweep.dir)
            tags["stance.job_num"] = str(hc.job.num)
            tags.update(search_tags())
        tags["stance.output_dir"] = hc.runtime.output_dir
    except ValueError:  # composed without @hydra.main (tests, notebooks)
        pass
    return tags


def train(cfg: DictConfig) -> dict[str, float]:
    """The training job; returns its metrics (validation macro-F1 first, for sweepers)."""
    import numpy as np

    from stance import tracking
    from stance.data import load_corpus
    from stance.data.inputs import check_train_fraction, model_inputs, select_languages, subsample_train
    from stance.data.io import read_spec
    from stance.errors import DataError
    from stance.labels import LabelSpace
    from stance.profiling import PeakMemory
    from stance.scoring import gold_labels, log_split_score, score_split

    model = build_model(cfg.model)  # before any work: a bad model config fails fast
    model_inputs([], cfg.data.input)  # likewise an unknown input mode
    check_train_fraction(cfg.data.get("train_fraction", 1.0))  # and a share of the train split outside (0, 1]
    space = LabelSpace.from_config(cfg.get("labels"))  # and bad label sets or column mappings
    spec = read_spec(cfg.data.get("columns"), space, training=True)
    np.random.seed(cfg.seed)
    corpus = load_corpus(
        cfg.data.path,
        fractions=list(cfg.data.fractions),
        split_seed=cfg.data.split_seed,
        near_duplicate_threshold=cfg.data.near_duplicate_threshold,
        limit=cfg.data.limit,
        spec=spec,
    )
    extra_sets, extra_tags = load_extra_sets(cfg.get("eval_sets") or {}, space)
    tracking.connect(cfg.tracking.uri, timeout=cfg.tracking.timeout, retry_seconds=cfg.tracking.retry_seconds)
    family = model_choice(cfg)
    run_name = cfg.run_name or default_run_name(family, cfg.seed)
    tags = run_tags(cfg, corpus.fingerprint, "train") | {"stance.model_family": family} | extra_tags | label_tags(space)
    if corpus.n_lang_detected:
        tags["stance.lang_detected"] = str(corpus.n_lang_detected)
    with tracking.tracked_run(
        cfg.tracking.experiment, run_name, tags, params=tracking.config_container(cfg), parent_run_id=tracking.parent_run_id_for_job(),
        system_metrics=wants_system_metrics(cfg), system_metrics_interval=cfg.tracking.get("system_metrics_interval"),
    ) as run:
        tracking.log_text(OmegaConf.to_yaml(cfg, resolve=True), "config.yaml")
        _log_hydra_dir()
        # Cross-lingual studies train and choose on some languages; test always covers all.
        train_ds = select_languages(corpus.splits["train"], cfg.data.train_languages)
        share_seed = cfg.data.get("train_fraction_seed")
        train_ds = subsample_train(train_ds, cfg.data.get("train_fraction", 1.0), cfg.seed if share_seed is None else share_seed)
        val_ds = select_languages(corpus.splits["validation"], cfg.data.train_languages)
        if len(train_ds) == 0 or len(val_ds) == 0:
            raise DataError(f"data.train_languages={list(cfg.data.train_languages)} leaves no training or validation statements")
        log_dataset_inputs(cfg, corpus, {"train": train_ds, "validation": val_ds, "test": corpus.splits["test"]},
                           extra_sets, extra_tags)
        labels = {t: gold_labels(train_ds, t) for t in space.tasks}
        validation = (model_inputs(val_ds, cfg.data.input), {t: gold_labels(val_ds, t) for t in space.tasks})
        with PeakMemory() as memory:
            start = time.perf_counter()
            model.fit(model_inputs(train_ds, cfg.data.input), labels, validation=validation, label_space=space)
            if cfg.calibrate:  # temperature scaling on validation: better probabilities, same labels
                model.calibrate(*validation)
            metrics = {"train_seconds": time.perf_counter() - start}
            metrics.update({f"{t}_temperature": v for t, v in model.temperatures_.items()})
            for split, ds in (("validation", val_ds), ("test", corpus.splits["test"]), *extra_sets):
                score = score_split(model, ds, split, n_boot=cfg.n_boot, seed=cfg.seed, inputs=model_inputs(ds, cfg.data.input))
                log_split_score(score, predictions=split.endswith("test"))
                metrics.update(score.metrics)
        metrics.update(log_explanations(model, model_inputs(corpus.splits["test"], cfg.data.input), cfg.explain, cfg.seed))
        metrics["peak_rss_mb"] = memory.peak_mb
        metrics.update({f"n_{s}": len(ds) for s, ds in (("train", train_ds), ("validation", val_ds), ("test", corpus.splits["test"]))})
        tracking.log_metrics({k: v for k, v in metrics.items()
                              if k.startswith(("train_", "n_", "peak_", "explain_")) or k.endswith("_temperature")})
        model.input_mode = str(cfg.data.input)
        model.info = model_card(family, tags, metrics, cfg, run.info.run_id, space)
        info = tracking.log_model(model, name="model", example_texts=list(corpus.splits["test"]["text"][:3]))
        registered = ""
        if cfg.register:
            version = tracking.register(info.model_uri, cfg.registered_model_name, cfg.register_alias)
            registered = f"; registered {cfg.registered_model_name} version {version.version}"
    nan = float("nan")  # a task without labels in a split (partial annotation) is not scored there
    print(
        f"run {run.info.run_id} ({run_name}): "
        + ", ".join(f"{t} validation / test macro-F1 {metrics.get(f'{t}_validation_macro_f1', nan):.3f} / "
                    f"{metrics.get(f'{t}_test_macro_f1', nan):.3f}" for t in space.tasks)
        + "".join(f"; {name} {t} validation / test {metrics.get(f'{t}_{name}_validation_macro_f1', nan):.3f} / "
                  f"{metrics.get(f'{t}_{name}_test_macro_f1', nan):.3f}"
                  for name in dict.fromkeys(n.rsplit('_', 1)[0] for n, _ in extra_sets) for t in space.tasks)
        + f"; model {info.model_uri}{registered}"
    )
    parent = tracking.parent_run_id_for_job()
    print(f"  experiment {cfg.tracking.experiment!r} at {cfg.tracking.uri}"
          + (f", sweep parent run {parent}" if parent else "")
          + (f"; outputs in {tags['stance.output_dir']}" if "stance.output_dir" in tags else "")
          + ". Choose models by validation; the test figures are for reporting.")
    return metrics


# Families that train in seconds: no system metrics under tracking.system_metrics=auto.
SHORT_FAMILIES = ("MajorityClassifier", "TfidfClassifier")


def wants_system_metrics(cfg: DictConfig) -> bool:
    """``tracking.system_metrics``: true, false, or auto = every family but the seconds-long ones
    (an ensemble when one of its members is long)."""
    setting = str(cfg.tracking.get("system_metrics", "auto")).strip().lower()
    if setting in ("true", "false"):
        return setting == "true"
    if setting != "auto":
        raise ConfigError(f"tracking.system_metrics={setting!r} is not one of auto, true, false")
    return _is_long(cfg.model)


def _is_long(model_cfg) -> bool:
    target = str(model_cfg.get("_target_", "")).rsplit(".", 1)[-1]
    if target == "EnsembleClassifier":
        return any(_is_long(member) for member in (model_cfg.get("members") or {}).values())
    return target not in SHORT_FAMILIES


def log_dataset_inputs(cfg: DictConfig, corpus, splits: dict, extra_sets: list, extra_tags: dict) -> None:
    """Each split the run uses as an MLflow dataset input (context = the split): name
    ``<folder>-<split>``, digest = the fingerprint of the split's file when the run uses that file
    whole (the one ``stance.eval_fingerprint.*`` tags show), else a hash of the split's rows (a
    split cut from one file, ``data.limit``, ``data.train_languages``); source = its file."""
    from pathlib import Path

    from stance import tracking
    from stance.data.formats import fingerprint_sources, fixed_split_sources

    path = Path(cfg.data.path)
    fixed = (fixed_split_sources(path, ("train", "validation", "test")) if corpus.fixed_splits else None) or {}
    for split, ds in splits.items():
        src = fixed.get(split)
        whole = src is not None and not cfg.data.limit and (split == "test" or not cfg.data.train_languages)
        digest = fingerprint_sources([src]) if whole else rows_digest(ds)
        source = src.path if src is not None else path
        tracking.log_dataset(dataset_frame(ds), f"{path.name if path.is_dir() else path.stem}-{split}", digest, str(source), split)
    for split, ds in extra_sets:  # <name>_<half>, fingerprints in the stance.eval_fingerprint.<name> tag
        name, half = split.rsplit("_", 1)
        prints = extra_tags.get(f"stance.eval_fingerprint.{name}", "").split("/")
        digest = prints[0 if half == "validation" else -1] if len(prints) == 2 else rows_digest(ds)
        folder = Path(cfg.eval_sets[name])
        tracking.log_dataset(dataset_frame(ds), f"{folder.name}-{half}", digest, str(folder / f"{half}.jsonl"), split)


def rows_digest(ds) -> str:
    """First 16 hex digits of SHA-256 over a split's texts and labels, in order."""
    import hashlib
    import json

    h = hashlib.sha256()
    for row in ds:
        h.update(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str).encode())
        h.update(b"\n")
    return h.hexdigest()[:16]


def dataset_frame(ds):
    """The split as a DataFrame with label names (what the dataset input's schema describes)."""
    frame = ds.to_pandas()
    for column, feature in ds.features.items():
        if hasattr(feature, "int2str"):
            frame[column] = [feature.int2str(int(v)) if v >= 0 else None for v in frame[column]]
    return frame


def model_card(family: str, tags: dict, metrics: dict, cfg: DictConfig, run_id: str, space) -> dict:
    """What a loaded model reports about its training (``clf.info``): plain data only."""
    return {
        "family": family,
        "run_id": run_id,
        "stance_version": tags["stance.version"],
        "git_commit": tags["stance.git_commit"],
        "data_fingerprint": tags["stance.data_fingerprint"],
        "data_path": tags["stance.data_path"],
        "input": str(cfg.data.input),
        "seed": int(cfg.seed),
        "n_train": int(metrics.get("n_train", 0)),
        "labels": {t: list(space.labels[t]) for t in space.tasks},
        "validation": {k: round(float(v), 4) for k, v in metrics.items()
                       if k.endswith(("validation_macro_f1", "validation_f_avg")) and "_ci_" not in k},
    }


def swept_overrides() -> list[str]:
    """The keys a Hydra multirun varies (``model.C=1,5,20`` gives ``model.C``), from the
    ``multirun.yaml`` Hydra writes in the sweep folder before the jobs; [] outside a sweep."""
    from pathlib import Path

    try:
        from hydra.core.hydra_config import HydraConfig
        from hydra.core.override_parser.overrides_parser import OverridesParser

        hc = HydraConfig.get()
        if hc.mode is None or hc.mode.name != "MULTIRUN":
            return []
        sweep_file = Path(hc.sweep.dir) / "multirun.yaml"
        given = list(OmegaConf.load(sweep_file).hydra.overrides.task) if sweep_file.is_file() else []
    except ValueError:  # not under Hydra
        return []
    parsed = OverridesParser.create().parse_overrides(given)
    return [o.key_or_group for o in parsed if o.is_sweep_override()]


def search_tags() -> dict[str, str]:
    """A hyper-parameter search trial's study and number (``stance.search`` passes them to the job
    through ``hydra.job.env_set``, which every launcher applies); {} for any other job."""
    from hydra.core.hydra_config import HydraConfig

    from stance.search import STUDY_ENV, TRIAL_ENV

    env = HydraConfig.get().job.env_set
    if TRIAL_ENV not in env:
        return {}
    return {"stance.optuna_trial": str(env[TRIAL_ENV]), "stance.optuna_study": str(env.get(STUDY_ENV, ""))}


def default_run_name(family: str, seed: int) -> str:
    """``<family>[-<key><value>…]-seed<seed>``: a sweep's runs are named by what varies
    (``tfidf_logreg-C5-seed0``), a single run by its family and seed."""
    from hydra.core.hydra_config import HydraConfig

    parts = [family]
    varying = [k for k in swept_overrides() if k not in ("model", "seed")]
    if varying:
        values = dict(o.split("=", 1) for o in HydraConfig.get().overrides.task if "=" in o)
        for key in varying:
            value = values.get(key, values.get(f"+{key}", ""))
            short = key.rsplit(".", 1)[-1].rsplit("/", 1)[-1]
            parts.append(f"{short}{value}" if value[:1].isdigit() or value[:1] in "-." else f"{short}={value}")
    if HydraConfig.initialized() and getattr(HydraConfig.get().mode, "name", None) == "MULTIRUN":
        trial = search_tags().get("stance.optuna_trial")
        parts += [f"trial{trial}"] if trial is not None else []
    return "-".join(parts + [f"seed{seed}"])


def log_explanations(model, texts: list[str], settings, seed: int) -> dict[str, float]:
    """Log a few explained test statements (HTML) and the deletion check on a sample of the
    test split: top-k attributed words against k random ones (``stance.explain``)."""
    import numpy as np

    from stance import tracking
    from stance.explain import deletion_gain, explanations_html

    if not texts:
        return {}
    rng = np.random.default_rng(seed)
    if settings.examples > 0:
        shown = [texts[i] for i in rng.choice(len(texts), size=min(settings.examples, len(texts)), replace=False)]
        tracking.log_text(explanations_html(model, shown, "explained test statements"), "explanations/test_examples.html")
    if settings.sample <= 0:
        return {}
    sample = [texts[i] for i in rng.choice(len(texts), size=min(settings.sample, len(texts)), replace=False)]
    check = deletion_gain(model, sample, k=settings.k, seed=seed)
    return {"explain_deletion_top": check["top"], "explain_deletion_random": check["random"],
            "explain_deletion_gain": check["gain"]}


def label_tags(space) -> dict[str, str]:
    """The label sets as a run tag (compact JSON), so runs with other labels are told apart."""
    import json

    return {"stance.labels": json.dumps(space.to_json()["labels"], separators=(",", ":"), ensure_ascii=False)}


def load_extra_sets(eval_sets, space=None) -> tuple[list[tuple[str, object]], dict[str, str]]:
    """``[(<name>_<half>, dataset)]`` for every configured evaluation set, and their fingerprints
    as tags. A set whose folder is absent (an installed package without the project's data) is
    skipped with a note; a present but malformed one is an error like any data file. The sets
    are labelled with the codebook's labels: with other label sets (``labels=``) they are skipped
    with a note, with a subset of the codebook's tasks they are scored on those tasks."""
    from pathlib import Path

    from stance.data import load_eval_set
    from stance.data.io import read_spec
    from stance.labels import LabelSpace

    space = space or LabelSpace.default()
    codebook = LabelSpace.default()
    spec = read_spec(None, space)
    other = [t for t in space.tasks if codebook.labels.get(t) != space.labels[t]]
    sets, tags = [], {}
    for name, folder in eval_sets.items():
        if other:
            print(f"eval_sets.{name}: labelled with the codebook's labels, not those of labels= for {', '.join(other)}; "
                  "not scored (eval_sets={} silences this)")
            continue
        files = [Path(folder) / f"{half}.jsonl" for half in ("validation", "test")]
        if not all(f.is_file() for f in files):
            print(f"eval_sets.{name}: {folder} has no validation.jsonl and test.jsonl; not scored")
            continue
        prints = []
        for half, file in zip(("validation", "test"), files):
            ds, _, fp = load_eval_set(file, spec=spec)
            sets.append((f"{name}_{half}", ds))
            prints.append(fp)
        tags[f"stance.eval_fingerprint.{name}"] = "/".join(prints)
    return sets, tags


def _log_hydra_dir() -> None:
    from pathlib import Path

    from stance import tracking

    try:
        from hydra.core.hydra_config import HydraConfig

        tracking.log_dir(Path(HydraConfig.get().runtime.output_dir) / ".hydra", "hydra")
    except ValueError:
        pass


@hydra.main(config_path="conf", config_name="train", version_base="1.3")
def _hydra_main(cfg: DictConfig) -> float:
    from stance.cli import user_errors

    with user_errors("stance.train"):
        metrics = train(cfg)
    # The objective a sweeper maximises: mean macro-F1 over the tasks on the realistic
    # validation half when it is scored (the corpus's own validation split otherwise).
    from stance.labels import LabelSpace

    tasks = LabelSpace.from_config(cfg.get("labels")).tasks
    split = "realistic_validation" if f"{tasks[0]}_realistic_validation_macro_f1" in metrics else "validation"
    scored = [metrics[f"{t}_{split}_macro_f1"] for t in tasks if f"{t}_{split}_macro_f1" in metrics]
    return sum(scored) / len(scored) if scored else float("nan")


def main() -> None:
    _hydra_main()


if __name__ == "__main__":
    main()
