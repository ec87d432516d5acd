"""Word and character n-gram tf-idf with a linear classifier per task.

One vectoriser (word + character n-grams) is fitted once and shared by the task heads,
so labelling transforms each text once. ``classifier="svm"`` wraps a linear SVM in
Platt calibration so it has probabilities. State is stored with skops (no pickle).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from stance.errors import ConfigError
from stance.models.base import QuoteClassifier, check_texts


class TfidfClassifier(QuoteClassifier):
    def __init__(
        self,
        classifier: str = "logreg",
        word_ngrams: Sequence[int] = (1, 2),
        char_ngrams: Sequence[int] | None = (2, 5),
        min_df: int = 1,
        max_features: int | None = None,
        sublinear_tf: bool = True,
        lemmatize: bool = False,
        C: float = 1.0,
        class_weight: str | None = "balanced",
        calibration_cv: int = 5,
        seed: int = 0,
    ):
        if classifier not in ("logreg", "svm"):
            raise ConfigError(f"classifier must be 'logreg' or 'svm', got {classifier!r}")
        if not float(C) > 0:
            raise ConfigError(f"C must be a positive number, got {C}")
        if int(min_df) < 1 or int(calibration_cv) < 2:
            raise ConfigError(f"min_df must be at least 1 and calibration_cv at least 2, got {min_df} and {calibration_cv}")
        self._set_params(
            classifier=classifier,
            word_ngrams=list(word_ngrams) if word_ngrams else None,
            char_ngrams=list(char_ngrams) if char_ngrams else None,
            min_df=int(min_df),
            max_features=max_features,
            sublinear_tf=bool(sublinear_tf),
            lemmatize=bool(lemmatize),
            C=float(C),
            class_weight=class_weight,
            calibration_cv=int(calibration_cv),
            seed=int(seed),
        )
        self.features_ = None
        self.heads_: dict = {}

    # -- building blocks ------------------------------------------------------
    def _prepare(self, texts: list[str]) -> list[str]:
        if not self._params["lemmatize"]:
            return texts
        from stance.models.preprocess import lemmatize

        return [lemmatize(t) for t in texts]

    def _make_features(self):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        p = self._params
        parts = []
        common = dict(min_df=p["min_df"], max_features=p["max_features"], sublinear_tf=p["sublinear_tf"], lowercase=True)
        if p["word_ngrams"]:
            parts.append(("word", TfidfVectorizer(analyzer="word", ngram_range=tuple(p["word_ngrams"]), token_pattern=r"(?u)\b\w+\b", **common)))
        if p["char_ngrams"]:
            parts.append(("char", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(p["char_ngrams"]), **common)))
        if not parts:
            raise ValueError("tf-idf needs word_ngrams or char_ngrams")
        return FeatureUnion(parts)

    def _make_head(self):
        p = self._params
        if p["classifier"] == "logreg":
            from sklearn.linear_model import LogisticRegression

            return LogisticRegression(C=p["C"], class_weight=p["class_weight"], max_iter=2000, random_state=p["seed"])
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.svm import LinearSVC

        svm = LinearSVC(C=p["C"], class_weight=p["class_weight"], random_state=p["seed"])
        return CalibratedClassifierCV(svm, method="sigmoid", cv=p["calibration_cv"])

    # -- QuoteClassifier --------------------------------------------------------
    def _fit(self, texts, labels, validation) -> None:
        self.features_ = self._make_features()
        x = self.features_.fit_transform(self._prepare(texts))
        self.heads_ = {}
        for task, names in self.label_space.labels.items():
            rows = np.array([i for i, v in enumerate(labels[task]) if v is not None])  # a task learns from its labelled rows
            y = np.array([names.index(labels[task][i]) for i in rows])
            self.heads_[task] = self._make_head().fit(x[rows], y)

    def transform(self, texts: Sequence[str]):
        """The tf-idf matrix of ``texts`` (after lemmatisation when configured)."""
        return self.features_.transform(self._prepare(check_texts(texts)))

    def _proba_from_features(self, x, task: str) -> np.ndarray:
        head = self.heads_[task]
        proba = np.zeros((x.shape[0], len(self.label_space.labels[task])))
        # A label absent from training has no column in the head: its probability stays 0.
        proba[:, head.classes_] = head.predict_proba(x)
        return proba

    def predict_proba(self, texts, task):
        return self._proba_from_features(self.transform(texts), task)

    def predict_probas(self, texts):
        x = self.transform(texts)
        return {task: self._proba_from_features(x, task) for task in self.label_space.tasks}

    def ngram_weights(self, text: str, task: str, label_index: int) -> tuple[np.ndarray, np.ndarray]:
        """Each n-gram's share of the logit of label ``label_index``: its tf-idf value times the
        label's weight minus the mean weight over labels (what softmax compares). Empty for the
        SVM, whose Platt-calibrated folds have no single weight vector."""
        head = self.heads_[task]
        if not hasattr(head, "coef_") or label_index not in head.classes_:
            return np.array([], dtype=object), np.array([])
        x = self.transform([text]).tocsr()
        coef = head.coef_
        if coef.shape[0] == 1:  # two classes: sklearn keeps one row, for the second class
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        row = list(head.classes_).index(label_index)
        centred = coef[row] - coef.mean(axis=0)
        cols = x.indices
        names = self.features_.get_feature_names_out()[cols]
        names = np.array([n.replace("word__", "", 1) if n.startswith("word__") else f"‹{n[6:]}›" for n in names], dtype=object)
        return names, x.data * centred[cols]

    def _save_state(self, path: Path) -> None:
        import skops.io as sio

        sio.dump(self.features_, path / "features.skops")
        for task, head in self.heads_.items():
            sio.dump(head, path / f"head_{task}.skops")

    def _load_state(self, path: Path) -> None:
        from stance.safety import load_skops

        self.features_ = load_skops(path / "features.skops")
        self.heads_ = {task: load_skops(path / f"head_{task}.skops") for task in self.label_space.tasks}
