"""What the clause readers share: the ``Clause`` a cue reports (where it starts, of which
kind), and the token tests both ``clauses`` and ``bare_clauses`` read (a finite verb, a short
name in quotation marks, the character after a token)."""

from __future__ import annotations

from dataclasses import dataclass

from stance.extract.words import Tokens


@dataclass(frozen=True)
class Clause:
    start: int = -1  # character offset where the reported clause starts; -1: none
    kind: str = ""  # comp | frame | zero | trailing
    trailing_end: int = -1  # end of a trailing clause


NO_CLAUSE = Clause()


def after_token(toks: Tokens, q: int) -> int:
    """The first non-space character after token ``q``."""
    text, p = toks.text, toks.ends[q]
    while p < len(text) and text[p].isspace():
        p += 1
    return p


_QUOTED_NAME_MAX = 5  # words of a name in quotation marks ("Eastbrook Alert", "Safe Steps")


def quoted_name_end(toks: Tokens, t: int) -> int | None:
    """The token after a quotation starting at token ``t`` when it is a short name, every word
    capitalised ("Eastbrook Alert"); else None."""
    end = t
    while end < len(toks.words) and toks.kinds[end] == "quoted":
        end += 1
    words = [w for w in toks.words[t:end] if w[:1].isalpha()]
    return end if words and len(words) <= _QUOTED_NAME_MAX and all(w[:1].isupper() for w in words) else None


def finite_at(toks: Tokens, t: int) -> bool:
    """Token ``t`` is an auxiliary or a finite verb (a regular past tense, or a word right after a subject pronoun)."""
    if toks.lows[t] in toks.verb_words or (toks.lows[t].endswith("ed") and toks.kind(t) in ("word", "cue")):
        return True
    # a word right after a subject pronoun is its verb ("we want", "I am", "they never were")
    return t > 0 and toks.kind(t) == "word" and toks.lows[t - 1] in toks.fw.get("subject_pron", ())
