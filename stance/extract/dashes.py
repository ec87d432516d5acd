"""Dash speech: ``– … – powiedział X.`` blocks, continuation lines, and unmarked speech that only
a trailing dash attribution marks (``… tego nie zaakceptujemy – powiedział minister.``).

Every scan walks the text (or a bounded window of it) once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from stance.extract.lexicon import Lexicon
from stance.extract.marks import BOUNDARY_RE as _BOUNDARY_RE
from stance.extract.marks import is_abbreviation, word_before
from stance.extract.marks import DASHES, QUOTE_CHARS, QSpan
from stance.extract.words import AGENCY_DATELINE_RE, function_words


# what a pull quote's signature line holds after its dash: a name of two capitalised words or more
# (an abbreviated title before it, "prof."), then only a description after a comma, to the line's end
# ("„…” – prof. Dorota Gawlik, Uniwersytet Łódzki")
_SIGNATURE_LINE_RE = re.compile(
    r"[ \t]*(?:[^\W\d_]{1,5}\.[ \t]+)?[^\W\d_a-ząćęłńóśźż][\w’'\-]+(?:[ \t]+[^\W\d_a-ząćęłńóśźż][\w’'\-]+)+"
    r"(?:,[^\n.!?;:]{0,100})?[ \t]*(?=\n|$)")


@dataclass(frozen=True)
class DashBlock:
    """Dash speech ``text[start:end]``; ``attr_start``/``attr_end`` bound the attribution clause
    after the closing dash (equal when there is none)."""

    dash: int
    start: int
    end: int
    attr_start: int
    attr_end: int


def inside_span(pos: int, starts: list[int], spans: list) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_DASH_RE = re.compile(r"[–—―-]")
SPACED_DASH_RE = re.compile(r"\s[–—-]\s")  # web text types a spaced hyphen for the dash
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])\s+")


def dash_blocks(text: str, quotes: list[QSpan], is_attribution, mid_paragraph: bool = True) -> list[DashBlock]:
    """Dash-introduced speech blocks, in order.

    ``is_attribution(pos)`` tells whether the text after a dash at ``pos`` is an attribution
    clause (``– powiedział Witkoff``). A block starts at a paragraph-initial dash, or (when
    ``mid_paragraph``) at a dash right after a sentence end; it ends at a dash that is followed
    by an attribution, or at the end of the paragraph.
    """
    n = len(text)
    top = [(q.open, (q.close + 1) if q.close >= 0 else q.end) for q in quotes if q.depth == 0]
    qstarts = [s for s, _ in top]
    blocks: list[DashBlock] = []
    pos = 0
    while True:
        m = _DASH_RE.search(text, pos)
        if m is None:
            break
        d = m.start()
        pos = d + 1
        if d + 1 >= n or not text[d + 1].isspace() or text[d + 1] == "\n":
            continue
        # what precedes the dash on its line
        k = d - 1
        while k >= 0 and text[k] in " \t\u00a0":
            k -= 1
        at_par_start = k < 0 or text[k] == "\n"
        after_sentence = False
        if not at_par_start and mid_paragraph and k < d - 1:
            j = k
            while j >= 0 and text[j] in "”\"»’'":
                j -= 1
            after_sentence = j >= 0 and text[j] in ".!?…:"
            if after_sentence and j < k and (is_attribution(d + 1) or _SIGNATURE_LINE_RE.match(text, d + 1)):
                continue  # „….” – mówił X / „…” – Anna Lis, posłanka: the quotation's attribution, not new dash speech
        if not (at_par_start or after_sentence):
            continue
        if inside_span(d, qstarts, top):
            continue
        if _lowercase_after(text, d + 1) and is_attribution(d + 1):
            # "– powiedział minister." on a line of its own: the previous paragraph's attribution;
            # after a sentence ("… do 7 proc. – powiedziała wiceminister"), the sentence's
            continue
        block, nxt = _read_block(text, d, top, qstarts, is_attribution)
        if block is not None:
            blocks.append(block)
        pos = max(pos, nxt)
    return blocks


def _lowercase_after(text: str, pos: int) -> bool:
    """Is the first word after ``pos`` lowercase (an attribution, not the start of speech)?"""
    m = _FIRST_WORD_RE.search(text, pos, pos + 40)
    return m is not None and m.group()[0].islower()


_FIRST_WORD_RE = re.compile(r"[^\W\d_]+")
# a live blog's time stamp before the speaker or the speech: "14:32", "10:15 GMT -", "9.05 |"
TIMESTAMP_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\s*[-–—|]?\s*")
# a word and a clock time, a word of the time between ("AKTUALIZACJA, godz. 19:20", "UPDATE 14:05")
_UPDATE_HEADER_RE = re.compile(r"[^\W\d_]+[,:]?(?:\s+[^\W\d_]+\.?)?\s+\d{1,2}[:.]\d{2}\s*")


def unmarked_speech(text: str, lex: Lexicon, quotes: list[QSpan], blocks: list[DashBlock]) -> list[DashBlock]:
    """Speech without an opening mark or dash, attributed only by a trailing dash clause
    (``… tego nie zaakceptujemy – powiedział minister.``, or the clause on a line of its own):
    a block from the start of the attributed sentence, or of the paragraph when the earlier
    sentences are in the speaker's voice too, to the dash. The attribution must start with
    the cue verb and end the sentence; content with quotation marks is left to the quotations."""
    top = [(q.open, (q.close + 1) if q.close >= 0 else q.end) for q in quotes]
    # a short quoted term inside a paragraph of speech ("żadnej „inwentaryzacji szkód”") stays in it
    inner = frozenset(span for span in top if span[1] - span[0] <= _INNER_QUOTE_MAX)
    qstarts = [a for a, _ in top]
    taken = sorted([(b.dash if b.dash >= 0 else b.start, max(b.end, b.attr_end)) for b in blocks] + top)
    taken_starts = [a for a, _ in taken]
    boundaries: list[int] = []  # sentence starts, found on first need (most texts never need them)
    line_breaks: list[int] | None = None
    out: list[DashBlock] = []
    floor = 0  # nothing before the end of the last block found
    for m in SPACED_DASH_RE.finditer(text):
        d = m.start() + 1
        a_start = m.end()
        if d < floor or _inside_any(d, taken_starts, taken) or not _lowercase_after(text, a_start):
            continue
        first = _FIRST_WORD_RE.search(text, a_start, a_start + 40)
        cue = lex.cues.get(first.group().lower()) if first else None
        if cue is None or cue.cls in ("noun", "imps") or not dash_attribution(text, a_start, lex):
            continue
        if line_breaks is None:
            line_breaks = [m.start() for m in re.finditer("\n", text)]
        nl = bisect.bisect_left(line_breaks, d)  # bisect, not find: a long line must not be rescanned
        line_start = line_breaks[nl - 1] + 1 if nl > 0 else 0
        line_end = line_breaks[nl] if nl < len(line_breaks) else len(text)
        a_end = _attribution_end(text, a_start, line_end, top, qstarts)
        if a_end < line_end and text[a_end] not in ".!?…":
            continue  # "… – powiedział – …": the speech goes on, an interrupted quotation
        if not text[line_start:d].strip():
            start, end = _previous_paragraph(text, line_start)
        else:
            end = d
            while end > line_start and (text[end - 1].isspace() or text[end - 1] == ","):
                end -= 1
            if not boundaries:
                boundaries = _sentence_starts(text, lex)
            start = _speech_start(text, lex, boundaries, max(line_start, floor), end)
        if end - start < 2 or start < floor or not any(ch.isspace() for ch in text[start:end]):
            continue
        if text[end - 1] in QUOTE_CHARS or _inside_any(start, taken_starts, taken) or _overlaps_but_inner(start, end, taken_starts, taken, inner):
            continue
        stamp = TIMESTAMP_RE.match(text, start, end) or AGENCY_DATELINE_RE.match(text, start, end)
        if stamp is not None and stamp.end() < end:
            start = stamp.end()  # "18:15 Woda opada … – przekazał X", "Warszawa (PAP) – …": the time or dateline is not speech
        if SPACED_DASH_RE.search(text, start, end) and _opens_with_name(text[start:end]):
            continue  # "Roger Tonkin, the station's manager – the volunteer who … – says the crew …": the dash closes an aside
        if _UPDATE_HEADER_RE.fullmatch(text, start, end):
            continue  # "AKTUALIZACJA, godz. 15:02 – dodaje informację o …": a wire update's header
        subject_end = text.find(",", first.end(), a_end)  # "podała agencja PAP", not "dodał, cytowany przez agencję"
        if not boundaries:
            boundaries = _sentence_starts(text, lex)
        if _reports_speech(text, lex, boundaries, start, end) or _names_medium(
                text[first.end():subject_end if subject_end >= 0 else a_end], lex):
            continue  # "X zapewnił, że … – podaje PAP": a reported clause with its source, not speech
        out.append(DashBlock(-1, start, end, a_start, a_end))
        floor = a_end
    return out


def _sentence_starts(text: str, lex: Lexicon) -> list[int]:
    """Where sentences may start: after each boundary but an abbreviation's point on the same line
    ("przy ul. Wyścigowej", "st. kpt. Dariusz Pawlak")."""
    out = [0]
    for m in _BOUNDARY_RE.finditer(text):
        if m.group()[0] == "." and "\n" not in m.group() and is_abbreviation(word_before(text, m.start()) or "", lex.abbreviations):
            continue
        out.append(m.end())
    return out


def _inside_any(pos: int, starts: list[int], spans: list) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _overlaps_but_inner(start: int, end: int, starts: list[int], spans: list, inner: frozenset) -> bool:
    """Does any span start inside ``[start, end)``, other than an ``inner`` one wholly inside it
    (at most ``_INNER_QUOTES_MAX`` of those: more is no unmarked speech, and the look stays short)?"""
    first = bisect.bisect_left(starts, start)
    last = min(len(starts), first + _INNER_QUOTES_MAX)
    for k in range(first, last):
        if starts[k] >= end:
            return False
        if not (spans[k] in inner and spans[k][1] <= end):
            return True
    return last < len(starts) and starts[last] < end


def _previous_paragraph(text: str, line_start: int) -> tuple[int, int]:
    """The non-empty paragraph before the line at ``line_start`` (trimmed), or an empty span."""
    end = line_start - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = text.rfind("\n", 0, end) + 1
    while start < end and text[start].isspace():
        start += 1
    if end <= start or text[start] in DASHES or text[end - 1] in QUOTE_CHARS:
        return 0, 0  # dash speech or a quotation has its own attribution
    return start, end


_INNER_QUOTE_MAX = 40  # characters of a quoted term inside unmarked speech ("„inwentaryzacji szkód”")
_INNER_QUOTES_MAX = 3  # such terms in one block of unmarked speech
_BRIDGE_MAX = 2  # plain sentences between a speaker's own-voice ones that still count as the speech


def _speech_start(text: str, lex: Lexicon, boundaries: list[int], lo: int, end: int) -> int:
    """Where unmarked speech ending at ``end`` starts: its own sentence, extended back over
    earlier sentences of the paragraph that are in the speaker's voice (first or second person)."""
    k = bisect.bisect_right(boundaries, end - 1) - 1
    start = max(lo, boundaries[k]) if k >= 0 else lo
    own = False
    cur, bridged = start, 0  # plain sentences read past, kept only when an own-voice one comes before them
    while k >= 0 and cur > lo:
        prev = max(lo, boundaries[k - 1]) if k > 0 else lo
        if prev >= cur:
            break
        if in_own_voice(text[prev:cur], lex):
            start, cur, k, own, bridged = prev, prev, k - 1, True, 0
            continue
        if bridged >= _BRIDGE_MAX or not _plain_opening(text[prev:cur], lex) or _opens_with_name(text[prev:cur]):
            break
        cur, k, bridged = prev, k - 1, bridged + 1  # "Że będzie dobrze? Nie będzie dobrze.": the same voice, maybe
    if own and start > lo and _plain_opening(text[lo:start], lex):
        return lo  # "Organizm pamięta. … Ja też czasem nie wiem. … – mówi": the paragraph is all speech
    return start


def _opens_with_name(sentence: str) -> bool:
    """Is the first word of ``sentence`` a name ("Ziętek rozkłada na stole mapę": the narrator,
    of the person), and no common noun as well ("Woda weszła do kuchni", though Woda is a surname)?"""
    from stance.extract.morph import also_common, word_class

    first = _FIRST_WORD_RE.search(sentence)
    return first is not None and word_class(first.group()) == "name" and not also_common(first.group())


def _plain_opening(span: str, lex: Lexicon) -> bool:
    """Sentences before a speaker's own-voice ones that name nobody and report nothing (no
    capitalised word but each sentence's first, no role noun, no cue verb): the same speech."""
    if _has_cue_verb(span, lex):
        return False
    for sentence in _SENTENCE_SPLIT_RE.split(span):
        words = _FIRST_WORD_RE.findall(sentence)
        if any(w[:1].isupper() for w in words[1:]) or any(w.lower() in lex.titles for w in words):
            return False  # (nor a role: "Dziennikarze pytali o finansowanie." is the narrator's)
    return True


def _reports_speech(text: str, lex: Lexicon, boundaries: list[int], start: int, end: int) -> bool:
    """Does a sentence of ``[start, end)`` in the narrator's voice report speech itself? A cue
    verb inside the speaker's own words ("Dostaliśmy pismo, w którym napisano, że …") does not
    make the paragraph a reported clause; "X zapewnił, że … – podaje PAP" does."""
    k = bisect.bisect_right(boundaries, start)
    lo = start
    while lo < end:
        hi = min(end, boundaries[k]) if k < len(boundaries) else end
        if hi <= lo:
            k += 1
            continue
        piece = text[lo:hi]
        if _has_cue_verb(piece, lex) and not in_own_voice(piece, lex):
            return True
        lo, k = hi, k + 1
    return False


def _has_cue_verb(span: str, lex: Lexicon) -> bool:
    """Does ``span`` report speech itself (a cue verb with a "że"/"that" clause after it)?"""
    comp = function_words(lex.lang).get("comp", frozenset())
    words = [w.lower() for w in _FIRST_WORD_RE.findall(span)]
    for n, w in enumerate(words):
        cue = lex.cues.get(w)
        if cue is not None and cue.cls != "noun" and any(x in comp for x in words[n + 1:n + 13]):
            return True
    return False


def _names_medium(span: str, lex: Lexicon) -> bool:
    """Is a medium the subject of the attribution ("podaje PAP", "podała agencja")? A medium
    after a preposition is the hearer ("dodała w rozmowie z agencją", "said on France 2"), and
    so is one before a role ("powiedziała PAP wiceminister edukacji Halina Borowska")."""
    preps = function_words(lex.lang).get("prep", frozenset())
    words = _FIRST_WORD_RE.findall(span)
    words = [w for n, w in enumerate(words) if not any(p.lower() in preps for p in words[max(0, n - 1):n])]
    role_from = [False] * (len(words) + 1)  # a role at or after word i (one pass however long the clause)
    for i in range(len(words) - 1, -1, -1):
        role_from[i] = role_from[i + 1] or words[i].lower() in lex.titles
    for i, w in enumerate(words):
        n = 1 if w[:1].islower() and lex.media_noun(w.lower()) else next(
            (n for n in lex.media_name_lens if tuple(words[i:i + n]) in lex.media_name_set), 0)
        if n and not role_from[i + n]:
            return True
    return False


def in_own_voice(sentence: str, lex: Lexicon) -> bool:
    """Is ``sentence`` in a speaker's voice (a first- or second-person word or verb form)?"""
    from stance.extract.morph import first_or_second_person

    own = function_words(lex.lang).get("speech_person", frozenset())
    words = _FIRST_WORD_RE.findall(sentence)
    if any(w.lower() in own and not (len(w) > 1 and w.isupper()) for w in words):
        return True  # (not an acronym: "in the US and UK")
    # the sentence's first word is capitalised by position, not as a name ("Dostaliśmy pismo")
    return lex.rules.case_marked and any(first_or_second_person(w) for n, w in enumerate(words) if n == 0 or w[:1].islower())


def _read_block(text: str, d: int, top, qstarts, is_attribution):
    n = len(text)
    cs = d + 1
    while cs < n and text[cs] in " \t\u00a0":
        cs += 1
    pe = text.find("\n", cs)
    if pe == -1:
        pe = n
    if cs >= pe:
        return None, pe
    # a quotation inside the block may run over the paragraph end: extend to its end
    j = cs
    while True:
        m = _DASH_RE.search(text, j, pe)
        if m is None:
            break
        e = m.start()
        j = e + 1
        if not (text[e - 1].isspace() and e + 1 < n and text[e + 1].isspace()):
            continue
        if inside_span(e, qstarts, top):
            continue
        # a new dash turn after a sentence end closes this block without attribution
        k = e - 1
        while k > cs and text[k].isspace():
            k -= 1
        if text[k] in ".!?…" and not is_attribution(e + 1):
            end = k + 1
            return DashBlock(d, cs, end, end, end), e
        if is_attribution(e + 1):
            end = e
            while end > cs and text[end - 1].isspace():
                end -= 1
            while end > cs and text[end - 1] == ",":
                end -= 1
            a_start = e + 1
            while a_start < pe and text[a_start].isspace():
                a_start += 1
            a_end = _attribution_end(text, a_start, pe, top, qstarts)
            if end <= cs:
                return None, a_end
            return DashBlock(d, cs, end, a_start, a_end), a_end
    end = pe
    while end > cs and text[end - 1].isspace():
        end -= 1
    return DashBlock(d, cs, end, end, end), pe


def _attribution_end(text: str, a: int, pe: int, top, qstarts) -> int:
    """End of an attribution clause: the sentence end, a dash resuming speech, or the paragraph end."""
    j = a
    while j < pe:
        ch = text[j]
        if ch in ".!?…" and (j + 1 >= pe or text[j + 1].isspace()) and not inside_span(j, qstarts, top):
            if ch == "." and j + 2 < pe and text[j + 2].islower():
                j += 1  # "komisarz ds. handlu": an abbreviation's point, no sentence starts lowercase
                continue
            return j
        if ch in "–—―-" and text[j - 1].isspace() and j + 1 < pe and text[j + 1].isspace() and not inside_span(j, qstarts, top):
            return j
        j += 1
    return pe


_WORD_OR_MARK_RE = re.compile(r"[^\W\d_]+|[^\w\s]")


def dash_attribution(text: str, pos: int, lex: Lexicon) -> bool:
    """Does the text right after a dash attribute speech (``powiedział X``, ``dodała``)? A cue
    verb among the first words, before any sentence punctuation."""
    window = text[pos:pos + 80]
    n = 0
    fw = function_words(lex.lang)
    leading, reading = fw.get("attribution_adverb", frozenset()), fw.get("read_verb", frozenset())
    for m in _WORD_OR_MARK_RE.finditer(window):
        word = m.group()
        if not word[0].isalnum():
            if word in ".!?;:\n":
                return False
            continue
        if n == 0 and word.lower() in leading:
            continue  # "– tak wiceminister Hryciuk skomentował"
        if n == 0 and word.lower() in reading:
            return True  # "„… telefon.” – czytamy w alercie RCB.": the document the quotation is read from
        cue = lex.cues.get(word.lower())
        if cue is not None and cue.cls not in ("noun", "pcon", "imps") and (n == 0 or word[0].islower()):
            rest = window[m.end():m.end() + 20]
            return (not cue.needs or cue.needs in rest) and not (cue.unless and rest.split()[:1] and rest.split()[0] in cue.unless.split("/"))
        n += 1
        if n >= 3:
            return False
        if n == 1 and word[0].isupper() and lex.rules.capital_after_dash_continues_speech:
            continue
    return False
