r"""Throughput of quote extraction (characters per second, one core) on news and on hostile text.

    python experiments/bench_extract.py [--runs 5] [--mb 1.0] [--hostile-mb 1.0] [--big-mb 10]
                                        [--baseline DIR/PKG]

Normal text: all gold articles of data/articles concatenated, repeated to at least ``--mb``
megabytes; each language is run with its own ``lang``. Hostile text, ``--hostile-mb`` each
(invented words, generated here): chains of attributed quotations in one sentence (English
straight and curly quotes, Polish ``powiedział, że „…” i że „…”``), random quotation marks and
dashes, opening marks never closed, no sentence ends, binary junk; and the news text as one
``--big-mb`` paragraph (no line breaks). Each figure is the median of ``--runs`` runs (the big
paragraph: of ``max(1, runs // 2)``). ``linearity`` is the time on the full input over four
times the time on a quarter of it: near 1 means linear cost, 4 quadratic.

Absolute speed drifts with the (shared) machine, so two figures measured in the same process
come along: ``reference_chars_per_s``, a plain ``re.finditer`` word pass over the normal text
(machine speed), with ``normal_over_reference`` = extraction time / that pass's time (lower is
better, comparable across machines and loads); and, with ``--baseline``, the speedup over an
older copy of the extractor timed interleaved with the current one. A baseline copy is made
with e.g. ``git show OLD:stance/extract/...`` into ``/tmp/b/extract_before/`` and
``sed -i 's/stance\.extract/extract_before/g'`` on its files; pass ``/tmp/b/extract_before``.
Writes experiments/results/bench_extract.json and prints a summary. Timings are reported,
never asserted.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stance.extract import DEFAULT_SPEAKER_MODEL  # noqa: E402
from stance.extract import extract_quotes as _extract_quotes  # noqa: E402


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


def _repeat(head: str, piece, n_chars: int, tail: str = ".") -> str:
    """``head`` then ``piece(i)`` for i = 0, 1, … up to ``n_chars``, then ``tail``."""
    out, size, i = [head], len(head), 0
    while size < n_chars:
        p = piece(i)
        out.append(p)
        size += len(p)
        i += 1
    return "".join(out) + tail


def hostile_texts(n_chars: int, normal: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    """Name -> (text, lang) of the hostile inputs, each about ``n_chars`` long."""
    rng = random.Random(1)
    return {
        "chain_en_straight": (_repeat("", lambda i: f'"We will hold line {i}," he said, ', n_chars), "en"),
        "chain_en_curly": (_repeat("", lambda i: f"“We will hold line {i},” she said, ", n_chars), "en"),
        "chain_pl": (_repeat("Minister powiedział, że „nie ustąpimy”",
                             lambda i: f" i że „nie oddamy odcinka {i}”", n_chars), "pl"),
        "chain_pl_dash": (_repeat("", lambda i: f"„Odcinek {i} zostaje” – powiedział Lis, a ", n_chars), "pl"),
        "many_quote_marks": (adversarial_text(n_chars), "pl"),
        "unbalanced_quotes": (_repeat("", lambda i: "„Nie oddamy ani metra powiedział minister \"we will not ",
                                      n_chars, ""), "pl"),
        "no_sentence_ends": (_repeat("", lambda i: "minister powiedział że rząd nie ustąpi a rzecznik dodał ",
                                     n_chars, ""), "pl"),
        # a question opener with no comma to close it, then cues for ever (was quadratic)
        "question_no_comma": (_repeat("Pytany o to ", lambda i: "minister powiedział że rząd nie ustąpi a rzecznik dodał ",
                                      n_chars, ""), "pl"),
        "binary_junk": (bytes(rng.randrange(256) for _ in range(n_chars)).decode("latin-1"), None),
        # one paragraph of trailing attributions, each looking back over the paragraph for own-voice speech (was quadratic)
        "one_paragraph_attributions": (_repeat("Headline\n\n", lambda i: "Talks will go on, the minister said. Jan Lis told "
                                               "reporters that the deal was near. ", n_chars), "en"),
    }


def big_paragraph(n_chars: int, normal: dict[str, str]) -> str:
    """The Polish news text as one paragraph (line breaks to spaces), about ``n_chars`` long."""
    base = normal["pl"].replace("\n", " ")
    return (base * (n_chars // len(base) + 1))[:n_chars]


def timed(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def reference_pass(texts: dict[str, str]) -> None:
    """Machine-speed yardstick: one C-level regex pass over the words, nothing else."""
    for t in texts.values():
        for _m in _REFERENCE_RE.finditer(t):
            pass


_REFERENCE_RE = re.compile(r"\w+")


def load_baseline(path: str):
    """``extract_quotes`` of an older copy of the package at ``path`` (its imports renamed to
    the directory's name, so both copies live side by side in this process)."""
    p = Path(path).resolve()
    sys.path.insert(0, str(p.parent))
    return importlib.import_module(p.name).extract_quotes


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--hostile-mb", type=float, default=1.0)
    ap.add_argument("--big-mb", type=float, default=10.0)
    ap.add_argument("--out", default=str(ROOT / "experiments" / "results" / "bench_extract.json"))
    ap.add_argument("--baseline", default=None, help="directory of an older copy of the package (see above)")
    ap.add_argument("--speaker-model", default=DEFAULT_SPEAKER_MODEL, help="ranker (the default) | rules | hybrid (the baseline always runs its own)")
    args = ap.parse_args(argv)
    extract_quotes = functools.partial(_extract_quotes, speaker_model=args.speaker_model)
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
    reference = timed(lambda: reference_pass(texts), args.runs)
    med_n, med_a = statistics.median(normal), statistics.median(adversarial)
    med_r = statistics.median(reference)
    hostile = {}
    inputs = hostile_texts(int(args.hostile_mb * 1_000_000), texts)
    inputs["paragraph_big"] = (big_paragraph(int(args.big_mb * 1_000_000), texts), "pl")
    for name, (text, lang) in inputs.items():
        runs = max(1, args.runs // 2) if name == "paragraph_big" else args.runs
        full = statistics.median(timed(lambda text=text, lang=lang: extract_quotes(text, lang), runs))
        quarter_text = text[:len(text) // 4]
        quarter = statistics.median(timed(lambda t=quarter_text, lang=lang: extract_quotes(t, lang), runs))
        hostile[name] = {"chars": len(text), "lang": lang, "runs": runs, "median_s": full,
                         "mb_per_s": len(text) / full / 1e6, "linearity": full / (4 * quarter),
                         "statements": len(extract_quotes(text, lang)), "meets_0_5_mb_per_s": len(text) / full >= 5e5}
        print(f"{name:20s} {len(text):>10,} chars  {hostile[name]['mb_per_s']:.2f} MB/s  "
              f"linearity {hostile[name]['linearity']:.2f}", flush=True)
    baseline = None
    if args.baseline:
        old = load_baseline(args.baseline)
        old("Rozgrzewka: „tak” – powiedział Jan Nowak.", "pl")
        old('Warm-up: "yes," said John Smith.', "en")
        pairs = {"old_normal": [], "new_normal": [], "old_adversarial": [], "new_adversarial": []}
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            for tag, fn in (("old", old), ("new", extract_quotes)):
                pairs[f"{tag}_normal"] += timed(lambda fn=fn: [fn(t, lang) for lang, t in texts.items()], 1)
                pairs[f"{tag}_adversarial"] += timed(lambda fn=fn: fn(adv, "pl"), 1)
        m = {k: statistics.median(v) for k, v in pairs.items()}
        # the two copies have different Quote classes: compare the fields
        same = all([q.to_dict() for q in old(t, lang)] == [q.to_dict() for q in extract_quotes(t, lang)]
                   for lang, t in list(texts.items()) + [("pl", adv)])
        baseline = {
            "path": args.baseline,
            "median_s": m,
            "speedup_normal": m["old_normal"] / m["new_normal"],
            "speedup_adversarial": m["old_adversarial"] / m["new_adversarial"],
            "baseline_mb_per_s": n_normal / m["old_normal"] / 1e6,
            "current_mb_per_s": n_normal / m["new_normal"] / 1e6,
            "identical_output": same,
        }
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
        "reference_seconds": reference,
        "reference_chars_per_s": n_normal / med_r,
        "normal_over_reference": med_n / med_r,
        "same_process_baseline": baseline,
        "speaker_model": args.speaker_model,
        "target_mb_per_s": 1.0,
        "meets_target": n_normal / med_n >= 1e6,
        "hostile": hostile,
        "hostile_target_mb_per_s": 0.5,
        "hostile_all_meet_target": all(h["meets_0_5_mb_per_s"] for h in hostile.values()),
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
    print(f"reference re.finditer pass: {result['reference_chars_per_s']:,.0f} chars/s; extraction takes "
          f"{result['normal_over_reference']:.1f}x its time")
    if baseline:
        print(f"same process vs {args.baseline}: {baseline['speedup_normal']:.2f}x faster on normal text "
              f"({baseline['baseline_mb_per_s']:.3f} -> {baseline['current_mb_per_s']:.3f} MB/s), "
              f"{baseline['speedup_adversarial']:.2f}x on adversarial; identical output: {baseline['identical_output']}")
    print(f"target 1 MB/s: {'met' if result['meets_target'] else 'NOT met'}; hostile inputs at 0.5 MB/s: "
          f"{'all met' if result['hostile_all_meet_target'] else 'NOT all met'}; wrote {out}")
    return result


if __name__ == "__main__":
    main()
