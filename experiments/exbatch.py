"""Score the extractor on a glob of gold articles; print table, kind table, and (with -v) misses."""
import glob, json, sys
from stance.extract import extract_quotes
from stance.extract.scoring import score, match, norm_speaker
pats = [a for a in sys.argv[1:] if a != "-v"]
arts = [json.load(open(p)) for pat in pats for p in sorted(glob.glob(pat))]
for a, p in zip(arts, [p for pat in pats for p in sorted(glob.glob(pat))]):
    a.setdefault("id", p.split("/")[-1][:-5])
rep = score(arts, lambda text, lang: [q.to_dict() for q in extract_quotes(text, lang)])
print(len(arts), "articles"); print(rep.table()); print(rep.kind_table())
if "-v" in sys.argv:
    for a in arts:
        gold = a["statements"]; pred = [q.to_dict() for q in extract_quotes(a["text"], a["lang"])]
        pairs = match(gold, pred); mg = {g for g, _ in pairs}; mp = {q for _, q in pairs}
        for g, q in pairs:
            if norm_speaker(gold[g]["speaker"]) != norm_speaker(pred[q]["speaker"]):
                print(a["id"], "SPK", gold[g]["kind"], repr(gold[g]["text"][:50]), "| gold:", gold[g]["speaker"], "| pred:", pred[q]["speaker"])
        for g in range(len(gold)):
            if g not in mg: print(a["id"], "FN ", gold[g]["kind"], repr(gold[g]["text"][:70]), "|", gold[g]["speaker"])
        for q in range(len(pred)):
            if q not in mp: print(a["id"], "FP ", pred[q]["kind"], repr(pred[q]["text"][:70]), "|", pred[q]["speaker"])
