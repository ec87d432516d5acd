"""Evaluate any logged or registered model on any labelled file; tracked as an MLflow run.

    python -m stance.evaluate model_uri=models:/quote-stance/latest [data.path=file.jsonl]
"""

from __future__ import annotations

import hydra
from omegaconf import DictConfig, OmegaConf

from stance.config import register_configs

register_configs()


def evaluate(cfg: DictConfig) -> dict[str, float]:
    from stance import tracking
    from stance.api import load
    from stance.data import load_eval_set
    from stance.data.inputs import model_inputs
    from stance.labels import TASKS
    from stance.scoring import log_split_score, score_split
    from stance.train import run_tags

    dataset, split, fp = load_eval_set(cfg.data.path, cfg.split)
    if cfg.data.limit:
        dataset = dataset.select(range(min(cfg.data.limit, len(dataset))))
    tracking.connect(cfg.tracking.uri, timeout=cfg.tracking.timeout, retry_seconds=cfg.tracking.retry_seconds)
    model = load(cfg.model_uri, tracking_uri=cfg.tracking.uri)
    tags = run_tags(cfg, fp, "evaluate") | {"stance.model_uri": cfg.model_uri, "stance.model_family": type(model).__name__}
    run_name = cfg.run_name or f"evaluate {cfg.model_uri}"
    with tracking.tracked_run(cfg.tracking.experiment, run_name, tags, params=tracking.config_container(cfg), parent_run_id=tracking.parent_run_id_for_job()) as run:
        tracking.log_text(OmegaConf.to_yaml(cfg, resolve=True), "config.yaml")
        tracking.log_params({"model_params": model.get_params()})
        score = score_split(model, dataset, split, n_boot=cfg.n_boot, seed=cfg.seed, inputs=model_inputs(dataset, cfg.data.input))
        log_split_score(score)
    print(
        f"run {run.info.run_id}: {cfg.model_uri} on {cfg.data.path} ({split}, {len(dataset)} statements): "
        + ", ".join(f"{t} macro-F1 {score.metrics[f'{t}_{split}_macro_f1']:.3f}" for t in TASKS)
    )
    return score.metrics


@hydra.main(config_path="conf", config_name="evaluate", version_base="1.3")
def _hydra_main(cfg: DictConfig) -> None:
    from stance.cli import user_errors

    with user_errors("stance.evaluate"):
        evaluate(cfg)


def main() -> None:
    _hydra_main()


if __name__ == "__main__":
    main()
