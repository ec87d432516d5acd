"""Stage 5c, echoes: a headline's or a subheading's statement takes the speaker of the body statement
that repeats it. A quotation in the headline that a later statement repeats word for word (or opens
with, two words at least) is that statement's speaker's, unless the headline names that person itself;
a statement under a role's, a group's or a body's label (``Związkowcy: …``, ``Calder Foods warns of
'bloodbath'``) is the person's who repeats most of its words; a quoted subheading standing alone is the
speaker's who says it further on.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

from stance.extract.labels import link_paragraphs
from stance.extract.marks import QUOTE_CHARS
from stance.extract.morph import is_given_name
from stance.extract.quote import Quote
from stance.extract.segment import HEADLINE_MAX

_ECHO_MIN_WORDS = 3  # a headline quote this long, repeated in the body, is the body statement's
_ECHO_MIN_FRAGMENT_WORDS = 2  # a headline's quoted phrase under a group or a role (one word is too common a match)
_ECHO_MIN_OPENING_WORDS = 2  # a headline quote this long that opens a later statement is that statement's
_ECHO_LONG_WORD = 8  # letters a one-word quoted phrase needs to count as two words (a rarer word is a surer match)
_ECHO_SHARE = 0.6  # of a label's statement's word stems a body statement must repeat
_ECHO_REACH = 2000  # characters after a subheading's label statement searched for its echo
_MARKS = " \t.,!?…" + QUOTE_CHARS  # what may stand around a quoted subheading in its paragraph
_STEM = 5  # letters of a word compared ("gotowi" and "gotów" differ; "porozumienia" and "porozumienie" do not)
_WORD = re.compile(r"\w+")
_HEADLINE_FRAGMENT_MAX_WORDS = 8  # words of a headline's quoted phrase read as a fragment of a body statement
# the headline (the first line) and subheadings: short lines standing alone with no full stop at their end
_TITLE_LINE_RE = re.compile(rf"(?:\A\s*|\n\n)([^\n]{{1,{HEADLINE_MAX}}}?)[ \t]*(?=\n\n|\n?\Z)(?<![.!?…])")


def echo_headline_speakers(text: str, quotes: list[Quote]) -> list[Quote]:
    """A quotation in the headline that a later statement repeats word for word ("„Nie
    podpiszemy tego pakietu w obecnym kształcie”" over the body's "„Nie podpiszemy tego pakietu
    w obecnym kształcie. …” – powiedział Farkas") is that statement's speaker's, unless the
    headline names that person itself: it may give only a role ("…, says Almiran negotiator")
    or nobody (then its speaker was guessed from the text around it). A headline's or a
    subheading's statement after a role or a group ("Związkowcy: Nie wyjdziemy bez porozumienia",
    "Opposition: ministers ‘sleepwalking’ into summer of chaos") is the person's whose later
    statement repeats most of its words ("Nie wyjdziemy stąd bez podpisanego porozumienia").
    """
    line = re.search(r"\S[^\n]*", text)
    if line is None or len(quotes) < 2 or line.end() - line.start() > HEADLINE_MAX:
        return quotes  # no headline line (a text that is one long paragraph has none)
    head_end = line.end()
    standfirst = re.match(r"\n\n(\S[^\n]*)", text[head_end:head_end + HEADLINE_MAX + 2])
    if standfirst is not None and text[head_end + standfirst.end():head_end + standfirst.end() + 1] in ("\n", "") \
            and not standfirst.group(1).rstrip().endswith("."):
        head_end += standfirst.end()  # a standfirst without a full stop ("Victim's mother tells board …") reads as the headline
    headline = text[line.start():head_end]
    # (a person the text names by one name counts: "– Nie damy się zagazować … – zapowiada pan Tadeusz")
    body = [(q.speaker, _word_run(q.text)) for q in quotes if q.start >= head_end and (
        _names_person(q.speaker) or is_given_name(q.speaker or ""))]
    out = list(quotes)
    for n, q in enumerate(quotes):
        in_headline = q.start < head_end
        person = _names_person(q.speaker)
        # (a name in the headline counts when a cue ties it to the words; "Zalesie Wielkie nie chce
        # fermy. „Nie damy się”" names a village, the guessed speaker of an unattributed quote)
        # (a quoted phrase under a group or a role may be shorter: "union says trust is 'playing games'")
        # (a body the headline names, "Calder Foods warns of 'bloodbath'", speaks through the person who
        # says the words in the body; a person named there keeps them)
        given = person and is_given_name(q.speaker.split()[0])
        named = given and q.speaker in headline
        least = _ECHO_MIN_WORDS if named or q.kind != "fragment" else _ECHO_MIN_FRAGMENT_WORDS
        words_here = _WORD.findall(q.text)
        n_words = len(words_here)
        if q.kind == "fragment" and n_words == 1 and len(words_here[0]) >= _ECHO_LONG_WORD:
            n_words = least  # one long word is as telling as two ("'bloodbath'", "'proportionate'")
        if in_headline and not (named and q.cue is not None) and n_words >= _ECHO_MIN_OPENING_WORDS:
            key = _word_run(q.text)
            # (two words repeat the opening of a later statement: "„Nie odpuścimy”" over "– Nie odpuścimy. Za tonę …")
            speaker = next((who for who, words in body if key in words and (n_words >= least or words.startswith(key))), None)
            if speaker is not None:
                out[n] = replace(q, speaker=speaker)
                continue
        # (a bare headline quotation's guessed speaker, "Płonie Biebrzański Park Narodowy", is no
        # person the words are tied to, unless a cue ties them or a given name starts it)
        if not (person and (q.cue not in (None, "headline") or given)) and (in_headline or q.cue == "headline"):
            speaker = _echoing_speaker(q, quotes, None if in_headline else q.end + _ECHO_REACH)
            if speaker is not None:
                out[n] = replace(q, speaker=speaker)
                continue
        if not in_headline and q.cue is None and _standalone(text, q):
            speaker = _repeating_speaker(q, quotes) or _echoing_speaker(q, quotes, q.end + _ECHO_REACH)
            if speaker is not None:
                out[n] = replace(q, speaker=speaker)  # a quoted subheading: "„Auto stoi u szwagra”" over "… auto stoi u szwagra w garażu – mówi pan Tadeusz"
                continue
        if not in_headline and q.cue == "headline" and _label_only(text, q):
            # "NorthLink: ‘We will not leave vulnerable customers on their own’": the person who says
            # those words further on, else whoever speaks first under the subheading
            speaker = _repeating_speaker(q, quotes) or _next_named_speaker(text, q, quotes)
            if speaker is not None:
                out[n] = replace(q, speaker=speaker)
    return out


def headline_fragments(text: str, quotes: list[Quote], spans, fw: dict) -> list[Quote]:
    """A quoted phrase in the headline or a subheading that is no statement yet ("Water firm
    fined over ‘unacceptable’ spills", "Rest centres ‘close to capacity’") is a ``fragment`` of
    the person who says those words in the body ("said the spills had been “unacceptable by any
    measure”"): the first later statement whose word stems hold the phrase's, with its speaker
    (under a subheading, within ``_ECHO_REACH``); with none it stays scare quotes (CONVENTIONS,
    settled after round 16). ``spans``: the text's quotations (``marks.QSpan``); ``fw``: the
    function words (a line under a link label is another article's headline)."""
    lines = [m.span(1) for m in _TITLE_LINE_RE.finditer(text) if " | " not in m.group(1)]
    if not lines:
        return quotes  # (a web page's title line, "… | Wessex Evening Courier", is the page's, not the article's)
    headline_first = lines[0][0] == len(text) - len(text.lstrip())  # the first title line is the article's headline
    ordered = sorted(quotes, key=_start)
    starts = [q.start for q in ordered]
    reach_end = list(accumulate((q.end for q in ordered), max))  # the furthest end of the statements so far
    stems: dict[int, str] = {}  # a statement's stem run, read once
    # (every statement, whatever its speaker: which phrases become fragments is the same for every speaker model)
    added = []
    links = None  # the lines under a link label, read on first need
    for span in spans:
        k = bisect.bisect_right(lines, (span.open, len(text))) - 1
        if k < 0 or not lines[k][0] <= span.open < lines[k][1] or span.depth or not 0 <= span.close < lines[k][1]:
            continue
        before = bisect.bisect_left(starts, span.end)
        if before and reach_end[before - 1] > span.start:
            continue  # a statement already covers it
        if text[span.start:span.start + 1].isupper():
            continue  # "‘Tin Lanterns’", "„Wiśniowy sad”": a title or a name, whoever mentions it
        key = _stem_run(text[span.start:span.end])
        if not key.strip() or key.count(" ") - 1 > _HEADLINE_FRAGMENT_MAX_WORDS:
            continue
        if links is None:
            links = {a for a, _b in link_paragraphs(text, fw)}
        if lines[k][0] in links:
            continue  # "Read more: …": another article's headline
        line_end = lines[k][1]
        reach = len(text) if k == 0 and headline_first else line_end + _ECHO_REACH
        for n in range(bisect.bisect_left(starts, line_end), len(ordered)):
            if ordered[n].start >= reach:
                break
            stem = stems.get(n)
            if stem is None:
                stem = stems[n] = _stem_run(ordered[n].text)
            if key in stem:
                added.append(Quote(text[span.start:span.end], ordered[n].speaker, "fragment", span.start, span.end, None))
                break
    return sorted(quotes + added, key=_start) if added else quotes


def _stem_run(text: str) -> str:
    """``_word_run`` of the words' first ``_STEM`` letters ("unacceptable" within "unacceptable by any measure")."""
    return " " + " ".join(w[:_STEM] for w in _WORD.findall(text.casefold())) + " "


def _standalone(text: str, q: Quote) -> bool:
    """``q`` is a short paragraph of its own, nothing but the quotation in its marks (a quoted
    subheading)."""
    start, end = text.rfind("\n", 0, q.start) + 1, text.find("\n", q.end)
    end = len(text) if end < 0 else end
    return end - start <= HEADLINE_MAX and not text[start:q.start].strip(_MARKS) and not text[q.end:end].strip(_MARKS)


def _repeating_speaker(q: Quote, quotes: list[Quote]) -> str | None:
    """The speaker of the first later statement (within ``_ECHO_REACH``) that repeats ``q`` word
    for word, at least ``_ECHO_MIN_WORDS`` words of it."""
    key = _word_run(q.text)
    if key.count(" ") <= _ECHO_MIN_WORDS:
        return None
    for later in quotes[bisect.bisect_right(quotes, q.end, key=_start):]:
        if later.start > q.end + _ECHO_REACH:
            break
        if later.speaker and later.speaker[:1].isupper() and key in _word_run(later.text):
            return later.speaker
    return None


def _label_only(text: str, q: Quote) -> bool:
    """``q`` is a subheading's words after a one- or two-word label that is no speaker's name
    ("Ministerstwo: dostawy od przyszłego tygodnia", "Police: ‘Do not drive through flood water’")."""
    start = text.rfind("\n", 0, q.start) + 1
    label = text[start:q.start].rstrip(" „“‘'\"")
    words = label[:-1].split()
    # (not a person's name: "Marchetti: …" is Ellen Marchetti's, whoever speaks next)
    speaker = q.speaker or ""
    return label.endswith(":") and 0 < len(words) <= 2 and not (
        _names_person(speaker) and speaker.endswith(words[-1]) and len(speaker.split()) > len(words))


def _next_named_speaker(text: str, label: Quote, quotes: list[Quote]) -> str | None:
    """The person or body who speaks first in the paragraph after a subheading's label statement."""
    gap = text.find("\n\n", label.end)  # the subheading's own paragraph ends there
    if gap < 0:
        return None
    para_end = text.find("\n\n", gap + 2)
    for q in quotes[bisect.bisect_right(quotes, label.end, key=_start):]:
        if para_end >= 0 and q.start > para_end:
            return None
        if _names_person(q.speaker) and q.cue != "headline":
            return q.speaker
    return None


def _echoing_speaker(label: Quote, quotes: list[Quote], reach: int | None) -> str | None:
    """The person whose statement after ``label`` (starting before ``reach``, when given)
    repeats the largest share, at least ``_ECHO_SHARE``, of its word stems."""
    stems = _stems(label.text)
    if len(stems) < _ECHO_MIN_WORDS:
        return None
    best, speaker = 0.0, None
    for q in quotes[bisect.bisect_right(quotes, label.end, key=_start):]:
        if reach is not None and q.start > reach:
            break
        if not _names_person(q.speaker):
            continue
        share = len(stems & _stems(q.text)) / len(stems)
        if share >= _ECHO_SHARE and share > best:
            best, speaker = share, q.speaker
    return speaker


def _start(q: Quote) -> int:
    return q.start


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset:
    return frozenset(w[:_STEM] for w in _WORD.findall(text.casefold()) if len(w) >= 3)


@lru_cache(maxsize=4096)
def _word_run(text: str) -> str:
    """The text's words, case-folded and space-separated with a space at each end, so that one
    run inside another is a word-for-word repetition."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def _names_person(speaker: str | None) -> bool:
    """A full name or an institution's ("Lajos Farkas", "Chalid al-Mutajri"), not a role
    ("Almiran negotiator")."""
    parts = (speaker or "").split()
    # (a particle joined to the surname, "al-Mutajri", "bin-Rashid", is part of the name)
    return len(parts) > 1 and parts[0][:1].isupper() and all(p[:1].isupper() or p.rpartition("-")[2][:1].isupper() for p in parts)
