"""Peak memory on oversized inputs: a 50 MB line in a data file, and one 10 MB text to ``predict``.

    python experiments/bench_limits.py [--repeats 3]

Each case runs in a fresh process; its peak RSS (``ru_maxrss``) is compared with a baseline
process that imports the same modules and reads a normal data file / predicts a normal
statement, in the same run (medians of ``--repeats``). Before the limits, the 50 MB line drove
memory past 9 GB and the 10 MB text to 2.6 GB. Writes experiments/results/bench_limits.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

READ = """
import resource, sys
from stance.data import read_records
from stance.errors import DataError
try:
    read_records(sys.argv[1]); outcome = "read"
except DataError as exc:
    outcome = str(exc)[:120]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, outcome)
"""

PREDICT = """
import resource, sys
from stance.models.majority import MajorityClassifier
texts = ["Rozmowy były konstruktywne.", "Nie oddamy ani metra.", "Spotkanie w czwartek."] * 4
labels = {"stance": ["conciliatory", "hardline", "neutral"] * 4, "tone": ["positive", "negative", "neutral"] * 4}
model = MajorityClassifier().fit(texts, labels)
text = "Rozmowy były konstruktywne. " * (int(sys.argv[1]) // 28)
try:
    model.predict(text); outcome = "labelled"
except ValueError as exc:
    outcome = str(exc)[:120]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, outcome)
"""


def peak(code: str, *args: str) -> tuple[float, str]:
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    mb, _, outcome = out.strip().partition(" ")
    return float(mb), outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    record = '{"text": "%s", "speaker": "x", "lang": "pl", "kind": "direct", "stance": "neutral", "tone": "neutral"}\n'
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        normal = Path(tmp) / "normal.jsonl"
        normal.write_text(record % "Rozmowy były konstruktywne." * 100)
        huge = Path(tmp) / "huge.jsonl"
        with huge.open("w") as fh:
            fh.write(record % "Spotkanie w czwartek.")
            fh.write(record % ("a" * 50_000_000))
        cases = {
            "data file with one 50 MB line": (READ, [str(huge)], READ, [str(normal)]),
            "predict on one 10 MB text": (PREDICT, ["10000000"], PREDICT, ["28"]),
        }
        for name, (code, argv, base_code, base_argv) in cases.items():
            runs, bases, outcome = [], [], ""
            for _ in range(args.repeats):  # interleaved with the baseline: the machine is shared
                mb, outcome = peak(code, *argv)
                runs.append(mb)
                bases.append(peak(base_code, *base_argv)[0])
            results[name] = {"peak_rss_mb": statistics.median(runs), "baseline_peak_rss_mb": statistics.median(bases),
                             "ratio": statistics.median(runs) / statistics.median(bases), "outcome": outcome}
            print(f"{name}: peak {results[name]['peak_rss_mb']:.0f} MB (baseline {results[name]['baseline_peak_rss_mb']:.0f} MB, "
                  f"{results[name]['ratio']:.2f}x): {outcome}")
    out = ROOT / "experiments/results/bench_limits.json"
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
