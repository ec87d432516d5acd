"""Zero-shot labelling: cosine similarity to embedded label descriptions.

No label is learned. Every label of every task has several short descriptions in
Polish and English (``stance/resources/label_descriptions.json``, paraphrasing
``data/CODEBOOK.md``). A statement's score for a label aggregates its cosine
similarities to that label's descriptions:

* ``aggregate="centroid"``: the similarity to the normalised mean description vector
  (default);
* ``"mean"``: the mean similarity over the descriptions;
* ``"max"``: the similarity to the closest description.

Probabilities are ``softmax(score / temperature)`` over the task's labels, in the
label order of the model's label sets. ``fit`` checks its inputs and embeds the
descriptions; it learns nothing from the labels. ``descriptions`` may name another
JSON file of the same layout; a saved model keeps a copy of the descriptions it used,
so it labels the same way after the packaged file changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from stance.labels import LANGUAGES, LabelSpace
from stance.models.base import QuoteClassifier
from stance.models.encoder_head import EmbeddingMixin, cache_spec, encoder_spec

DEFAULT_DESCRIPTIONS = Path(__file__).resolve().parent.parent / "resources" / "label_descriptions.json"
AGGREGATES = ("mean", "centroid", "max")
_STATE_FILE = "label_descriptions.json"


def load_descriptions(source: str | Path | Mapping | None = None, space: LabelSpace | None = None) -> dict[str, dict[str, dict[str, list[str]]]]:
    """``{task: {label: {lang: [description, ...]}}}`` from a JSON file or mapping, checked.

    Every label of ``space`` (default the codebook's) must have at least one non-empty
    description; an unknown label is an error (it would silently never be predicted).
    """
    space = space or LabelSpace.default()
    where = "label descriptions"
    if source is None:
        source = DEFAULT_DESCRIPTIONS
    if isinstance(source, (str, Path)):
        where = str(source)
        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ValueError(f"{where}: cannot read label descriptions ({exc})") from None
    else:
        data = source
    out: dict[str, dict[str, dict[str, list[str]]]] = {}
    hint = "" if space.is_default() else " (other label sets need their own descriptions: model.descriptions=<file.json>)"
    for task, names in space.labels.items():
        spec = data.get(task)
        if not isinstance(spec, Mapping):
            raise ValueError(f"{where}: no descriptions for task {task!r}{hint}")
        unknown = set(spec) - set(names)
        if unknown:
            raise ValueError(f"{where}: unknown {task} labels {sorted(unknown)}; allowed: {', '.join(names)}")
        out[task] = {}
        for label in names:
            by_lang = spec.get(label)
            if not isinstance(by_lang, Mapping):
                raise ValueError(f"{where}: no descriptions for {task} label {label!r}{hint}")
            clean = {}
            for lang, items in by_lang.items():
                if isinstance(items, str) or not all(isinstance(s, str) and s.strip() for s in items):
                    raise ValueError(f"{where}: {task}/{label}/{lang} must be a list of non-empty strings")
                clean[str(lang)] = [s.strip() for s in items]
            if not any(clean.values()):
                raise ValueError(f"{where}: no descriptions for {task} label {label!r}")
            out[task][label] = clean
    return out


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    z = scores / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class ZeroShotClassifier(EmbeddingMixin, QuoteClassifier):
    def __init__(
        self,
        encoder: Any = "use",
        temperature: float = 0.05,
        aggregate: str = "centroid",
        languages: Sequence[str] | None = ("pl", "en"),
        descriptions: str | None = None,
        cache: bool | str = True,
        seed: int = 0,
    ):
        from stance.models.base import _plain

        if aggregate not in AGGREGATES:
            raise ValueError(f"aggregate must be one of {', '.join(AGGREGATES)}, got {aggregate!r}")
        if not float(temperature) > 0:
            raise ValueError(f"temperature must be positive, got {temperature}")
        languages = _plain(languages)
        if languages is not None:
            languages = [str(x) for x in languages]
            if not languages:
                raise ValueError("languages must name at least one language (or be null for all)")
        self._set_params(
            encoder=encoder_spec(encoder),
            temperature=float(temperature),
            aggregate=aggregate,
            languages=languages,
            descriptions=None if descriptions is None else str(descriptions),
            cache=cache_spec(cache),
            seed=int(seed),
        )
        self._descriptions: dict | None = None  # read on first use; a loaded model uses its own copy
        self._prototypes: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    @property
    def descriptions_(self) -> dict:
        """``{task: {label: {lang: [description, ...]}}}`` in use."""
        if self._descriptions is None:
            self._descriptions = self._check_languages(load_descriptions(self._params["descriptions"], self.label_space))
        return self._descriptions

    def _check_languages(self, descriptions: dict) -> dict:
        langs = self._params["languages"]
        if langs is None:
            return descriptions
        for task, names in self.label_space.labels.items():
            for label in names:
                if not any(descriptions[task][label].get(lang) for lang in langs):
                    known = sorted(descriptions[task][label])
                    raise ValueError(
                        f"no {task} descriptions of {label!r} in languages {langs} (have: {known}; "
                        f"the project's languages are {', '.join(LANGUAGES)})"
                    )
        return descriptions

    def description_texts(self, task: str) -> tuple[list[str], np.ndarray]:
        """The descriptions used for ``task`` and, per description, its label index."""
        langs = self._params["languages"]
        texts, owner = [], []
        for j, label in enumerate(self.label_space.labels[task]):
            for lang, items in self.descriptions_[task][label].items():
                if langs is None or lang in langs:
                    texts += items
                    owner += [j] * len(items)
        return texts, np.asarray(owner)

    def _prototype(self, task: str) -> tuple[np.ndarray, np.ndarray]:
        if task not in self._prototypes:
            texts, owner = self.description_texts(task)
            self._prototypes[task] = (self.encoder.encode(texts), owner)
        return self._prototypes[task]

    def scores_from_embeddings(self, x: np.ndarray, task: str) -> np.ndarray:
        """Per statement and label (label order), the aggregated cosine similarity."""
        vecs, owner = self._prototype(task)
        n_labels = len(self.label_space.labels[task])
        if self._params["aggregate"] == "centroid":
            cent = np.stack([vecs[owner == j].mean(axis=0) for j in range(n_labels)])
            cent /= np.maximum(np.linalg.norm(cent, axis=1, keepdims=True), 1e-12)
            return x @ cent.T
        sims = x @ vecs.T  # embeddings are unit length: dot product = cosine
        agg = np.mean if self._params["aggregate"] == "mean" else np.max
        return np.stack([agg(sims[:, owner == j], axis=1) for j in range(n_labels)], axis=1)

    def proba_from_embeddings(self, x: np.ndarray, task: str) -> np.ndarray:
        if not len(x):
            return np.zeros((0, len(self.label_space.labels[task])))
        return softmax(self.scores_from_embeddings(x, task).astype(np.float64), self._params["temperature"])

    def _fit(self, texts, labels, validation) -> None:
        # nothing is learned from the labels; embedding the descriptions now makes a broken
        # encoder or description file fail during training rather than at labelling time
        self._descriptions, self._prototypes = None, {}  # read again for the label sets just set
        for task in self.label_space.tasks:
            self._prototype(task)

    def _save_state(self, path: Path) -> None:
        (path / _STATE_FILE).write_text(json.dumps(self.descriptions_, ensure_ascii=False, indent=1), encoding="utf-8")

    def _load_state(self, path: Path) -> None:
        self._descriptions = self._check_languages(load_descriptions(path / _STATE_FILE, self.label_space))
        self._prototypes = {}
