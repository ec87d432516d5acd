"""Benchmark of the foundation's two promises (issue 2):

1. ``python -c "import stance"`` stays under 0.5 s (heavy libraries load lazily);
   measured against ``python -c "pass"`` in the same run.
2. Labelling 20,000 statements through ``stance.load(uri).predict`` reaches at least 80%
   of the throughput of calling the fitted scikit-learn objects directly on the same texts,
   in the same process.

    python experiments/bench_api.py [--repeats 5] [--n 20000]

Prints a JSON line and writes experiments/results/bench_api.json. Medians of several
interleaved runs; the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def time_command(code: str, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--n", type=int, default=20_000)
    args = parser.parse_args()

    # 1. import time, interleaved with a bare interpreter start
    bare, imp = [], []
    for _ in range(args.repeats):
        bare += time_command("pass", 1)
        imp += time_command("import stance", 1)
    heavy = subprocess.run(
        [sys.executable, "-c", "import stance, sys; print(sorted(m for m in ('mlflow','torch','transformers','sklearn','datasets','pandas') if m in sys.modules))"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    ).stdout.strip()

    # 2. throughput: a tf-idf model trained on the corpus, logged and registered in a temporary store
    import mlflow

    import stance
    from stance import tracking
    from stance.data import load_corpus
    from stance.labels import TASKS
    from stance.models.tfidf import TfidfClassifier
    from stance.scoring import gold_labels

    corpus = load_corpus(ROOT / "data/statements")
    train = corpus.splits["train"]
    model = TfidfClassifier(seed=0).fit(list(train["text"]), {t: gold_labels(train, t) for t in TASKS})
    pool = [t for s in corpus.splits.values() for t in s["text"]]
    texts = [pool[i % len(pool)] for i in range(args.n)]

    with tempfile.TemporaryDirectory() as tmp:
        tracking.connect(f"sqlite:///{tmp}/mlflow.db")
        with tracking.tracked_run("bench", "bench"):
            info = tracking.log_model(model)
        tracking.register(info.model_uri, "bench-model")
        loaded = stance.load("models:/bench-model/1")

        feats, heads = loaded.features_, loaded.heads_

        def direct():
            x = feats.transform(texts)
            return {t: heads[t].predict_proba(x) for t in TASKS}

        def through_api():
            return loaded.predict(texts)

        import pandas as pd

        pyfunc = mlflow.pyfunc.load_model("models:/bench-model/1")
        frame = pd.DataFrame({"text": texts})

        def through_pyfunc():
            return pyfunc.predict(frame)

        # Interleaved, so a burst of load from other processes hits all three alike.
        direct_s, api_s, pyfunc_s = [], [], []
        for _ in range(args.repeats):
            for fn, acc in ((direct, direct_s), (through_api, api_s), (through_pyfunc, pyfunc_s)):
                start = time.perf_counter()
                fn()
                acc.append(time.perf_counter() - start)

    med = statistics.median
    result = {
        "python_start_s": round(med(bare), 3),
        "import_stance_s": round(med(imp), 3),
        "import_stance_minus_python_s": round(med(imp) - med(bare), 3),
        "heavy_modules_after_import": heavy,
        "n_statements": args.n,
        "direct_sklearn_per_s": round(args.n / med(direct_s)),
        "stance_load_predict_per_s": round(args.n / med(api_s)),
        "mlflow_pyfunc_per_s": round(args.n / med(pyfunc_s)),
        "api_over_direct": round(med(direct_s) / med(api_s), 3),
        "pyfunc_over_direct": round(med(direct_s) / med(pyfunc_s), 3),
        "repeats": args.repeats,
    }
    print(json.dumps(result))
    out = ROOT / "experiments/results/bench_api.json"
    out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
