"""Models chosen for what they do on the realistic set: the study behind the README's lead table.

    python experiments/realistic_study.py --arms tfidf_v1,tfidf_v2          # train arms (MLflow runs)
    python experiments/realistic_study.py --arms posthoc_tr_tfidf           # mean of two trained arms
    python experiments/realistic_study.py --rescore                         # score logged models on the current set
    python experiments/realistic_study.py --report-only [--update-readme]   # tables from MLflow

Every arm is one ``python -m stance.train`` run (seed 0 unless the arm names seeds) in the
experiment ``realistic-study`` of the project's store; every run scores the corpus's own splits
and both halves of the realistic set (``eval_sets.realistic``). Arms differ in data (``v1``: the
corpus before the realism wave, built from its first sources; ``v2``: with the wave; ``v3``: with
wave 3; ``v4``: with wave 4, the project's corpus now) and in model.
Post-hoc arms average the calibrated probabilities of already trained arms' logged models, with
the weight chosen on the realistic validation half (grid 0, 0.25, ..., 1) and reported on its
test half. The choice of a default is made on the realistic **validation** half; the test half is
only reported. Writes experiments/results/realistic_study.{md,json}.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXPERIMENT = "realistic-study"
V1_SOURCES = ("en-a", "pl-a", "pl-b", "examples")  # the corpus before the realism wave
V2_SOURCES = (*V1_SOURCES, "pl-c", "pl-d", "en-b")  # with the realism wave, before wave 3
V3_SOURCES = (*V2_SOURCES, "pl-e", "pl-f")  # with wave 3, before wave 4
CORPUS_V1 = ROOT / "experiments/results/tmp/corpus-v1"
CORPUS_V2 = ROOT / "experiments/results/tmp/corpus-v2"
CORPUS_V3 = ROOT / "experiments/results/tmp/corpus-v3"
CORPUS_V4 = ROOT / "data/statements"  # with wave 4 (and without statements that are in the realistic set)
# version -> (sources, folder, how it dropped realistic-set statements: not at all before v3, exact
# text matches in v3, near-duplicates too since v4)
EARLIER = {"_v1": (V1_SOURCES, CORPUS_V1, None), "_v2": (V2_SOURCES, CORPUS_V2, None), "_v3": (V3_SOURCES, CORPUS_V3, "exact")}
TASKS = ("stance", "tone")
BEGIN, END = "<!-- realistic-study:begin -->", "<!-- realistic-study:end -->"

FINE_TUNED = ["model=transformer", "model.pretrained=e5-small-offline"]
TRANSFORMER = [*FINE_TUNED, f"data.path={CORPUS_V2}"]
TRANSFORMER_V3 = [*FINE_TUNED, f"data.path={CORPUS_V3}"]
ENS_TR_ENS = ["model=ensemble", "+model@model.members.transformer=transformer",
              "model.members.transformer.pretrained=e5-small-offline", "model.weights={transformer:2,tfidf:1,encoder_head:1}"]
# name -> (what it is, overrides); data v1 / v2 is part of the name
ARMS: dict[str, tuple[str, list[str]]] = {
    "tfidf_v1": ("tf-idf logreg (C=20), corpus v1", ["model=tfidf_logreg", "model.C=20", f"data.path={CORPUS_V1}"]),
    "tfidf_v2": ("tf-idf logreg (C=20), corpus v2 (with the realism wave)", ["model=tfidf_logreg", "model.C=20", f"data.path={CORPUS_V2}"]),
    "tfidf_c5_v2": ("tf-idf logreg (C=5), corpus v2", ["model=tfidf_logreg", "model.C=5", f"data.path={CORPUS_V2}"]),
    "tfidf_v3": ("tf-idf logreg (C=20), corpus v3 (with wave 3)", ["model=tfidf_logreg", "model.C=20", f"data.path={CORPUS_V3}"]),
    "tfidf_v4": ("tf-idf logreg (C=20), corpus v4 (with wave 4)", ["model=tfidf_logreg", "model.C=20"]),
    "ensemble_v1": ("tf-idf + frozen e5 head, corpus v1", ["model=ensemble", "encoder=e5", f"data.path={CORPUS_V1}"]),
    "ensemble_v2": ("tf-idf + frozen e5 head, corpus v2", ["model=ensemble", "encoder=e5", f"data.path={CORPUS_V2}"]),
    "ensemble_v3": ("tf-idf + frozen e5 head, corpus v3", ["model=ensemble", "encoder=e5", f"data.path={CORPUS_V3}"]),
    "ensemble_v4": ("tf-idf + frozen e5 head, corpus v4", ["model=ensemble", "encoder=e5"]),
    "zeroshot_e5": ("zero-shot, e5-small (no training)", ["model=zeroshot_encoder", "encoder=e5"]),
    "transformer_v1": ("fine-tuned e5-small, corpus v1 (the previous default)", [*FINE_TUNED, f"data.path={CORPUS_V1}"]),
    "transformer_v2": ("fine-tuned e5-small, corpus v2", TRANSFORMER),
    "transformer_v2_e6": ("fine-tuned e5-small, corpus v2, 6 epochs, lr 8e-5",
                          [*TRANSFORMER, "model.epochs=6", "model.learning_rate=8e-5"]),
    "transformer_v2_s1": ("fine-tuned e5-small, corpus v2, seed 1", [*TRANSFORMER, "seed=1"]),
    "transformer_v2_s2": ("fine-tuned e5-small, corpus v2, seed 2", [*TRANSFORMER, "seed=2"]),
    "transformer_v2_ls": ("fine-tuned e5-small, corpus v2, label smoothing 0.1", [*TRANSFORMER, "model.label_smoothing=0.1"]),
    "transformer_v3": ("fine-tuned e5-small, corpus v3", TRANSFORMER_V3),
    "transformer_v3_ls": ("fine-tuned e5-small, corpus v3, label smoothing 0.1, 5 epochs",
                          [*TRANSFORMER_V3, "model.label_smoothing=0.1", "model.epochs=5"]),
    "transformer_v3_lr1e4": ("fine-tuned e5-small, corpus v3, lr 1e-4", [*TRANSFORMER_V3, "model.learning_rate=1e-4"]),
    "transformer_v3_e6": ("fine-tuned e5-small, corpus v3, 6 epochs", [*TRANSFORMER_V3, "model.epochs=6", "model.patience=6"]),
    "transformer_v3_unfrozen": ("fine-tuned e5-small, corpus v3, token embeddings unfrozen",
                                [*TRANSFORMER_V3, "model.freeze_embeddings=false"]),
    "transformer_v3_s1": ("fine-tuned e5-small, corpus v3, seed 1", [*TRANSFORMER_V3, "seed=1"]),
    "transformer_v3_s2": ("fine-tuned e5-small, corpus v3, seed 2", [*TRANSFORMER_V3, "seed=2"]),
    "ens_tr_ens_v3": ("tf-idf + frozen e5 head + fine-tuned e5-small (weights 1:1:2), trained as one model, corpus v3",
                      [*ENS_TR_ENS, f"data.path={CORPUS_V3}"]),
    "ens_tr_tfidf_v3": ("tf-idf + fine-tuned e5-small (equal weights), trained as one model, corpus v3",
                        ["model=ensemble", "~model.members.encoder_head", "+model@model.members.transformer=transformer",
                         "model.members.transformer.pretrained=e5-small-offline", f"data.path={CORPUS_V3}"]),
    "transformer_v4": ("fine-tuned e5-small, corpus v4", FINE_TUNED),
    "transformer_v4_s1": ("fine-tuned e5-small, corpus v4, seed 1", [*FINE_TUNED, "seed=1"]),
    "transformer_v4_s2": ("fine-tuned e5-small, corpus v4, seed 2", [*FINE_TUNED, "seed=2"]),
    "ens_tr_ens_v4": ("tf-idf + frozen e5 head + fine-tuned e5-small (weights 1:1:2), trained as one model, corpus v4",
                      ENS_TR_ENS),
    "ens_tr_ens_v4_s1": ("tf-idf + frozen e5 head + fine-tuned e5-small (weights 1:1:2), corpus v4, seed 1",
                         [*ENS_TR_ENS, "seed=1"]),
    "ens_tr_ens_v4_s2": ("tf-idf + frozen e5 head + fine-tuned e5-small (weights 1:1:2), corpus v4, seed 2",
                         [*ENS_TR_ENS, "seed=2"]),
    "transformer_v2_frag": ("fine-tuned e5-small, corpus v2, fragment augmentation 0.5",
                            [*TRANSFORMER, "model.fragment_augmentation=0.5"]),
}
# name -> (what it is, member arms): probabilities averaged after training
POSTHOC: dict[str, tuple[str, tuple[str, ...]]] = {
    "posthoc_tr_tfidf": ("mean of fine-tuned e5-small and tf-idf (weight on validation), v2", ("transformer_v2", "tfidf_v2")),
    "posthoc_tr_ens": ("mean of fine-tuned e5-small and the tf-idf + e5 ensemble, v2", ("transformer_v2", "ensemble_v2")),
    "posthoc_tr_zs": ("mean of fine-tuned e5-small and zero-shot e5, v2", ("transformer_v2", "zeroshot_e5")),
    "posthoc_tr_tfidf_v3": ("mean of fine-tuned e5-small and tf-idf, v3", ("transformer_v3", "tfidf_v3")),
    "posthoc_tr_ens_v3": ("mean of fine-tuned e5-small and the tf-idf + e5 ensemble, v3", ("transformer_v3", "ensemble_v3")),
    "posthoc_tr_tfidf_v4": ("mean of fine-tuned e5-small and tf-idf, v4", ("transformer_v4", "tfidf_v4")),
    "posthoc_tr_ens_v4": ("mean of fine-tuned e5-small and the tf-idf + e5 ensemble, v4", ("transformer_v4", "ensemble_v4")),
}


def build_earlier(sources: tuple[str, ...], out: Path, drop_realistic: str | None) -> None:
    """The corpus as it was before a later wave: the same builder on the earlier sources only
    (splits are hash-based, so each statement sits in the same split in every version)."""
    import shutil
    import tempfile

    from stance.data.build import build

    with tempfile.TemporaryDirectory() as tmp:
        for name in sources:
            shutil.copy(ROOT / f"data/statements/sources/{name}.jsonl", tmp)
        build(Path(tmp), out, exclude=ROOT / "data/realistic" if drop_realistic else None,
              exclude_near=0.8 if drop_realistic == "near" else None)


def run_arm(name: str, uri: str) -> None:
    what, overrides = ARMS[name]
    cmd = [sys.executable, "-m", "stance.train", *overrides, f"run_name={name}", f"tracking.experiment={EXPERIMENT}",
           f"tracking.uri={uri}", f"hydra.run.dir={ROOT}/outputs/realistic-study/{name}"]
    print("$", " ".join(cmd[1:]), flush=True)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"realistic_study: arm {name} failed (exit {proc.returncode})")
    summary = [line for line in proc.stdout.splitlines() if line.startswith("run ")]
    print(summary[-1] if summary else proc.stdout.strip()[-500:], f"({time.perf_counter() - start:.0f} s)", flush=True)


def latest_runs(uri: str) -> dict[str, object]:
    """The newest FINISHED run of every arm, by run name."""
    import mlflow

    client = mlflow.MlflowClient(uri)
    exp = client.get_experiment_by_name(EXPERIMENT)
    if exp is None:
        return {}
    out: dict[str, object] = {}
    for run in client.search_runs([exp.experiment_id], filter_string="attributes.status = 'FINISHED'",
                                  order_by=["attributes.start_time DESC"]):
        out.setdefault(run.info.run_name, run)
    return out


def run_posthoc(name: str, uri: str) -> None:
    """Average two trained arms' probabilities; weight chosen on the realistic validation half."""
    import mlflow
    import numpy as np

    from stance import tracking
    from stance.api import load
    from stance.data import load_eval_set
    from stance.labels import LABELS
    from stance.metrics import macro_f1, task_report

    what, (a, b) = POSTHOC[name]
    runs = latest_runs(uri)
    missing = [m for m in (a, b) if m not in runs]
    if missing:
        raise SystemExit(f"realistic_study: {name} needs the arms {missing} trained first")
    models = [load(f"runs:/{runs[m].info.run_id}/model", tracking_uri=uri) for m in (a, b)]
    halves = {h: load_eval_set(ROOT / f"data/realistic/{h}.jsonl")[0] for h in ("validation", "test")}
    probas = {h: [m.calibrated_probas(list(ds["text"])) for m in models] for h, ds in halves.items()}

    def scores(weight: float, half: str) -> dict[str, float]:
        ds, out = halves[half], {}
        langs = np.array(ds["lang"])
        for task in TASKS:
            p = weight * probas[half][0][task] + (1 - weight) * probas[half][1][task]
            gold = [LABELS[task][v] for v in ds[task]]
            pred = [LABELS[task][i] for i in p.argmax(axis=1)]
            report = task_report(task, gold, pred, p, n_boot=1000, seed=0)
            out.update({f"{task}_realistic_{half}_{k}": v for k, v in report.items()})
            for lang in ("pl", "en"):
                sel = langs == lang
                out[f"{task}_realistic_{half}_{lang}_macro_f1"] = macro_f1(
                    [g for g, s in zip(gold, sel) if s], [q for q, s in zip(pred, sel) if s], LABELS[task])
        return out

    grid = [0.0, 0.25, 0.5, 0.75, 1.0]
    chosen = max(grid, key=lambda w: sum(scores(w, "validation")[f"{t}_realistic_validation_macro_f1"] for t in TASKS))
    tracking.connect(uri)
    with tracking.tracked_run(EXPERIMENT, name, {"stance.run_type": "posthoc", "stance.members": f"{a},{b}"},
                              params={"weight_first": chosen, "members": [a, b]}):
        tracking.log_metrics(scores(chosen, "validation") | scores(chosen, "test"))
    mlflow.end_run()
    print(f"{name}: weight on {a} = {chosen}")


def rescore(uri: str) -> None:
    """Score every trained arm's logged model on the realistic set as it is now (its halves grew
    after some arms were trained) and log the metrics into the arm's run, replacing the old ones;
    runs already scored on the current set are skipped. The models are not retrained."""
    import mlflow
    from mlflow.entities import Metric

    from stance.api import load
    from stance.scoring import score_split
    from stance.train import load_extra_sets

    sets, tags = load_extra_sets({"realistic": str(ROOT / "data/realistic")})
    current = tags["stance.eval_fingerprint.realistic"]
    client = mlflow.MlflowClient(uri)
    for name, run in latest_runs(uri).items():
        if name not in ARMS or run.data.tags.get("stance.eval_fingerprint.realistic") == current:
            continue
        start = time.perf_counter()
        model = load(f"runs:/{run.info.run_id}/model", tracking_uri=uri)
        now = int(time.time() * 1000)
        for split, ds in sets:
            score = score_split(model, ds, split, n_boot=1000, seed=0)
            metrics = [Metric(k, float(v), now, 0) for k, v in score.metrics.items()]
            for i in range(0, len(metrics), 500):
                client.log_batch(run.info.run_id, metrics=metrics[i:i + 500])
            if split.endswith("test"):
                client.log_text(run.info.run_id, score.predictions.to_csv(index=False), f"predictions/{split}_predictions.csv")
        client.set_tag(run.info.run_id, "stance.eval_fingerprint.realistic", current)
        print(f"{name}: rescored on the realistic set {current} ({time.perf_counter() - start:.0f} s)", flush=True)


def _with_seed_means(rows: list[dict]) -> list[dict]:
    """Add, after the seed-0 row of an arm that also ran as ``<arm>_s<seed>``, a row with the mean
    (and the sd in ``*_sd`` keys) over its seeds."""
    import statistics

    out = []
    for r in rows:
        if "_s" in r["arm"] and r["arm"].rsplit("_s", 1)[1].isdigit():
            continue
        out.append(r)
        family = [r] + [x for x in rows if x["arm"].startswith(r["arm"] + "_s") and x["arm"].rsplit("_s", 1)[1].isdigit()]
        if len(family) < 2:
            continue
        mean = {"arm": r["arm"], "what": f"{r['what']} (mean of {len(family)} seeds)", "seeds": len(family), "run_id": ""}
        for key, value in r.items():
            if key.endswith(("_macro_f1", "_ci_low", "_ci_high", "seconds", "selection")) and value is not None:
                values = [x[key] for x in family if x.get(key) is not None]
                mean[key] = statistics.mean(values)
                mean[f"{key}_sd"] = statistics.stdev(values) if len(values) > 1 else 0.0
        out.append(mean)
    return out


def table(uri: str) -> tuple[str, list[dict]]:
    runs = latest_runs(uri)
    names = [n for n in [*ARMS, *POSTHOC] if n in runs]
    rows = []
    for n in names:
        m = runs[n].data.metrics
        what = (ARMS.get(n) or POSTHOC[n])[0]
        if "weight_first" in runs[n].data.params:
            what += f" (weight {float(runs[n].data.params['weight_first']):g} on the fine-tuned model)"
        row = {"arm": n, "what": what, "run_id": runs[n].info.run_id}
        for t in TASKS:
            for key in ("realistic_validation_macro_f1", "realistic_test_macro_f1", "realistic_test_macro_f1_ci_low",
                        "realistic_test_macro_f1_ci_high", "realistic_test_pl_macro_f1", "realistic_test_en_macro_f1",
                        "test_macro_f1"):
                row[f"{t}_{key}"] = m.get(f"{t}_{key}")
        row["train_seconds"] = m.get("train_seconds")
        row["selection"] = sum(row[f"{t}_realistic_validation_macro_f1"] for t in TASKS) / len(TASKS)
        rows.append(row)
    rows = _with_seed_means(rows)
    # the choice: the best mean macro-F1 on the realistic validation half, over seeds where an arm
    # has several (then the single-seed rows do not compete); on a tie the row listed first
    # (single models come before post-hoc means, so a mean that equals one member loses)
    seeded = {r["arm"] for r in rows if r.get("seeds")}
    candidates = [r for r in rows if r.get("seeds") or r["arm"].split("_s")[0] not in seeded]
    chosen = max(candidates, key=lambda r: r["selection"]) if candidates else None
    # the default is what one training run can make: the best trained model on the same rule
    # (a post-hoc mean of two runs' probabilities is an analysis, not something make demo trains)
    trained = [r for r in candidates if r["arm"] in ARMS]
    default = max(trained, key=lambda r: r["selection"]) if trained else None

    def f(v):
        return "–" if v is None else f"{v:.3f}"

    lines = [
        "| model | chooses: mean realistic val | stance: realistic val | realistic test (95% CI) | pl / en | tone: realistic val | realistic test (95% CI) | pl / en | corpus test stance / tone | train s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        r["chosen"], r["default"] = r is chosen, r is default
        cells = []
        for t in TASKS:
            cells += [f(r[f"{t}_realistic_validation_macro_f1"]),
                      f"{f(r[f'{t}_realistic_test_macro_f1'])} ({f(r[f'{t}_realistic_test_macro_f1_ci_low'])}–{f(r[f'{t}_realistic_test_macro_f1_ci_high'])})",
                      f"{f(r[f'{t}_realistic_test_pl_macro_f1'])} / {f(r[f'{t}_realistic_test_en_macro_f1'])}"]
        secs = "–" if r["train_seconds"] is None else f"{r['train_seconds']:.0f}"
        marks = [m for m, on in (("best on validation", r["chosen"]), ("default: best trained model", r["default"])) if on]
        name = f"**{r['what']}** ({'; '.join(marks)})" if marks else r["what"]
        lines.append(f"| {name} | {f(r['selection'])} | " + " | ".join(cells) + f" | {f(r['stance_test_macro_f1'])} / {f(r['tone_test_macro_f1'])} | {secs} |")
    return "\n".join(lines) + "\n", rows


def main() -> int:
    from stance.tracking import default_tracking_uri

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arms", default="", help="comma-separated arm names (training or post-hoc)")
    parser.add_argument("--tracking-uri", default=default_tracking_uri())
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument("--rescore", action="store_true", help="score the logged models on the current realistic set")
    parser.add_argument("--update-readme", action="store_true")
    args = parser.parse_args()
    if args.rescore:
        rescore(args.tracking_uri)
    elif not args.report_only:
        names = [a for a in args.arms.split(",") if a]
        unknown = [a for a in names if a not in ARMS and a not in POSTHOC]
        if unknown:
            raise SystemExit(f"unknown arms {unknown}; known: {', '.join([*ARMS, *POSTHOC])}")
        for version, (sources, corpus, drop_realistic) in EARLIER.items():
            if any(version in a for a in names if a in ARMS):
                build_earlier(sources, corpus, drop_realistic)
        for name in names:
            run_arm(name, args.tracking_uri) if name in ARMS else run_posthoc(name, args.tracking_uri)
    text, rows = table(args.tracking_uri)
    out = ROOT / "experiments/results"
    (out / "realistic_study.md").write_text(text, encoding="utf-8")
    (out / "realistic_study.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(text)
    if args.update_readme:
        from stance.data.stats import update_card

        update_card(ROOT / "README.md", text, BEGIN, END)
    return 0


if __name__ == "__main__":
    sys.exit(main())
