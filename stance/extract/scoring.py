"""Scoring extracted statements against gold spans (pure Python, no dependencies).

A predicted statement matches a gold one when their character spans overlap by at least
50% of the longer of the two; matching is one-to-one and greedy by overlap. Reported:
precision, recall, F1, exact-span F1, speaker accuracy and kind accuracy on matched pairs,
per language and overall, plus the misses (false negatives, false positives, wrong
speakers, wrong kinds) for error analysis.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

MIN_OVERLAP = 0.5


def _get(rec: Any, key: str, default=None):
    if isinstance(rec, Mapping):
        return rec.get(key, default)
    return getattr(rec, key, default)


def norm_speaker(s: str | None) -> str:
    """Case-insensitive, whitespace- and Unicode-normalised speaker name ('' for None)."""
    if not s:
        return ""
    s = unicodedata.normalize("NFC", str(s)).casefold()
    return re.sub(r"\s+", " ", s).strip()


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list, pred: list, min_overlap: float = MIN_OVERLAP) -> list[tuple[int, int]]:
    """One-to-one greedy matching by overlap; pairs (gold index, pred index)."""
    pairs = []
    for gi, g in enumerate(gold):
        gs = (int(_get(g, "start")), int(_get(g, "end")))
        for pi, p in enumerate(pred):
            ps = (int(_get(p, "start")), int(_get(p, "end")))
            ov = overlap(gs, ps)
            longer = max(gs[1] - gs[0], ps[1] - ps[0], 1)
            if ov > 0 and ov >= min_overlap * longer:
                pairs.append((ov, -abs(gs[0] - ps[0]), gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _ov, _d, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    out.sort()
    return out


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    exact: int = 0
    speaker_ok: int = 0
    kind_ok: int = 0

    def add(self, other: Counts) -> None:
        for k in ("gold", "pred", "matched", "exact", "speaker_ok", "kind_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def metrics(self) -> dict[str, float]:
        p = self.matched / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.matched / self.gold if self.gold else (1.0 if not self.pred else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        ep = self.exact / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        er = self.exact / self.gold if self.gold else (1.0 if not self.pred else 0.0)
        ef = 2 * ep * er / (ep + er) if ep + er else 0.0
        return {
            "precision": p,
            "recall": r,
            "f1": f,
            "exact_f1": ef,
            "speaker_acc": self.speaker_ok / self.matched if self.matched else 0.0,
            "kind_acc": self.kind_ok / self.matched if self.matched else 0.0,
            "n_gold": float(self.gold),
            "n_pred": float(self.pred),
            "n_matched": float(self.matched),
        }


@dataclass
class Report:
    by_lang: dict[str, Counts] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)
    # per gold kind (direct, fragment, indirect): gold, found, exact and speaker counts; a
    # prediction's own kind may differ, so precision has no per-kind meaning here
    by_kind: dict[str, Counts] = field(default_factory=dict)

    @property
    def overall(self) -> Counts:
        tot = Counts()
        for c in self.by_lang.values():
            tot.add(c)
        return tot

    def metrics(self, prefix: str = "extract") -> dict[str, float]:
        """Flat metric dict: ``extract_f1``, ``extract_pl_f1``, ``extract_en_speaker_acc``..."""
        out = {f"{prefix}_{k}": v for k, v in self.overall.metrics().items()}
        for lang in sorted(self.by_lang):
            out.update({f"{prefix}_{lang}_{k}": v for k, v in self.by_lang[lang].metrics().items()})
        for kind, c in sorted(self.by_kind.items()):
            m = c.metrics()
            out.update({f"{prefix}_kind_{kind}_{k}": m[k] for k in ("recall", "speaker_acc", "n_gold")})
            out[f"{prefix}_kind_{kind}_exact_recall"] = c.exact / c.gold if c.gold else 0.0
        return out

    def kind_table(self) -> str:
        """Recall, exact-span recall and speaker accuracy per gold kind of statement."""
        head = f"{'kind':<10}{'gold':>6}{'recall':>10}{'exact':>10}{'speaker_acc':>13}"
        rows = [head, "-" * len(head)]
        for kind, c in sorted(self.by_kind.items()):
            exact = c.exact / c.gold if c.gold else 0.0
            rows.append(f"{kind:<10}{c.gold:>6}{c.matched / max(c.gold, 1):>10.3f}{exact:>10.3f}"
                        f"{c.metrics()['speaker_acc']:>13.3f}")
        return "\n".join(rows)

    def table(self) -> str:
        """A plain-text summary table, one row per language and one overall."""
        cols = ("precision", "recall", "f1", "exact_f1", "speaker_acc", "kind_acc")
        head = f"{'lang':<8}{'gold':>6}{'pred':>6}" + "".join(f"{c:>13}" for c in cols)
        rows = [head, "-" * len(head)]
        items = [(lang, self.by_lang[lang]) for lang in sorted(self.by_lang)] + [("all", self.overall)]
        for lang, c in items:
            m = c.metrics()
            rows.append(f"{lang:<8}{c.gold:>6}{c.pred:>6}" + "".join(f"{m[k]:>13.3f}" for k in cols))
        return "\n".join(rows)


def score_article(article_id: str, lang: str, gold: Iterable, pred: Iterable, report: Report | None = None) -> Report:
    """Add one article's comparison to ``report`` (a new one when None) and return it."""
    report = report or Report()
    gold, pred = list(gold), list(pred)
    c = Counts(gold=len(gold), pred=len(pred))
    pairs = match(gold, pred)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for g in gold:
        report.by_kind.setdefault(str(_get(g, "kind")), Counts()).gold += 1
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        kc = report.by_kind[str(_get(g, "kind"))]
        kc.matched += 1
        c.matched += 1
        if int(_get(g, "start")) == int(_get(p, "start")) and int(_get(g, "end")) == int(_get(p, "end")):
            c.exact += 1
            kc.exact += 1
        if norm_speaker(_get(g, "speaker")) == norm_speaker(_get(p, "speaker")):
            c.speaker_ok += 1
            kc.speaker_ok += 1
        else:
            report.misses.append(_miss("wrong_speaker", article_id, lang, g, p))
        if _get(g, "kind") == _get(p, "kind"):
            c.kind_ok += 1
        else:
            report.misses.append(_miss("wrong_kind", article_id, lang, g, p))
        if (int(_get(g, "start")), int(_get(g, "end"))) != (int(_get(p, "start")), int(_get(p, "end"))):
            report.misses.append(_miss("inexact_span", article_id, lang, g, p))
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            report.misses.append(_miss("false_negative", article_id, lang, g, None))
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            report.misses.append(_miss("false_positive", article_id, lang, None, p))
    report.by_lang.setdefault(lang, Counts()).add(c)
    return report


def _miss(kind: str, article_id: str, lang: str, g, p) -> dict:
    rec = {"type": kind, "article": article_id, "lang": lang}
    for tag, r in (("gold", g), ("pred", p)):
        if r is None:
            continue
        rec[f"{tag}_start"] = int(_get(r, "start"))
        rec[f"{tag}_end"] = int(_get(r, "end"))
        rec[f"{tag}_text"] = _get(r, "text")
        rec[f"{tag}_speaker"] = _get(r, "speaker")
        rec[f"{tag}_kind"] = _get(r, "kind")
        rec[f"{tag}_cue"] = _get(r, "cue")
    return rec


def score(articles: Iterable[Mapping], extract) -> Report:
    """Run ``extract(text, lang)`` on gold articles (dicts with id, lang, text, statements)."""
    report = Report()
    for art in articles:
        pred = extract(art["text"], art.get("lang"))
        score_article(art.get("id", "?"), art.get("lang", "?"), art.get("statements", []), pred, report)
    return report
