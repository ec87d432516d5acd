"""Which words drove a label: word occlusion for every family, weighted n-grams for tf-idf.

Occlusion deletes one word at a time and records how much the probability of the predicted
label falls (``weight > 0``: the word supported the label; ``< 0``: it argued against it). It is
the method for every family, the fine-tuned transformer included, because:

- it explains the probabilities the user sees (after calibration, ensembling and the
  transformer's own tokenisation), where integrated gradients explain the logits of one network
  and need a baseline input whose choice changes the answer;
- it is faithful by construction to the question a researcher asks ("would the label change
  without this word?"), and the deletion test (``deletion_gain``) checks it on whole splits;
- a quote is short (a median of about 20 words), so its cost, one batched prediction of
  ``n_words + 1`` variants, is small.

The linear tf-idf families also report their weighted n-grams (``Explanation.ngrams``): the
n-gram's tf-idf value times its centred class weight, i.e. its exact share of the logit.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
MAX_UNITS = 200  # longer texts are occluded in runs of adjacent words, so cost stays bounded


@dataclass(frozen=True)
class Explanation:
    """Why ``model`` gave ``text`` the ``label`` of ``task``.

    ``words``: ``(word, start, end, weight)`` for every word (or run of words) in text order;
    ``weight`` is the drop in P(label) when it is deleted. ``ngrams``: the linear families'
    ``(n-gram, weight)`` sorted by weight (empty for other families).
    """

    text: str
    task: str
    label: str
    probability: float
    words: tuple[tuple[str, int, int, float], ...]
    ngrams: tuple[tuple[str, float], ...] = ()

    def top(self, k: int = 5) -> list[tuple[str, float]]:
        """The ``k`` words that most supported the label, strongest first."""
        ranked = sorted(self.words, key=lambda w: -w[3])
        return [(w, weight) for w, _, _, weight in ranked[:k] if weight > 0]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "task": self.task, "label": self.label, "probability": self.probability,
                "words": [{"word": w, "start": s, "end": e, "weight": x} for w, s, e, x in self.words],
                "ngrams": [{"ngram": g, "weight": x} for g, x in self.ngrams]}

    def to_html(self) -> str:
        """The text with each word shaded by its weight (green for, red against the label)."""
        scale = max((abs(w[3]) for w in self.words), default=0.0) or 1.0
        out, pos = [], 0
        for word, start, end, weight in self.words:
            out.append(html.escape(self.text[pos:start]))
            alpha = min(1.0, abs(weight) / scale) * 0.8
            colour = f"rgba(46,160,67,{alpha:.2f})" if weight >= 0 else f"rgba(218,54,51,{alpha:.2f})"
            out.append(f'<span style="background:{colour}" title="{weight:+.3f}">{html.escape(word)}</span>')
            pos = end
        out.append(html.escape(self.text[pos:]))
        return (f"<p><b>{html.escape(self.task)}: {html.escape(self.label)}</b> (p={self.probability:.2f})<br>"
                f"{''.join(out)}</p>")


def word_spans(text: str, max_units: int = MAX_UNITS) -> list[tuple[int, int]]:
    """Character spans of the words of ``text``; runs of adjacent words when there are more
    than ``max_units``, so a long text costs at most ``max_units + 1`` predictions."""
    spans = [m.span() for m in WORD.finditer(text)]
    if len(spans) <= max_units:
        return spans
    size = -(-len(spans) // max_units)
    return [(spans[i][0], spans[min(i + size, len(spans)) - 1][1]) for i in range(0, len(spans), size)]


def delete_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` without the characters of ``spans`` (and one space each, so words do not fuse)."""
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(text[pos:start])
        pos = end
        if text[pos:pos + 1] == " " and (start == 0 or text[start - 1] == " "):
            pos += 1  # "a b c" without "b" is "a c", not "a  c"
    out.append(text[pos:])
    return "".join(out)


def _probas(model, texts: list[str]) -> dict[str, np.ndarray]:
    """The probabilities the user sees; a text left without words (a one-word quote minus its
    word) gets the uniform distribution, i.e. no evidence for any label."""
    from stance.data.io import is_blank

    keep = [i for i, t in enumerate(texts) if not is_blank(t)]
    predict = getattr(model, "calibrated_probas", model.predict_probas)
    got = predict([texts[i] for i in keep]) if keep else None
    out = {}
    for task, p in (got or predict(["x"])).items():
        full = np.full((len(texts), p.shape[1]), 1.0 / p.shape[1])
        if keep:
            full[keep] = p
        out[task] = full
    return out


def _label_names(model, task: str) -> tuple[str, ...]:
    if hasattr(model, "label_space"):
        return tuple(model.label_space.labels[task])
    from stance.labels import LABELS

    return LABELS[task]


def explain(model, text: str, tasks: Sequence[str] | None = None) -> dict[str, Explanation]:
    """Explain the label of every task (or of ``tasks``) that ``model`` gives ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"explain takes one statement as a str, got {type(text).__name__}; loop over a list")
    from stance.data.io import is_blank

    if is_blank(text):
        raise ValueError("explain needs a statement with words; got an empty text (or only invisible characters)")
    spans = word_spans(text)
    probas = _probas(model, [text] + [delete_spans(text, [s]) for s in spans])
    chosen = list(tasks) if tasks is not None else list(probas)
    unknown = [t for t in chosen if t not in probas]
    if unknown:
        raise ValueError(f"unknown task(s) {unknown}; this model labels {', '.join(probas)}")
    out = {}
    for task in chosen:
        p = np.asarray(probas[task])
        j = int(p[0].argmax())
        weights = p[0, j] - p[1:, j]
        words = tuple((text[s:e], s, e, float(w)) for (s, e), w in zip(spans, weights))
        ngrams = linear_ngrams(model, text, task, j) if hasattr(model, "ngram_weights") else ()
        out[task] = Explanation(text, task, _label_names(model, task)[j], float(p[0, j]), words, ngrams)
    return out


def linear_ngrams(model, text: str, task: str, label_index: int, k: int = 20) -> tuple[tuple[str, float], ...]:
    """The ``k`` n-grams with the largest absolute share of the label's logit."""
    names, weights = model.ngram_weights(text, task, label_index)
    order = np.argsort(-np.abs(weights))[:k]
    return tuple((str(names[i]), float(weights[i])) for i in order if weights[i] != 0)


def deletion_gain(model, texts: Sequence[str], k: int = 3, seed: int = 0, task: str | None = None) -> dict[str, float]:
    """The faithfulness check: the mean drop in P(predicted label) when the ``k`` top-weighted
    words are deleted, against deleting ``k`` random words of the same text. Texts with fewer
    than ``k + 1`` words are skipped. Returns ``top``, ``random``, ``gain`` (= top - random) and ``n``."""
    rng = np.random.default_rng(seed)
    drops_top, drops_random = [], []
    for text in texts:
        spans = word_spans(text)
        if len(spans) <= k:
            continue
        explained = explain(model, text, None if task is None else [task])
        for name, exp in explained.items():
            ranked = np.argsort([-w[3] for w in exp.words])[:k]
            random = rng.choice(len(spans), size=k, replace=False)
            cut = [delete_spans(text, [spans[i] for i in ranked]), delete_spans(text, [spans[i] for i in random])]
            p = _probas(model, cut)[name]
            j = _label_names(model, name).index(exp.label)
            drops_top.append(exp.probability - p[0, j])
            drops_random.append(exp.probability - p[1, j])
    if not drops_top:
        return {"top": float("nan"), "random": float("nan"), "gain": float("nan"), "n": 0}
    top, rand = float(np.mean(drops_top)), float(np.mean(drops_random))
    return {"top": top, "random": rand, "gain": top - rand, "n": len(drops_top)}


def explanations_html(model, texts: Sequence[str], title: str = "explanations") -> str:
    """A small HTML page with every task's explanation of each text (logged to each run)."""
    body = []
    for text in texts:
        parts = explain(model, text)
        body.append("<div style='margin:1em 0;padding:.5em;border-bottom:1px solid #ccc'>"
                    + "".join(e.to_html() for e in parts.values()) + "</div>")
    return (f"<!doctype html><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<body style='font-family:sans-serif;max-width:60em'><h1>{html.escape(title)}</h1>"
            "<p>Shading: how much the probability of the predicted label falls when the word is deleted "
            "(green: the word supported the label, red: it argued against it).</p>"
            + "".join(body) + "</body>")
