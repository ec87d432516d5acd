"""A study's report from the runs MLflow holds: Markdown tables, PNG plots and the figures as JSON.

Every number comes from the training runs' logged metrics (mean ± sd over seeds; the 95%
interval is each run's bootstrap interval over the test statements, averaged over seeds) or from
their logged test predictions (the paired bootstrap of ``stance.compare``). The test split never
chooses: an arm's grid point is the one with the best mean validation macro-F1.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

DEFAULT_TASKS = ("stance", "tone")
LANGS = ("pl", "en")


def _mean_sd(values: list[float]) -> list[float]:
    return [statistics.fmean(values), statistics.stdev(values) if len(values) > 1 else 0.0]


def _tasks(runs: list) -> list[str]:
    for run in runs:
        try:
            labels = json.loads(run.data.tags.get("stance.labels", ""))
            if isinstance(labels, dict) and labels:
                return [str(t) for t in labels]
        except ValueError:
            pass
    return list(DEFAULT_TASKS)


def _validation(runs: list, tasks: list[str]) -> float:
    return statistics.fmean(statistics.fmean(r.data.metrics.get(f"{t}_validation_macro_f1", float("nan")) for t in tasks) for r in runs)


def arm_rows(study, found: dict, tasks: list[str]) -> dict[str, dict]:
    """Per arm with runs: the grid point chosen on validation and its figures over seeds."""
    rows = {}
    for name, arm in study.arms.items():
        by_point = {p: [found[name][p][s] for s in study.seeds if found[name][p].get(s) is not None] for p in found.get(name, {})}
        by_point = {p: rs for p, rs in by_point.items() if rs}
        if not by_point:
            continue
        chosen = max(by_point, key=lambda p: (_validation(by_point[p], tasks), -p))
        runs = by_point[chosen]
        keys = ["n_train", "train_seconds"]
        for t in tasks:
            keys += [f"{t}_validation_macro_f1", f"{t}_test_macro_f1", f"{t}_test_macro_f1_ci_low", f"{t}_test_macro_f1_ci_high",
                     f"{t}_test_f_avg", f"{t}_test_ece", *(f"{t}_test_{lang}_macro_f1" for lang in LANGS)]
        metrics = {}
        for k in keys:
            vals = [r.data.metrics[k] for r in runs if k in r.data.metrics]
            if len(vals) == len(runs):
                metrics[k] = _mean_sd(vals)
        rows[name] = {
            "what": arm.what, "point": chosen, "overrides": " ".join([*arm.overrides, *arm.points[chosen]]),
            "seeds": [int(r.data.params.get("seed", -1)) for r in runs], "runs": [r.info.run_id for r in runs],
            "grid_validation": {p: _validation(rs, tasks) for p, rs in sorted(by_point.items())},
            "metrics": metrics, "by_seed": {int(r.data.params.get("seed", -1)): {k: r.data.metrics.get(k) for k in keys} for r in runs},
        }
    return rows


def _f(row: dict, key: str, digits: int = 3) -> str:
    if key not in row["metrics"]:
        return "–"
    mean, sd = row["metrics"][key]
    return f"{mean:.{digits}f} ± {sd:.{digits}f}"


def _ci(row: dict, t: str) -> str:
    m = row["metrics"]
    if f"{t}_test_macro_f1_ci_low" not in m:
        return "–"
    return f"{m[f'{t}_test_macro_f1_ci_low'][0]:.3f}–{m[f'{t}_test_macro_f1_ci_high'][0]:.3f}"


def _langs(row: dict, t: str) -> str:
    m = row["metrics"]
    return " / ".join(f"{m[f'{t}_test_{lang}_macro_f1'][0]:.3f}" if f"{t}_test_{lang}_macro_f1" in m else "–" for lang in LANGS)


def main_table(rows: dict, tasks: list[str]) -> list[str]:
    head = "| arm | what | seeds | n train | " + " | ".join(f"{t} test macro-F1 | 95% CI | {t} F_avg | {t} pl / en" for t in tasks) + " | validation (chosen) |"
    lines = [head, "|" + "---|" * (5 + 4 * len(tasks))]
    for name, r in rows.items():
        n_train = f"{r['metrics']['n_train'][0]:.0f}" if "n_train" in r["metrics"] else "–"
        cells = " | ".join(f"{_f(r, f'{t}_test_macro_f1')} | {_ci(r, t)} | {_f(r, f'{t}_test_f_avg')} | {_langs(r, t)}" for t in tasks)
        grid = f" (of {len(r['grid_validation'])}: `{r['overrides']}`)" if len(r["grid_validation"]) > 1 else ""
        lines.append(f"| {name} | {r['what']} | {len(r['seeds'])} | {n_train} | {cells} | {r['grid_validation'][r['point']]:.3f}{grid} |")
    return lines


# -- plots ---------------------------------------------------------------------------
def _png(fig) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=110, metadata={"Software": None})  # no version stamp: same bytes on a rerun
    plt.close(fig)
    return buf.getvalue()


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def bars_plot(rows: dict, tasks: list[str], title: str) -> bytes:
    """Test macro-F1 per arm and task, whiskers at the 95% bootstrap interval."""
    import numpy as np

    plt = _plt()
    names = list(rows)
    fig, ax = plt.subplots(figsize=(max(5.0, 0.9 * len(names) + 2), 3.6))
    width = 0.8 / len(tasks)
    for i, t in enumerate(tasks):
        key = f"{t}_test_macro_f1"
        means = np.array([rows[n]["metrics"].get(key, [np.nan])[0] for n in names])
        low = np.array([rows[n]["metrics"].get(f"{key}_ci_low", [np.nan])[0] for n in names])
        high = np.array([rows[n]["metrics"].get(f"{key}_ci_high", [np.nan])[0] for n in names])
        yerr = np.vstack([np.clip(means - low, 0, None), np.clip(high - means, 0, None)])
        ax.bar(np.arange(len(names)) + (i - (len(tasks) - 1) / 2) * width, means, width, yerr=yerr, capsize=3, label=t)
    ax.set_xticks(range(len(names)), names, rotation=30, ha="right")
    ax.set_ylabel("test macro-F1")
    ax.set_ylim(0, 1)
    ax.set_title(title)
    ax.legend()
    return _png(fig)


def curve_plot(rows: dict, tasks: list[str]) -> bytes:
    plt = _plt()
    order = sorted(rows, key=lambda n: rows[n]["metrics"].get("n_train", [0])[0])
    fig, ax = plt.subplots(figsize=(5.2, 3.6))
    x = [rows[n]["metrics"].get("n_train", [float("nan")])[0] for n in order]
    for t in tasks:
        for split, style in (("test", "-o"), ("validation", "--.")):
            key = f"{t}_{split}_macro_f1"
            ax.errorbar(x, [rows[n]["metrics"].get(key, [float("nan")])[0] for n in order],
                        yerr=[rows[n]["metrics"].get(key, [0, 0])[1] for n in order], fmt=style, capsize=3, label=f"{t} {split}")
    ax.set_xscale("log")
    ax.set_xticks(x, [f"{v:.0f}" for v in x])  # the measured sizes, not log-scale decades
    ax.minorticks_off()
    ax.set_xlabel("training statements (log scale)")
    ax.set_ylabel("macro-F1 (mean ± sd over seeds)")
    ax.set_title("learning curve")
    ax.legend(fontsize=8)
    return _png(fig)


def lang_plot(rows: dict, tasks: list[str]) -> bytes:
    import numpy as np

    plt = _plt()
    names = list(rows)
    fig, axes = plt.subplots(1, len(tasks), figsize=(4.2 * len(tasks), 3.4), squeeze=False)
    for ax, t in zip(axes[0], tasks):
        for i, lang in enumerate(LANGS):
            key = f"{t}_test_{lang}_macro_f1"
            ax.bar(np.arange(len(names)) + (i - 0.5) * 0.38, [rows[n]["metrics"].get(key, [np.nan])[0] for n in names], 0.38,
                   yerr=[rows[n]["metrics"].get(key, [0, 0])[1] for n in names], capsize=3, label=f"tested on {lang}")
        ax.set_xticks(range(len(names)), names, rotation=20, ha="right")
        ax.set_ylim(0, 1)
        ax.set_title(f"{t}: test macro-F1 by language")
        ax.legend(fontsize=8)
    return _png(fig)


def delta_plot(deltas: dict, tasks: list[str]) -> bytes:
    import numpy as np

    plt = _plt()
    names = list(deltas)
    fig, ax = plt.subplots(figsize=(5.6, 0.5 * len(names) + 1.6))
    h = 0.8 / len(tasks)
    for i, t in enumerate(tasks):
        ax.barh(np.arange(len(names)) + (i - (len(tasks) - 1) / 2) * h, [deltas[n][t][0] for n in names], h,
                xerr=[deltas[n][t][1] for n in names], capsize=3, label=t)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel("test macro-F1 minus the baseline's (mean ± sd over seeds)")
    ax.legend(fontsize=8)
    return _png(fig)


# -- the report ----------------------------------------------------------------------
def _paired(rows: dict, a: str, b: str, tasks: list[str], uri: str) -> list[dict]:
    """Paired bootstrap of arm b against arm a on each seed both ran (``stance.compare``)."""
    from stance.compare import compare

    out = []
    seeds_a = dict(zip(rows[a]["seeds"], rows[a]["runs"]))
    for seed, run_b in zip(rows[b]["seeds"], rows[b]["runs"]):
        if seed not in seeds_a:
            continue
        result = compare(seeds_a[seed], run_b, split="test", tracking_uri=uri)
        for t in result.tasks:
            out.append({"a": a, "b": b, "seed": seed, "task": t.task, "macro_f1_a": t.macro_f1_a, "macro_f1_b": t.macro_f1_b,
                        "delta": t.delta, "ci_low": t.ci_low, "ci_high": t.ci_high, "p_value": t.p_value, "n": t.n})
    return out


def _paired_table(pairs: list[dict]) -> list[str]:
    lines = ["| A | B | seed | task | n | macro-F1 A | macro-F1 B | B − A | 95% CI | p |", "|---|---|---|---|---|---|---|---|---|---|"]
    for p in pairs:
        lines.append(f"| {p['a']} | {p['b']} | {p['seed']} | {p['task']} | {p['n']} | {p['macro_f1_a']:.3f} | {p['macro_f1_b']:.3f} | "
                     f"{p['delta']:+.3f} | {p['ci_low']:+.3f} to {p['ci_high']:+.3f} | {p['p_value']:.3f} |")
    return lines


def build(study, found: dict, meta: dict) -> dict:
    """``{"name", "markdown", "json", "figures": {file: png bytes}}`` for the study's kind."""
    all_runs = [r for by_point in found.values() for by_seed in by_point.values() for r in by_seed.values() if r is not None]
    tasks = _tasks(all_runs)
    rows = arm_rows(study, found, tasks)
    md = [f"# Study `{study.name}`: {study.description}", "",
          f"MLflow experiment `{meta['experiment']}`, study run `{meta['study_run']}`, training runs of commit "
          f"{', '.join(f'`{c}`' for c in sorted({r.data.tags.get('stance.git_commit', '?') for r in all_runs})) or '–'}. "
          f"Seeds {study.seeds}; mean ± sd over the seeds that finished; 95% CI: the runs' bootstrap interval over the "
          "test statements, averaged over seeds; an arm's grid point is chosen on validation macro-F1 (mean over tasks), "
          f"never on test. Rebuilt from MLflow by `python -m stance.study experiment={study.name} report_only=true`.", ""]
    missing = [a for a in study.arms if a not in rows]
    if missing:
        md += [f"Not run (no finished runs): {', '.join(missing)}.", ""]
    figures = {}
    extra: dict = {}
    if rows:
        md += ["## Test macro-F1 per arm", "", *main_table(rows, tasks), "", "![test macro-F1](test_macro_f1.png)", ""]
        figures["test_macro_f1.png"] = bars_plot(rows, tasks, study.name)
    if study.report == "learning_curve" and rows:
        order = sorted(rows, key=lambda n: rows[n]["metrics"].get("n_train", [0])[0])
        md += ["## Score against training size", "", "| arm | n train | " + " | ".join(f"{t} test | {t} validation" for t in tasks) + " |",
               "|" + "---|" * (2 + 2 * len(tasks))]
        for n in order:
            md.append(f"| {n} | {rows[n]['metrics'].get('n_train', [float('nan')])[0]:.0f} | "
                      + " | ".join(f"{_f(rows[n], f'{t}_test_macro_f1')} | {_f(rows[n], f'{t}_validation_macro_f1')}" for t in tasks) + " |")
        md += ["", "![learning curve](learning_curve.png)", ""]
        figures["learning_curve.png"] = curve_plot(rows, tasks)
    if study.report == "cross_lingual" and rows:
        md += ["## Cross-lingual transfer (test macro-F1 by test language)", "",
               "| arm | what | " + " | ".join(f"{t} on pl | {t} on en | {t} on both" for t in tasks) + " |", "|" + "---|" * (2 + 3 * len(tasks))]
        for n, r in rows.items():
            md.append(f"| {n} | {r['what']} | " + " | ".join(
                f"{_f(r, f'{t}_test_pl_macro_f1')} | {_f(r, f'{t}_test_en_macro_f1')} | {_f(r, f'{t}_test_macro_f1')}" for t in tasks) + " |")
        md += ["", "![cross-lingual](cross_lingual.png)", ""]
        figures["cross_lingual.png"] = lang_plot(rows, tasks)
    if study.report == "ablation" and rows:
        base = study.baseline or next(iter(study.arms))
        if base in rows:
            deltas, pairs = {}, []
            for n, r in rows.items():
                if n == base:
                    continue
                common = [s for s in r["by_seed"] if s in rows[base]["by_seed"]]
                deltas[n] = {t: _mean_sd([r["by_seed"][s][f"{t}_test_macro_f1"] - rows[base]["by_seed"][s][f"{t}_test_macro_f1"]
                                          for s in common]) for t in tasks} if common else None
                pairs += _paired(rows, base, n, tasks, meta["uri"])[: len(tasks)]  # the first common seed
            deltas = {n: d for n, d in deltas.items() if d}
            md += [f"## Against the baseline (`{base}`)", "", "| arm | what | " + " | ".join(f"{t} Δ test macro-F1" for t in tasks) + " |",
                   "|" + "---|" * (2 + len(tasks))]
            md += [f"| {n} | {rows[n]['what']} | " + " | ".join(f"{d[t][0]:+.3f} ± {d[t][1]:.3f}" for t in tasks) + " |" for n, d in deltas.items()]
            md += ["", "Δ: the arm's test macro-F1 minus the baseline's on the same seed, mean ± sd over seeds. "
                   "Paired bootstrap on the first common seed (B = the ablated arm, A = the baseline):", "", *_paired_table(pairs), ""]
            if deltas:
                md += ["![ablations](ablations.png)", ""]
                figures["ablations.png"] = delta_plot(deltas, tasks)
            extra = {"deltas": deltas, "paired": pairs}
    if study.report == "model_comparison" and len(rows) >= 2:
        ranked = sorted(rows, key=lambda n: -rows[n]["grid_validation"][rows[n]["point"]])
        best, second = ranked[0], ranked[1]
        pairs = _paired(rows, second, best, tasks, meta["uri"])
        md += ["## Paired test between the two best arms on validation", "",
               f"Best on validation: `{best}`, then `{second}`; B − A is the best arm's test macro-F1 minus the second's on the "
               "same statements and seed (`stance.compare`, 2,000 paired bootstrap resamples).", "", *_paired_table(pairs), ""]
        extra = {"ranked_on_validation": ranked, "paired": pairs}
    data = {"study": study.name, "report": study.report, "seeds": study.seeds, "tasks": tasks,
            "arms": {n: {k: v for k, v in r.items() if k not in ("runs", "by_seed")} for n, r in rows.items()},
            "runs": {n: r["runs"] for n, r in rows.items()}, **extra}
    return {"name": study.name, "markdown": "\n".join(md) + "\n", "json": _rounded(data), "figures": figures}


def _rounded(value):
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {str(k): _rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    return value


def write_atomic(report: dict, folder: str | os.PathLike) -> Path:
    """Write the report into a temporary sibling folder, then swap it in by renames: a reader
    sees the old report or the new one, never a half-written one."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-", dir=folder.parent))
    try:
        tmp.chmod(0o755)  # mkdtemp's 0700 would hide a committed report from the rest of the team
        (tmp / "report.md").write_text(report["markdown"], encoding="utf-8")
        (tmp / "report.json").write_text(json.dumps(report["json"], indent=1, sort_keys=True) + "\n", encoding="utf-8")
        for name, data in report["figures"].items():
            (tmp / name).write_bytes(data)
        old = None
        if folder.exists():
            old = folder.parent / f".{folder.name}.old-{os.getpid()}"
            os.replace(folder, old)
        os.replace(tmp, folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder
