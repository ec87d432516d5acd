"""Label the statements of an article file with a model and print them as a table (the end of ``make demo``).

    python -m stance.demo [--model models:/quote-stance/latest] [--file data/examples/davos-talks-pl.txt]

(Whole archives of statements or articles: ``python -m stance.label``, the ``stance-label`` script.)
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from stance.tracking import project_root


def format_table(records: list[dict], width: int = 70) -> str:
    """A readable plain-text table: speaker, statement, the label of each task, confidence."""
    if not records:
        return "(no statements found)"
    # The model's tasks and labels, read off its probability columns (<task>_p_<label>).
    labels: dict[str, list[str]] = {}
    for key in records[0]:
        for task in [k for k in records[0] if key.startswith(f"{k}_p_")]:
            labels.setdefault(task, []).append(key[len(task) + 3:])
    widths = {t: max(len(t), *map(len, labs)) + 1 for t, labs in labels.items()}
    head = f"{'#':>2}  {'speaker':<22}{'statement':<{width}}  " + "".join(f"{t:<{widths[t]}}" for t in labels) + f"{'conf.':>5}"
    lines = [head, "-" * len(head)]
    for i, r in enumerate(records, 1):
        conf = r["confidence"]
        wrapped = textwrap.wrap(r["text"], width) or [""]
        speaker = (r.get("speaker") or "?")[:21]
        lines.append(f"{i:>2}  {speaker:<22}{wrapped[0]:<{width}}  " + "".join(f"{r[t]:<{widths[t]}}" for t in labels) + f"{conf:>5.2f}")
        lines += [f"{'':>2}  {'':<22}{w}" for w in wrapped[1:]]
    lines.append("")
    lines.append("conf. = the lowest of the predicted labels' probabilities; labels: "
                 + "; ".join(f"{t}: {', '.join(labs)}" for t, labs in labels.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import stance
    from stance.cli import user_errors

    parser = argparse.ArgumentParser(prog="python -m stance.demo", description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models:/quote-stance/latest")
    parser.add_argument("--file", default=str(project_root() / "data/examples/davos-talks-pl.txt"))
    parser.add_argument("--lang", default=None)
    args = parser.parse_args(argv)
    with user_errors("stance.demo"):
        path = Path(args.file)
        if not path.is_file():
            print(f"stance.demo: error: {path} not found; pass --file <article.txt>", file=sys.stderr)
            return 2
        model = stance.load(args.model)
        records = stance.label_article(path.read_text(encoding="utf-8"), model=model, lang=args.lang)
        print(f"{path.name}: {len(records)} statements, model {args.model}\n")
        print(format_table(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
