"""Corpus statistics: counts per split, language, kind, label, label pair and hard case.

    python -m stance.data.stats [--path data/statements]            # plain tables
    python -m stance.data.stats --update-card data/DATACARD.md       # rewrite the card's tables

The data card's tables sit between ``<!-- stats:begin -->`` and ``<!-- stats:end -->``
and are generated here, never typed by hand (a test checks they are current).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

from stance.data.io import read_records
from stance.data.splits import SPLITS
from stance.labels import LABELS

BEGIN, END = "<!-- stats:begin -->", "<!-- stats:end -->"


def load_splits(path: Path) -> dict[str, list[dict]]:
    return {s: read_records(path / f"{s}.jsonl") for s in SPLITS}


def _table(title: str, rows: list[str], counts: dict[str, Counter], total: bool = True) -> list[str]:
    cols = list(counts)
    out = [f"**{title}**", "", "| | " + " | ".join(cols) + (" | all |" if total else " |"), "|---" * (len(cols) + 1 + total) + "|"]
    for row in rows:
        vals = [counts[c][row] for c in cols]
        out.append(f"| {row} | " + " | ".join(str(v) for v in vals) + (f" | {sum(vals)} |" if total else " |"))
    if total:
        sums = [sum(counts[c].values()) for c in cols]
        out.append("| **all** | " + " | ".join(str(v) for v in sums) + f" | {sum(sums)} |")
    return out + [""]


def markdown(splits: dict[str, list[dict]]) -> str:
    """The data card's tables."""
    def per_split(key) -> dict[str, Counter]:
        return {s: Counter(key(r) for r in recs) for s, recs in splits.items()}

    allrecs = [r for recs in splits.values() for r in recs]
    langs = sorted({r["lang"] for r in allrecs})
    out = []
    out += _table("Statements per split and language", langs, per_split(lambda r: r["lang"]))
    out += _table("Kind", ["direct", "fragment", "indirect"], per_split(lambda r: r["kind"]))
    out += _table("Stance", list(LABELS["stance"]), per_split(lambda r: r["stance"]))
    out += _table("Tone", list(LABELS["tone"]), per_split(lambda r: r["tone"]))
    pairs = Counter((r["stance"], r["tone"]) for r in allrecs)
    out += ["**Stance × tone (all splits)**", "", "| stance \\ tone | " + " | ".join(LABELS["tone"]) + " |", "|---" * (len(LABELS["tone"]) + 1) + "|"]
    out += [f"| {s} | " + " | ".join(str(pairs[(s, t)]) for t in LABELS["tone"]) + " |" for s in LABELS["stance"]]
    out.append("")
    hard = per_split(lambda r: r.get("hard_case") or "(none)")
    names = sorted({k for c in hard.values() for k in c} - {"(none)"}) + ["(none)"]
    out += _table("Hard cases", names, hard)
    n_hard = sum(1 for r in allrecs if r.get("hard_case"))
    lang_stance = Counter((r["lang"], r["stance"]) for r in allrecs)
    out += ["**Stance per language**", "", "| lang | " + " | ".join(LABELS["stance"]) + " |", "|---" * (len(LABELS["stance"]) + 1) + "|"]
    out += [f"| {lang} | " + " | ".join(str(lang_stance[(lang, s)]) for s in LABELS["stance"]) + " |" for lang in langs]
    out.append("")
    words = sorted(len(r["text"].split()) for r in allrecs)
    out.append(
        f"Total {len(allrecs)} statements; hard cases {n_hard} ({n_hard / len(allrecs):.1%}); "
        f"{len({r['speaker'] for r in allrecs})} distinct speakers; {len({r.get('topic') for r in allrecs})} topics; "
        f"length in words: median {words[len(words) // 2]}, min {words[0]}, max {words[-1]}; "
        f"with context sentence {sum(1 for r in allrecs if r.get('context'))}."
    )
    return "\n".join(out) + "\n"


def update_card(card: Path, tables: str, begin: str = BEGIN, end: str = END) -> bool:
    """Replace the card's generated section between ``begin`` and ``end``; returns whether the file changed."""
    text = card.read_text(encoding="utf-8")
    if begin not in text or end not in text:
        raise SystemExit(f"{card}: add the markers {begin} and {end} where the tables belong")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    new = f"{head}{begin}\n{tables}{end}{tail}"
    if new == text:
        return False
    tmp = card.with_name(f".{card.name}.tmp")
    tmp.write_text(new, encoding="utf-8")
    os.replace(tmp, card)
    return True


def main(argv: list[str] | None = None) -> int:
    from stance.cli import user_errors
    from stance.tracking import project_root

    parser = argparse.ArgumentParser(prog="python -m stance.data.stats", description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=project_root() / "data/statements")
    parser.add_argument("--update-card", type=Path, default=None, metavar="DATACARD.md")
    args = parser.parse_args(argv)
    with user_errors("stance.data.stats"):
        tables = markdown(load_splits(args.path))
        if args.update_card:
            changed = update_card(args.update_card, tables)
            print(f"{args.update_card}: {'updated' if changed else 'already current'}")
        else:
            print(tables)
    return 0


if __name__ == "__main__":
    sys.exit(main())
