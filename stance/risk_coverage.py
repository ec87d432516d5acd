"""Risk–coverage: what macro-F1 a user gets for the share of statements they keep.

``predict(..., min_confidence=p)`` abstains on statements whose confidence (the lower of the
tasks' top probabilities) is below ``p``. Each scored split logs the table behind that choice
(threshold ``p`` → coverage → macro-F1 per task) and its plot, so ``p`` is picked from data.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

COVERAGES = tuple(round(c, 2) for c in np.arange(1.0, 0.09, -0.05))


def confidence(probas: Mapping[str, np.ndarray]) -> np.ndarray:
    """Per statement, the lowest over tasks of the predicted label's probability."""
    return np.minimum.reduce([np.asarray(p).max(axis=1) for p in probas.values()])


def risk_coverage_table(gold: Mapping[str, Sequence[str]], pred: Mapping[str, Sequence[str]],
                        conf: np.ndarray, labels: Mapping[str, Sequence[str]], coverages=COVERAGES):
    """A DataFrame, one row per target coverage: ``coverage`` (share kept), ``n`` kept,
    ``min_confidence`` (the threshold that keeps them) and ``<task>_macro_f1`` on them."""
    import pandas as pd

    from stance.metrics import macro_f1

    conf = np.asarray(conf, dtype=float)
    order = np.argsort(-conf, kind="stable")
    rows = []
    for target in coverages:
        n = max(1, int(round(target * len(conf))))
        keep = order[:n]
        row = {"coverage": n / len(conf), "n": n, "min_confidence": float(conf[keep[-1]])}
        for task, labs in labels.items():
            g, p = np.asarray(gold[task], dtype=object)[keep], np.asarray(pred[task], dtype=object)[keep]
            labelled = np.array([x in labs for x in g], dtype=bool)  # partial labels: unlabelled rows do not count
            row[f"{task}_macro_f1"] = macro_f1(list(g[labelled]), list(p[labelled]), labs) if labelled.any() else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)


def risk_coverage_figure(table, title: str):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.6, 3.6), dpi=120)
    for col in [c for c in table.columns if c.endswith("_macro_f1")]:
        ax.plot(table["coverage"], table[col], marker="o", markersize=3, label=col.removesuffix("_macro_f1"))
    ax.set_xlabel("coverage (share of statements kept)")
    ax.set_ylabel("macro-F1 on the kept statements")
    ax.invert_xaxis()
    ax.grid(alpha=0.3)
    ax.legend()
    ax.set_title(title)
    fig.tight_layout()
    return fig


def log_risk_coverage(predictions, split: str, labels: Mapping[str, Sequence[str]]) -> None:
    """Log the table (CSV) and the plot of a scored split's predictions frame (``gold_<task>``,
    ``<task>`` and ``<task>_p_<label>`` columns) to the active MLflow run."""
    import matplotlib.pyplot as plt

    from stance import tracking
    from stance.labels import proba_column

    if len(predictions) == 0:
        return
    probas = {t: predictions[[proba_column(t, lab) for lab in labs]].to_numpy() for t, labs in labels.items()}
    table = risk_coverage_table({t: predictions[f"gold_{t}"] for t in labels}, {t: predictions[t] for t in labels},
                                confidence(probas), labels)
    tracking.log_text(table.to_csv(index=False, float_format="%.4f"), f"reports/risk_coverage_{split}.csv")
    fig = risk_coverage_figure(table, f"risk–coverage ({split})")
    tracking.log_figure(fig, f"plots/risk_coverage_{split}.png")
    plt.close(fig)
