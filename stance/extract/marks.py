"""Quotation marks: pairing them into quotations of every style, nested, across paragraphs.

``scan_quotes`` walks the text once, recovering from missing closing marks (a paragraph break
closes or reopens a quotation, by the language's convention). The character classes here are
shared by the other scanners (dash speech, sentences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_PUNCT = "([{/—–-"
CLOSE_PUNCT = ".,;:!?)]}…"
QUOTE_CHARS = "„“”«»‚‘’\"'"
QUOTE_OPENERS = "„“”«»‚‘\"'"  # marks that may open a quotation (not the apostrophe ’)
DASHES = "–—―-"
GENITIVE_S = ("'s", "’s")  # the English possessive ending, straight and curly ("Thackeray’s", "Mr Oldroyd's")

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
    if text[p] in QUOTE_CHARS and _family(text[p]) == fam and text[p] not in "”»’" and (
            outer[0] != "'" or _opens_speech(text, outer[1]) and text[p] == "'" and _is_word(text[p + 1:p + 2] or " ")):
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


def _opens_speech(text: str, pos: int) -> bool:
    """A straight single quote at ``pos`` opens a paragraph or follows a colon or a sentence's
    end ("he said. 'Graham got on the radio."): speech, not an apostrophe ("the '90s"), so a
    paragraph that reopens it continues it."""
    before = text[max(0, pos - 2):pos]
    return pos == 0 or before.endswith("\n") or before.rstrip()[-1:] in (":", ".", "!", "?")


# a sentence end (with closing marks after it) or a line break
BOUNDARY_RE = re.compile(r"[.!?…]+[”\"»’')\]]*\s+|\n\s*")
_WORD_BEFORE_RE = re.compile(r"[\w.]+$")


def word_before(text: str, pos: int) -> str | None:
    """The word (points inside it kept, at its ends stripped) right before character ``pos``,
    a sentence boundary's point: "ul" of "przy ul. Wyścigowej", "U.S" of "the U.S. Embassy"."""
    w = _WORD_BEFORE_RE.search(text, max(0, pos - 24), pos)
    return w.group().strip(".") if w is not None else None


def is_abbreviation(word: str, abbreviations: frozenset) -> bool:
    """Is ``word`` an abbreviation, as listed or capitalised at a sentence's start ("Tzw.")?"""
    return word in abbreviations or (word[1:].islower() and word.lower() in abbreviations)
