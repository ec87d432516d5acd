"""Benchmark of labelling an archive (issue 14):

1. ``python -m stance.label`` on 1,000,000 statements (JSONL in, Parquet out) with a tf-idf model
   trained on the corpus: statements/s and the labelling process's peak RSS (promise: < 1 GB).
2. The same command with ``mode=articles`` on 10,000 articles (the gold and held-out articles,
   cycled under new ids): articles/s and statements found.
3. ``stance.spark.label`` on ``local[2]`` against the single-process command on the same
   statements (JSONL in, Parquet out), as a ratio of throughputs.

    python experiments/bench_label.py [--statements 1000000] [--articles 10000] [--spark-rows 1000000]

Each part is timed end to end as a user runs it (a fresh process, model loading included; Spark
also counts its session start and writing). Results go to experiments/results/bench_label.json
after every part, so an interrupted run keeps what it measured. The machine is shared: figures
are single runs, lower bounds of what a quiet machine gives.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "experiments" / "results" / "bench_label.json"


def peak_rss_mb(args: list[str]) -> tuple[dict, float]:
    """Run a command as a user would; its wall time and its peak RSS (the process and its
    children, polled every 0.2 s)."""
    import psutil

    start = time.perf_counter()
    proc = psutil.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                        env={**os.environ, "PYTHONPATH": str(ROOT)})
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True)))
        except psutil.Error:
            pass
        time.sleep(0.2)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])}... failed ({proc.returncode}):\n{err.decode()[-3000:]}")
    return {"seconds": seconds, "stdout": out.decode().strip()[-500:]}, peak / 2**20


def save(results: dict) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    tmp = RESULTS.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(results, indent=1), encoding="utf-8")
    os.replace(tmp, RESULTS)


def train_model(folder: Path):
    """tf-idf + logistic regression on the corpus's train split, saved and logged (for Spark)."""
    import mlflow

    from stance import tracking
    from stance.data import load_corpus
    from stance.labels import TASKS
    from stance.models.tfidf import TfidfClassifier
    from stance.scoring import gold_labels

    train = load_corpus(ROOT / "data" / "statements").splits["train"]
    model = TfidfClassifier(seed=0).fit(list(train["text"]), {t: gold_labels(train, t) for t in TASKS})
    model_dir = model.save(folder / "model")
    uri = f"sqlite:///{folder / 'mlflow.db'}"
    tracking.connect(uri)
    mlflow.set_experiment("bench-label")
    with mlflow.start_run():
        info = tracking.log_model(model)
    return model_dir, info.model_uri, uri


def write_statements(path: Path, n: int) -> int:
    texts = [json.loads(line)["text"] for split in ("train", "validation", "test")
             for line in (ROOT / "data" / "statements" / f"{split}.jsonl").open(encoding="utf-8") if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"s{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    return len(texts)


def write_articles(path: Path, n: int) -> tuple[int, float]:
    files = sorted((ROOT / "data" / "articles").glob("*.json")) + sorted((ROOT / "data" / "heldout" / "articles").rglob("*.json"))
    texts = [json.loads(f.read_text(encoding="utf-8"))["text"] for f in files]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    return len(texts), sum(map(len, texts)) / len(texts)


CACHE_CHECK = """
import json, sys, time
from pathlib import Path
from stance.api import extract_quotes
files = sorted(Path('data/articles').glob('*.json')) + sorted(Path('data/heldout/articles').rglob('*.json'))
texts = [json.loads(f.read_text(encoding='utf-8'))['text'] for f in files]
extract_quotes('Premier powiedział: „Nie.”')
rates = []
for _ in range(2):
    start = time.perf_counter()
    for t in texts:
        extract_quotes(t)
    rates.append(len(texts) / (time.perf_counter() - start))
print(json.dumps(rates))
"""


def extraction_cache_effect() -> dict:
    """The articles part cycles ~100 distinct articles, so the extractor's word-level caches
    (morphology, lemmas) are warm after the first pass; a real archive keeps meeting new words.
    Extraction alone, in a fresh process: the first pass (cold) and the second (warm)."""
    out = subprocess.run([sys.executable, "-c", CACHE_CHECK], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    cold, warm = json.loads(out.stdout.strip().splitlines()[-1])
    return {"extraction_only_cold_articles_per_second": round(cold, 1),
            "extraction_only_warm_articles_per_second": round(warm, 1)}


def label_cmd(model: Path | str, src: Path, out: Path, tmp: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "stance.label", f"model_uri={model}", f"input={src}", f"output={out}",
            f"hydra.run.dir={tmp}/hydra", *extra]


def spark_run(src: Path, out: Path, model_uri: str, tracking_uri: str) -> dict:
    from stance.spark import label, local_session

    start = time.perf_counter()
    spark = local_session("local[2]", memory="2g")
    spark.sparkContext.setLogLevel("ERROR")
    ready = time.perf_counter()
    # one JSONL file below 128 MB would be one partition, one task: split it so local[2] uses both cores
    spark.conf.set("spark.sql.files.maxPartitionBytes", str(max(src.stat().st_size // 4, 1 << 20)))
    df = spark.read.schema("id string, text string").json(str(src))
    label(df, model_uri, tracking_uri=tracking_uri).write.mode("overwrite").parquet(str(out))
    end = time.perf_counter()
    rows = spark.read.parquet(str(out)).count()
    spark.stop()
    return {"seconds": end - start, "session_start_seconds": ready - start, "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--spark-rows", type=int, default=1_000_000)
    parser.add_argument("--parts", default="statements,articles,spark", help="comma-separated subset to run")
    args = parser.parse_args()
    parts = args.parts.split(",")
    results = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    results["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version(), "load_avg_at_start": os.getloadavg()}
    results.pop("command", None)
    command = " ".join(["python experiments/bench_label.py", *sys.argv[1:]])
    with tempfile.TemporaryDirectory(prefix="bench-label-") as tmp_name:
        tmp = Path(tmp_name)
        model_dir, model_uri, tracking_uri = train_model(tmp)
        if "statements" in parts:
            src = tmp / "statements.jsonl"
            distinct = write_statements(src, args.statements)
            run, peak = peak_rss_mb(label_cmd(model_dir, src, tmp / "statements.parquet", tmp))
            results["statements"] = {
                "rows": args.statements, "distinct_texts": distinct, "input_mb": src.stat().st_size / 2**20,
                "seconds": round(run["seconds"], 1), "statements_per_second": round(args.statements / run["seconds"]),
                "peak_rss_mb": round(peak), "promise_peak_rss_mb": 1024, "summary": run["stdout"],
                "load_avg_after": os.getloadavg(), "command": command}
            print(json.dumps(results["statements"]), flush=True)
            save(results)
        if "articles" in parts:
            src = tmp / "articles.jsonl"
            distinct, mean_chars = write_articles(src, args.articles)
            run, peak = peak_rss_mb(label_cmd(model_dir, src, tmp / "quotes.parquet", tmp, "mode=articles", "batch_size=200"))
            import pyarrow.parquet as pq

            found = pq.ParquetFile(tmp / "quotes.parquet").metadata.num_rows
            results["articles"] = {
                "articles": args.articles, "distinct_articles": distinct, "mean_chars": round(mean_chars),
                "seconds": round(run["seconds"], 1), "articles_per_second": round(args.articles / run["seconds"], 1),
                "statements_found": found, "peak_rss_mb": round(peak), "summary": run["stdout"],
                **extraction_cache_effect(), "load_avg_after": os.getloadavg(), "command": command}
            print(json.dumps(results["articles"]), flush=True)
            save(results)
        if "spark" in parts:
            src = tmp / "spark.jsonl"
            write_statements(src, args.spark_rows)
            cli, _ = peak_rss_mb(label_cmd(model_dir, src, tmp / "cli.parquet", tmp))
            spark = spark_run(src, tmp / "spark.parquet", model_uri, tracking_uri)
            assert spark["rows"] == args.spark_rows
            results["spark"] = {
                "rows": args.spark_rows, "cli_seconds": round(cli["seconds"], 1),
                "spark_local2_seconds": round(spark["seconds"], 1),
                "spark_session_start_seconds": round(spark["session_start_seconds"], 1),
                "cli_rows_per_second": round(args.spark_rows / cli["seconds"]),
                "spark_rows_per_second": round(args.spark_rows / spark["seconds"]),
                "spark_over_cli_throughput": round(cli["seconds"] / spark["seconds"], 2),
                "load_avg_after": os.getloadavg(), "command": command}
            print(json.dumps(results["spark"]), flush=True)
            save(results)


if __name__ == "__main__":
    main()
