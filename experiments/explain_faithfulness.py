"""How faithful and how fast the explanations are, and what abstention buys, for the study's models.

    python experiments/explain_faithfulness.py [--sample 200] [--runs tfidf_v2 ensemble_v2 transformer_v2]

For each named run of the ``realistic-study`` experiment (project store ``mlflow.db``): the
deletion check of ``stance.explain`` on a seeded sample of the corpus test split (mean fall in
P(predicted label) when the top-3 attributed words are deleted, against 3 random words), the
median time of one explanation, and the risk–coverage table on the realistic test half (from the
run's logged predictions). Writes ``experiments/results/explain_faithfulness.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "experiments" / "results"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", nargs="+", default=["tfidf_v2", "ensemble_v2", "transformer_v2"])
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--tracking-uri", default=f"sqlite:///{ROOT / 'mlflow.db'}")
    args = parser.parse_args(argv)

    import mlflow
    import numpy as np
    import pandas as pd

    import stance
    from stance.explain import deletion_gain
    from stance.labels import LABELS, TASKS, proba_column
    from stance.risk_coverage import confidence, risk_coverage_table

    mlflow.set_tracking_uri(args.tracking_uri)
    client = mlflow.MlflowClient()
    experiment = client.get_experiment_by_name("realistic-study")
    if experiment is None:
        sys.exit(f"no realistic-study experiment in {args.tracking_uri}; run experiments/realistic_study.py first")
    test = [json.loads(line)["text"] for line in (ROOT / "data" / "statements" / "test.jsonl").open(encoding="utf-8")]
    rng = np.random.default_rng(0)
    sample = [test[i] for i in rng.choice(len(test), size=min(args.sample, len(test)), replace=False)]
    results = {}
    for name in args.runs:
        found = client.search_runs([experiment.experiment_id], f"attributes.run_name = '{name}'", max_results=1)
        if not found:
            print(f"{name}: no such run in realistic-study; skipped", file=sys.stderr)
            continue
        run = found[0]
        clf = stance.load(f"runs:/{run.info.run_id}/model", tracking_uri=args.tracking_uri)
        timings = []
        for text in sample[:20]:
            start = time.perf_counter()
            clf.explain(text)
            timings.append(time.perf_counter() - start)
        check = deletion_gain(clf, sample, k=args.k, seed=0)
        preds = pd.read_csv(client.download_artifacts(run.info.run_id, "predictions/realistic_test_predictions.csv"))
        probas = {t: preds[[proba_column(t, lab) for lab in LABELS[t]]].to_numpy() for t in TASKS}
        table = risk_coverage_table({t: preds[f"gold_{t}"] for t in TASKS}, {t: preds[t] for t in TASKS},
                                    confidence(probas), {t: LABELS[t] for t in TASKS})
        results[name] = {"run_id": run.info.run_id, "family": run.data.tags.get("stance.model_family"),
                         "deletion": check, "explain_seconds_median": statistics.median(timings),
                         "risk_coverage_realistic_test": table.round(4).to_dict(orient="records")}
        print(f"{name}: top {check['top']:.3f} random {check['random']:.3f} gain {check['gain']:.3f} (n={check['n']}); "
              f"{statistics.median(timings) * 1000:.0f} ms per explanation", flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "explain_faithfulness.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    lines = ["| model | P drop, top-3 words | P drop, 3 random words | gain | ms per explanation "
             "| realistic test stance / tone macro-F1 at 100% / 80% / 50% kept (min_confidence) |", "|---|---|---|---|---|---|"]
    for name, r in results.items():
        d, rc = r["deletion"], {round(row["coverage"], 1): row for row in r["risk_coverage_realistic_test"]}
        kept = " · ".join(f"{rc[c]['stance_macro_f1']:.3f} / {rc[c]['tone_macro_f1']:.3f}"
                          + ("" if c == 1.0 else f" (p≥{rc[c]['min_confidence']:.2f})") for c in (1.0, 0.8, 0.5))
        lines.append(f"| {name} | {d['top']:.3f} | {d['random']:.3f} | {d['gain']:.3f} | "
                     f"{r['explain_seconds_median'] * 1000:.0f} | {kept} |")
    (OUT / "explain_faithfulness.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
