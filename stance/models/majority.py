"""The floor: always the most frequent training label, probabilities = training frequencies."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np

from stance.models.base import QuoteClassifier, check_texts


class MajorityClassifier(QuoteClassifier):
    def __init__(self, seed: int = 0):
        self._set_params(seed=seed)
        self.priors_: dict[str, list[float]] = {}

    def _fit(self, texts, labels, validation) -> None:
        for task, names in self.label_space.labels.items():
            counts = Counter(v for v in labels[task] if v is not None)  # unlabelled rows do not count
            total = sum(counts.values())
            self.priors_[task] = [counts[lab] / total for lab in names]

    def predict_proba(self, texts, task):
        texts = check_texts(texts)
        return np.tile(np.asarray(self.priors_[task], dtype=float), (len(texts), 1))

    def _save_state(self, path: Path) -> None:
        (path / "priors.json").write_text(json.dumps(self.priors_), encoding="utf-8")

    def _load_state(self, path: Path) -> None:
        self.priors_ = json.loads((path / "priors.json").read_text(encoding="utf-8"))
