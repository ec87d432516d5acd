"""Coreference for a lead's roles: the person a headline's standfirst or a wire lead describes
only by role ("…, Greece’s foreign minister said on Monday") and names in the paragraphs after
("‘…,’ Eleni Markopoulou told reporters"). A mixin of ``coref.Coreference``, which gives ``seg``,
``toks``, ``mentions``, ``gender``, ``gender_of`` and ``name``."""

from __future__ import annotations

import bisect
from functools import cached_property

from stance.extract.mentions import Ref

_LEAD_PARAGRAPHS = 2  # after the headline, a standfirst and the lead: where a role may be named only later
_NAMED_NEXT_PARAGRAPHS = 2  # paragraphs after the role's own where its holder may first be named
_NAMED_NEXT_MENTIONS = 60  # mentions read after the role for that holder


class LeadCoreference:
    """The lead half of coreference."""

    def _named_next(self, ref: Ref) -> str | None:
        """A standfirst's or a lead's role that no one was named with ("…, Greece’s foreign minister
        said on Monday"): the person the next paragraphs bring in by full name as a subject
        ("‘…,’ Eleni Markopoulou told reporters"), of a compatible gender and with no other role
        of her own; None when the role is not that early or nobody new is named there."""
        starts = self.seg.blank_line_starts
        para = bisect.bisect_right(starts, ref.pos) - 1
        if not 0 < para <= _LEAD_PARAGRAPHS or self.gender(ref) == "pl" or self.toks.lex.institution_role(ref.head) \
                or ref.head in self.toks.fw.get("collective_noun", ()):
            return None  # (a headline's role is the echo stage's: "…, jury told" quotes the prosecutor)
        until = starts[para + _NAMED_NEXT_PARAGRAPHS + 1] if para + _NAMED_NEXT_PARAGRAPHS + 1 < len(starts) else len(self.seg.text)
        mentions = self.mentions
        k = bisect.bisect_right(mentions.positions, ref.pos)
        want = self.gender(ref)
        for m in mentions.mentions[k:k + _NAMED_NEXT_MENTIONS]:  # (a bounded look: a lead that never ends stays linear)
            if m.pos >= until:
                break
            if m.kind != "name" or not m.subject:
                continue
            name = self.name(m.speaker)
            if " " not in name or self._first_named[name] < ref.pos or (m.head and m.head != ref.head):
                return None  # (the first subject named there is somebody else, or was named before)
            if want in ("m", "f") and self.gender_of.get(name, want) not in (want, ""):
                return None
            return name
        return None

    @cached_property
    def _first_named(self) -> dict[str, int]:
        """Each named person's canonical name -> where the text first names them."""
        first: dict[str, int] = {}
        for m in self.mentions.mentions:
            if m.kind == "name":
                first.setdefault(self.name(m.speaker), m.pos)
        return first
