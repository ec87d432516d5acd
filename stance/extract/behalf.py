"""Stage 5c, statements read for others: after "Fiona Marsh read a statement on behalf of the
family." (or "…, outside court:"), the direct statements that follow with no cue of their own are
the family's words, not the reader's (CONVENTIONS: a statement read out for others is its
authors'). The phrase is data (``behalf_of`` with the document nouns ``source_document`` in the
function words); a language without it leaves every speaker as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from stance.extract.marks import GENITIVE_S, QUOTE_CHARS
from stance.extract.morph import common_lemma
from stance.extract.quote import Quote

_AUTHORS_MAX = 60  # characters between "on behalf of" and the sentence's end ("the family outside court")
_LOOKBACK = 400  # characters before a statement where the reading may be announced
_MARKS = " \n" + QUOTE_CHARS  # what may stand between the announcement and the statement
_PRONOUN_REACH = 40  # characters after a statement to the end of the pronoun's attribution ("," it said.")
_PRONOUN_SAID_RE = re.compile(r"[,.!?]?[" + re.escape(QUOTE_CHARS) + r"]*\s+(?P<pron>\w+)\s+\w+[.,]")


def behalf_speakers(text: str, quotes: list[Quote], fw: dict, case_marked: bool = False) -> list[Quote]:
    """``quotes`` with the cue-less direct statements after a document read on somebody's behalf
    given to those it was read for (see the module's docstring)."""
    pattern = _pattern(frozenset(fw.get("behalf_of", ())), frozenset(fw.get("source_document", ())))
    if pattern is None:
        return quotes
    skip = frozenset(fw.get("det", ())) | frozenset(fw.get("possessive", ()))
    document_pronouns = frozenset(fw.get("document_pronoun", ()))
    out = list(quotes)
    authors, after = None, -1  # whose statement is being read, and where the last of it ended
    for n, q in enumerate(quotes):
        said = _document_said(text, q.end, document_pronouns) if q.cue is not None else -1
        if q.kind != "direct" or (q.cue is not None and said < 0):
            authors = None
            continue
        if authors is None or text[after:q.start].strip(_MARKS):
            found = pattern.search(text, max(0, q.start - _LOOKBACK), q.start)
            authors = _authors(found.group("who"), skip, case_marked) if found is not None else None
            if authors is None:
                continue
        out[n] = replace(q, speaker=authors)
        after = max(q.end, said)
    return out


def _document_said(text: str, end: int, pronouns: frozenset) -> int:
    """Where the attribution after a statement ending at ``end`` ends when it names the document
    by a pronoun ("“…,” it said."): the statement is still the document's; else -1."""
    m = _PRONOUN_SAID_RE.match(text, end, end + _PRONOUN_REACH)
    return m.end() if m is not None and m.group("pron").lower() in pronouns else -1


@lru_cache(maxsize=8)
def _pattern(behalf_of: frozenset, documents: frozenset) -> re.Pattern | None:
    """The announcement, read once per language: a document noun, the phrase, whose it is."""
    if not behalf_of or not documents:
        return None
    behalf = "|".join(p.replace("_", r"\s+") for p in sorted(behalf_of))
    return re.compile(rf"\b(?:{'|'.join(sorted(documents))})\s+(?:{behalf})\s+"
                      rf"(?P<who>[^.:;,\n]{{1,{_AUTHORS_MAX}}})[.:][{re.escape(_MARKS)}]*$", re.IGNORECASE)


def _authors(phrase: str, skip: frozenset, case_marked: bool) -> str | None:
    """The authors' noun as a speaker: "the family outside court" -> "family", "Mr Hollins's
    family" -> "family" (past a possessor); None when no lowercase noun comes first."""
    words = phrase.split()
    owner = max((n for n, w in enumerate(words) if w.endswith(GENITIVE_S)), default=-1)
    noun = next((w for w in words[owner + 1:] if w.lower() not in skip), None)
    if noun is None or not noun.islower():
        return None
    return common_lemma(noun) if case_marked else noun
