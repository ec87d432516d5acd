"""The candidate record every part of stage 3 makes, and what those parts share: the priorities
``select`` orders by, the attribution modes that make no statement, and span trimming."""

from __future__ import annotations

from dataclasses import dataclass

from stance.extract.cues import Event

NO_STATEMENT = ("media", "impersonal")  # a medium reports, an impersonal verb has no source
DIRECT, FRAGMENT, INDIRECT = 1, 2, 3  # priorities
DOUBLE_MARKS = "„“”«»\""  # quotation marks (not the apostrophes of "grandfather's")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str  # direct | fragment | indirect
    event: Event | None
    priority: int
    cue: str | None = None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:–—-"):
        end -= 1
    return start, end
