"""Scoring a model on a labelled split: metrics, reports, confusion matrices, predictions.

Shared by the training and evaluation entry points so both log the same names:
``<task>_<split>_macro_f1``, ``<task>_<split>_f_avg``, ``<task>_<split>_accuracy``,
``<task>_<split>_f1_<label>``, ``<task>_<split>_macro_f1_ci_low/high``, ``<task>_<split>_ece``,
``<task>_<split>_n``. Tasks and labels are the model's (``model.label_space``); a task is scored on
the statements that have a label for it, and only when the data has its column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np

from stance.labels import LabelSpace, proba_column
from stance.metrics import confusion_matrix, task_report
from stance.risk_coverage import log_risk_coverage


@dataclass
class SplitScore:
    split: str
    metrics: dict[str, float]
    predictions: "object"  # pandas.DataFrame: inputs, gold labels, predictions, probabilities
    confusion: dict[str, np.ndarray] = field(default_factory=dict)
    seconds: float = 0.0
    space: LabelSpace = field(default_factory=LabelSpace.default)

    @property
    def tasks(self) -> list[str]:
        """The tasks scored (those of the model the data has labels for)."""
        return list(self.confusion)


def gold_labels(dataset, task: str) -> list[str | None]:
    """The gold label of every statement for ``task``; ``None`` where it has none (code -1)."""
    names = dataset.features[task].names
    return [None if v is None or v < 0 else names[v] for v in dataset[task]]


def scored_tasks(space: LabelSpace, dataset) -> list[str]:
    """The tasks of ``space`` that ``dataset`` has a label column for."""
    return [t for t in space.tasks if t in dataset.column_names]


def score_split(
    model, dataset, split: str, n_boot: int = 1000, seed: int = 0, by_language: bool = True, inputs: list[str] | None = None
) -> SplitScore:
    """Predict ``dataset`` with ``model`` and compute every figure for every task.

    ``inputs`` are what the model reads (``stance.data.inputs.model_inputs``); default the texts.
    """
    import time

    texts = list(dataset["text"]) if inputs is None else list(inputs)
    start = time.perf_counter()
    frame = model.predict_frame(texts)
    seconds = time.perf_counter() - start
    metrics: dict[str, float] = {}
    confusion = {}
    keep = [c for c in ("id", "lang", "kind", "speaker") if c in dataset.column_names]
    preds = frame.copy()
    preds.insert(0, "text", texts)
    for c in reversed(keep):
        preds.insert(0, c, list(dataset[c]))
    space = model.label_space
    for task in scored_tasks(space, dataset):
        all_gold = gold_labels(dataset, task)
        preds.insert(preds.columns.get_loc(task), f"gold_{task}", all_gold)
        keep = np.array([g is not None for g in all_gold], dtype=bool)  # partial labels: this task's rows only
        if not keep.any():
            continue
        gold = [g for g in all_gold if g is not None]
        pred = list(np.asarray(frame[task].tolist(), dtype=object)[keep])
        proba = frame[[proba_column(task, lab) for lab in space.labels[task]]].to_numpy()[keep]
        report = task_report(task, gold, pred, proba, n_boot=n_boot, seed=seed, space=space)
        metrics.update({f"{task}_{split}_{k}": v for k, v in report.items()})
        metrics[f"{task}_{split}_n"] = float(len(gold))
        confusion[task] = confusion_matrix(gold, pred, space.labels[task])
        if by_language and "lang" in dataset.column_names:
            langs = np.asarray(dataset["lang"], dtype=object)[keep]
            for lang in sorted(set(langs)):
                m = langs == lang
                if m.sum() >= 10:
                    sub = task_report(task, list(np.asarray(gold, dtype=object)[m]), list(np.asarray(pred, dtype=object)[m]),
                                      n_boot=200, seed=seed, space=space)
                    metrics[f"{task}_{split}_{lang}_macro_f1"] = sub["macro_f1"]
                    metrics[f"{task}_{split}_{lang}_f_avg"] = sub["f_avg"]
    metrics[f"{split}_statements_per_second"] = len(texts) / seconds if seconds > 0 else float("nan")
    return SplitScore(split, metrics, preds, confusion, seconds, space)


def classification_report(score: SplitScore) -> str:
    """A plain-text report: per task, per-class P/R/F1 and the headline figures."""
    lines = [f"split: {score.split}  statements: {len(score.predictions)}"]
    for task in score.tasks:
        m = {k[len(f'{task}_{score.split}_'):]: v for k, v in score.metrics.items() if k.startswith(f"{task}_{score.split}_")}
        lines += ["", f"{task}", f"{'label':<14}{'precision':>10}{'recall':>10}{'f1':>10}"]
        for lab in score.space.labels[task]:
            lines.append(f"{lab:<14}{m[f'precision_{lab}']:>10.3f}{m[f'recall_{lab}']:>10.3f}{m[f'f1_{lab}']:>10.3f}")
        lines.append(
            f"macro-F1 {m['macro_f1']:.3f} (95% CI {m['macro_f1_ci_low']:.3f}-{m['macro_f1_ci_high']:.3f})"
            f"  F_avg {m['f_avg']:.3f}  accuracy {m['accuracy']:.3f}  ECE {m.get('ece', float('nan')):.3f}"
        )
    return "\n".join(lines) + "\n"


def confusion_figure(matrix: np.ndarray, labels, title: str):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.2, 3.6), dpi=120)
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(title)
    top = matrix.max() if matrix.size else 0
    for (i, j), v in np.ndenumerate(matrix):
        ax.text(j, i, str(v), ha="center", va="center", color="white" if v > top / 2 else "black")
    fig.tight_layout()
    return fig


def log_split_score(score: SplitScore, predictions: bool = True) -> None:
    """Log the metrics and artifacts of one scored split to the active MLflow run."""
    import matplotlib.pyplot as plt

    from stance import tracking

    tracking.log_metrics(score.metrics)
    tracking.log_text(classification_report(score), f"reports/classification_report_{score.split}.txt")
    tracking.log_text(json.dumps(score.metrics, indent=1), f"reports/metrics_{score.split}.json")
    for task, matrix in score.confusion.items():
        fig = confusion_figure(matrix, score.space.labels[task], f"{task} ({score.split})")
        tracking.log_figure(fig, f"plots/confusion_{task}_{score.split}.png")
        plt.close(fig)
    log_risk_coverage(score.predictions, score.split, {t: score.space.labels[t] for t in score.space.tasks})
    if predictions:
        tracking.log_text(score.predictions.to_csv(index=False), f"predictions/{score.split}_predictions.csv")
