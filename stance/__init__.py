"""stance: find quoted statements in news, attribute them, label their stance and tone.

    >>> import stance
    >>> clf = stance.load("models:/quote-stance@champion")
    >>> clf.predict("Nie oddamy ani metra naszej ziemi.")
    >>> stance.label_article(text, model=clf)

Heavy libraries (mlflow, torch, transformers, datasets) load on first use, so
``import stance`` stays instant.
"""

__version__ = "0.1.0"

_API = ("load", "extract_quotes", "label_quotes", "label_article", "label_articles", "clear_model_cache", "runs", "summarise", "to_frame")


def __getattr__(name):
    if name == "compare":  # stance/compare.py: a module that is also callable (python -m stance.compare)
        import stance.compare

        return stance.compare
    if name in _API:
        from stance import api

        return getattr(api, name)
    raise AttributeError(f"module 'stance' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_API) + ["compare"])


__all__ = [*_API, "compare"]
