"""Stage 1, segment: paragraphs, sentences, tokens, and the shapes of speech, with linear scans.

``segment(text, lang)`` returns ``Segments``: top-level quotations (interrupted ones split
around their attribution), dash-speech blocks, sentences that never split inside either, and
the classified ``Tokens``. The scanners it uses:

* ``marks.scan_quotes``: pairs quotation marks of every style, nested, across paragraphs,
  recovering from missing closers;
* ``dashes.dash_blocks`` / ``dashes.unmarked_speech``: dash-introduced speech (``– … –
  powiedział X.``), continuation lines, and speech marked only by a trailing dash attribution;
* ``sentences`` (here): sentence spans that never split inside a quotation or a dash block;
* ``headline_parts`` (here): ``X: …`` paragraphs (headlines, interview answers).

Nothing here uses a regular expression with nested quantifiers; every loop walks the
text (or a bounded window of it) once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, cached_property

from stance.extract.dashes import (
    SPACED_DASH_RE,
    TIMESTAMP_RE,
    DashBlock,
    dash_attribution,
    dash_blocks,
    inside_span,
    unmarked_speech,
)
from stance.extract.lexicon import Lexicon, load
from stance.extract.marks import BOUNDARY_RE as _BOUNDARY_RE
from stance.extract.marks import QUOTE_CHARS, QUOTE_OPENERS, QSpan, is_abbreviation, scan_quotes, word_before
from stance.extract.words import TOKEN_RE, Tokens, function_words

# re-exported: the stage's public names live here, whichever module scans them
__all__ = ["QUOTE_CHARS", "QUOTE_OPENERS", "DashBlock", "QSpan", "Segments", "Sentence", "dash_attribution",
           "dash_blocks", "headline_parts", "paragraphs", "scan_quotes", "segment", "sentences", "split_interrupted",
           "unmarked_speech"]


# --- sentences ---------------------------------------------------------------------
_NEXT_WORD_RE = re.compile(r"\w+")
_BLANK_LINE_RE = re.compile(r"\n\s*\n")
_CLOCK_HALVES = frozenset({"a.m", "p.m"})
_ZONE_RE = re.compile(r"[A-Z]{2,4}\s*[-–—|]")  # a time zone after "a.m.": "CDT", "GMT", "IST"


def sentences(text: str, protected: list[tuple[int, int]], abbreviations: frozenset,
              openers: frozenset = frozenset(), dates: frozenset = frozenset(),
              final: frozenset = frozenset()) -> list[tuple[int, int]]:
    """Sentence spans (start, end) without surrounding whitespace; no boundary falls inside a
    ``protected`` span (quotations, dash blocks). A surname's initial ("Tomasza R.") or an
    abbreviation that ends a firm's name (``final``: "Ltd.") ends the sentence when one of
    ``openers`` (pronouns, prepositions, articles) follows it; "p.m." does not when a time zone
    or one of ``dates`` (day and month names) follows it, nor does a month's first letters before
    a day ("Jan. 30")."""
    starts = [s for s, _ in protected]
    out: list[tuple[int, int]] = []
    n = len(text)
    cur = 0
    for m in _BOUNDARY_RE.finditer(text):
        b = m.end()
        if b >= n:
            break
        punct = m.group()[0]
        if punct not in "\n":
            nxt = text[b]
            if "\n" not in m.group() and not (nxt.isupper() or nxt.isdigit() or nxt in "„“‘\"«»‚'–—―-(["):
                continue
            if punct == ".":
                word = word_before(text, m.start())
                if word is not None:
                    initial = len(word) == 1 and word.isupper()
                    abbreviation = is_abbreviation(word, abbreviations)
                    # (the next word is read only where it decides: after an initial or a firm's "Ltd.")
                    opener = (initial or (abbreviation and word in final)) and _next_word(text, b).lower() in openers
                    # (an abbreviation may open a sentence: "Tzw. „wojna o piwo” …", "Np. w Radomiu …";
                    # "… paid to Brightwater Advisory Ltd. The Crown says": a firm's name may end one)
                    if (abbreviation and not (opener and word in final)) or (initial and not opener) or (word in _CLOCK_HALVES and (
                            _ZONE_RE.match(text, b) or _next_word(text, b) in dates)) or (  # "9:40 a.m. CDT — …", "6 p.m. Wednesday"
                            nxt.isdigit() and len(word) >= 3 and word[:1].isupper() and any(d.startswith(word) for d in dates)):
                        # ("closes on Jan. 30": a month cut short before its day; "Jan" is a given name too)
                        if "\n" not in m.group():
                            continue
        if inside_span(m.start(), starts, protected) and inside_span(b, starts, protected):
            continue
        if inside_span(b - 1, starts, protected) and inside_span(b, starts, protected):
            continue
        out.append((cur, b))
        cur = b
    out.append((cur, n))
    res = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            res.append((s, e))
    return res


def _next_word(text: str, pos: int) -> str:
    """The word starting at ``pos`` ("" for none)."""
    m = _NEXT_WORD_RE.match(text, pos)
    return m.group() if m is not None else ""


@cache
def _firm_suffixes(lang: str) -> frozenset:
    """Abbreviations that end a firm's name and may end a sentence ("Ltd."; ``firm_suffix``)."""
    return frozenset(function_words(lang).get("firm_suffix", ()))


@cache
def _sentence_openers(lang: str) -> frozenset:
    """Words that open a sentence after a surname's initial: pronouns, possessives,
    complementisers, prepositions and articles of more than one letter ("Tomasza R. Jego zdaniem …")."""
    fw = function_words(lang)
    return frozenset(w for role in ("pron", "possessive", "comp", "prep", "article") for w in fw.get(role, ()) if len(w) > 1)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end), whitespace trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# --- the stage --------------------------------------------------------------------
@dataclass(frozen=True)
class Sentence:
    """Sentence ``index``: characters ``[start, end)``, tokens ``[t0, t1)``."""

    index: int
    start: int
    end: int
    t0: int
    t1: int


@dataclass(frozen=True, eq=False)
class Segments:
    """What the later stages read: the text, its language data, quotations (top level, sorted
    by the opening mark), dash blocks, sentences and tokens (classified, final)."""

    text: str
    lex: Lexicon
    quotes: tuple[QSpan, ...]
    quote_opens: tuple[int, ...]
    blocks: tuple[DashBlock, ...]
    sentences: tuple[Sentence, ...]
    sent_starts: tuple[int, ...]
    tokens: Tokens
    headlines: tuple[tuple[int, int, int], ...]  # (speaker start, colon, end) of "X: …" paragraphs

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding character ``pos`` (-1 before the first)."""
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def paragraph_of(self, pos: int) -> int:
        """Index in ``blank_line_starts`` of the stretch holding character ``pos``."""
        return bisect.bisect_right(self.blank_line_starts, pos) - 1

    @cached_property
    def blank_line_starts(self) -> tuple[int, ...]:
        """Where the text starts and each stretch after a blank line does (the headline, a
        standfirst, the lead, each paragraph after; single lines of page debris stay with theirs);
        read once per document."""
        return (0, *(m.end() for m in _BLANK_LINE_RE.finditer(self.text)))


def segment(text: str, lang: str) -> Segments:
    lex = load(lang)
    quotes = split_interrupted(text, lex, [q for q in scan_quotes(text) if q.depth == 0])
    quotes.sort(key=lambda q: q.open)
    blocks = dash_blocks(text, quotes, lambda pos: dash_attribution(text, pos, lex),
                         mid_paragraph=lex.rules.dash_speech_mid_paragraph)
    blocks = sorted(blocks + unmarked_speech(text, lex, quotes, blocks), key=lambda b: b.start)
    protected = _merge([(q.open, (q.close + 1) if q.close >= 0 else q.end) for q in quotes]
                       + [(b.start, b.end) for b in blocks])
    # content regions whose tokens are never cues or speakers
    content = _merge([(q.start, q.end) for q in quotes] + [(b.start, b.end) for b in blocks])
    spans = sentences(text, protected, lex.abbreviations, _sentence_openers(lex.lang), lex.months, _firm_suffixes(lex.lang))
    headlines = tuple(headline_parts(text))
    # headline speakers are sentence-initial words (classified as such)
    tokens = Tokens(text, lex, content, spans, [a for a, colon, _b in headlines if TOKEN_RE.search(text, a, colon)])
    starts = tokens.starts
    sents = tuple(Sentence(n, s, e, bisect.bisect_left(starts, s), bisect.bisect_left(starts, e))
                  for n, (s, e) in enumerate(spans))
    return Segments(text, lex, tuple(quotes), tuple(q.open for q in quotes), tuple(blocks), sents,
                    tuple(s.start for s in sents), tokens, headlines)


def split_interrupted(text: str, lex: Lexicon, quotes: list[QSpan]) -> list[QSpan]:
    """„Nie oddamy – powiedział minister – ani metra”: one quotation per contiguous piece,
    the attribution between the dashes left outside both."""
    out = []
    for q in quotes:
        first = SPACED_DASH_RE.search(text, q.start, q.end) if q.close >= 0 else None
        if first is not None:
            dash1 = first.start() + 1
            second = (SPACED_DASH_RE.search(text, dash1 + 1, q.end)
                      if dash_attribution(text, dash1 + 1, lex) else None)
            if second is not None:
                dash2 = second.start() + 1
                end1 = dash1
                while end1 > q.start and text[end1 - 1].isspace():
                    end1 -= 1
                start2 = dash2 + 1
                while start2 < q.end and text[start2].isspace():
                    start2 += 1
                if end1 > q.start and start2 < q.end:
                    out.append(QSpan(q.open, q.start, end1, dash1, q.char, q.depth))
                    q = QSpan(dash2 + 1, start2, q.end, q.close, q.char, q.depth)
        out.append(q)
    return out


HEADLINE_MAX = 220  # a headline paragraph is short
ANSWER_MAX = 5000  # an interview answer ("Jan Lis: …") may be a long paragraph
HEADLINE_COLON_WITHIN = 90  # and its speaker ("Stelmaszyk:") comes early
# a live blog's time stamp before the speaker: "14:32", "10:15 GMT -", "9.05 |"
_TIMESTAMP_RE = TIMESTAMP_RE


def headline_parts(text: str):
    """``(speaker_start, colon, body_end)`` for every paragraph shaped ``X: words`` (the body not
    a quotation): headline speech (short) and interview answers (longer) are candidates. The
    speaker part starts after a leading time stamp, or after the last sentence end before the
    colon ("Kolejarze zapowiadają strajk. Stelmaszyk: Nie ustąpimy")."""
    for a, b in paragraphs(text):
        if b - a > ANSWER_MAX:
            continue
        stamp = _TIMESTAMP_RE.match(text, a, b)
        if stamp is not None:
            a = stamp.end()
        while a < b and (text[a] in _BULLETS or (text[a] == " " and a > 0 and text[a - 1] in _BULLETS)):
            a += 1  # "• Burmistrz: nie wchodźcie …": a key-events bullet
        colon = _speaker_colon(text, a, min(b, a + HEADLINE_COLON_WITHIN))
        if colon == -1:
            continue
        body = text[colon + 1:b].strip()
        if not body or body[0] in QUOTE_OPENERS:
            continue
        for p in range(colon - 1, a, -1):
            if text[p] in ".!?" and text[p + 1] == " ":
                a = p + 2
                break
        yield a, colon, b


_BULLETS = "•·▪‣◦"  # marks that open a list line before its label


def _speaker_colon(text: str, a: int, b: int) -> int:
    """The first colon in ``[a, b)`` that is not inside a number or a time ("14:32")."""
    colon = text.find(":", a, b)
    while colon != -1 and 0 < colon < len(text) - 1 and text[colon - 1].isdigit() and text[colon + 1].isdigit():
        colon = text.find(":", colon + 1, b)
    return colon


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
