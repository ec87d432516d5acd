"""Article-grouped cross-validation of the speaker ranker on the tuning articles (data/articles).

    python experiments/speaker_ranker_cv.py [--C 1.0] [--out experiments/results/speaker_ranker_cv.json]

One group per blind round (``ROUNDS`` below, newest first: each round's 32 or so articles,
written blind to the extractor and the most like the held-out articles) and one for all
older articles. Each fold trains on the other groups
and scores speaker accuracy (over statements matched to gold, as ``stance.evaluate_extraction``
does) on the held-back group, per language, for the rules, the ranker, the packaged ranker
weights ("shipped": trained on the articles up to round 9, so out of sample on the later rounds)
and the hybrid (rules where a cue names its subject). The extraction itself is run once per article; only the
speaker choice differs. Never reads data/heldout.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stance.extract.ranker import load_weights, parse_weights  # noqa: E402
from stance.extract.train_speaker_ranker import collect, coverage, evaluate, fit, read_articles  # noqa: E402
from stance.files import write_text_atomic  # noqa: E402

# the blind rounds, newest first; every other article is "older"
ROUNDS = (
    ("round40", re.compile(r"^(pl-b(61[1-9]|62[0-6])|en-b(53[7-9]|54\d|55[0-2]))$")),
    ("round39", re.compile(r"^(pl-b(59[5-9]|60\d|610)|en-b(52[1-9]|53[0-6]))$")),
    ("round38", re.compile(r"^(pl-b(579|58\d|59[0-4])|en-b(50[5-9]|51\d|520))$")),
    ("round37", re.compile(r"^(pl-b(56[3-9]|57[0-8])|en-b(489|49\d|50[0-4]))$")),
    ("round36", re.compile(r"^(pl-b(54[7-9]|55\d|56[0-2])|en-b(47[3-9]|48[0-8]))$")),
    ("round35", re.compile(r"^(pl-b(53[1-9]|54[0-6])|en-b(45[7-9]|46\d|47[0-2]))$")),
    ("round34", re.compile(r"^(pl-b(51[5-9]|52\d|530)|en-b(44[1-9]|45[0-6]))$")),
    ("round33", re.compile(r"^(pl-b(499|50\d|51[0-4])|en-b(42[5-9]|43\d|440))$")),
    ("round32", re.compile(r"^(pl-b(48[3-9]|49[0-8])|en-b(409|41\d|42[0-4]))$")),
    ("round31", re.compile(r"^(pl-b(46[7-9]|47\d|48[0-2])|en-b(39[3-9]|40[0-8]))$")),
    ("round30", re.compile(r"^(pl-b(45[1-9]|46[0-6])|en-b(37[7-9]|38\d|39[0-2]))$")),
    ("round29", re.compile(r"^(pl-b(43[5-9]|44\d|450)|en-b(36[1-9]|37[0-6]))$")),
    ("round28", re.compile(r"^(pl-b(419|42\d|43[0-4])|en-b(34[5-9]|35\d|360))$")),
    ("round27", re.compile(r"^(pl-b(40[3-9]|41[0-8])|en-b(329|33\d|34[0-4]))$")),
    ("round26", re.compile(r"^(pl-b(38[7-9]|39\d|40[0-2])|en-b(31[3-9]|32[0-8]))$")),
    ("round25", re.compile(r"^(pl-b(37[1-9]|38[0-6])|en-b(29[7-9]|30\d|31[0-2]))$")),
    ("round24", re.compile(r"^(pl-b(35[5-9]|36\d|370)|en-b(28[1-9]|29[0-6]))$")),
    ("round23", re.compile(r"^(pl-b(339|34\d|35[0-4])|en-b(26[5-9]|27\d|280))$")),
    ("round22", re.compile(r"^(pl-b(32[3-9]|33\d)|en-b(249|25\d|26[0-4]))$")),
    ("round21", re.compile(r"^(pl-b(30[7-9]|31\d|32[0-2])|en-b(23[3-9]|24[0-8]))$")),
    ("round20", re.compile(r"^(pl-b(29[1-9]|30[0-6])|en-b(21[7-9]|22\d|23[0-2]))$")),
    ("round19", re.compile(r"^(pl-b(27[5-9]|28\d|290)|en-b(20[1-9]|21[0-6]))$")),
    ("round18", re.compile(r"^(pl-b(259|26\d|27[0-4])|en-b(18[5-9]|19\d|200))$")),
    ("round17", re.compile(r"^(pl-b(24[3-9]|25[0-8])|en-b(169|17\d|18[0-4]))$")),
    ("round16", re.compile(r"^(pl-b(22[7-9]|23\d|24[0-2])|en-b(15[3-9]|16[0-8]))$")),
    ("round15", re.compile(r"^(pl-b(21[1-9]|22[0-6])|en-b(13[7-9]|14\d|15[0-2]))$")),
    ("round14", re.compile(r"^(pl-b(19[5-9]|20\d|210)|en-b(12[1-9]|13[0-6]))$")),
    ("round13", re.compile(r"^(pl-b(17[1-9]|18\d|19[0-4])|en-b(11[3-9]|120))$")),
    ("round12", re.compile(r"^(pl-b(14[7-9]|1[5-6]\d|170)|en-b(10[5-9]|11[0-2]))$")),
    ("round11", re.compile(r"^(pl-b(12[3-9]|13\d|14[0-6])|en-b(9[7-9]|10[0-4]))$")),
    ("round10", re.compile(r"^(pl-b(99|1[01]\d|12[0-2])|en-b(8[1-9]|9[0-6]))$")),
    ("round9", re.compile(r"^(pl-b(8[3-9]|9[0-8])|en-b(6[5-9]|7\d|80))$")),
    ("round8", re.compile(r"^(pl-b(6[7-9]|7\d|8[0-2])|en-b(49|5\d|6[0-4]))$")),
    ("round7", re.compile(r"^(pl-b(5[1-9]|6[0-6])|en-b(3[3-9]|4[0-8]))$")),
    ("round6", re.compile(r"^(pl-b(3[5-9]|4\d|50)|en-b(2[5-9]|3[0-2]))$")),
    ("round5", re.compile(r"^(pl-b(19|2\d|3[0-4])|en-b(1[7-9]|2[0-4]))$")),
    ("round4", re.compile(r"^(pl-b(09|1[0-8])|en-b(09|1[0-6]))$")),
    ("round3", re.compile(r"^(pl-b0[1-8]|en-b0[1-8])$")),
)


def group(article_id: str) -> str:
    return next((name for name, pattern in ROUNDS if pattern.match(article_id)), "older")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", default=str(ROOT / "data" / "articles"))
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--out", default=str(ROOT / "experiments" / "results" / "speaker_ranker_cv.json"))
    args = ap.parse_args()
    if "heldout" in Path(args.articles).resolve().parts:
        raise SystemExit("speaker_ranker_cv: develops on the tuning articles only; data/heldout is for the final validation run")
    data = collect(read_articles(args.articles))
    shipped = load_weights()
    rows, results = [], []
    modes = ("rules", "ranker", "shipped", "hybrid")
    head = f"{'fold (held back)':<18}{'lang':<6}{'n':>5}{'cover':>8}" + "".join(f"{m:>9}" for m in modes)
    rows += [head, "-" * len(head)]
    totals: dict[str, list[int]] = {}
    for held in [name for name, _pattern in ROUNDS] + ["older"]:
        train = [a for a in data if group(a.id) != held]
        test = [a for a in data if group(a.id) == held]
        weights = parse_weights(fit(train, args.C).encode())
        reports = {mode: evaluate(test, weights, mode) for mode in ("rules", "ranker", "hybrid")}
        reports["shipped"] = evaluate(test, shipped, "ranker")  # the packaged weights, for comparison
        for lang in ("en", "pl", "all"):
            sub = [a for a in test if lang in ("all", a.lang)]
            n, hit = coverage(sub)
            accs = {}
            for mode, rep in reports.items():
                c = rep.overall if lang == "all" else rep.by_lang[lang]
                accs[mode] = c.metrics()["speaker_acc"]
                if lang != "all":
                    t = totals.setdefault(f"{lang} {mode}", [0, 0])
                    t[0] += c.speaker_ok
                    t[1] += c.matched
            rows.append(f"{held:<18}{lang:<6}{n:>5}{hit / max(n, 1):>8.3f}"
                        + "".join(f"{accs[m]:>9.3f}" for m in modes))
            results.append({"fold": held, "lang": lang, "matched": n, "gold_among_candidates": hit} | accs)
    for lang in ("en", "pl"):
        rows.append(f"{'all folds':<18}{lang:<6}{totals[f'{lang} rules'][1]:>5}{'':>8}"
                    + "".join(f"{totals[f'{lang} {m}'][0] / totals[f'{lang} {m}'][1]:>9.3f}" for m in modes))
    table = "\n".join(rows)
    print(table)
    write_text_atomic(Path(args.out), json.dumps({"C": args.C, "folds": results, "table": table}, indent=1) + "\n")


if __name__ == "__main__":
    main()
