"""Classification metrics: macro-F1 (primary), F_avg over the polar labels, accuracy,
per-class P/R/F1, bootstrap confidence intervals, paired comparison of two systems and
expected calibration error. Inputs are label strings; label order comes from ``labels`` (a
model's ``LabelSpace``; the codebook's by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from stance.labels import LabelSpace


def _codes(y: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    index = {lab: i for i, lab in enumerate(labels)}
    try:
        return np.fromiter((index[v] for v in y), dtype=np.int64, count=len(y))
    except KeyError as exc:
        raise ValueError(f"label {exc.args[0]!r} is not one of {', '.join(labels)}") from None


def _confusion(t: np.ndarray, p: np.ndarray, k: int) -> np.ndarray:
    return np.bincount(t * k + p, minlength=k * k).reshape(k, k)


def _prf(cm: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    tp = np.diag(cm).astype(float)
    pred = cm.sum(axis=0)
    true = cm.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(pred > 0, tp / pred, 0.0)
        recall = np.where(true > 0, tp / true, 0.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    return precision, recall, f1


def confusion_matrix(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    """Rows are true labels, columns predicted, both in ``labels`` order."""
    k = len(labels)
    return _confusion(_codes(y_true, labels), _codes(y_pred, labels), k)


def macro_f1(y_true, y_pred, labels) -> float:
    """Unweighted mean F1 over ``labels`` (a label never true nor predicted scores 0, as in scikit-learn)."""
    return float(_prf(confusion_matrix(y_true, y_pred, labels))[2].mean())


def f_avg(y_true, y_pred, labels, polar) -> float:
    """Mean F1 of the polar labels only (SemEval/TweetEval stance convention)."""
    f1 = _prf(confusion_matrix(y_true, y_pred, labels))[2]
    return float(np.mean([f1[list(labels).index(p)] for p in polar]))


def accuracy(y_true, y_pred) -> float:
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return float((y_true == y_pred).mean()) if len(y_true) else 0.0


def bootstrap_ci(
    y_true, y_pred, labels, n_boot: int = 1000, alpha: float = 0.05, seed: int = 0
) -> tuple[float, float]:
    """Percentile bootstrap interval of macro-F1 (statements resampled with replacement)."""
    k = len(labels)
    t, p = _codes(y_true, labels), _codes(y_pred, labels)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(t), size=(n_boot, len(t)))
    from stance.progress import progress

    scores = np.array([_prf(_confusion(t[i], p[i], k))[2].mean()
                       for i in progress(idx, desc="bootstrap", unit=" resamples", leave=False)])
    return float(np.quantile(scores, alpha / 2)), float(np.quantile(scores, 1 - alpha / 2))


@dataclass(frozen=True)
class PairedComparison:
    """Macro-F1 of system B minus system A on the same statements, with a bootstrap interval."""

    delta: float
    ci_low: float
    ci_high: float
    p_value: float  # two-sided share of resamples where the sign of the difference flips


def paired_bootstrap(y_true, pred_a, pred_b, labels, n_boot: int = 2000, seed: int = 0) -> PairedComparison:
    """Paired bootstrap comparison of two systems' predictions for the same statements."""
    k = len(labels)
    t, a, b = (_codes(v, labels) for v in (y_true, pred_a, pred_b))
    if not (len(t) == len(a) == len(b)):
        raise ValueError("the two systems must label the same statements")
    delta = _prf(_confusion(t, b, k))[2].mean() - _prf(_confusion(t, a, k))[2].mean()
    rng = np.random.default_rng(seed)
    deltas = np.empty(n_boot)
    from stance.progress import progress

    resamples = rng.integers(0, len(t), size=(n_boot, len(t)))
    for n, i in enumerate(progress(resamples, desc="paired bootstrap", unit=" resamples", leave=False)):
        deltas[n] = _prf(_confusion(t[i], b[i], k))[2].mean() - _prf(_confusion(t[i], a[i], k))[2].mean()
    lo, hi = np.quantile(deltas, [0.025, 0.975])
    flips = (deltas <= 0).mean() if delta > 0 else (deltas >= 0).mean()
    return PairedComparison(float(delta), float(lo), float(hi), float(min(1.0, 2 * flips)))


def expected_calibration_error(y_true, proba: np.ndarray, labels, n_bins: int = 10) -> float:
    """ECE of the top-label confidence, equal-width bins."""
    t = _codes(y_true, labels)
    proba = np.asarray(proba, dtype=float)
    conf = proba.max(axis=1)
    correct = proba.argmax(axis=1) == t
    bins = np.minimum((conf * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        m = bins == b
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(ece)


def apply_temperature(proba: np.ndarray, temperature: float) -> np.ndarray:
    """Probabilities rescaled as softmax(log p / T): T > 1 softens, T < 1 sharpens; argmax unchanged."""
    proba = np.asarray(proba, dtype=float)
    if temperature == 1.0 or proba.size == 0:
        return proba
    logits = np.log(np.clip(proba, 1e-12, 1.0)) / temperature
    logits -= logits.max(axis=1, keepdims=True)
    out = np.exp(logits)
    return out / out.sum(axis=1, keepdims=True)


def fit_temperature(proba: np.ndarray, y: Sequence[int], grid: np.ndarray | None = None) -> float:
    """The temperature minimising the negative log-likelihood of ``y`` (a log-spaced grid
    search: deterministic, and robust where a gradient method overshoots)."""
    y = np.asarray(y, dtype=int)
    if len(y) == 0:
        return 1.0
    grid = np.geomspace(0.05, 20.0, 121) if grid is None else grid
    rows = np.arange(len(y))
    nll = [-np.log(np.clip(apply_temperature(proba, t)[rows, y], 1e-12, 1.0)).mean() for t in grid]
    return float(grid[int(np.argmin(nll))])


def task_report(task: str, y_true, y_pred, proba: np.ndarray | None = None, n_boot: int = 1000, seed: int = 0,
                space: LabelSpace | None = None) -> dict:
    """Every figure for one task on one split, as a flat dict (keys without task/split prefix);
    labels and polar labels (F_avg) from ``space``, the codebook's by default."""
    space = space or LabelSpace.default()
    labels = space.labels[task]
    cm = confusion_matrix(y_true, y_pred, labels)
    precision, recall, f1 = _prf(cm)
    lo, hi = bootstrap_ci(y_true, y_pred, labels, n_boot=n_boot, seed=seed)
    out = {
        "macro_f1": float(f1.mean()),
        "macro_f1_ci_low": lo,
        "macro_f1_ci_high": hi,
        "f_avg": float(np.mean([f1[labels.index(p)] for p in space.polar[task]])),
        "accuracy": accuracy(y_true, y_pred),
    }
    for i, lab in enumerate(labels):
        out[f"precision_{lab}"] = float(precision[i])
        out[f"recall_{lab}"] = float(recall[i])
        out[f"f1_{lab}"] = float(f1[i])
    if proba is not None:
        out["ece"] = expected_calibration_error(y_true, proba, labels)
    return out
