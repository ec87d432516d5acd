"""Typed schemas for the Hydra configs, so a wrong type fails at composition, before any work,
and the resolvers the YAML files use (``${stance.root:}``, ``${stance.tracking_uri:}``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from hydra.core.config_store import ConfigStore
from omegaconf import MISSING, OmegaConf


@dataclass
class DataConfig:
    path: str = MISSING
    fractions: list[float] = field(default_factory=lambda: [0.7, 0.15, 0.15])
    split_seed: int = 0
    near_duplicate_threshold: float = 0.8
    limit: Optional[int] = None
    input: str = "text"  # text | speaker | context (stance.data.inputs)
    train_languages: Optional[list[str]] = None  # e.g. [pl]: train and choose on Polish only
    train_fraction: float = 1.0  # learning curves: a stable, nested share of the train split only
    train_fraction_seed: Optional[int] = None  # which share (null: the run's seed)
    # The package's field names mapped to the file's columns: data.columns.text=tekst (stance.data.io)
    columns: dict[str, Optional[str]] = field(default_factory=dict)


@dataclass
class TrackingConfig:
    uri: str = MISSING
    experiment: str = "quote-stance"
    timeout: float = 5.0
    retry_seconds: float = 60.0  # a server's failed request is retried this long in all
    # CPU/memory/disk/network (GPU) samples in the run's system/* metrics: auto = for the model
    # families that train for minutes (encoders, transformers, ensembles with them), true, false
    system_metrics: str = "auto"
    system_metrics_interval: Optional[float] = None  # seconds between samples; None: MLflow's 10 s


@dataclass
class ExplainConfig:
    examples: int = 5  # test statements explained in the run's explanations.html
    sample: int = 100  # test statements of the deletion (faithfulness) check; 0 skips it
    k: int = 3  # words deleted by that check


@dataclass
class TrainConfig:
    data: DataConfig = field(default_factory=DataConfig)
    tracking: TrackingConfig = field(default_factory=TrackingConfig)
    model: Any = MISSING
    seed: int = 0
    register: bool = False
    calibrate: bool = True
    registered_model_name: str = "quote-stance"
    register_alias: Optional[str] = None
    run_name: Optional[str] = None
    n_boot: int = 1000
    explain: ExplainConfig = field(default_factory=ExplainConfig)
    # Extra labelled sets scored in every run: name -> folder with validation.jsonl / test.jsonl
    # (metrics <task>_<name>_validation_macro_f1 ...); the realistic set by default.
    eval_sets: dict[str, str] = field(default_factory=dict)
    # Task -> ordered labels (or {labels: [...], polar: [...]}); null: the codebook's two tasks.
    # Checked by stance.labels.LabelSpace.from_config and saved with the model.
    labels: Any = None


@dataclass
class EvaluateConfig:
    model_uri: str = MISSING
    data: DataConfig = field(default_factory=DataConfig)
    tracking: TrackingConfig = field(default_factory=TrackingConfig)
    split: str = "test"
    seed: int = 0
    run_name: Optional[str] = None
    n_boot: int = 1000


@dataclass
class ArticlesConfig:
    path: str = MISSING  # a folder of gold article *.json files, or one of them


@dataclass
class EvaluateExtractionConfig:
    data: ArticlesConfig = field(default_factory=ArticlesConfig)
    tracking: TrackingConfig = field(default_factory=TrackingConfig)
    run_name: Optional[str] = None
    max_misses_printed: int = 0
    speaker_model: str = "ranker"  # ranker | rules | hybrid (stance.extract.ranker)


@dataclass
class LabelConfig:
    model_uri: str = MISSING
    input: str = MISSING
    output: str = MISSING
    tracking: TrackingConfig = field(default_factory=TrackingConfig)
    mode: str = "statements"  # statements | articles
    text_col: str = "text"
    id_col: str = "id"
    keep: list[str] = field(default_factory=list)
    lang: Optional[str] = None
    batch_size: int = 1000
    strict: bool = False
    max_line_bytes: int = 10_000_000


def register_configs() -> None:
    """Register the schemas and resolvers (idempotent; entry points call it before composing)."""
    from stance.tracking import default_tracking_uri, project_root

    if not OmegaConf.has_resolver("stance.root"):
        OmegaConf.register_new_resolver("stance.root", lambda: str(project_root()))
    if not OmegaConf.has_resolver("stance.tracking_uri"):
        OmegaConf.register_new_resolver("stance.tracking_uri", default_tracking_uri)
    cs = ConfigStore.instance()
    cs.store(name="train_schema", node=TrainConfig)
    cs.store(name="evaluate_schema", node=EvaluateConfig)
    cs.store(name="evaluate_extraction_schema", node=EvaluateExtractionConfig)
    cs.store(name="label_schema", node=LabelConfig)
