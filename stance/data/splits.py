"""Deterministic, stable, leakage-free splits.

Statements that are the same or nearly the same (character 5-gram Jaccard above a
threshold) form one group, and a group always lands in one split, so a model is never
tested on a rewording of a training statement.
"""

from __future__ import annotations

import hashlib
import re
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


def _unit_hash(text: str, seed: int) -> float:
    """A number in [0, 1) that depends only on the normalised text and the seed."""
    digest = hashlib.sha256(f"{seed}\n{normalise(text)}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def assign_splits(
    texts: Sequence[str],
    fractions: Sequence[float] = (0.7, 0.15, 0.15),
    seed: int = 0,
    threshold: float = 0.8,
) -> list[str]:
    """Split name per text, from a stable hash of its near-duplicate group.

    Each text hashes (with ``seed``) to a number in [0, 1); a group of near-duplicates takes the
    smallest number of its members, and the number picks the split by the cumulative
    ``fractions``. Labels, input order and the other statements play no part, so editing a
    label, reordering files or adding unrelated statements never moves a statement to another
    split (only a new near-duplicate whose hash is smaller can move its group). Split sizes
    follow ``fractions`` up to sampling noise; with a few thousand statements every label
    appears in every split in about its overall share.
    """
    if abs(sum(fractions) - 1.0) > 1e-6 or len(fractions) != len(SPLITS) or min(fractions) < 0:
        raise ValueError(f"split fractions must be three non-negative numbers summing to 1, got {list(fractions)}")
    groups = duplicate_groups(texts, threshold)
    unit = [_unit_hash(t, seed) for t in texts]
    group_unit: dict[int, float] = {}
    for i, g in enumerate(groups):
        group_unit[g] = min(group_unit.get(g, 1.0), unit[i])
    bounds = np.cumsum(fractions)
    return [SPLITS[min(int(np.searchsorted(bounds, group_unit[g], side="right")), len(SPLITS) - 1)] for g in groups]
