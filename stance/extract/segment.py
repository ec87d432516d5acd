"""Stage 1, segment: paragraphs, sentences, tokens, and the shapes of speech, with linear scans.

``segment(text, lang)`` returns ``Segments``: top-level quotations (interrupted ones split
around their attribution), dash-speech blocks, sentences that never split inside either, and
the classified ``Tokens``. The scanners it uses:

* ``scan_quotes``: pairs quotation marks of every style, nested, across paragraphs,
  recovering from missing closers;
* ``dash_blocks``: dash-introduced speech (``– … – powiedział X.``) and continuation lines;
* ``sentences``: sentence spans that never split inside a quotation or a dash block.

Nothing here uses a regular expression with nested quantifiers; every loop walks the
text (or a bounded window of it) once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from stance.extract.lexicon import Lexicon, load
from stance.extract.words import TOKEN_RE, Tokens

OPEN_PUNCT = "([{/—–-"
CLOSE_PUNCT = ".,;:!?)]}…"
QUOTE_CHARS = "„“”«»‚‘’\"'"
QUOTE_OPENERS = "„“”«»‚‘\"'"  # marks that may open a quotation (not the apostrophe ’)
DASHES = "–—―-"

_EVENT_RE = re.compile(r"[„“”«»‚‘’\"'\n]")
_LEFT_OPEN = frozenset(OPEN_PUNCT + QUOTE_CHARS)  # a mark after these may open a quotation
_RIGHT_OPEN = frozenset(CLOSE_PUNCT + "”“»«’'\"")  # a mark before these may close one
_MAX_STACK = 6


@dataclass(frozen=True)
class QSpan:
    """A quotation: content ``text[start:end]`` between the mark at ``open`` and the one at ``close``
    (-1 when the closing mark is missing). ``depth`` 0 is a top-level quotation."""

    open: int
    start: int
    end: int
    close: int
    char: str
    depth: int


def _family(ch: str) -> str:
    if ch in "„“”\"":
        return "d"
    if ch in "«»":
        return "g"
    return "s"


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def scan_quotes(text: str) -> list[QSpan]:
    """All quotation spans in ``text``, sorted by start (outer before inner)."""
    n = len(text)
    spans: list[QSpan] = []
    stack: list[list] = []  # [char, open_pos, closers, depth]
    skip: set[int] = set()

    def emit(entry, end_content: int, close_pos: int) -> None:
        start = entry[1] + 1
        end = end_content
        while end > start and text[end - 1].isspace():
            end -= 1
        s = start
        while s < end and text[s].isspace():
            s += 1
        if end > s:
            spans.append(QSpan(entry[1], s, end, close_pos, entry[0], entry[3]))

    def close_to(idx: int, pos: int) -> None:
        entry = stack[idx]
        emit(entry, pos, pos)
        del stack[idx:]

    def find(closer: str) -> int:
        for k in range(len(stack) - 1, -1, -1):
            if closer in stack[k][2]:
                return k
        return -1

    def push(ch: str, pos: int, closers: str) -> None:
        if len(stack) < _MAX_STACK:
            stack.append([ch, pos, closers, len(stack)])

    for m in _EVENT_RE.finditer(text):
        i = m.start()
        c = text[i]
        if c == "\n":
            if not stack:
                continue
            _paragraph_break(text, i, stack, skip, emit)
            continue
        if i in skip:
            continue
        if c == "„":  # the commonest mark opens unconditionally: no context needed
            push(c, i, "”“\"")
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        # set lookups first: they settle most cases without the Unicode isspace() call
        left_open = i == 0 or prev in _LEFT_OPEN or prev.isspace()
        right_open = i + 1 >= n or nxt in _RIGHT_OPEN or nxt.isspace()
        if c == "«":
            k = find("«")
            if k >= 0:
                close_to(k, i)  # »…« (reversed guillemets)
            else:
                push(c, i, "»")
        elif c == "‚":
            if not right_open:
                push(c, i, "’‘")
        elif c == "“":
            k = find("“")
            if k >= 0 and (k == len(stack) - 1 or right_open):
                close_to(k, i)
            elif not right_open:
                push(c, i, "”\"“")
        elif c == "”":
            k = find("”")
            if k >= 0:
                close_to(k, i)
            elif left_open and not right_open:
                push(c, i, "”\"")
        elif c == "»":
            k = find("»")
            if k >= 0:
                close_to(k, i)
            elif left_open and not right_open:
                push(c, i, "«")
        elif c == "‘":
            k = find("‘")
            if k >= 0 and right_open:
                close_to(k, i)
            elif left_open and not right_open:
                push(c, i, "’")
        elif c == "’":
            if _is_word(prev) and _is_word(nxt):
                continue  # apostrophe
            k = find("’")
            if k >= 0 and not (left_open and not right_open):
                close_to(k, i)
        elif c == '"':
            if stack and stack[-1][0] == '"':
                close_to(len(stack) - 1, i)
            elif stack and '"' in stack[-1][2] and not (left_open and not right_open):
                close_to(len(stack) - 1, i)
            elif not right_open:
                push(c, i, '"')
        elif c == "'":
            if _is_word(prev) and _is_word(nxt):
                continue  # apostrophe
            if stack and stack[-1][0] == "'" and not _is_word(nxt):
                close_to(len(stack) - 1, i)
            elif left_open and (_is_word(nxt) or nxt in "„“\"«‘"):
                push(c, i, "'")
    if stack:
        end = n
        start = stack[0][1]
        nl = text.find("\n", start)
        if nl != -1:
            end = nl
        emit(stack[0], end, -1)
        stack.clear()
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _paragraph_break(text: str, i: int, stack: list, skip: set, emit) -> None:
    """An open quotation meets a line break: continue it into the next paragraph when that
    paragraph reopens it (English style) or closes it before opening a new one (Polish
    style); otherwise it ends, unclosed, with its own paragraph."""
    n = len(text)
    outer = stack[0]
    del stack[1:]
    p = i
    while p < n and text[p].isspace():
        p += 1
    if p >= n:
        emit(outer, i, -1)
        stack.clear()
        return
    fam = _family(outer[0])
    if text[p] in QUOTE_CHARS and _family(text[p]) == fam and text[p] not in "”»’" and outer[0] != "'":
        skip.add(p)  # the reopening mark of a continued quotation
        return
    q = text.find("\n", p)
    if q == -1:
        q = n
    for m in _EVENT_RE.finditer(text, p, q):
        ch = m.group()
        if ch in outer[2]:
            if ch == '"' and p < m.start() and text[m.start() - 1].isspace():
                break  # a straight quote opening something new
            return  # the closer comes in the next paragraph: keep the quotation open
        if _family(ch) == fam and ch in "„“«\"":
            break
    emit(outer, i, -1)
    stack.clear()


# --- dash speech --------------------------------------------------------------------
@dataclass(frozen=True)
class DashBlock:
    """Dash speech ``text[start:end]``; ``attr_start``/``attr_end`` bound the attribution clause
    after the closing dash (equal when there is none)."""

    dash: int
    start: int
    end: int
    attr_start: int
    attr_end: int


def _inside(pos: int, starts: list[int], spans: list) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_DASH_RE = re.compile(r"[–—―-]")
_SPACED_DASH_RE = re.compile(r"\s[–—]\s")


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
            if after_sentence and j < k and is_attribution(d + 1):
                continue  # „….” – mówił X: the attribution of the quotation, not new dash speech
        if not (at_par_start or after_sentence):
            continue
        if _inside(d, qstarts, top):
            continue
        if at_par_start and _lowercase_after(text, d + 1) and is_attribution(d + 1):
            continue  # "– powiedział minister." on a line of its own: the previous paragraph's attribution
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


def unmarked_speech(text: str, lex: Lexicon, quotes: list[QSpan], blocks: list[DashBlock]) -> list[DashBlock]:
    """Speech without an opening mark or dash, attributed only by a trailing dash clause
    (``… tego nie zaakceptujemy – powiedział minister.``, or the clause on a line of its own):
    a block from the start of the attributed sentence, or of the paragraph when the earlier
    sentences are in the speaker's voice too, to the dash. The attribution must start with
    the cue verb and end the sentence; content with quotation marks is left to the quotations."""
    top = [(q.open, (q.close + 1) if q.close >= 0 else q.end) for q in quotes]
    qstarts = [a for a, _ in top]
    taken = sorted([(b.dash if b.dash >= 0 else b.start, max(b.end, b.attr_end)) for b in blocks] + top)
    taken_starts = [a for a, _ in taken]
    boundaries: list[int] = []  # sentence starts, found on first need (most texts never need them)
    line_breaks: list[int] | None = None
    out: list[DashBlock] = []
    floor = 0  # nothing before the end of the last block found
    for m in _SPACED_DASH_RE.finditer(text):
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
                boundaries = [0] + [m.end() for m in _BOUNDARY_RE.finditer(text)]
            start = _speech_start(text, lex, boundaries, max(line_start, floor), end)
        if end - start < 2 or start < floor or not any(ch.isspace() for ch in text[start:end]):
            continue
        if text[end - 1] in QUOTE_CHARS or _inside_any(start, taken_starts, taken) or _overlaps(start, end, taken_starts, taken):
            continue
        subject_end = text.find(",", first.end(), a_end)  # "podała agencja PAP", not "dodał, cytowany przez agencję"
        if _has_cue_verb(text[start:end], lex) or _names_medium(text[first.end():subject_end if subject_end >= 0 else a_end], lex):
            continue  # "X zapewnił, że … – podaje PAP": a reported clause with its source, not speech
        out.append(DashBlock(-1, start, end, a_start, a_end))
        floor = a_end
    return out


def _inside_any(pos: int, starts: list[int], spans: list) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _overlaps(start: int, end: int, starts: list[int], spans: list) -> bool:
    """Does any span start inside ``[start, end)``?"""
    k = bisect.bisect_left(starts, start)
    return k < len(starts) and starts[k] < end


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


def _speech_start(text: str, lex: Lexicon, boundaries: list[int], lo: int, end: int) -> int:
    """Where unmarked speech ending at ``end`` starts: its own sentence, extended back over
    earlier sentences of the paragraph that are in the speaker's voice (first or second person)."""
    k = bisect.bisect_right(boundaries, end - 1) - 1
    start = max(lo, boundaries[k]) if k >= 0 else lo
    while k >= 0 and start > lo:
        prev = max(lo, boundaries[k - 1]) if k > 0 else lo
        if prev >= start or not _in_own_voice(text[prev:start], lex):
            break
        start, k = prev, k - 1
    return start


def _has_cue_verb(span: str, lex: Lexicon) -> bool:
    """Does ``span`` report speech itself (a cue verb with a "że"/"that" clause after it)?"""
    from stance.extract.words import function_words

    comp = function_words(lex.lang).get("comp", frozenset())
    words = [w.lower() for w in _FIRST_WORD_RE.findall(span)]
    for n, w in enumerate(words):
        cue = lex.cues.get(w)
        if cue is not None and cue.cls != "noun" and any(x in comp for x in words[n + 1:n + 13]):
            return True
    return False


def _names_medium(span: str, lex: Lexicon) -> bool:
    words = _FIRST_WORD_RE.findall(span)
    if any(w.lower().startswith(lex.media_stems) for w in words if w[:1].islower()):
        return True
    return any(tuple(words[i:i + n]) in lex.media_name_set for n in lex.media_name_lens for i in range(len(words)))


def _in_own_voice(sentence: str, lex: Lexicon) -> bool:
    from stance.extract.morph import first_or_second_person
    from stance.extract.words import function_words

    own = function_words(lex.lang).get("speech_person", frozenset())
    words = _FIRST_WORD_RE.findall(sentence)
    if any(w.lower() in own for w in words):
        return True
    return lex.rules.case_marked and any(first_or_second_person(w) for w in words if w[:1].islower())


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
        if _inside(e, qstarts, top):
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
        if ch in ".!?…" and (j + 1 >= pe or text[j + 1].isspace()) and not _inside(j, qstarts, top):
            return j
        if ch in "–—―-" and text[j - 1].isspace() and j + 1 < pe and text[j + 1].isspace() and not _inside(j, qstarts, top):
            return j
        j += 1
    return pe


# --- sentences ---------------------------------------------------------------------
_BOUNDARY_RE = re.compile(r"[.!?…]+[”\"»’')\]]*\s+|\n\s*")
_WORD_BEFORE_RE = re.compile(r"[\w.]+$")


def sentences(text: str, protected: list[tuple[int, int]], abbreviations: frozenset) -> list[tuple[int, int]]:
    """Sentence spans (start, end) without surrounding whitespace; no boundary falls inside a
    ``protected`` span (quotations, dash blocks)."""
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
            if "\n" not in m.group() and not (nxt.isupper() or nxt.isdigit() or nxt in "„“\"«»‚'–—―-(["):
                continue
            if punct == ".":
                w = _WORD_BEFORE_RE.search(text, max(0, m.start() - 24), m.start())
                if w is not None:
                    word = w.group().strip(".")
                    if word in abbreviations or (len(word) == 1 and word.isupper()):
                        if "\n" not in m.group():
                            continue
        if _inside(m.start(), starts, protected) and _inside(b, starts, protected):
            continue
        if _inside(b - 1, starts, protected) and _inside(b, starts, protected):
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
    spans = sentences(text, protected, lex.abbreviations)
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
        first = _SPACED_DASH_RE.search(text, q.start, q.end) if q.close >= 0 else None
        if first is not None:
            dash1 = first.start() + 1
            second = (_SPACED_DASH_RE.search(text, dash1 + 1, q.end)
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


_WORD_OR_MARK_RE = re.compile(r"[^\W\d_]+|[^\w\s]")


def dash_attribution(text: str, pos: int, lex: Lexicon) -> bool:
    """Does the text right after a dash attribute speech (``powiedział X``, ``dodała``)? A cue
    verb among the first words, before any sentence punctuation."""
    window = text[pos:pos + 80]
    n = 0
    for m in _WORD_OR_MARK_RE.finditer(window):
        word = m.group()
        if not word[0].isalnum():
            if word in ".!?;:\n":
                return False
            continue
        cue = lex.cues.get(word.lower())
        if cue is not None and cue.cls not in ("noun", "pcon", "imps") and (n == 0 or word[0].islower()):
            return not cue.needs or cue.needs in window[m.end():m.end() + 20]
        n += 1
        if n >= 3:
            return False
        if n == 1 and word[0].isupper() and lex.rules.capital_after_dash_continues_speech:
            continue
    return False


HEADLINE_MAX = 220  # a headline paragraph is short
ANSWER_MAX = 5000  # an interview answer ("Jan Lis: …") may be a long paragraph
HEADLINE_COLON_WITHIN = 90  # and its speaker ("Stelmaszyk:") comes early
# a live blog's time stamp before the speaker: "14:32", "10:15 GMT -", "9.05 |"
_TIMESTAMP_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4})?\s*[-–—|]?\s*")


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
