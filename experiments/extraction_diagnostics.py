"""Where extraction fails, as counts only: the shapes of misses and wrong speakers on a set of gold
articles, without printing a single text, speaker or span.

    python experiments/extraction_diagnostics.py [--articles data/heldout/articles/validation]
                                                 [--json experiments/results/diag.json]

Made for the blind held-out validation half, whose texts nobody developing the extractor reads:
these aggregates say which *kind* of failure dominates (a quote found but cut at the wrong place,
no candidate at all, a speaker that is a shorter form of the right one, a speaker never among the
candidates), so that new tuning articles can be commissioned in that shape. It never reads the
test half.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stance.extract.scoring import MIN_OVERLAP, norm_speaker, overlap  # noqa: E402
from stance.extract.train_speaker_ranker import collect, read_articles  # noqa: E402

_OPEN = "„\"“«»‘‚'”"
_DASH = "–—-"
_TIME = re.compile(r"(^|\n)\s*\d{1,2}[:.]\d{2}\b")


def _before(text: str, start: int) -> str:
    """What introduces a span: the nearest non-space characters before it, as a class."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        line = text[text.rfind("\n", 0, start) + 1:start]
        return "line start after time stamp" if _TIME.match(line) else "paragraph start"
    ch = text[i - 1]
    if ch in _OPEN:
        return "quote mark"
    if ch in _DASH:
        return "dash"
    if ch == ":":
        return "colon"
    if ch == ",":
        word = re.search(r"(\w+)\s*,?\s*$", text[max(0, i - 40):i - 1])
        return "comma after " + ("że/that" if word and word.group(1).lower() in ("że", "iż", "that") else "other")
    word = re.search(r"(\w+)$", text[max(0, i - 30):i])
    if word and word.group(1).lower() in ("że", "iż", "that", "by", "aby", "żeby", "whether", "if"):
        return "conjunction"
    if ch == ".":
        return "sentence end"
    return "inside sentence"


def _length(n: int) -> str:
    return "<60" if n < 60 else "60-150" if n < 150 else "150-400" if n < 400 else "400+"


def _tokens(s: str | None) -> set[str]:
    return set(re.findall(r"\w+", norm_speaker(s)))


def _speaker_shape(gold: str | None, pred: str | None, speakers: set[str], text: str) -> str:
    g, p = _tokens(gold), _tokens(pred)
    if not p:
        return "none predicted"
    if norm_speaker(pred) in speakers:
        return "another speaker of the article"
    if p < g:
        return "a shorter form of the right one"
    if g < p:
        return "a longer form of the right one"
    if g & p:
        return "shares a word with the right one"
    return "unrelated, in the text" if norm_speaker(pred) in norm_speaker(text) else "unrelated, not in the text"


def diagnose(articles: list[dict]) -> dict[str, Counter]:
    out: dict[str, Counter] = {k: Counter() for k in (
        "missed: kind", "missed: overlap with a prediction", "missed: introduced by", "missed: length",
        "missed: spans paragraphs", "missed: gold cue", "false positive: kind", "false positive: overlap",
        "wrong speaker: shape", "wrong speaker: gold speaker form", "wrong speaker: kind",
        "speaker: gold among candidates", "found: introduced by", "found: kind")}
    by_id = {a.get("id"): a for a in articles}
    for art in collect(articles):
        text, non_statements = by_id[art.id]["text"], by_id[art.id].get("non_statements") or []
        speakers = {norm_speaker(g.get("speaker")) for g in art.gold}
        matched_g = {gi for gi, _ in art.pairs}
        matched_p = {pi for _, pi in art.pairs}
        for gi, g in enumerate(art.gold):
            gs = (g["start"], g["end"])
            intro = _before(text, gs[0])
            if gi in matched_g:
                out["found: introduced by"][intro] += 1
                out["found: kind"][f"{art.lang} {g['kind']}"] += 1
                continue
            out["missed: kind"][f"{art.lang} {g['kind']}"] += 1
            out["missed: introduced by"][f"{art.lang} {g['kind']}: {intro}"] += 1
            out["missed: length"][_length(gs[1] - gs[0])] += 1
            out["missed: spans paragraphs"]["yes" if "\n" in g["text"] else "no"] += 1
            cue = g.get("cue")
            out["missed: gold cue"]["none" if not cue else "headline" if cue == "headline" else "a word"] += 1
            best, shape = 0.0, "no prediction overlaps"
            for pi, p in enumerate(art.pred):
                ps = (p["start"], p["end"])
                ov = overlap(gs, ps)
                if not ov:
                    continue
                ratio = ov / max(gs[1] - gs[0], ps[1] - ps[0], 1)
                if ratio >= MIN_OVERLAP and pi in matched_p:
                    best, shape = 1.0, "a prediction overlapping enough went to another gold one"
                elif ratio > best:
                    best = ratio
                    if ps[0] <= gs[0] and ps[1] >= gs[1]:
                        shape = "a longer prediction contains it"
                    elif ps[0] >= gs[0] and ps[1] <= gs[1]:
                        shape = "a shorter prediction inside it"
                    else:
                        shape = "a prediction overlaps one end"
            out["missed: overlap with a prediction"][shape] += 1
        for pi, p in enumerate(art.pred):
            if pi in matched_p:
                continue
            out["false positive: kind"][f"{art.lang} {p['kind']}"] += 1
            hit = any(overlap((g["start"], g["end"]), (p["start"], p["end"])) for g in art.gold)
            ns = any(overlap((n["start"], n["end"]), (p["start"], p["end"])) for n in non_statements)
            out["false positive: overlap"]["overlaps a gold statement" if hit else
                                           "overlaps a non-statement" if ns else "overlaps nothing annotated"] += 1
        for gi, pi in art.pairs:
            g = art.gold[gi]
            key = norm_speaker(g.get("speaker"))
            among = any(norm_speaker(c.speaker) == key for c in art.cands[pi])
            out["speaker: gold among candidates"][f"{art.lang} {'yes' if among else 'no'}"] += 1
            if key == norm_speaker(art.rules[pi]):
                continue
            out["wrong speaker: shape"][art.lang + " " + _speaker_shape(g.get("speaker"), art.rules[pi], speakers, text)] += 1
            form = "lowercase (role or description)" if key[:1] == (g.get("speaker") or "")[:1] else "capitalised"
            out["wrong speaker: gold speaker form"][f"{form}, {'among' if among else 'not among'} the candidates"] += 1
            out["wrong speaker: kind"][f"{art.lang} {g['kind']}"] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", default=str(ROOT / "data" / "heldout" / "articles" / "validation"))
    ap.add_argument("--exclude", nargs="*", default=())
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    if "test" in Path(args.articles).resolve().parts and "heldout" in Path(args.articles).resolve().parts:
        raise SystemExit("extraction_diagnostics: the held-out test half is only reported, never diagnosed")
    out = diagnose(read_articles(args.articles, tuple(args.exclude)))
    for name, counts in out.items():
        total = sum(counts.values())
        print(f"{name} ({total})")
        for key, n in counts.most_common():
            print(f"  {n:>4}  {key}")
    if args.json:
        Path(args.json).write_text(json.dumps({k: dict(v) for k, v in out.items()}, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
