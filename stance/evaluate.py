"""Evaluate any logged or registered model on any labelled file; tracked as an MLflow run.

    python -m stance.evaluate model_uri=models:/quote-stance/latest [data.path=file.jsonl]
    python -m stance.evaluate model_uri=... data.path=theirs.csv data.columns.text=tekst data.columns.stance=postawa

The data is read with the model's label sets (saved with it): a label the model does not know
is an error naming it; a task of the model without a column in the data is not scored.
"""

from __future__ import annotations

from pathlib import Path

import hydra
from omegaconf import DictConfig, OmegaConf

from stance.config import register_configs

register_configs()


def evaluate(cfg: DictConfig) -> dict[str, float]:
    from stance import tracking
    from stance.api import load
    from stance.data import load_eval_set
    from stance.data.inputs import model_inputs
    from stance.data.io import read_spec
    from stance.scoring import log_split_score, score_split
    from stance.train import dataset_frame, label_tags, rows_digest, run_tags

    tracking.connect(cfg.tracking.uri, timeout=cfg.tracking.timeout, retry_seconds=cfg.tracking.retry_seconds)
    model = load(cfg.model_uri, tracking_uri=cfg.tracking.uri)
    space = model.label_space
    spec = read_spec(cfg.data.get("columns"), space,
                     unknown_hint=f"the model {cfg.model_uri} was trained on these labels only; score it on data labelled with them")
    dataset, split, fp = load_eval_set(cfg.data.path, cfg.split, spec=spec)
    if cfg.data.limit:
        dataset = dataset.select(range(min(cfg.data.limit, len(dataset))))
    tags = run_tags(cfg, fp, "evaluate") | {"stance.model_uri": cfg.model_uri, "stance.model_family": type(model).__name__}
    tags |= label_tags(space)
    run_name = cfg.run_name or f"evaluate {cfg.model_uri}"
    with tracking.tracked_run(cfg.tracking.experiment, run_name, tags, params=tracking.config_container(cfg), parent_run_id=tracking.parent_run_id_for_job()) as run:
        tracking.log_text(OmegaConf.to_yaml(cfg, resolve=True), "config.yaml")
        tracking.log_params({"model_params": model.get_params()})
        # the runs table's Dataset column; the file's fingerprint unless data.limit cut it
        source = Path(cfg.data.path)
        tracking.log_dataset(dataset_frame(dataset), f"{source.stem if source.is_file() else source.name}-{split}",
                             rows_digest(dataset) if cfg.data.limit else fp, str(source), split)
        score = score_split(model, dataset, split, n_boot=cfg.n_boot, seed=cfg.seed, inputs=model_inputs(dataset, cfg.data.input))
        log_split_score(score)
    print(
        f"run {run.info.run_id}: {cfg.model_uri} on {cfg.data.path} ({split}, {len(dataset)} statements): "
        + ", ".join(f"{t} macro-F1 {score.metrics[f'{t}_{split}_macro_f1']:.3f} ({int(score.metrics[f'{t}_{split}_n'])} labelled)"
                    for t in score.tasks)
        + "".join(f"; {t} not scored (no labels in the data)" for t in space.tasks if t not in score.tasks)
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
