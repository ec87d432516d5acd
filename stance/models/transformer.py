"""A fine-tuned transformer: one shared encoder, two classification heads.

``model=transformer model.pretrained=<hub id | local path | e5-small-offline | minilm-offline>``.

Architecture. The encoder (``AutoModel``) turns a statement into one vector
(attention-masked mean of the last hidden states, or the first token); a stance
head and a tone head (dropout + linear) read that same vector, and training
minimises the sum of the two cross-entropy losses (optionally class-weighted).
Why one encoder and not one model per task:

* inference is one forward pass per statement for both labels, so labelling an
  archive costs half of what two models cost (the encoder is ~all of the compute;
  a head is a 384x3 matrix);
* training is one forward and one backward pass per batch and one set of weights,
  gradients and Adam moments (for e5-small, ~118 M parameters, that set is ~1.9 GB
  in float32), so it takes about half the time and memory of fine-tuning two models;
* the tasks are related (hardline statements are mostly negative in tone), so the
  shared encoder sees twice the supervision per statement and a saved model is one
  directory of weights, not two that could drift apart.

Training uses the Hugging Face ``Trainer`` (``report_to="none"``: the Trainer never
opens an MLflow run of its own). With validation data it evaluates every epoch,
stops early when the mean validation macro-F1 of the two tasks has not improved for
``patience`` epochs and restores the best epoch's weights. A ``TrainerCallback``
logs the per-epoch figures (``epoch_<task>_validation_macro_f1``,
``epoch_validation_mean_macro_f1``, ``epoch_validation_loss``, ``epoch_train_loss``,
``epoch_train_seconds``) with ``step=epoch`` into the active MLflow run, if there is
one (``python -m stance.train`` has one), through ``mlflow.log_metrics``.

Offline first: ``pretrained`` goes through :func:`stance.encoders.resolve_pretrained`
and :class:`stance.encoders.hf.HFEncoder`'s availability check, so a model that is
neither a local directory nor in the Hugging Face cache fails in the constructor
(before any data is read or a run is opened) with a one-line message saying how to
provide it. A saved model carries its own weights and does not need ``pretrained``.

Saved state (no pickles): ``model.safetensors`` (encoder + both heads),
``config.json`` (the encoder's config), the tokenizer files, and
``training_history.json`` (per-epoch figures).

Determinism: for a given ``seed`` and ``threads`` training on CPU gives the same
weights bit for bit (seeded head initialisation, dropout and data order; a fixed
intra-op thread count, since the summation order depends on it).
"""

from __future__ import annotations

import functools
import json
import logging
import math
import shutil
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from stance.errors import ConfigError
from stance.models.base import QuoteClassifier, check_texts

log = logging.getLogger(__name__)

WEIGHTS_FILE = "model.safetensors"
HISTORY_FILE = "training_history.json"
POOLINGS = ("mean", "cls")
CLASS_WEIGHTS = ("balanced", "none")
# model types whose position embeddings reserve two slots (padding offset)
_POSITION_OFFSET = {"roberta": 2, "xlm-roberta": 2, "camembert": 2}
METRIC = "mean_macro_f1"  # what early stopping and best-model selection watch


class TruncationWarning(UserWarning):
    """Some inputs were longer than ``max_length`` tokens and were cut."""


def _auto_prefix(pretrained: str) -> str:
    """``"query: "`` for e5 models (trained with it), else nothing."""
    name = Path(str(pretrained)).name.lower()
    return "query: " if name.startswith("e5") or "-e5-" in name or name.endswith("-e5") else ""


class TransformerClassifier(QuoteClassifier):
    """Fine-tunes ``pretrained`` with a stance head and a tone head on one shared encoder.

    ``pretrained``: hub id (must already be in the local Hugging Face cache unless
    ``allow_download``), local directory, or ``e5-small-offline`` / ``minilm-offline``.
    ``prefix``: prepended to every text; ``None`` means ``"query: "`` for e5 models and
    ``""`` otherwise. ``class_weights``: ``balanced`` (inverse class frequency in the
    training labels, per task) or ``none``. ``patience``: epochs without improvement of
    the mean validation macro-F1 before stopping. ``threads``: ``torch.set_num_threads``
    for training and prediction (``None`` leaves torch's default).
    ``freeze_embeddings``: keep the token embedding matrix fixed (for multilingual
    models most parameters are there: on e5-small 96M of 117M; freezing it makes an epoch
    about 2.4x faster on 2 cores, measured, and saves about 1 GB). The default, as in
    ``stance/conf/model/transformer.yaml``.
    """

    def __init__(
        self,
        pretrained: str = "e5-small-offline",
        max_length: int = 128,
        learning_rate: float = 5e-5,
        epochs: int = 4,
        batch_size: int = 16,
        warmup_ratio: float = 0.1,
        weight_decay: float = 0.01,
        class_weights: str | None = "balanced",
        patience: int = 2,
        seed: int = 0,
        threads: int | None = 2,
        pooling: str = "mean",
        prefix: str | None = None,
        dropout: float | None = None,
        freeze_embeddings: bool = True,
        predict_batch_size: int = 64,
        allow_download: bool = False,
        label_smoothing: float = 0.0,
        fragment_augmentation: float = 0.0,
        _saved_model: bool = False,
    ):
        class_weights = "none" if class_weights in (None, False) else str(class_weights)
        if class_weights not in CLASS_WEIGHTS:
            raise ConfigError(f"class_weights must be one of {CLASS_WEIGHTS}, got {class_weights!r}")
        if pooling not in POOLINGS:
            raise ConfigError(f"pooling must be one of {POOLINGS}, got {pooling!r}")
        if not 0 <= float(fragment_augmentation) <= 1:
            raise ConfigError(f"fragment_augmentation must be in [0, 1], got {fragment_augmentation}")
        if not 0 <= float(label_smoothing) < 1:
            raise ConfigError(f"label_smoothing must be in [0, 1), got {label_smoothing}")
        if not 0 <= float(warmup_ratio) < 1:
            raise ConfigError(f"warmup_ratio must be in [0, 1), got {warmup_ratio}")
        for name, value in (("max_length", max_length), ("epochs", epochs), ("batch_size", batch_size),
                            ("predict_batch_size", predict_batch_size)):
            if int(value) < 1:
                raise ConfigError(f"{name} must be at least 1, got {value}")
        self._set_params(
            pretrained=str(pretrained),
            max_length=int(max_length),
            learning_rate=float(learning_rate),
            epochs=int(epochs),
            batch_size=int(batch_size),
            warmup_ratio=float(warmup_ratio),
            weight_decay=float(weight_decay),
            class_weights=class_weights,
            patience=int(patience),
            seed=int(seed),
            threads=int(threads) if threads else None,
            pooling=pooling,
            prefix=_auto_prefix(pretrained) if prefix is None else str(prefix),
            dropout=None if dropout is None else float(dropout),
            freeze_embeddings=bool(freeze_embeddings),
            predict_batch_size=int(predict_batch_size),
            allow_download=bool(allow_download),
            label_smoothing=float(label_smoothing),
            fragment_augmentation=float(fragment_augmentation),
        )
        self.path_: str | None = None  # resolved local directory or hub id of `pretrained`
        self.net_ = None
        self.tokenizer_ = None
        self.history_: list[dict[str, float]] = []
        self.n_truncated_ = 0
        self._saving = False
        if not _saved_model:
            self._check_pretrained()

    # -- pretrained model ---------------------------------------------------------
    def _check_pretrained(self) -> None:
        """Resolve ``pretrained`` and check it is available offline; one-line error if not."""
        from stance.encoders.base import EncoderUnavailable
        from stance.encoders.hf import HFEncoder

        p = self._params
        try:
            enc = HFEncoder(p["pretrained"], allow_download=p["allow_download"])
        except EncoderUnavailable as exc:
            raise EncoderUnavailable(str(exc).replace("HFEncoder: ", "transformer model.pretrained: ", 1)) from None
        self.path_ = enc.path
        config = enc._config
        limit = getattr(config, "max_position_embeddings", None)
        if limit:
            limit -= _POSITION_OFFSET.get(getattr(config, "model_type", ""), 0)
            if p["max_length"] > limit:
                raise ConfigError(f"max_length={p['max_length']} exceeds what {p['pretrained']} supports ({limit} tokens)")

    def _load_pretrained(self):
        from stance.encoders.base import EncoderUnavailable
        from stance.encoders.hf import (
            _HAS_POOLER_FLAG,
            NO_REMOTE_CODE,
            SAFE_WEIGHTS,
            _missing_message,
            _quiet_transformers,
        )
        from transformers import AutoConfig, AutoModel, AutoTokenizer

        p = self._params
        if self.path_ is None:
            self._check_pretrained()
        kw = {"local_files_only": not p["allow_download"], **NO_REMOTE_CODE}
        try:
            with _quiet_transformers():
                config = AutoConfig.from_pretrained(self.path_, **kw)
                mkw = {**kw, **SAFE_WEIGHTS}
                if getattr(config, "model_type", None) in _HAS_POOLER_FLAG:
                    mkw["add_pooling_layer"] = False
                tokenizer = AutoTokenizer.from_pretrained(self.path_, **kw)
                encoder = AutoModel.from_pretrained(self.path_, **mkw)
        except OSError as exc:
            raise EncoderUnavailable(
                _missing_message(p["pretrained"], exc).replace("HFEncoder: ", "transformer model.pretrained: ", 1)
            ) from None
        return encoder, tokenizer

    # -- training -----------------------------------------------------------------
    def _fit(self, texts, labels, validation) -> None:
        import torch
        from transformers import EarlyStoppingCallback, Trainer, TrainingArguments, set_seed
        from transformers.trainer_callback import PrinterCallback, ProgressCallback

        p = self._params
        if p["threads"]:
            torch.set_num_threads(p["threads"])
        set_seed(p["seed"])
        encoder, tokenizer = self._load_pretrained()
        self.tokenizer_ = tokenizer
        texts, labels = fragment_augment(texts, labels, p["fragment_augmentation"], p["seed"])
        space = self.label_space
        y = _label_codes(labels, space)
        weights = {t: _class_weights(y[t], len(space.labels[t])) if p["class_weights"] == "balanced" else None for t in space.tasks}
        set_seed(p["seed"])  # heads initialised identically whatever loading consumed
        self.net_ = _build_net(encoder, p["pooling"], p["dropout"], weights, p["label_smoothing"], sizes=_sizes(space))
        if p["freeze_embeddings"]:
            emb = encoder.get_input_embeddings()
            for param in emb.parameters():
                param.requires_grad_(False)

        train_ds = self._dataset(texts, y, "training")
        eval_ds = None
        if validation is not None:
            vtexts, vlabels = validation
            vtexts = check_texts(vtexts)
            eval_ds = self._dataset(vtexts, _label_codes(vlabels, space), "validation")

        history: list[dict[str, float]] = []
        out_dir = tempfile.mkdtemp(prefix="stance-transformer-")
        try:
            args = TrainingArguments(
                output_dir=out_dir,
                num_train_epochs=p["epochs"],
                per_device_train_batch_size=p["batch_size"],
                per_device_eval_batch_size=p["predict_batch_size"],
                learning_rate=p["learning_rate"],
                weight_decay=p["weight_decay"],
                warmup_steps=p["warmup_ratio"],  # a float in [0, 1) is a ratio of the total steps
                lr_scheduler_type="linear",
                seed=p["seed"],
                data_seed=p["seed"],
                eval_strategy="epoch" if eval_ds is not None else "no",
                save_strategy="epoch" if eval_ds is not None else "no",
                save_only_model=True,  # no optimizer state on disk: the best epoch's weights are all we need
                save_total_limit=1,
                load_best_model_at_end=eval_ds is not None,
                metric_for_best_model=METRIC if eval_ds is not None else None,
                greater_is_better=True,
                logging_strategy="epoch",
                report_to="none",
                disable_tqdm=True,
                remove_unused_columns=False,
                label_names=[f"labels_{t}" for t in space.tasks],
                dataloader_num_workers=0,
                dataloader_pin_memory=False,
                log_level="warning",
                optim="adamw_torch",
            )
            from stance.progress import trainer_callback

            callbacks = [_EpochLog(history, space.tasks), trainer_callback()]
            if eval_ds is not None and p["patience"] > 0:
                callbacks.append(EarlyStoppingCallback(early_stopping_patience=p["patience"]))
            trainer = Trainer(
                model=self.net_,
                args=args,
                train_dataset=train_ds,
                eval_dataset=eval_ds,
                data_collator=_Collator(tokenizer.pad_token_id or 0),
                compute_metrics=functools.partial(_compute_metrics, space=space),
                callbacks=callbacks,
            )
            for cb in (PrinterCallback, ProgressCallback):
                trainer.remove_callback(cb)
            trainer.train()
            if eval_ds is not None and trainer.state.best_metric is not None:
                log.info("transformer: best epoch %s, validation mean macro-F1 %.4f",
                         _best_epoch(history), trainer.state.best_metric)
        finally:
            shutil.rmtree(out_dir, ignore_errors=True)
        self.net_.to("cpu").eval()
        self.history_ = history

    def _encode(self, texts: list[str]) -> tuple[list[list[int]], int]:
        """Token ids of ``texts`` cut at ``max_length`` and the number that had to be cut."""
        p = self._params
        texts = [p["prefix"] + t for t in texts]
        full = self.tokenizer_(texts, truncation=False, return_attention_mask=False, return_token_type_ids=False)["input_ids"]
        n_cut = sum(len(ids) > p["max_length"] for ids in full)
        if not n_cut:
            return full, 0
        cut = self.tokenizer_(texts, truncation=True, max_length=p["max_length"], return_attention_mask=False,
                              return_token_type_ids=False)["input_ids"]
        return cut, n_cut

    def _dataset(self, texts: list[str], y: dict[str, np.ndarray], what: str) -> list[dict[str, Any]]:
        ids, n_cut = self._encode(texts)
        if n_cut:
            log.warning("transformer: %d of %d %s statements are longer than max_length=%d tokens and were truncated",
                        n_cut, len(texts), what, self._params["max_length"])
        return [{"input_ids": ids[i], **{f"labels_{t}": int(y[t][i]) for t in y}} for i in range(len(texts))]

    # -- inference ----------------------------------------------------------------
    def predict_probas(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        import torch

        texts = check_texts(texts)
        if self.net_ is None:
            raise RuntimeError("TransformerClassifier is not fitted: call fit() or load a saved model")
        p = self._params
        if p["threads"]:
            torch.set_num_threads(p["threads"])
        space = self.label_space
        out = {t: np.zeros((len(texts), len(space.labels[t])), dtype=np.float64) for t in space.tasks}
        self.n_truncated_ = 0
        if not texts:
            return out
        ids, n_cut = self._encode(texts)
        self.n_truncated_ = n_cut
        if n_cut:
            warnings.warn(
                f"transformer: {n_cut} of {len(texts)} statements are longer than max_length={p['max_length']} "
                "tokens and were truncated", TruncationWarning, stacklevel=2)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # similar lengths share a batch: little padding
        collate = _Collator(self.tokenizer_.pad_token_id or 0)
        device = next(self.net_.parameters()).device
        self.net_.eval()
        bs = p["predict_batch_size"]
        from stance.progress import progress

        with torch.inference_mode(), progress(total=len(order), desc="predicting", unit=" texts", leave=False) as bar:
            for s in range(0, len(order), bs):
                idx = order[s:s + bs]
                batch = collate([{"input_ids": ids[i]} for i in idx])
                logits = self.net_(**{k: v.to(device) for k, v in batch.items()})
                for t in space.tasks:
                    out[t][idx] = torch.softmax(logits[f"logits_{t}"].float(), dim=-1).cpu().numpy()
                bar.update(len(idx))
        return out

    def predict_proba(self, texts, task):
        if task not in self.label_space.tasks:
            raise KeyError(f"unknown task {task!r}; known tasks: {', '.join(self.label_space.tasks)}")
        return self.predict_probas(texts)[task]

    # -- persistence --------------------------------------------------------------
    def save(self, path):
        self._saving = True
        try:
            return super().save(path)
        finally:
            self._saving = False

    def get_params(self) -> dict[str, Any]:
        params = super().get_params()
        if self._saving:
            params["_saved_model"] = True  # loading rebuilds from the saved weights: no check of `pretrained`
        return params

    def requirements(self) -> list[str]:
        # A saved model carries its weights: serving needs the torch stack, not the alias's package.
        return ["torch", "transformers", "tokenizers", "safetensors"]

    def _save_state(self, path: Path) -> None:
        from safetensors.torch import save_file

        if self.net_ is None:
            raise RuntimeError("TransformerClassifier is not fitted: nothing to save")
        state = {k: v.detach().cpu().contiguous() for k, v in self.net_.state_dict().items()}
        save_file(state, str(path / WEIGHTS_FILE), metadata={"format": "pt"})
        self.net_.encoder.config.save_pretrained(path)
        self.tokenizer_.save_pretrained(path)
        (path / HISTORY_FILE).write_text(json.dumps(self.history_, indent=1), encoding="utf-8")

    def _load_state(self, path: Path) -> None:
        import torch
        from safetensors import SafetensorError
        from safetensors.torch import load_file
        from stance.encoders.hf import _HAS_POOLER_FLAG, NO_REMOTE_CODE, _quiet_transformers
        from stance.safety import UnsafeModelError, read_json
        from transformers import AutoConfig, AutoModel, AutoTokenizer

        p = self._params
        if p["threads"]:
            torch.set_num_threads(p["threads"])
        # config.json may name code to import (auto_map); a saved model never needs it
        for name in ("config.json", "tokenizer_config.json"):
            if (path / name).is_file() and "auto_map" in (read_json(path / name) or {}):
                raise UnsafeModelError(f"{path / name}: refusing 'auto_map' (code shipped with a model)")
        weights = path / WEIGHTS_FILE
        try:
            with _quiet_transformers():
                config = AutoConfig.from_pretrained(path, local_files_only=True, **NO_REMOTE_CODE)
                kw = {"add_pooling_layer": False} if getattr(config, "model_type", None) in _HAS_POOLER_FLAG else {}
                encoder = AutoModel.from_config(config, **kw)
                self.tokenizer_ = AutoTokenizer.from_pretrained(path, local_files_only=True, **NO_REMOTE_CODE)
            state = load_file(str(weights))
        except (OSError, ValueError, SafetensorError) as exc:
            raise UnsafeModelError(f"{weights.parent}: not a loadable transformer model ({' '.join(str(exc).split())[:200]})") from None
        net = _build_net(encoder, p["pooling"], p["dropout"], {}, sizes=_sizes(self.label_space))
        try:
            net.load_state_dict(state, strict=True)
        except RuntimeError as exc:
            raise UnsafeModelError(f"{weights}: weights do not fit the saved config ({str(exc).splitlines()[0]})") from None
        self.net_ = net.eval()
        history = path / HISTORY_FILE
        self.history_ = read_json(history) if history.is_file() else []


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
