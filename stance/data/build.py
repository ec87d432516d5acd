"""Build the fixed train/validation/test files from the authored source files.

    python -m stance.data.build [--sources data/statements/sources] [--out data/statements]

Sources are validated; exact duplicates (same normalised text) are dropped, keeping the
first; a statement whose normalised text is in the evaluation set (``--exclude``, default the
realistic set), or a near-duplicate of one of its statements (character 5-gram Jaccard > 0.8,
the same measure as the split groups), is dropped, so no training statement is also a test item
(independent writers meet on stock fragments such as "nie do przyjęcia" / "ostatnią szansę" and
"ostatnią szansą"); near-duplicates are grouped so a group never straddles two splits; a statement's split comes from a stable hash of its near-duplicate
group (never its labels or position), and splits are deterministic (same sources and seed → byte-identical files). Files are written to a
temporary name and renamed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from stance.data.io import read_records
from stance.data.splits import SPLITS, assign_splits, near_duplicate_pairs, normalise

FRACTIONS = (0.64, 0.16, 0.20)
SEED = 13


def build(sources: Path, out: Path, fractions=FRACTIONS, seed: int = SEED, exclude: Path | None = None,
          exclude_near: float | None = 0.8) -> dict[str, int]:
    """``exclude_near=None`` drops only exact matches of evaluation statements (the builder
    before corpus v4; kept so earlier corpus versions rebuild byte for byte)."""
    records = read_records(sources)
    held_texts = []
    for file in sorted(exclude.glob("*.jsonl")) if exclude else []:
        held_texts += [json.loads(line)["text"] for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
    held = {normalise(t) for t in held_texts}
    near = set()
    if held_texts and exclude_near is not None:
        n = len(records)
        near = {i for i, j, _ in near_duplicate_pairs([r["text"] for r in records] + held_texts, exclude_near)
                if i < n <= j}
    seen: set[str] = set()
    unique = []
    in_eval = 0
    for k, rec in enumerate(records):
        key = normalise(rec["text"])
        if key in held or k in near:
            in_eval += 1
            continue
        if key in seen:
            continue
        seen.add(key)
        rec.pop("_file", None)
        unique.append(rec)
    names = assign_splits(
        [r["text"] for r in unique],
        fractions=fractions,
        seed=seed,
    )
    counts = {}
    out.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        rows = sorted((r for r, n in zip(unique, names) if n == split), key=lambda r: r["id"])
        counts[split] = len(rows)
        target = out / f"{split}.jsonl"
        tmp = target.with_name(f".{target.name}.tmp")
        with tmp.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        os.replace(tmp, target)
    counts["dropped_exact_duplicates"] = len(records) - len(unique) - in_eval
    counts["dropped_in_evaluation_set"] = in_eval
    return counts


def main(argv: list[str] | None = None) -> int:
    from stance.cli import user_errors
    from stance.tracking import project_root

    root = project_root()
    parser = argparse.ArgumentParser(prog="python -m stance.data.build", description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=root / "data/statements/sources")
    parser.add_argument("--out", type=Path, default=root / "data/statements")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--exclude", type=Path, default=root / "data/realistic",
                        help="folder of evaluation .jsonl files whose statements must not be trained on")
    args = parser.parse_args(argv)
    with user_errors("stance.data.build"):
        exclude = args.exclude if args.exclude.is_dir() else None
        print(json.dumps(build(args.sources, args.out, seed=args.seed, exclude=exclude)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
