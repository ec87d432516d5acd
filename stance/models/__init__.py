"""Model families behind one interface, ``QuoteClassifier``.

Families (config group ``conf/model/``): ``majority``, ``tfidf_logreg``, ``tfidf_svm``.
``load_model(path)`` loads any saved family.
"""

from stance.models.base import QuoteClassifier, check_texts


def load_model(path):
    """Load a model saved with ``QuoteClassifier.save`` (any family)."""
    return QuoteClassifier.load(path)


__all__ = ["QuoteClassifier", "check_texts", "load_model"]
