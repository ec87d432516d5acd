"""What the Hugging Face ``Trainer`` drives when :class:`stance.models.transformer.TransformerClassifier`
fine-tunes: the two-head network, the batch collator, the label codes and class weights, the
per-epoch metrics and the callback that logs them, and fragment augmentation of the training
statements. Imported only when a transformer trains or loads (torch and transformers are heavy)."""

from __future__ import annotations

import logging
import math
import time
from typing import Any

import numpy as np

log = logging.getLogger("stance.models.transformer")
METRIC = "mean_macro_f1"  # what early stopping and best-model selection watch


def fragment_augment(texts: list[str], labels: dict[str, list[str]], share: float, seed: int):
    """Training statements plus, for ``share`` of those with 8 words or more, one contiguous
    piece of 40-80% of their words with the same labels: published quotes are often fragments
    cut out of a sentence, and the corpus's statements are mostly whole sentences."""
    if share <= 0:
        return texts, labels
    rng = np.random.default_rng(seed)
    extra_texts, extra_labels = [], {t: [] for t in labels}
    for i, text in enumerate(texts):
        words = text.split()
        if len(words) < 8 or rng.random() >= share:
            continue
        size = int(rng.integers(max(3, int(0.4 * len(words))), int(0.8 * len(words)) + 1))
        start = int(rng.integers(0, len(words) - size + 1))
        piece = " ".join(words[start:start + size]).strip(" ,.;:–-")
        if not piece:
            continue
        extra_texts.append(piece)
        for t in labels:
            extra_labels[t].append(labels[t][i])
    return texts + extra_texts, {t: list(labels[t]) + extra_labels[t] for t in labels}


# -- pieces the Trainer drives --------------------------------------------------
# The label code of a statement without a label for a task: its loss term is masked out
# (PyTorch's cross-entropy ignores it), so it trains the other tasks' heads only.
NO_LABEL = -100


def _label_codes(labels, space) -> dict[str, np.ndarray]:
    return {t: np.array([NO_LABEL if v is None else space.labels[t].index(v) for v in labels[t]], dtype=np.int64)
            for t in space.tasks}


def _sizes(space) -> dict[str, int]:
    return {t: len(names) for t, names in space.labels.items()}


def _class_weights(y: np.ndarray, k: int) -> np.ndarray:
    """``n / (k_present * count)`` per class (scikit-learn's "balanced"); 1 for classes absent from ``y``."""
    y = y[y != NO_LABEL]
    counts = np.bincount(y, minlength=k).astype(float)
    present = counts > 0
    w = np.ones(k)
    w[present] = len(y) / (present.sum() * counts[present])
    return w


def _build_net(encoder, pooling: str, dropout: float | None, weights: dict[str, np.ndarray | None],
               label_smoothing: float = 0.0, sizes: dict[str, int] | None = None):
    import torch
    from torch import nn

    hidden = int(encoder.config.hidden_size)
    if dropout is None:
        dropout = float(getattr(encoder.config, "hidden_dropout_prob", 0.1) or 0.1)

    class TwoHeadModel(nn.Module):
        """Shared encoder, pooled sentence vector, a linear head per task; loss = sum of the CEs
        over the statements that have a label for the task (a batch without any adds nothing)."""

        def __init__(self):
            super().__init__()
            self.encoder = encoder
            self.dropout = nn.Dropout(dropout)
            self.heads = nn.ModuleDict({t: nn.Linear(hidden, n) for t, n in sizes.items()})
            for t in sizes:
                w = weights.get(t)
                self.register_buffer(f"class_weight_{t}", None if w is None else torch.tensor(w, dtype=torch.float32),
                                     persistent=False)

        def forward(self, input_ids, attention_mask, **labels):
            hidden_states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            if pooling == "cls":
                vec = hidden_states[:, 0]
            else:
                mask = attention_mask.unsqueeze(-1).to(hidden_states.dtype)
                vec = (hidden_states * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            vec = self.dropout(vec)
            out = {f"logits_{t}": self.heads[t](vec) for t in sizes}
            if all(f"labels_{t}" in labels for t in sizes):
                loss = vec.sum() * 0.0  # keeps the graph when no task has a label in the batch
                for t in sizes:
                    y = labels[f"labels_{t}"]
                    if bool((y != NO_LABEL).any()):  # an all-masked mean would be NaN
                        loss = loss + nn.functional.cross_entropy(
                            out[f"logits_{t}"], y, weight=getattr(self, f"class_weight_{t}"),
                            label_smoothing=label_smoothing, ignore_index=NO_LABEL)
                out = {"loss": loss, **out}
            return out

    return TwoHeadModel()


class _Collator:
    """Pads ``input_ids`` to the longest in the batch; stacks the label columns."""

    def __init__(self, pad_id: int):
        self.pad_id = int(pad_id)

    def __call__(self, features: list[dict[str, Any]]):
        import torch

        n = max(len(f["input_ids"]) for f in features)
        ids = torch.full((len(features), n), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(features), n), dtype=torch.long)
        for i, f in enumerate(features):
            ids[i, : len(f["input_ids"])] = torch.tensor(f["input_ids"], dtype=torch.long)
            mask[i, : len(f["input_ids"])] = 1
        batch = {"input_ids": ids, "attention_mask": mask}
        for key in features[0]:
            if key.startswith("labels_"):
                batch[key] = torch.tensor([f[key] for f in features], dtype=torch.long)
        return batch


def _compute_metrics(pred, space) -> dict[str, float]:
    from stance.metrics import macro_f1

    logits, gold = pred.predictions, pred.label_ids
    if len(space.tasks) == 1:  # the Trainer unwraps a single label column and a single output
        logits, gold = [logits], [gold]
    out = {}
    for i, t in enumerate(space.tasks):
        names = np.asarray(space.labels[t], dtype=object)
        g, keep = np.asarray(gold[i]), np.asarray(gold[i]) != NO_LABEL  # unlabelled statements do not count
        if keep.any():
            out[f"{t}_macro_f1"] = macro_f1(list(names[g[keep]]), list(names[np.asarray(logits[i])[keep].argmax(-1)]), space.labels[t])
    out[METRIC] = float(np.mean([out[f"{t}_macro_f1"] for t in space.tasks if f"{t}_macro_f1" in out] or [0.0]))
    return out


def _best_epoch(history: list[dict[str, float]]) -> int | None:
    scored = [h for h in history if "validation_mean_macro_f1" in h]
    return int(max(scored, key=lambda h: h["validation_mean_macro_f1"])["epoch"]) if scored else None


try:
    from transformers import TrainerCallback as _TrainerCallback
except ImportError:  # pragma: no cover - the module needs transformers to train anyway
    _TrainerCallback = object


class _EpochLog(_TrainerCallback):
    """Collects per-epoch figures and logs them, ``step=epoch``, into the active MLflow run (if any)."""

    def __init__(self, history: list[dict[str, float]], tasks=()):
        self.history = history
        self.tasks = tuple(tasks)
        self._start = 0.0
        self._row: dict[str, float] = {}

    def on_epoch_begin(self, args, state, control, **kwargs):
        self._start = time.perf_counter()
        self._row = {}

    def on_epoch_end(self, args, state, control, **kwargs):
        self._row["epoch"] = int(round(state.epoch or 0))
        self._row["train_seconds"] = time.perf_counter() - self._start
        if args.eval_strategy == "no":
            self._flush()

    def on_log(self, args, state, control, logs=None, **kwargs):
        if logs and "loss" in logs and "eval_loss" not in logs:
            self._row["train_loss"] = float(logs["loss"])

    def on_evaluate(self, args, state, control, metrics=None, **kwargs):
        metrics = metrics or {}
        for t in self.tasks:
            if f"eval_{t}_macro_f1" in metrics:
                self._row[f"{t}_validation_macro_f1"] = float(metrics[f"eval_{t}_macro_f1"])
        for src, dst in ((f"eval_{METRIC}", "validation_mean_macro_f1"), ("eval_loss", "validation_loss"),
                         ("eval_runtime", "validation_seconds")):
            if src in metrics:
                self._row[dst] = float(metrics[src])
        self._flush()

    def _flush(self):
        row = dict(self._row)
        if "epoch" not in row:
            return
        self.history.append(row)
        epoch = row["epoch"]
        log.info("transformer epoch %d: %s", epoch, ", ".join(f"{k} {v:.4f}" for k, v in row.items() if k != "epoch"))
        import mlflow

        if mlflow.active_run() is not None:
            mlflow.log_metrics({f"epoch_{k}": v for k, v in row.items() if k != "epoch" and math.isfinite(v)}, step=epoch)
        self._row = {}
