"""Benchmark of the fine-tuned transformer family (issues 5 and 6) on this machine.

Runs the real entry point as a user does,

    python -m stance.train model=transformer model.pretrained=e5-small-offline \
        tracking.uri=sqlite:///<store> [model.* overrides] [data.limit=N]

in a subprocess, then reads from its MLflow run the per-epoch figures the training
callback logged (``epoch_train_seconds``, validation macro-F1 per task and loss) and
the final validation / test scores; the peak resident memory of the training process
comes from ``resource.getrusage(RUSAGE_CHILDREN)``. The trained model is then loaded
back (``stance.load("runs:/<id>/model")``) and its inference throughput on the test
statements measured (median of ``--repeats`` runs) next to a tf-idf + logistic
regression model trained and timed in this same process on the same data.

    python experiments/bench_transformer.py [--epochs 3] [--max-length 128] [--batch-size 16]
        [--limit N] [--store /tmp/tf.db] [--out FILE] [-- extra hydra overrides]

Writes a JSON document to ``--out`` (default experiments/results/bench_transformer.json)
and prints it. The machine is shared and noisy; figures are indicative.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def throughput(fn, texts, repeats):
    """Statements per second: the median over ``repeats`` timed runs (after one warm-up)."""
    fn(texts[:8])
    rates = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(texts)
        rates.append(len(texts) / (time.perf_counter() - t0))
    return {"median": statistics.median(rates), "runs": rates}


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pretrained", default="e5-small-offline")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--learning-rate", type=float, default=5e-5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="first N statements of each split (a slice)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--store", default="/tmp/tf.db", help="SQLite file of the MLflow store")
    ap.add_argument("--out", default=str(ROOT / "experiments" / "results" / "bench_transformer.json"))
    ap.add_argument("overrides", nargs="*", help="extra Hydra overrides for stance.train")
    args = ap.parse_args(argv)

    import mlflow

    import stance
    from stance.data import load_corpus
    from stance.labels import TASKS
    from stance.models.tfidf import TfidfClassifier

    uri = f"sqlite:///{Path(args.store).resolve()}"
    overrides = [
        "model=transformer", f"model.pretrained={args.pretrained}", f"model.epochs={args.epochs}",
        f"model.max_length={args.max_length}", f"model.batch_size={args.batch_size}",
        f"model.learning_rate={args.learning_rate}", f"model.threads={args.threads}", f"tracking.uri={uri}",
        "n_boot=200", f"run_name=bench-transformer-{int(time.time())}",
        f"hydra.run.dir=/tmp/stance-bench-transformer/{int(time.time() * 1e6)}",
    ]
    if args.limit:
        overrides.append(f"data.limit={args.limit}")
    overrides += args.overrides
    command = [sys.executable, "-m", "stance.train", *overrides]
    print("running:", " ".join(command), file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"stance.train failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    peak_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux

    mlflow.set_tracking_uri(uri)
    client = mlflow.MlflowClient()
    import re

    run_id = re.search(r"^run (\w+) \(", proc.stdout, re.M).group(1)
    run = client.get_run(run_id)
    m = run.data.metrics
    epochs = {}
    for key in ("train_seconds", "train_loss", "validation_loss", "validation_seconds", "validation_mean_macro_f1",
                *[f"{t}_validation_macro_f1" for t in TASKS]):
        for point in client.get_metric_history(run_id, f"epoch_{key}"):
            epochs.setdefault(point.step, {"epoch": point.step})[key] = point.value
    epochs = [epochs[k] for k in sorted(epochs)]

    corpus = load_corpus(ROOT / "data" / "statements", limit=args.limit)
    train_ds, test_ds = corpus.splits["train"], corpus.splits["test"]
    test_texts = list(test_ds["text"])
    model = stance.load(f"runs:/{run_id}/model", tracking_uri=uri)
    tf_thr = throughput(model.predict_probas, test_texts, args.repeats)
    tfidf = TfidfClassifier(C=5.0, seed=0).fit(list(train_ds["text"]), {t: [train_ds.features[t].int2str(v) for v in train_ds[t]] for t in TASKS})
    tfidf_thr = throughput(tfidf.predict_probas, test_texts, args.repeats)

    result = {
        "command": " ".join(["python -m stance.train", *overrides]),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "run_id": run_id,
        "n_statements": {"train": int(m.get("n_train", len(train_ds))), "validation": int(m.get("n_validation", 0)),
                         "test": int(m.get("n_test", len(test_ds)))},
        "params": {k[len("model."):]: v for k, v in run.data.params.items() if k.startswith("model.")},
        "epochs_run": len(epochs),
        "per_epoch": epochs,
        "train_seconds_per_epoch_median": statistics.median([e["train_seconds"] for e in epochs]) if epochs else None,
        "train_seconds_total": m.get("train_seconds"),
        "job_wall_seconds": wall,
        "peak_rss_mb": peak_rss_mb,
        "peak_rss_mb_during_fit_and_scoring": m.get("peak_rss_mb"),
        "scores": {f"{t}_{s}_macro_f1": m.get(f"{t}_{s}_macro_f1") for s in ("validation", "test") for t in TASKS},
        "throughput_statements_per_s": {"transformer": tf_thr, "tfidf_logreg": tfidf_thr,
                                        "on": f"{len(test_texts)} test statements, threads={args.threads}"},
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main()
