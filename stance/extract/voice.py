"""Stage 5b, the statement's own voice: a Polish speaker says "radziłem" of himself and "byłam"
of herself. Where a direct statement's first-person past forms all show one gender and the
speaker given to it, one of a family named in full ("Jan Kulik", "Teresa Kulik"), has the other,
the statement is the family member of that gender named last before it.

The endings are data (``voice_masculine`` / ``voice_feminine`` in the function words); a
language without them (English) leaves every speaker as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from stance.extract.morph import past_singular

_WORD = re.compile(r"\w+")
_NESTED_RE = re.compile(r"[„«»‚][^„”«»‚’]*[”»«’]")  # words quoted inside a statement are somebody else's


def statement_voice(text: str, fw: dict) -> str:
    """The gender a statement's own first-person past forms give its speaker ("– Myślałem, że to
    zgaga – opowiada": a man), by the language's endings; "" where they disagree or are none."""
    return voice_gender(text, tuple(fw.get("voice_masculine", ())), tuple(fw.get("voice_feminine", ())))


def voice_gender(text: str, masculine: tuple[str, ...], feminine: tuple[str, ...]) -> str:
    """"m" or "f" when every first-person past form in ``text`` (outside the words it quotes) has
    that gender, else ""."""
    found = set()
    if not masculine or not feminine:
        return ""
    for w in _WORD.findall(_NESTED_RE.sub(" ", text).lower()):
        for gender, endings in (("m", masculine), ("f", feminine)):
            if w.endswith(endings) and past_singular(w):
                found.add(gender)
    return found.pop() if len(found) == 1 else ""


def voice_speakers(quotes: list, resolver) -> list:
    """``quotes`` with a direct statement's speaker moved to the family member its own verbs'
    gender names (see the module's docstring)."""
    fw = resolver.coref.toks.fw
    if not fw.get("voice_masculine") or not fw.get("voice_feminine"):
        return quotes
    out = list(quotes)
    for n, q in enumerate(quotes):
        if q.kind != "direct" or not q.speaker or " " not in q.speaker:
            continue
        family = resolver.coref.namesakes(q.speaker)
        mine = dict(family).get(q.speaker, "")
        if len(family) < 2 or mine not in ("m", "f"):
            continue
        voice = statement_voice(q.text, fw)
        if not voice or voice == mine:
            continue
        fits = [name for name, gender in family if gender == voice]
        speaker = resolver.coref.one_or_latest(fits, q.start)
        if speaker:
            out[n] = replace(q, speaker=speaker)
    return out
