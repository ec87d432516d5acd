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
_OPENING_MENTIONS = 3  # phrases read at a headline's or standfirst's start for the person it opens with


class LeadCoreference:
    """The lead half of coreference."""

    def _named_next(self, ref: Ref) -> str | None:
        """A standfirst's or a lead's role that no one was named with ("…, Greece’s foreign minister
        said on Monday"): the person the next paragraphs bring in by full name as a subject
        ("‘…,’ Eleni Markopoulou told reporters"), of a compatible gender and with no other role
        of her own; None when the role is not that early or nobody new is named there."""
        starts = self.seg.blank_line_starts
        para = self.seg.paragraph_of(ref.pos)
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
            if self._other_gender(name, want):
                return None  # ("mówi ekonomistka …. Rozmawia Piotr Gajewski": a man's given name)
            return name
        return None

    def _headline_speaker(self, ref: Ref) -> str | None:
        """A lead's role that nobody is named with, under a headline that gives a person's full
        name and a colon ("Wiktor Hallmann: Teatr nie jest od tego …" over "Dyrektor teatru
        zapowiada, że …") or a standfirst that opens with one ("Graham Tulloch tells …"): that
        person, when the genders agree and the person has no other role; else None."""
        para = self.seg.paragraph_of(ref.pos)
        if self._headline_name is None:
            return None
        named, named_para = self._headline_name
        if not named_para < para <= _LEAD_PARAGRAPHS or self.gender(ref) == "pl" \
                or self.toks.lex.institution_role(ref.head) or ref.head in self.toks.fw.get("org_anaphor", ()) \
                or ref.head in self.toks.fw.get("collective_noun", ()):
            return None  # (a role in the standfirst that names the person is not hers: "Anna Nair spoke first. The ministry …";
            # nor a group's: "His family said" under an obituary's headline)
        want = self.gender(ref)
        if self._other_gender(named, want):
            return None
        if self._headline_roles - {ref.head}:
            return None  # ("Krzysztof Radwański: …" over "szef NATO zapowiedział": the minister has a role of his own)
        return named

    def _other_gender(self, name: str, want: str) -> bool:
        """The person ``name`` is known (from the text's pronouns or a given name) to be of the
        other gender than the role's ``want`` ("m"/"f")."""
        return want in ("m", "f") and (self.gender_of.get(name) or self.toks.given_gender(name) or want) != want

    @cached_property
    def _headline_roles(self) -> frozenset:
        """The roles the text gives the headline's or standfirst's person (read once)."""
        named = self._headline_name[0] if self._headline_name else None
        return frozenset(m.head for m in self.mentions.mentions if named and m.person and self.name(m.person) == named)

    @cached_property
    def _headline_name(self) -> tuple[str, int] | None:
        """The full name a headline opens with, right before its colon, or that opens the
        standfirst as its subject ("Graham Tulloch tells environment committee …"), with the
        paragraph it is in (0 or 1); else None. Only each paragraph's first phrases are read."""
        starts, text, mentions = self.seg.blank_line_starts, self.seg.text, self.mentions
        for para, words_before in ((0, 1), (1, 0)):  # (a title may open the headline: "Prof. Marta Wilczyńska:")
            if para >= len(starts):
                break
            k = bisect.bisect_left(mentions.positions, starts[para])
            for m in mentions.mentions[k:k + _OPENING_MENTIONS]:
                if len(text[starts[para]:m.pos].strip(" .\n").split()) > words_before:
                    break
                if m.kind != "name" or not (text[m.end:m.end + 1] == ":" if para == 0 else m.subject):
                    continue
                name = self.name(m.speaker)
                # (not "The Kurrawang Creek fire", "Obora Sokołowskich")
                person = para == 0 or self.toks.given_name(name.split()[0])
                return (name, para) if " " in name and person else None
        return None

    @cached_property
    def _first_named(self) -> dict[str, int]:
        """Each named person's canonical name -> where the text first names them."""
        first: dict[str, int] = {}
        for m in self.mentions.mentions:
            if m.kind == "name":
                first.setdefault(self.name(m.speaker), m.pos)
        return first

