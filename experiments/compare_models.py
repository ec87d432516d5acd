"""The model comparison on the corpus: every family on the fixed test split, chosen on validation.

The arms come from the study file stance/conf/experiment/model_comparison.yaml; the study runner
(`python -m stance.study experiment=model_comparison`) runs the same arms with a report built from
MLflow, nested runs and resuming. This script stays for the README's corpus-v1 table and the
cold-cache labelling throughput that table reports.

    python experiments/compare_models.py                       # all arms, seeds 1,2,3
    python experiments/compare_models.py --arms tfidf_logreg,encoder_head_e5 --seeds 1,2
    python experiments/compare_models.py --report-only          # rebuild the tables from MLflow
    python experiments/compare_models.py --update-readme        # also rewrite the README's table

Each arm is one Hydra multirun (``python -m stance.train -m seed=1,2,3 ...``), so every job is
an MLflow child run of the arm's sweep run, in the experiment ``--experiment`` of the
project's store (or ``--tracking-uri``). An arm with a grid runs every grid point over the
seeds; the point with the best mean validation macro-F1 (stance and tone averaged) is the
one reported on test: the test split never chooses anything. The tables are then built from
MLflow, not by hand: mean ± sd over seeds of test macro-F1 and F_avg, the bootstrap 95%
interval (mean of the seeds' bounds), per language, ECE, training time, labelling
throughput, peak memory and model size. Writes experiments/results/compare_models.{md,json}.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# name -> (what it is, grid of override lists; one list = one configuration). The arms are the
# study file's (stance/conf/experiment/model_comparison.yaml, read as plain data), so this script and
# `python -m stance.study experiment=model_comparison` compare the same configurations; this one
# adds the cold-cache labelling throughput and feeds the README's corpus-v1 table.
def _study_arms() -> dict[str, tuple[str, list[list[str]]]]:
    import itertools

    import yaml

    study = yaml.safe_load((ROOT / "stance/conf/experiment/model_comparison.yaml").read_text(encoding="utf-8"))["study"]
    arms = {}
    for name, arm in study["arms"].items():
        grid = arm.get("grid") or {}
        points = [list(zip(grid, combo)) for combo in itertools.product(*grid.values())] or [[]]
        arms[name] = (arm["what"], [list(arm["overrides"]) + [f"{k}={v}" for k, v in point] for point in points])
    return arms


ARMS: dict[str, tuple[str, list[list[str]]]] = _study_arms()
# Studies: the same families with another input or trained on one language only.
STUDIES: dict[str, tuple[str, list[list[str]]]] = {
    "tfidf_logreg+speaker": ("tf-idf logreg, input = speaker + statement", [["model=tfidf_logreg", "data.input=speaker"]]),
    "tfidf_logreg+context": ("tf-idf logreg, input = statement + context", [["model=tfidf_logreg", "data.input=context"]]),
    "encoder_head_e5+speaker": ("e5 head, input = speaker + statement", [["model=encoder_head", "encoder=e5", "data.input=speaker"]]),
    "encoder_head_e5+context": ("e5 head, input = statement + context", [["model=encoder_head", "encoder=e5", "data.input=context"]]),
    "tfidf_logreg@pl": ("tf-idf logreg trained on Polish only", [["model=tfidf_logreg", "data.train_languages=[pl]"]]),
    "tfidf_logreg@en": ("tf-idf logreg trained on English only", [["model=tfidf_logreg", "data.train_languages=[en]"]]),
    "encoder_head_e5@pl": ("e5 head trained on Polish only", [["model=encoder_head", "encoder=e5", "data.train_languages=[pl]"]]),
    "encoder_head_e5@en": ("e5 head trained on English only", [["model=encoder_head", "encoder=e5", "data.train_languages=[en]"]]),
}
TASKS = ("stance", "tone")
BEGIN, END = "<!-- compare:begin -->", "<!-- compare:end -->"


def run_arm(name: str, grid: list[list[str]], seeds: str, experiment: str, uri: str, extra: list[str]) -> None:
    for point, overrides in enumerate(grid):
        cmd = [
            sys.executable, "-m", "stance.train", "-m", f"seed={seeds}", *overrides,
            f"run_name='{name}#{point}'", f"tracking.experiment={experiment}", f"tracking.uri={uri}",
            f"hydra.sweep.dir={ROOT}/multirun/compare/{experiment}/{name.replace('@', '_at_').replace('+', '_')}-{point}", *extra,
        ]
        print("$", " ".join(cmd[1:]), flush=True)
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"compare_models: arm {name} point {point} failed (exit {proc.returncode})")
        print(f"  done in {time.perf_counter() - start:.0f}s", flush=True)


# Labelling throughput of a logged model on statements it has never seen: a fresh process with an
# empty embedding cache, so the encoder families pay for encoding as a user's new texts would.
_THROUGHPUT = """
import json, sys, time
import stance
from stance.data import load_corpus
texts = list(load_corpus(sys.argv[2]).splits["test"]["text"])
model = stance.load(sys.argv[1], tracking_uri=sys.argv[3])
start = time.perf_counter()
model.predict(texts)
print(json.dumps({"n": len(texts), "seconds": time.perf_counter() - start}))
"""


def cold_throughput(model_uri: str, uri: str, repeats: int = 3) -> float:
    """Median statements per second over ``repeats`` fresh processes, each with an empty cache."""
    import tempfile

    rates = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as cache:
            proc = subprocess.run(
                [sys.executable, "-c", _THROUGHPUT, model_uri, str(ROOT / "data/statements"), uri],
                cwd=ROOT, env={**os.environ, "STANCE_CACHE_DIR": cache}, capture_output=True, text=True, check=True,
            )
        out = json.loads(proc.stdout.strip().splitlines()[-1])
        rates.append(out["n"] / out["seconds"])
    return statistics.median(rates)


def _mean_sd(values: list[float]) -> tuple[float, float]:
    return statistics.fmean(values), (statistics.stdev(values) if len(values) > 1 else 0.0)


def collect(experiment: str, uri: str) -> dict[str, dict]:
    """Per arm: the grid point chosen on validation and its figures over seeds."""
    import mlflow

    mlflow.set_tracking_uri(uri)
    exp = mlflow.get_experiment_by_name(experiment)
    if exp is None:
        raise SystemExit(f"compare_models: no experiment {experiment!r} in {uri}; run the arms first")
    client = mlflow.MlflowClient()
    runs = client.search_runs([exp.experiment_id], "attributes.status = 'FINISHED' and tags.`stance.run_type` = 'train'", max_results=5000)
    points: dict[str, dict[int, list]] = {}
    for r in runs:
        arm, _, point = r.info.run_name.rpartition("#")
        if arm:
            points.setdefault(arm, {}).setdefault(int(point), []).append(r)
    out = {}
    for arm, by_point in points.items():
        def val(rs):
            return statistics.fmean(statistics.fmean(r.data.metrics[f"{t}_validation_macro_f1"] for t in TASKS) for r in rs)

        chosen = max(by_point, key=lambda p: val(by_point[p]))
        rs = sorted(by_point[chosen], key=lambda r: int(r.data.params["seed"]))
        m = [r.data.metrics for r in rs]
        row = {
            "point": chosen, "n_seeds": len(rs), "seeds": sorted(int(r.data.params["seed"]) for r in rs),
            "overrides": rs[0].data.tags.get("stance.overrides", ""), "validation_mean_macro_f1": val(rs),
            "grid_validation": {p: round(val(v), 4) for p, v in sorted(by_point.items())},
        }
        for key in [k for k in m[0] if k.startswith(("stance_test", "tone_test", "stance_validation", "tone_validation"))] + [
            "train_seconds", "test_statements_per_second", "peak_rss_mb", "model_size_mb"
        ]:
            vals = [x[key] for x in m if key in x]
            if vals:
                row[key] = _mean_sd(vals)
        # fine-tuned families log one point per epoch: seconds per epoch and how many ran
        epochs = [client.get_metric_history(r.info.run_id, "epoch_train_seconds") for r in rs]
        if all(epochs):
            row["seconds_per_epoch"] = _mean_sd([statistics.median(x.value for x in e) for e in epochs])
            row["epochs_run"] = _mean_sd([float(len(e)) for e in epochs])
            val = [client.get_metric_history(r.info.run_id, "epoch_validation_mean_macro_f1") for r in rs]
            row["best_epochs"] = [max(v, key=lambda x: x.value).step for v in val if v]
        row["model_uri"] = f"runs:/{rs[0].info.run_id}/model"
        out[arm] = row
    return out


def _fmt(row: dict, key: str, digits: int = 3) -> str:
    if key not in row:
        return "–"
    mean, sd = row[key]
    return f"{mean:.{digits}f} ± {sd:.{digits}f}"


def markdown(results: dict[str, dict], order: list[str], describe: dict[str, str]) -> str:
    arms = [a for a in order if a in results]
    head = ["| model | stance macro-F1 | 95% CI | stance F_avg | tone macro-F1 | 95% CI | tone F_avg | stance pl / en | tone pl / en | ECE stance / tone |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    lines = list(head)
    for a in arms:
        r = results[a]
        ci = {t: f"{r[f'{t}_test_macro_f1_ci_low'][0]:.2f}–{r[f'{t}_test_macro_f1_ci_high'][0]:.2f}" for t in TASKS}
        per_lang = {t: f"{r.get(f'{t}_test_pl_macro_f1', (float('nan'),))[0]:.3f} / {r.get(f'{t}_test_en_macro_f1', (float('nan'),))[0]:.3f}" for t in TASKS}
        ece = f"{r['stance_test_ece'][0]:.3f} / {r['tone_test_ece'][0]:.3f}" if "stance_test_ece" in r else "–"
        lines.append(
            f"| {describe.get(a, a)} | {_fmt(r, 'stance_test_macro_f1')} | {ci['stance']} | {_fmt(r, 'stance_test_f_avg')} | "
            f"{_fmt(r, 'tone_test_macro_f1')} | {ci['tone']} | {_fmt(r, 'tone_test_f_avg')} | {per_lang['stance']} | {per_lang['tone']} | {ece} |"
        )
    lines += ["", "| model | seeds | chosen on validation (mean val. macro-F1 per grid point) | train s | statements/s (new texts) | peak RSS MB | size MB |", "|---|---|---|---|---|---|---|"]
    for a in arms:
        r = results[a]
        grid = ", ".join(f"#{p}: {v:.3f}" for p, v in r["grid_validation"].items())
        chosen = " ".join(o for o in r["overrides"].split() if not o.startswith(("seed=", "run_name=", "tracking.", "hydra.")))
        lines.append(
            f"| {describe.get(a, a)} | {r['n_seeds']} | `{chosen}` ({grid}) | {_fmt(r, 'train_seconds', 1)} | "
            f"{r.get('cold_statements_per_second', (float('nan'),))[0]:.0f} | {_fmt(r, 'peak_rss_mb', 0)} | {_fmt(r, 'model_size_mb', 1)} |"
        )
    tuned = [a for a in arms if "seconds_per_epoch" in results[a]]
    if tuned:
        lines += [""] + [
            f"{describe.get(a, a)}: {_fmt(results[a], 'seconds_per_epoch', 0)} s per epoch, "
            f"{_fmt(results[a], 'epochs_run', 1)} epochs run, best epoch on validation per seed {results[a].get('best_epochs')} "
            "(its weights are the model's)."
            for a in tuned
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    from stance.tracking import default_tracking_uri

    everything = {**ARMS, **STUDIES}
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arms", default=",".join(ARMS), help=f"comma-separated, from: {', '.join(everything)}")
    parser.add_argument("--studies", action="store_true", help="also run the input and cross-lingual studies")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--experiment", default="compare-models")
    parser.add_argument("--tracking-uri", default=os.environ.get("MLFLOW_TRACKING_URI") or default_tracking_uri())
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument("--update-readme", action="store_true")
    parser.add_argument("--throughput-repeats", type=int, default=3, help="fresh processes per arm for the cold-cache throughput (0: skip it)")
    parser.add_argument("--extra", default="", help="overrides added to every job, space-separated (e.g. n_boot=200)")
    args = parser.parse_args()
    names = [a for a in args.arms.split(",") if a] + (list(STUDIES) if args.studies else [])
    unknown = [a for a in names if a not in everything]
    if unknown:
        raise SystemExit(f"compare_models: unknown arms {unknown}; choose from {', '.join(everything)}")
    if not args.report_only:
        for name in names:
            run_arm(name, everything[name][1], args.seeds, args.experiment, args.tracking_uri, args.extra.split())
    results = collect(args.experiment, args.tracking_uri)
    for name, row in results.items():
        if args.throughput_repeats > 0 and (name in names or args.report_only):
            print(f"throughput of {name} (cold cache) ...", flush=True)
            row["cold_statements_per_second"] = (cold_throughput(row["model_uri"], args.tracking_uri, args.throughput_repeats), 0.0)
    describe = {k: v[0] for k, v in everything.items()}
    main_table = markdown(results, list(ARMS), describe)
    study_table = markdown(results, list(STUDIES), describe)
    text = (
        f"Test split of `data/statements` (experiment {args.experiment}); mean ± sd over seeds; "
        "each family's configuration chosen on validation.\n\n" + main_table
        + ("\nStudies (input and cross-lingual transfer; per-language columns show the transfer):\n\n" + study_table if any(a in results for a in STUDIES) else "")
    )
    results_dir = ROOT / "experiments/results"
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "compare_models.md").write_text(text, encoding="utf-8")
    (results_dir / "compare_models.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(text)
    if args.update_readme:
        from stance.data.stats import update_card

        update_card(ROOT / "README.md", text, BEGIN, END)


if __name__ == "__main__":
    main()
