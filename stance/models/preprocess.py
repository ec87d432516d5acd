"""Text preparation shared by the lexical families: Polish/English lemmatisation.

Lemmas come from simplemma (its dictionaries ship in the package). A per-token cache
keeps it fast: news vocabulary repeats heavily.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=200_000)
def _lemma(token: str) -> str:
    import simplemma

    lower = token.lower()
    # Polish first: the corpus is mostly Polish, and simplemma falls back to the next language.
    return simplemma.lemmatize(lower, lang=("pl", "en"))


def lemmatize(text: str) -> str:
    """The text with every word replaced by its lower-cased lemma."""
    return " ".join(_lemma(tok) for tok in _TOKEN.findall(text))
