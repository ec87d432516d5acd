"""Inter-annotator agreement of the blind second annotation, and what adjudication changed.

    python -m stance.data.agreement                      # print the tables
    python -m stance.data.agreement --update-card data/DATACARD.md   # + write agreement.json

Inputs in ``data/annotation/``: ``first_pass.jsonl`` (the first annotator's labels as they
were before adjudication), ``second_annotator.jsonl`` (the blind second annotation: the
annotator saw text and speaker only) and ``adjudicated.jsonl`` (the final labels of every
disagreement, with its cause). Cohen's kappa is computed on the two independent passes;
the corpus carries the adjudicated labels.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from stance.labels import LABELS, TASKS

BEGIN, END = "<!-- agreement:begin -->", "<!-- agreement:end -->"
WAVE2_BEGIN, WAVE2_END = "<!-- agreement-wave2:begin -->", "<!-- agreement-wave2:end -->"
WAVE3_BEGIN, WAVE3_END = "<!-- agreement-wave3:begin -->", "<!-- agreement-wave3:end -->"
WAVE4_BEGIN, WAVE4_END = "<!-- agreement-wave4:begin -->", "<!-- agreement-wave4:end -->"
# (folder, card markers, wording) of each blind second annotation
SECTIONS = (
    ("data/annotation", BEGIN, END, {}),
    ("data/annotation/wave2", WAVE2_BEGIN, WAVE2_END,
     {"what": "of the realism wave (120 drawn at random from each of en-b, pl-c, pl-d)",
      "note": "The adjudicated labels are the ones in the corpus."}),
    ("data/annotation/wave3", WAVE3_BEGIN, WAVE3_END,
     {"what": "of data wave 3 (120 drawn at random from each of pl-e, pl-f)", "saw": "text, speaker, kind and context sentence",
      "note": "The adjudicated labels are the ones in the corpus."}),
    ("data/annotation/wave4", WAVE4_BEGIN, WAVE4_END,
     {"what": "of data wave 4 (120 drawn at random from each of pl-g, pl-h, en-c)", "saw": "text, speaker, kind and context sentence",
      "note": "The adjudicated labels are the ones in the corpus."}),
)


def _read(path: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r for r in rows}


def agreement(folder: Path) -> dict:
    """Kappa, raw agreement and the annotator confusion per task (overall and per language)."""
    from sklearn.metrics import cohen_kappa_score, confusion_matrix

    first, second, adjudicated = (_read(folder / f) for f in ("first_pass.jsonl", "second_annotator.jsonl", "adjudicated.jsonl"))
    if set(first) != set(second):
        raise ValueError(f"{folder}: first_pass and second_annotator cover different statements")
    ids = sorted(second)
    report: dict = {"n": len(ids), "languages": dict(Counter(first[i]["lang"] for i in ids))}
    for task in TASKS:
        a, b = [first[i][task] for i in ids], [second[i][task] for i in ids]
        entry = {
            "kappa": round(float(cohen_kappa_score(a, b, labels=list(LABELS[task]))), 4),
            "agreement": round(sum(x == y for x, y in zip(a, b)) / len(ids), 4),
            "confusion_first_rows_second_cols": confusion_matrix(a, b, labels=list(LABELS[task])).tolist(),
        }
        for lang in sorted(report["languages"]):
            sub = [i for i in ids if first[i]["lang"] == lang]
            entry[f"kappa_{lang}"] = round(float(cohen_kappa_score([first[i][task] for i in sub], [second[i][task] for i in sub], labels=list(LABELS[task]))), 4)
        report[task] = entry
    disagreements = [i for i in ids if any(first[i][t] != second[i][t] for t in TASKS)]
    missing = sorted(set(disagreements) - set(adjudicated))
    if missing:
        raise ValueError(f"{folder}: disagreements without an adjudicated label: {missing[:5]}")
    changed = [i for i in disagreements if any(adjudicated[i][t] != first[i][t] for t in TASKS)]
    report["disagreements"] = len(disagreements)
    report["adjudication"] = {
        "first_label_changed": len(changed),
        "causes": dict(Counter(adjudicated[i].get("cause", "?") for i in disagreements)),
    }
    return report


def kappa_table(report: dict) -> list[str]:
    """Markdown rows: Cohen's kappa per task, overall and per language, and raw agreement."""
    langs = sorted(report["languages"])
    rows = ["| task | Cohen's kappa | " + " | ".join(f"kappa {k}" for k in langs) + " | raw agreement |",
            "|---" * (3 + len(langs)) + "|"]
    for task in TASKS:
        e = report[task]
        rows.append(f"| {task} | {e['kappa']:.3f} | " + " | ".join(f"{e[f'kappa_{k}']:.3f}" for k in langs)
                    + f" | {e['agreement']:.1%} |")
    return rows


def markdown(report: dict, what: str = "drawn at random from all splits",
             note: str = "Rules 5-12 of `data/CODEBOOK.md` were added from the missing rules.",
             saw: str = "text and speaker only") -> str:
    out = [
        f"Blind second annotation of {report['n']} statements {what} "
        f"({', '.join(f'{v} {k}' for k, v in sorted(report['languages'].items()))}); the second annotator "
        f"saw {saw}. Generated by `python -m stance.data.agreement --update-card data/DATACARD.md` "
        f"from `{report.get('folder', 'data/annotation')}/`.",
        "",
        *kappa_table(report),
        "",
    ]
    for task in TASKS:
        labs = LABELS[task]
        out += [f"**{task}: first annotator (rows) × second annotator (columns)**", "", "| | " + " | ".join(labs) + " |", "|---" * (len(labs) + 1) + "|"]
        for lab, row in zip(labs, report[task]["confusion_first_rows_second_cols"]):
            out.append(f"| {lab} | " + " | ".join(str(v) for v in row) + " |")
        out.append("")
    adj = report["adjudication"]
    causes = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(adj["causes"].items()) if k != "?")
    out.append(
        f"{report['disagreements']} statements had a disagreement on at least one task; an adjudicator (who saw both "
        f"labels, unattributed) settled each by the codebook{f' ({causes})' if causes else ''}; {adj['first_label_changed']} first labels "
        f"were corrected in the corpus ({adj['first_label_changed'] / report['n']:.1%} of the sample: an estimate of "
        f"the error rate of the unadjudicated rest). {note}"
    )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    from stance.cli import user_errors
    from stance.data.stats import update_card
    from stance.tracking import project_root

    parser = argparse.ArgumentParser(prog="python -m stance.data.agreement", description=__doc__.splitlines()[0])
    parser.add_argument("--update-card", type=Path, default=None, metavar="DATACARD.md")
    args = parser.parse_args(argv)
    with user_errors("stance.data.agreement"):
        for folder, begin, end, text in SECTIONS:
            report = agreement(project_root() / folder) | {"folder": folder}
            if args.update_card:
                target = project_root() / folder / "agreement.json"
                tmp = target.with_name(f".{target.name}.tmp")
                tmp.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
                os.replace(tmp, target)
                changed = update_card(args.update_card, markdown(report, **text), begin, end)
                print(f"{target}; {args.update_card}: {'updated' if changed else 'already current'}")
            else:
                print(markdown(report, **text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
