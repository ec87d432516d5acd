"""An ensemble: the (weighted) mean of its members' probabilities.

    >>> EnsembleClassifier(members={
    ...     "tfidf": {"_target_": "stance.models.tfidf.TfidfClassifier", "C": 5.0},
    ...     "encoder_head": {"_target_": "stance.models.encoder_head.EncoderHeadClassifier", "encoder": "use"},
    ... }, weights={"tfidf": 1, "encoder_head": 2})

``members``: model configs (mappings with a ``_target_`` inside ``stance.models``,
as in ``stance/conf/model/*.yaml``) or ready ``QuoteClassifier`` objects, as a list or as a
mapping from member name to model. Hydra composes them as a mapping
(``stance/conf/model/ensemble.yaml``). ``weights``: ``None`` (equal), a list in member
order, or a mapping from member name to weight; they are normalised to sum to 1.

``fit`` fits every member on the same data. ``save`` stores each member in its own
subfolder (``members/<name>/``) with the member's own ``save``; ``load`` loads each
one back with ``QuoteClassifier.load`` (and its checks). Members are built from the model-family
allow-list of ``stance.safety``, never through Hydra (their configs are read back from files). The member configs are the
ensemble's params, so they are logged and saved as JSON.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from stance.models.base import QuoteClassifier, _plain, check_texts
from stance.safety import MODEL_FAMILIES, locate, read_json

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_MEMBERS_DIR = "members"


# Hydra's own keys in a member config from the command line (stance/conf/model/*.yaml sets
# _recursive_: false); they say nothing about the model and are not kept.
_HYDRA_KEYS = ("_recursive_", "_convert_")


def _member_config(model: Any, where: str) -> dict:
    if isinstance(model, QuoteClassifier):
        return {"_target_": f"{type(model).__module__}.{type(model).__qualname__}", **model.get_params()}
    cfg = _plain(model)
    if not isinstance(cfg, Mapping) or "_target_" not in cfg:
        raise ValueError(f"ensemble member {where} must be a model config with _target_ or a QuoteClassifier, got {cfg!r}")
    cfg = {k: v for k, v in cfg.items() if k not in _HYDRA_KEYS}
    if cfg["_target_"] not in MODEL_FAMILIES:
        raise ValueError(f"ensemble member {where}: _target_ {cfg['_target_']!r} is not a model family in stance.models")
    other = sorted(k for k in cfg if str(k).startswith("_") and k != "_target_")
    if other:
        raise ValueError(f"ensemble member {where}: config keys {other} are not accepted")
    return cfg


def _build_member(cfg: Mapping, where: str) -> QuoteClassifier:
    """A member built from its config by the allow-list (saved params are data: no Hydra here)."""
    model_cls = locate(MODEL_FAMILIES, cfg["_target_"], "ensemble member _target_", f"ensemble member {where}")
    params = {k: v for k, v in cfg.items() if k != "_target_"}
    try:
        return model_cls(**params)
    except TypeError as exc:
        raise ValueError(f"ensemble member {where} has an invalid config: {exc}") from None


class EnsembleClassifier(QuoteClassifier):
    def __init__(
        self,
        members: Sequence[Any] | Mapping[str, Any],
        weights: Sequence[float] | Mapping[str, float] | None = None,
    ):
        if not _holds_models(members):
            members = _plain(members)  # OmegaConf nodes from Hydra as plain dicts / lists
        if isinstance(members, Mapping):
            names = [str(k) for k in members]
            given = list(members.values())
        elif isinstance(members, Sequence) and not isinstance(members, str):
            given = list(members)
            names = [f"m{i}_{_family(m)}" for i, m in enumerate(given)]
        else:
            raise ValueError(f"members must be a list or a mapping of model configs, got {type(members).__name__}")
        if not given:
            raise ValueError("an ensemble needs at least one member")
        bad = [n for n in names if not _NAME.match(n)]
        if bad:
            raise ValueError(f"ensemble member names {bad} must be short folder-safe names (letters, digits, _ . -)")
        configs = {n: _member_config(m, repr(n)) for n, m in zip(names, given)}
        self._set_params(members=configs, weights=_plain(weights))
        self.member_names = names
        self.weights_ = _normalise_weights(_plain(weights), names)
        self.members_: dict[str, QuoteClassifier] = {
            n: m if isinstance(m, QuoteClassifier) else _build_member(configs[n], repr(n)) for n, m in zip(names, given)
        }

    def requirements(self) -> list[str]:
        return sorted({r for m in self.members_.values() for r in m.requirements()})

    def _fit(self, texts, labels, validation) -> None:
        for model in self.members_.values():
            model.fit(texts, labels, validation=validation, label_space=self.label_space)

    def member_probas(self, texts: Sequence[str]) -> dict[str, dict[str, np.ndarray]]:
        """Every member's probabilities, ``{member: {task: array}}``."""
        texts = check_texts(texts)
        return {name: model.predict_probas(texts) for name, model in self.members_.items()}

    def predict_probas(self, texts):
        per_member = self.member_probas(texts)
        out = {}
        for task in self.label_space.tasks:
            out[task] = sum(self.weights_[n] * per_member[n][task] for n in self.member_names)
        return out

    def predict_proba(self, texts, task):
        texts = check_texts(texts)
        return sum(self.weights_[n] * self.members_[n].predict_proba(texts, task) for n in self.member_names)

    @property
    def n_truncated_(self) -> int:
        """Statements truncated by the members' encoders in their last call (summed)."""
        return sum(int(getattr(m, "n_truncated_", 0)) for m in self.members_.values())

    def _save_state(self, path: Path) -> None:
        root = path / _MEMBERS_DIR
        root.mkdir()
        for name, model in self.members_.items():
            model.save(root / name)
        (path / "ensemble.json").write_text(json.dumps({"members": self.member_names}, indent=1), encoding="utf-8")

    def _load_state(self, path: Path) -> None:
        saved = read_json(path / "ensemble.json")
        saved = saved.get("members") if isinstance(saved, dict) else None
        if saved != self.member_names:
            raise ValueError(f"{path}: saved members {saved} do not match the params' members {self.member_names}")
        self.members_ = {name: QuoteClassifier.load(path / _MEMBERS_DIR / name) for name in saved}
        other = [n for n, m in self.members_.items() if m.label_space != self.label_space]
        if other:
            raise ValueError(f"{path}: members {other} were saved with other label sets than the ensemble")


def _holds_models(members: Any) -> bool:
    values = members.values() if isinstance(members, Mapping) else members if isinstance(members, (list, tuple)) else []
    return any(isinstance(m, QuoteClassifier) for m in values)


def _family(member: Any) -> str:
    if isinstance(member, QuoteClassifier):
        return type(member).__name__
    target = str(_plain(member).get("_target_", "model")) if isinstance(_plain(member), Mapping) else "model"
    return target.rsplit(".", 1)[-1]


def _normalise_weights(weights: Any, names: list[str]) -> dict[str, float]:
    if weights is None:
        values = [1.0] * len(names)
    elif isinstance(weights, Mapping):
        unknown = set(map(str, weights)) - set(names)
        if unknown:
            raise ValueError(f"weights for unknown members {sorted(unknown)}; members: {names}")
        values = [float(weights.get(n, 0.0)) for n in names]
    else:
        values = [float(w) for w in weights]
        if len(values) != len(names):
            raise ValueError(f"{len(values)} weights for {len(names)} members")
    if any(w < 0 or not np.isfinite(w) for w in values) or sum(values) <= 0:
        raise ValueError(f"weights must be non-negative with a positive sum, got {values}")
    total = sum(values)
    return {n: w / total for n, w in zip(names, values)}
