"""The one sentence-encoder interface: ``Encoder``."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Sequence

import numpy as np

from stance.errors import StanceError


class EncoderUnavailable(StanceError, RuntimeError):
    """An encoder's package or model files are not available on this machine."""


def l2_normalise(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, as C-contiguous float32 (zero rows stay zero)."""
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return np.ascontiguousarray(x / np.maximum(norms, 1e-12), dtype=np.float32)


def check_texts(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("encode() takes a list of texts, not a single string")
    out = list(texts)
    for i, t in enumerate(out):
        if not isinstance(t, str):
            raise TypeError("text at position %d is %s, not a string" % (i, type(t).__name__))
    return out


class Encoder(ABC):
    """Maps texts to L2-normalised float32 vectors.

    ``name`` is a stable identifier of everything that changes the vectors
    (model, pooling, prefix, ...): it is the key of :class:`CachedEncoder`.
    ``dim`` is the vector length. ``encode(texts)`` returns ``(len(texts), dim)``.
    """

    name: str
    default_batch_size: int = 32

    @property
    @abstractmethod
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
        texts = check_texts(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        from stance.progress import progress

        bs = int(batch_size or self.default_batch_size)
        parts = []
        with progress(total=len(texts), desc=f"encoding ({self.name})", unit=" texts", leave=False) as bar:
            for i in range(0, len(texts), bs):
                parts.append(self._encode(texts[i:i + bs]))
                bar.update(len(parts[-1]))
        out = l2_normalise(np.concatenate(parts, axis=0))
        if out.shape != (len(texts), self.dim):
            raise RuntimeError("%s returned shape %s for %d texts" % (self.name, out.shape, len(texts)))
        return out

    @abstractmethod
    def _encode(self, texts: list[str]) -> np.ndarray:
        """Vectors for one batch (any float dtype; normalised by ``encode``)."""

    def __call__(self, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
        return self.encode(texts, batch_size=batch_size)

    def __repr__(self) -> str:
        return "%s(name=%r)" % (type(self).__name__, self.name)
