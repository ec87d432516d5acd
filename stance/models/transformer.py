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
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from stance.errors import ConfigError
from stance.models.base import QuoteClassifier, check_texts
from stance.models.transformer_training import (
    METRIC,
    _best_epoch,
    _build_net,
    _class_weights,
    _Collator,
    _compute_metrics,
    _EpochLog,
    _label_codes,
    _sizes,
    fragment_augment,
)

log = logging.getLogger(__name__)

WEIGHTS_FILE = "model.safetensors"
HISTORY_FILE = "training_history.json"
POOLINGS = ("mean", "cls")
CLASS_WEIGHTS = ("balanced", "none")
# model types whose position embeddings reserve two slots (padding offset)
_POSITION_OFFSET = {"roberta": 2, "xlm-roberta": 2, "camembert": 2}


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
