"""Corpus statistics: counts per split, language, kind, label, label pair and hard case.

    python -m stance.data.stats [--path data/statements]            # plain tables
    python -m stance.data.stats --update-card data/DATACARD.md       # rewrite the card's tables
    python -m stance.data.stats --path ours.csv --column text=tekst --column stance=postawa \
        --labels stance=favor,against,none                         # any labelled file

``--path`` is any file, folder or saved dataset ``stance.train`` reads; a folder with train,
validation and test files is counted per split. Statements without a label for a task are
counted as ``(no label)``; a missing language is detected (the tables say how many).

The data card's tables sit between ``<!-- stats:begin -->`` and ``<!-- stats:end -->``
and are generated here, never typed by hand (a test checks they are current).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

from stance.data.io import ReadSpec, read_records
from stance.labels import KINDS, LabelSpace

BEGIN, END = "<!-- stats:begin -->", "<!-- stats:end -->"
NO_LABEL = "(no label)"


def load_splits(path: Path, spec: ReadSpec | None = None) -> dict[str, list[dict]]:
    """``{split: records}`` for a folder of split files, else ``{"data": records}``."""
    from stance.data.corpus import _fixed_split_files, _read

    path = Path(path)
    fixed = _fixed_split_files(path)
    if fixed:
        return {s: _read(src, spec) for s, src in fixed.items()}
    return {"data": read_records(path, spec=spec)}


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


def markdown(splits: dict[str, list[dict]], space: LabelSpace | None = None) -> str:
    """The data card's tables (for the tasks of ``space`` the records have labels for)."""
    space = space or LabelSpace.default()

    def per_split(key) -> dict[str, Counter]:
        return {s: Counter(key(r) for r in recs) for s, recs in splits.items()}

    def label(r, task):
        return r.get(task) or NO_LABEL

    allrecs = [r for recs in splits.values() for r in recs]
    tasks = [t for t in space.tasks if any(r.get(t) for r in allrecs)]
    rows = {t: list(space.labels[t]) + ([NO_LABEL] if any(not r.get(t) for r in allrecs) else []) for t in tasks}
    langs = sorted({r["lang"] for r in allrecs})
    out = []
    out += _table("Statements per split and language", langs, per_split(lambda r: r["lang"]))
    if any(r.get("kind") for r in allrecs):
        kinds = list(KINDS) + (["(none)"] if any(not r.get("kind") for r in allrecs) else [])
        out += _table("Kind", kinds, per_split(lambda r: r.get("kind") or "(none)"))
    for task in tasks:
        out += _table(task.capitalize(), rows[task], per_split(lambda r, t=task: label(r, t)))
    if len(tasks) >= 2:  # the first two tasks crossed
        a, b = tasks[:2]
        pairs = Counter((label(r, a), label(r, b)) for r in allrecs)
        out += [f"**{a.capitalize()} × {b} (all splits)**", "", f"| {a} \\ {b} | " + " | ".join(rows[b]) + " |",
                "|---" * (len(rows[b]) + 1) + "|"]
        out += [f"| {x} | " + " | ".join(str(pairs[(x, y)]) for y in rows[b]) + " |" for x in rows[a]]
        out.append("")
    n_hard = sum(1 for r in allrecs if r.get("hard_case"))
    if any("hard_case" in r for r in allrecs):
        hard = per_split(lambda r: r.get("hard_case") or "(none)")
        names = sorted({k for c in hard.values() for k in c} - {"(none)"}) + ["(none)"]
        out += _table("Hard cases", names, hard)
    for task in tasks:
        lang_label = Counter((r["lang"], label(r, task)) for r in allrecs)
        out += [f"**{task.capitalize()} per language**", "", "| lang | " + " | ".join(rows[task]) + " |",
                "|---" * (len(rows[task]) + 1) + "|"]
        out += [f"| {lang} | " + " | ".join(str(lang_label[(lang, x)]) for x in rows[task]) + " |" for lang in langs]
        out.append("")
    words = sorted(len(r["text"].split()) for r in allrecs)
    facts = [f"Total {len(allrecs)} statements"]
    if any("hard_case" in r for r in allrecs):
        facts.append(f"hard cases {n_hard} ({n_hard / len(allrecs):.1%})")
    if any(r.get("speaker") for r in allrecs):
        facts.append(f"{len({r.get('speaker') for r in allrecs})} distinct speakers")
    if any("topic" in r for r in allrecs):
        facts.append(f"{len({r.get('topic') for r in allrecs})} topics")
    facts.append(f"length in words: median {words[len(words) // 2]}, min {words[0]}, max {words[-1]}")
    if any("context" in r for r in allrecs):
        facts.append(f"with context sentence {sum(1 for r in allrecs if r.get('context'))}")
    detected = sum(1 for r in allrecs if r.get("lang_detected"))
    if detected:
        facts.append(f"language detected for {detected} (no lang in the data)")
    out.append("; ".join(facts) + ".")
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


def _pairs(items: list[str], what: str) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise SystemExit(f"{what} {item!r}: expected NAME=VALUE")
        out[key] = value
    return out


def main(argv: list[str] | None = None) -> int:
    from stance.cli import user_errors
    from stance.data.io import read_spec
    from stance.tracking import project_root

    parser = argparse.ArgumentParser(prog="python -m stance.data.stats", description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=project_root() / "data/statements")
    parser.add_argument("--update-card", type=Path, default=None, metavar="DATACARD.md")
    parser.add_argument("--column", action="append", default=[], metavar="FIELD=COLUMN",
                        help="the file's column for a field, as data.columns (e.g. text=tekst)")
    parser.add_argument("--labels", action="append", default=[], metavar="TASK=L1,L2,...",
                        help="a task's ordered labels, as labels= (default: the codebook's)")
    args = parser.parse_args(argv)
    with user_errors("stance.data.stats"):
        given = {t: v.split(",") for t, v in _pairs(args.labels, "--labels").items()}
        space = LabelSpace.from_config(given or None, where="--labels")
        spec = read_spec(_pairs(args.column, "--column"), space,
                         unknown_hint="name the task's labels with --labels {task}=<label>,<label>,...")
        tables = markdown(load_splits(args.path, spec), space)
        if args.update_card:
            changed = update_card(args.update_card, tables)
            print(f"{args.update_card}: {'updated' if changed else 'already current'}")
        else:
            print(tables)
    return 0


if __name__ == "__main__":
    sys.exit(main())
