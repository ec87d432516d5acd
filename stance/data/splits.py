"""Deterministic, stratified, leakage-free splits.

Statements that are the same or nearly the same (character 5-gram Jaccard above a
threshold) form one group, and a group always lands in one split, so a model is never
tested on a rewording of a training statement.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from typing import Sequence

import numpy as np

SPLITS = ("train", "validation", "test")


def normalise(text: str) -> str:
    """Lower-case, punctuation-free, single-spaced text: the key for exact duplicates."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def near_duplicate_pairs(texts: Sequence[str], threshold: float = 0.8, n: int = 5) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, jaccard)`` with ``i < j`` whose character ``n``-gram sets overlap above ``threshold``."""
    from sklearn.feature_extraction.text import CountVectorizer

    docs = [normalise(t) for t in texts]
    if not docs:
        return []
    vec = CountVectorizer(analyzer="char", ngram_range=(n, n), binary=True, lowercase=False, dtype=np.int32)
    # Texts shorter than n still need a shingle so that identical short fragments pair up.
    x = vec.fit_transform([d if len(d) >= n else d.ljust(n, "_") for d in docs]).tocsr()
    sizes = np.asarray(x.sum(axis=1)).ravel()
    pairs = []
    xt = x.T.tocsc()
    step = 2000
    for lo in range(0, x.shape[0], step):
        inter = (x[lo : lo + step] @ xt).tocoo()
        rows, cols, vals = inter.row + lo, inter.col, inter.data
        keep = rows < cols
        rows, cols, vals = rows[keep], cols[keep], vals[keep]
        jac = vals / (sizes[rows] + sizes[cols] - vals)
        hit = jac > threshold
        pairs += [(int(i), int(j), float(s)) for i, j, s in zip(rows[hit], cols[hit], jac[hit])]
    return pairs


def duplicate_groups(texts: Sequence[str], threshold: float = 0.8) -> list[int]:
    """Group id per text; near-duplicates (transitively) share a group."""
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in near_duplicate_pairs(texts, threshold):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return [find(i) for i in range(len(texts))]


def assign_splits(
    texts: Sequence[str],
    strata: Sequence[str],
    fractions: Sequence[float] = (0.7, 0.15, 0.15),
    seed: int = 0,
    threshold: float = 0.8,
) -> list[str]:
    """Split name per text: stratified by ``strata``, near-duplicate groups kept together.

    Deterministic for the same texts, strata, fractions and seed, regardless of input order
    (groups are visited in the order of a seeded hash of their texts).
    """
    if len(texts) != len(strata):
        raise ValueError("texts and strata differ in length")
    if abs(sum(fractions) - 1.0) > 1e-6 or len(fractions) != len(SPLITS) or min(fractions) < 0:
        raise ValueError(f"split fractions must be three non-negative numbers summing to 1, got {list(fractions)}")
    groups = duplicate_groups(texts, threshold)
    members: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        members[g].append(i)

    def order_key(g: int) -> str:
        key = "\n".join(sorted(normalise(texts[i]) for i in members[g]))
        return hashlib.sha256(f"{seed}\n{key}".encode()).hexdigest()

    totals = Counter(strata)
    filled = {s: Counter() for s in SPLITS}
    out = [""] * len(texts)
    for g in sorted(members, key=order_key):
        idx = members[g]
        counts = Counter(strata[i] for i in idx)
        stratum = min(counts, key=lambda s: (-counts[s], s))  # ties broken by name, not input order
        # The split furthest below its share of this stratum takes the group.
        deficits = [fractions[k] * totals[stratum] - filled[s][stratum] for k, s in enumerate(SPLITS)]
        split = SPLITS[int(np.argmax(deficits))]
        filled[split][stratum] += len(idx)
        for i in idx:
            out[i] = split
    return out
