"""Train the speaker ranker's weights on gold articles and write them as a JSON data file.

    python -m stance.extract.train_speaker_ranker [--articles data/articles] [--out FILE]
                                                  [--exclude 'pl-b1*' ...] [--C 1.0]

Every article is run through the extractor; each extracted statement that matches a gold
one (``scoring.match``: spans overlapping by half) and whose gold speaker is among its
candidates gives one ranking example: the gold candidate against each other one. A pairwise
logistic regression (scikit-learn, no intercept: only score differences matter) learns
from the feature differences, each statement weighing the same however many candidates it
has. The coefficients go to ``--out`` (default: the packaged ``speaker_ranker.json``) through
a temporary file and a rename. Same articles, same file, byte for byte: the data are
collected in file order and lbfgs is deterministic.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from stance.files import write_text_atomic
from stance.extract.ranker import WEIGHTS_PATH, Weights, choose, parse_weights, settle, weights_json
from stance.extract.ranker_features import BIT, FEATURES, SpeakerCandidate
from stance.extract.scoring import Report, match, norm_speaker, score_article

DEFAULT_ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"


@dataclass
class ArticleCandidates:
    """One article's gold statements, extracted statements and their speaker candidates."""

    id: str
    lang: str
    gold: list[dict]
    pred: list[dict]  # start, end, kind, text, cue (the speaker is chosen later)
    rules: list[str | None]
    cands: list[list[SpeakerCandidate]]
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, pred index)
    keeps_role: list[bool] = field(default_factory=list)  # per statement: ``ranker.keeps_its_role``
    # the whole-text passes over the chosen speakers: the statements the product outputs (those passes may add some)
    finish: Callable[[list[str | None]], list[dict]] | None = None


def read_articles(path: str | Path, exclude: tuple[str, ...] = ()) -> list[dict]:
    """Gold articles from a folder (or one file), validated; ids matching ``exclude`` (globs)
    left out."""
    from stance.evaluate_extraction import load_articles

    arts, _fingerprint = load_articles(path)
    return [a for a in arts if not any(fnmatch.fnmatch(a["id"], pat) for pat in exclude)]


def collect(articles: list[dict]) -> list[ArticleCandidates]:
    """Extract every article once and keep the candidates of every statement as the product
    builds them (none where the rules' named speaker stands: ``ranker.named_speaker``), and
    whether the rules' role keeps its place (the model only re-weighs the candidates;
    ``hybrid`` is applied at scoring time from the rules' bits)."""
    import gc

    from stance.extract.pipeline import stages, whole_text_passes
    from stance.extract.quote import Quote
    from stance.extract.ranker import keeps_its_role, named_speaker, statement_candidates

    def passes(text, chosen, resolver):
        def finish(speakers: list[str | None]) -> list[dict]:
            quotes = [Quote(text[c.start:c.end], s, c.kind, c.start, c.end, c.cue) for c, s in zip(chosen, speakers)]
            return [q.to_dict() for q in whole_text_passes(text, quotes, resolver)]
        return finish

    out = []
    for art in articles:
        text, lang = art["text"], art["lang"]
        was = gc.isenabled()
        gc.disable()  # as extract_quotes does: the cyclic collector only slows this down
        try:
            chosen, resolver = stages(text, lang)
            found = statement_candidates(text, chosen, resolver, "ranker", named_speaker)
            keeps = [keeps_its_role(resolver, c, rules) for c, (rules, _cs) in zip(chosen, found)]
        finally:
            if was:
                gc.enable()
        pred = [{"start": c.start, "end": c.end, "kind": c.kind, "text": text[c.start:c.end], "cue": c.cue}
                for c in chosen]
        gold = list(art.get("statements", []))
        out.append(ArticleCandidates(art.get("id", "?"), lang, gold, pred, [r for r, _ in found],
                                     [cs for _, cs in found], match(gold, pred), keeps, passes(text, chosen, resolver)))
    return out


def examples(data: list[ArticleCandidates]) -> tuple[list[list[float]], list[int], list[float]]:
    """Pairwise examples: (gold - other, 1) and (other - gold, 0), weight 1/(n-1) each."""
    X, y, w = [], [], []
    for art in data:
        for gi, pi in art.pairs:
            key = norm_speaker(art.gold[gi].get("speaker"))
            cands = art.cands[pi]
            good = [c for c in cands if norm_speaker(c.speaker) == key]
            if not key or not good or len(cands) < 2:
                continue
            g = good[0].x
            others = [c for c in cands if c is not good[0]]
            for o in others:
                d = [a - b for a, b in zip(g, o.x)]
                X += [d, [-v for v in d]]
                y += [1, 0]
                w += [1.0 / len(others)] * 2
    return X, y, w


def fit(data: list[ArticleCandidates], C: float = 1.0) -> str:
    """The weights file text trained on ``data``."""
    from sklearn.linear_model import LogisticRegression

    X, y, w = examples(data)
    if not X:
        raise ValueError("no training examples: no extracted statement matched a gold one with its speaker among the candidates")
    model = LogisticRegression(C=C, fit_intercept=False, solver="lbfgs", max_iter=5000)
    model.fit(X, y, sample_weight=w)
    return weights_json(dict(zip(FEATURES, model.coef_[0].tolist())), 0.0)


def evaluate(data: list[ArticleCandidates], weights: Weights | None, mode: str) -> Report:
    """The scoring report with speakers chosen by ``mode`` (rules | ranker | hybrid)."""
    report = Report()
    for art in data:
        speakers = []
        for rules, cands, keeps in zip(art.rules, art.cands, art.keeps_role):
            if mode == "rules" or (mode == "hybrid" and _confident(rules, cands)):
                speakers.append(rules)
            else:
                speakers.append(settle(rules, cands, choose(rules, cands, weights), lambda k=keeps: k))
        preds = art.finish(speakers) if art.finish is not None else [p | {"speaker": s} for p, s in zip(art.pred, speakers)]
        score_article(art.id, art.lang, art.gold, preds, report)
    return report


def _confident(rules: str | None, cands: list[SpeakerCandidate]) -> bool:
    """``ranker.rules_confident`` read from the rules' candidate's bits."""
    unsure = BIT["rules_role_vague"] | BIT["common_word"]
    return bool(rules) and any(c.bits & BIT["rules"] and c.bits & BIT["rules_explicit"] and not c.bits & unsure
                               for c in cands)


def coverage(data: list[ArticleCandidates]) -> tuple[int, int]:
    """(matched statements, of them with the gold speaker among the candidates)."""
    n = hit = 0
    for art in data:
        for gi, pi in art.pairs:
            n += 1
            key = norm_speaker(art.gold[gi].get("speaker"))
            hit += any(norm_speaker(c.speaker) == key for c in art.cands[pi])
    return n, hit


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m stance.extract.train_speaker_ranker", description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", default=str(DEFAULT_ARTICLES), help="folder of gold article .json files (default: data/articles)")
    ap.add_argument("--out", default=str(WEIGHTS_PATH), help="weights file to write (default: the packaged one)")
    ap.add_argument("--exclude", nargs="*", default=[], help="article id globs to leave out (e.g. 'pl-b1*')")
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength (default 1.0)")
    args = ap.parse_args(argv)
    from stance.errors import StanceError

    try:
        if not args.C > 0:
            raise ValueError(f"--C must be a positive number, not {args.C}")
        data = collect(read_articles(args.articles, tuple(args.exclude)))
        text = fit(data, args.C)
    except (StanceError, ValueError) as exc:
        print(f"train_speaker_ranker: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out)
    write_text_atomic(out, text)
    weights = parse_weights(text.encode(), out)
    n, hit = coverage(data)
    rules = evaluate(data, None, "rules").overall.metrics()["speaker_acc"]
    ranked = evaluate(data, weights, "ranker").overall.metrics()["speaker_acc"]
    print(f"{len(data)} articles, {n} matched statements, gold speaker among the candidates for {hit} "
          f"({hit / max(n, 1):.3f}); training-set speaker accuracy: rules {rules:.3f}, ranker {ranked:.3f}")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
