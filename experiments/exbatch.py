"""Score the extractor on a glob of gold articles: the table, the kind table and (with -v) misses.

    python experiments/exbatch.py 'data/articles/pl-b1*.json' [-v] [--speaker-model rules|ranker|hybrid]

For development on the tuning articles (data/articles). The held-out articles are scored only
in aggregate, with ``python -m stance.evaluate_extraction``; never print their misses.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stance.extract import extract_quotes  # noqa: E402
from stance.extract.scoring import match, norm_speaker, score  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("patterns", nargs="+")
    ap.add_argument("-v", action="store_true", help="print wrong speakers, false negatives and false positives")
    ap.add_argument("--speaker-model", default="rules")
    args = ap.parse_args()
    paths = [p for pat in args.patterns for p in sorted(glob.glob(pat))]
    if args.v and any("heldout" in Path(p).resolve().parts for p in paths):
        raise SystemExit("exbatch: no misses of held-out articles (-v); score them with stance.evaluate_extraction")
    arts = []
    for p in paths:
        art = json.loads(Path(p).read_text(encoding="utf-8"))
        art.setdefault("id", Path(p).stem)
        arts.append(art)

    def run(text, lang):
        return [q.to_dict() for q in extract_quotes(text, lang, speaker_model=args.speaker_model)]

    rep = score(arts, run)
    print(len(arts), "articles")
    print(rep.table())
    print(rep.kind_table())
    if not args.v:
        return
    for a in arts:
        gold, pred = a["statements"], run(a["text"], a["lang"])
        pairs = match(gold, pred)
        mg, mp = {g for g, _ in pairs}, {q for _, q in pairs}
        for g, q in pairs:
            if norm_speaker(gold[g]["speaker"]) != norm_speaker(pred[q]["speaker"]):
                print(a["id"], "SPK", gold[g]["kind"], repr(gold[g]["text"][:50]), "| gold:", gold[g]["speaker"],
                      "| pred:", pred[q]["speaker"])
        for g in range(len(gold)):
            if g not in mg:
                print(a["id"], "FN ", gold[g]["kind"], repr(gold[g]["text"][:70]), "|", gold[g]["speaker"])
        for q in range(len(pred)):
            if q not in mp:
                print(a["id"], "FP ", pred[q]["kind"], repr(pred[q]["text"][:70]), "|", pred[q]["speaker"])


if __name__ == "__main__":
    main()
