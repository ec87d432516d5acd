"""Any Hugging Face / sentence-transformers encoder, by id or local path, offline."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from .base import Encoder, EncoderUnavailable, check_texts, l2_normalise
from .pretrained import is_offline_alias, resolve_pretrained

POOLINGS = ("mean", "cls")
# model types whose AutoModel accepts add_pooling_layer (the pooler is unused here)
_HAS_POOLER_FLAG = {"bert", "roberta", "xlm-roberta", "camembert"}
# Every from_pretrained call of the package: never code shipped with a model, weights only from
# safetensors (a pickled .bin is never opened; see SECURITY.md).
NO_REMOTE_CODE = {"trust_remote_code": False}
SAFE_WEIGHTS = {"trust_remote_code": False, "use_safetensors": True}


def _missing_message(name: str, exc: Exception) -> str:
    hub = os.environ.get("HF_HUB_CACHE") or os.environ.get("HF_HOME") or "~/.cache/huggingface"
    return ("HFEncoder: model %r is neither a local directory nor in the Hugging Face cache (%s) and "
            "downloads are off: download it where the hub is reachable (`hf download %s` or "
            "save_pretrained) and copy it into that cache, pass the path of a local directory, "
            "or set allow_download=true (%s)" % (name, hub, name, type(exc).__name__))


@contextlib.contextmanager
def _quiet_transformers():
    """Hide the progress bar and load report of ``from_pretrained``."""
    from transformers.utils import logging as hf_logging

    level = hf_logging.get_verbosity()
    bar = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)
        if bar:
            hf_logging.enable_progress_bar()


class HFEncoder(Encoder):
    """Sentence vectors from a transformer: ``pooling`` of the last hidden states.

    ``model_name_or_path``: a local directory, a hub id already in the local
    Hugging Face cache, or an offline alias (``e5-small-offline``,
    ``minilm-offline``; see :func:`stance.encoders.resolve_pretrained`). Nothing
    is downloaded unless ``allow_download=True``; a missing model fails in the
    constructor with a one-line message saying how to provide it.

    ``pooling``: ``mean`` (attention-masked mean, as e5 and sentence-transformers
    MiniLM) or ``cls``. ``prefix`` is prepended to every text (``"query: "`` or
    ``"passage: "`` for e5). ``threads`` sets torch's intra-op threads when given.
    """

    default_batch_size = 32

    def __init__(self, model_name_or_path: str, pooling: str = "mean", prefix: str = "",
                 max_length: int = 512, batch_size: int = 32, threads: Optional[int] = None,
                 device: str = "cpu", allow_download: bool = False):
        if pooling not in POOLINGS:
            raise ValueError("pooling must be one of %s, got %r" % (POOLINGS, pooling))
        self.model_name_or_path = str(model_name_or_path)
        self.pooling = pooling
        self.prefix = prefix or ""
        self.max_length = int(max_length)
        self.default_batch_size = int(batch_size)
        self.threads = threads
        self.device = device
        self.allow_download = bool(allow_download)
        self.path = resolve_pretrained(self.model_name_or_path)
        local = Path(self.path).expanduser()
        self._local = local.is_dir()
        if self._local:
            self.path = str(local.resolve())
        try:
            from transformers import AutoConfig
        except ImportError as exc:
            raise EncoderUnavailable("HFEncoder needs torch and transformers: pip install "
                                     "'stance[transformer]' (%s)" % exc) from None
        try:
            self._config = AutoConfig.from_pretrained(self.path, local_files_only=not self.allow_download, **NO_REMOTE_CODE)
        except (OSError, ValueError) as exc:
            raise EncoderUnavailable(_missing_message(self.model_name_or_path, exc)) from None
        # stable id: an alias or hub id as given; an ad-hoc local path made absolute
        ident = (self.model_name_or_path if is_offline_alias(self.model_name_or_path) or not self._local
                 else self.path)
        self.name = "hf:%s/%s/prefix=%r/max%d" % (ident, pooling, self.prefix, self.max_length)
        self._model = None
        self._tokenizer = None

    @property
    def dim(self) -> int:
        return int(self._config.hidden_size)

    def _load(self):
        if self._model is not None:
            return
        import torch
        from transformers import AutoModel, AutoTokenizer

        if self.threads:
            torch.set_num_threads(int(self.threads))
        kw = {"local_files_only": not self.allow_download, **NO_REMOTE_CODE}
        mkw = {**kw, **SAFE_WEIGHTS}
        if getattr(self._config, "model_type", None) in _HAS_POOLER_FLAG:
            mkw["add_pooling_layer"] = False
        try:
            with _quiet_transformers():
                self._tokenizer = AutoTokenizer.from_pretrained(self.path, **kw)
                self._model = AutoModel.from_pretrained(self.path, **mkw).to(self.device).eval()
        except OSError as exc:
            raise EncoderUnavailable(_missing_message(self.model_name_or_path, exc)) from None

    def encode(self, texts: Sequence[str], batch_size: Optional[int] = None) -> np.ndarray:
        texts = check_texts(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        bs = int(batch_size or self.default_batch_size)
        # longest first, so each batch pads to similar lengths
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for s in range(0, len(order), bs):
            idx = order[s:s + bs]
            out[idx] = self._encode([texts[i] for i in idx])
        return l2_normalise(out)

    def tokenize(self, texts: list[str]):
        self._load()
        return self._tokenizer([self.prefix + t for t in texts], padding=True, truncation=True,
                               max_length=self.max_length, return_tensors="pt")

    def _encode(self, texts: list[str]) -> np.ndarray:
        import torch

        enc = self.tokenize(texts).to(self.device)
        with torch.inference_mode():
            hidden = self._model(**enc).last_hidden_state
        if self.pooling == "cls":
            vec = hidden[:, 0]
        else:
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            vec = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return vec.float().cpu().numpy()
