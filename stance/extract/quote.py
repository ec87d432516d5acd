"""The record the extractor returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quote:
    """One statement found in a text.

    ``text == source[start:end]`` exactly: the statement without quotation marks, dashes
    or the attribution clause. ``speaker`` is the canonical nominative name (the fullest
    form used in the text), a role ("rzecznik Kremla") when no name is given, or None when
    nobody can be identified. ``kind`` is ``direct``, ``fragment`` or ``indirect``; ``cue``
    is the attributing word as it appears ("powiedział", "według", "headline") or None.
    """

    text: str
    speaker: str | None
    kind: str
    start: int
    end: int
    cue: str | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "speaker": self.speaker, "kind": self.kind,
                "start": self.start, "end": self.end, "cue": self.cue}
