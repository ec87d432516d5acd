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


def voice_gender(text: str, masculine: tuple[str, ...], feminine: tuple[str, ...]) -> str:
    """"m" or "f" when every first-person past form in ``text`` has that gender, else ""."""
    found = set()
    for w in _WORD.findall(text.lower()):
        for gender, endings in (("m", masculine), ("f", feminine)):
            if w.endswith(endings) and past_singular(w):
                found.add(gender)
    return found.pop() if len(found) == 1 else ""


def voice_speakers(quotes: list, resolver) -> list:
    """``quotes`` with a direct statement's speaker moved to the family member its own verbs'
    gender names (see the module's docstring)."""
    fw = resolver.coref.toks.fw
    masculine, feminine = tuple(fw.get("voice_masculine", ())), tuple(fw.get("voice_feminine", ()))
    if not masculine or not feminine:
        return quotes
    out = list(quotes)
    for n, q in enumerate(quotes):
        if q.kind != "direct" or not q.speaker or " " not in q.speaker:
            continue
        family = resolver.coref.namesakes(q.speaker)
        mine = dict(family).get(q.speaker, "")
        if len(family) < 2 or mine not in ("m", "f"):
            continue
        voice = voice_gender(q.text, masculine, feminine)
        if not voice or voice == mine:
            continue
        fits = [name for name, gender in family if gender == voice]
        speaker = resolver.coref.one_or_latest(fits, q.start)
        if speaker:
            out[n] = replace(q, speaker=speaker)
    return out
