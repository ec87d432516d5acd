"""Extraction speed with each speaker model, timed interleaved in one process (one core).

    python experiments/bench_speaker_ranker.py [--mb 0.5] [--runs 5] [--hostile-mb 0.25]

The normal text of ``bench_extract.py`` (all tuning articles, per language, repeated to
``--mb``); each run times ``rules``, ``ranker`` and ``hybrid`` one after the other, so load on
a shared machine hits all three alike, and in CPU time of this process (``time.process_time``),
not wall time: on a machine shared with training jobs the wall time measures the queue. Reports
the median MB/s (of CPU time) of each and its time over the rules' time; then each hostile text of ``bench_extract.py`` with ``rules`` and ``ranker``: MB/s
and linearity (CPU time on the text over four times that on its first quarter; best of two).
Writes experiments/results/bench_speaker_ranker.json. Timings are reported,
never asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "experiments"))

from bench_extract import _one_core, hostile_texts, normal_text  # noqa: E402

from stance.extract import extract_quotes  # noqa: E402

MODELS = ("rules", "ranker", "hybrid")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=0.5)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--hostile-mb", type=float, default=0.25)
    ap.add_argument("--out", default=str(ROOT / "experiments" / "results" / "bench_speaker_ranker.json"))
    args = ap.parse_args()
    _one_core()
    texts = normal_text(int(args.mb * 1_000_000))
    n = sum(len(t) for t in texts.values())
    for model in MODELS:  # warm up: lexicons, morfeusz2, the weights file
        for lang, t in texts.items():
            extract_quotes(t[:20_000], lang, speaker_model=model)
    times: dict[str, list[float]] = {m: [] for m in MODELS}
    for _ in range(args.runs):
        for model in MODELS:
            t0 = time.process_time()
            for lang, t in texts.items():
                extract_quotes(t, lang, speaker_model=model)
            times[model].append(time.process_time() - t0)
    med = {m: statistics.median(v) for m, v in times.items()}
    hostile = {}
    for name, (text, lang) in hostile_texts(int(args.hostile_mb * 1_000_000), texts).items():
        lang = lang or "pl"
        for model in ("rules", "ranker"):
            full = _cpu(text, lang, model)
            quarter = _cpu(text[:len(text) // 4], lang, model)
            hostile[f"{name} {model}"] = {"mb_per_s": len(text) / full / 1e6, "linearity": full / (4 * quarter)}
    result = {"chars": n, "runs": args.runs, "seconds": times,
              "mb_per_s": {m: n / med[m] / 1e6 for m in MODELS},
              "time_over_rules": {m: med[m] / med["rules"] for m in MODELS}, "hostile": hostile}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for m in MODELS:
        print(f"{m:<7} {result['mb_per_s'][m]:.3f} MB/s, {result['time_over_rules'][m]:.2f}x the rules' time")
    for key, h in hostile.items():
        print(f"{key:<26} {h['mb_per_s']:.2f} MB/s  linearity {h['linearity']:.2f}")
    print(f"{n:,} characters, median of {args.runs} interleaved runs; wrote {out}")


def _cpu(text: str, lang: str, model: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        extract_quotes(text, lang, speaker_model=model)
        best = min(best, time.process_time() - t0)
    return best


if __name__ == "__main__":
    main()
