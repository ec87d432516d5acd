"""Throughput of quote extraction (characters per second, one core) and a linear-cost check.

    python experiments/bench_extract.py [--runs 5] [--mb 1.0]

Normal text: all gold articles of data/articles concatenated, repeated to at least ``--mb``
megabytes; each language is run with its own ``lang``. Adversarial text: the same size of
random quote marks, dashes, words and line breaks (thousands of unmatched marks). Reports the
median of ``--runs`` runs and the adversarial/normal time ratio (near 1 means linear cost).
Writes experiments/results/bench_extract.json and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stance.extract import extract_quotes  # noqa: E402


def _one_core() -> None:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


def normal_text(min_chars: int) -> dict[str, str]:
    by_lang: dict[str, list[str]] = {"pl": [], "en": []}
    for p in sorted((ROOT / "data" / "articles").glob("*.json")):
        art = json.loads(p.read_text(encoding="utf-8"))
        by_lang.setdefault(art["lang"], []).append(art["text"])
    out = {}
    total = sum(len("\n\n".join(v)) for v in by_lang.values())
    for lang, texts in by_lang.items():
        base = "\n\n".join(texts)
        share = max(1, round(min_chars * len(base) / total))
        out[lang] = (base + "\n\n") * (share // (len(base) + 2) + 1)
    return out


def adversarial_text(n_chars: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    pieces = ["„", "”", "\"", "'", "«", "»", "‚", "’", "“", " – ", "—", "-", " ", " ", "\n", "\n\n",
              "słowo", "Word", "powiedział", "said", ".", ":", ","]
    out, size = [], 0
    while size < n_chars:
        p = rng.choice(pieces)
        out.append(p)
        size += len(p)
    return "".join(out)[:n_chars]


def timed(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--out", default=str(ROOT / "experiments" / "results" / "bench_extract.json"))
    args = ap.parse_args(argv)
    _one_core()
    n = int(args.mb * 1_000_000)
    texts = normal_text(n)
    n_normal = sum(len(t) for t in texts.values())
    extract_quotes("Rozgrzewka: „tak” – powiedział Jan Nowak.", "pl")  # load lexicons and morfeusz once
    extract_quotes('Warm-up: "yes," said John Smith.', "en")
    normal = timed(lambda: [extract_quotes(t, lang) for lang, t in texts.items()], args.runs)
    adv = adversarial_text(n_normal)
    adversarial = timed(lambda: extract_quotes(adv, "pl"), args.runs)
    n_quotes = sum(len(extract_quotes(t, lang)) for lang, t in texts.items())
    med_n, med_a = statistics.median(normal), statistics.median(adversarial)
    result = {
        "chars_normal": n_normal,
        "chars_adversarial": len(adv),
        "runs": args.runs,
        "normal_seconds": normal,
        "adversarial_seconds": adversarial,
        "normal_median_s": med_n,
        "adversarial_median_s": med_a,
        "normal_chars_per_s": n_normal / med_n,
        "normal_mb_per_s": n_normal / med_n / 1e6,
        "adversarial_chars_per_s": len(adv) / med_a,
        "adversarial_over_normal": med_a / med_n,
        "statements_found_normal": n_quotes,
        "target_mb_per_s": 1.0,
        "meets_target": n_normal / med_n >= 1e6,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"normal text:      {n_normal:,} chars, median {med_n:.3f} s over {args.runs} runs "
          f"-> {result['normal_mb_per_s']:.3f} MB/s ({result['normal_chars_per_s']:,.0f} chars/s), {n_quotes} statements")
    print(f"adversarial text: {len(adv):,} chars, median {med_a:.3f} s -> {result['adversarial_chars_per_s']:,.0f} chars/s; "
          f"{result['adversarial_over_normal']:.2f}x the time of normal text")
    print(f"target 1 MB/s: {'met' if result['meets_target'] else 'NOT met'}; wrote {out}")
    return result


if __name__ == "__main__":
    main()
