"""Quote extraction and speaker attribution for Polish and English news.

    >>> from stance.extract import extract_quotes
    >>> extract_quotes("– Musimy spotkać się w czwartek – powiedział Witkoff.")
    [Quote(text='Musimy spotkać się w czwartek', speaker='Witkoff', kind='direct', ...)]

Rule-based and transparent; the stages live in their own modules:
``segment`` (quotation marks, dash speech, sentences), ``words`` (tokens, speaker
phrases, name normalisation), ``pipeline`` (cues, candidates, speaker resolution),
``lexicons/`` (the word lists, as data). ``scoring`` compares extractions with gold spans.
Importing this package loads nothing heavy; morfeusz2 is loaded on first use, if present.
"""

from __future__ import annotations

import gc

from stance.extract.quote import Quote

__all__ = ["Quote", "extract_quotes", "detect_lang"]

def detect_lang(text: str) -> str:
    """'pl' or 'en', cheaply (diacritics and function words of the first 20,000 characters)."""
    from stance.extract.pipeline import detect_lang as _detect

    return _detect(text or "")


def extract_quotes(text: str, lang: str | None = None) -> list[Quote]:
    """Statements in ``text`` (direct quotations, dash speech, quoted fragments, reported
    speech) with their speakers, sorted by ``start`` and never overlapping.

    ``lang`` is 'pl' or 'en'; None detects it. Never raises on odd input: empty or binary
    text gives an empty list.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    from stance.extract.pipeline import detect_lang as _detect, extract

    lang = (lang or "").lower()[:2]
    if lang not in ("pl", "en"):
        lang = _detect(text)
    # A document allocates about a million small objects per megabyte (tokens, matches,
    # tuples), none of them in reference cycles that matter while it runs; the cyclic
    # collector would walk them again and again (10-25% of the time). Pause it for the call
    # and restore it, so the caller's setting is untouched.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return extract(text, lang)
    finally:
        if paused:
            gc.enable()
