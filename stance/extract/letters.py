"""Letters to the editor: paragraphs in a writer's own voice signed by a line that holds only a name
and what describes it ("Margaret Oyelaran, Brackenfield", "Cllr Tom Whitcombe, Cabinet member for
communities"), set off from what comes before by a heading or by another signature. Each paragraph
is the signer's ``direct`` statement with no cue; other people's words quoted inside it stay in it."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from stance.extract.dashes import in_own_voice
from stance.extract.segment import Segments, paragraphs

_SENTENCE_END = ".!?…\"”’)"  # a letter's paragraph ends as prose does
_HEADING_MAX_WORDS = 14  # words of a letter's heading ("Who decided the 41 should stop at six?")
_LETTER_MAX_PARAGRAPHS = 8  # paragraphs of one letter (a bound: a signed byline under an article is no letter)
SIGNATURE_MAX = 120  # characters of a signature line ("— Dr Jane Okafor, chief executive of the Trust")


@dataclass(frozen=True)
class Letter:
    paragraphs: tuple[tuple[int, int], ...]  # (start, end) of each paragraph, in order
    signature: tuple[int, int]  # the signature line
    signer: object  # what ``signer`` found there (the name phrase)


def signed_letters(seg: Segments, signer: Callable[[int, int], object]) -> list[Letter]:
    """The letters of ``seg``; ``signer(start, end)`` is the name phrase a line holds and nothing
    else (None when it holds more)."""
    text = seg.text
    lines = paragraphs(text)
    letters: list[Letter] = []
    for i, (a, b) in enumerate(lines):
        if b - a > SIGNATURE_MAX or not text[a].isupper() or text[b - 1] in _SENTENCE_END + ":;," or i == 0 \
                or _heading(text, *lines[i - 1]):
            continue  # (cheap tests first: a signature starts with a capital and follows the letter's prose)
        name = signer(a, b)
        if name is None:
            continue
        body: list[tuple[int, int]] = []
        j = i - 1
        while j >= 0 and len(body) <= _LETTER_MAX_PARAGRAPHS and not _heading(text, *lines[j]) \
                and not (letters and letters[-1].signature == lines[j]):
            body.append(lines[j])
            j -= 1
        if j < 0 or not body or len(body) > _LETTER_MAX_PARAGRAPHS:
            continue  # (no heading or letter before it: a byline under an article, not a letter)
        if all(text[e - 1] in _SENTENCE_END and in_own_voice(_unquoted(seg, s, e), seg.lex) for s, e in body):
            letters.append(Letter(tuple(reversed(body)), (a, b), name))
    return letters


def _heading(text: str, a: int, b: int) -> bool:
    """A short line that ends as no prose sentence does, or as a question ("Thank you, Ward 7",
    "Who decided the 41 should stop at six?")."""
    return len(text[a:b].split()) <= _HEADING_MAX_WORDS and text[b - 1] not in ".:;,\"”’)"


def _unquoted(seg: Segments, a: int, b: int) -> str:
    """``text[a:b]`` with its quotations blanked out (a quoted "I" is somebody else's voice)."""
    chars = list(seg.text[a:b])
    k = bisect.bisect_left(seg.quote_opens, a)
    if k > 0 and seg.quotes[k - 1].end > a:
        k -= 1  # a quotation opened before the paragraph that runs into it
    for q in seg.quotes[k:bisect.bisect_left(seg.quote_opens, b)]:
        for p in range(max(q.open, a), min((q.close + 1) if q.close >= 0 else q.end, b)):
            chars[p - a] = " "
    return "".join(chars)
