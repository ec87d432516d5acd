"""Coreference for roles: when a role mention may be the same speaker as a role linked to a
named person (every modifier and complement word shared; a body's name before the role asks only
that the holder was named with that body), and the lookups for a role no link settles: a synonym
(``szef MSZ`` -> ``minister spraw zagranicznych``), a generic role (``the Turkish leader``), a
nationality (``Norweg``) and an age (``the 81-year-old``, ``62-latek``). A mixin of
``coref.Coreference``, which gives ``seg``, ``toks``, ``mentions``, ``name``, ``speaker``,
``gender_of``, the links by position and the memo tables."""

from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache
from pathlib import Path

from stance.extract.coref_bodies import LOOKBACK
from stance.extract.mentions import Ref
from stance.extract.morph import is_adj, is_given_name

AGE_RE = re.compile(r"(\d+)-(\w[\w-]*)")  # "24-year-old", "29-latek"
_AGE_BEFORE_RE = re.compile(r"(\d+)-(\w[\w-]*)\s+$")  # the age word right before a role
_AGE_BEFORE_REACH = 24  # characters before a role searched for its age
_INITIALISM_MAX = 5  # capitalised words an acronym may spell ("Polskie Linie Kolejowe" -> "plk")


class RoleCoreference:
    """The roles half of coreference."""

    def gender(self, ref: Ref) -> str:
        return ref.gender or self.gender_of.get(ref.speaker, "")

    def compatible(self, ref: Ref, other: Ref) -> bool:
        """May ``ref`` (a role) be the same speaker as ``other`` (a role or a named role)?

        Every modifier of ``ref`` (but articles and short words) must share its first four
        letters with some word of ``other`` (modifiers, complement, person); a role with a
        complement must also share the first three letters of each complement word."""
        if not ref.head or ref.head != other.head or (ref.gender == "pl") != (other.gender == "pl"):
            return False  # (one doctor is none of "the doctors" named before)
        mods4, comp3, _t, _c = self._compat_keys(ref)
        _m, _c, theirs4, their_comp3 = self._compat_keys(other)
        if not mods4 <= theirs4:
            return False
        if self._vague(ref):
            return True
        return bool(comp3) and comp3 <= their_comp3

    def _first_compatible(self, ref: Ref, refs: list, order) -> Ref | None:
        """The first of ``refs[j] for j in order`` that ``compatible`` accepts (the same test,
        with ``ref``'s keys read once: this scan runs for every role mention)."""
        if not ref.head or ref.gender == "pl":
            return None  # ("posłowie Ruchu … zaczęli skandować": a group is none of its named members)
        mods4, comp3, _t, _c = self._compat_keys(ref)
        vague = self._vague(ref)
        if not vague and not comp3:
            return None
        keys, head = self._compat_keys, ref.head
        # "zastępca komendanta" after "jego obowiązki przejmie zastępca, st. kpt. Robert Kaczmarczyk":
        # the text's one holder of the role, introduced without a complement
        # (a complement that names a body, "rzecznik Kremla", or a role brought in as new, "a
        # lecturer in the business school", is somebody else)
        # (an epithet's body is the holder's own: "Kołowy Nadwiślanina" after "kołowy Mateusz Gawron")
        sole = not vague and (ref.epithet or not any(w[:1].isupper() for w in ref.speaker.split()[1:])) and not self._introduced(ref) \
            and len({self.name(r.person) for r in refs if r.head == head}) == 1
        # "Rzecznik odpowiedziała": a woman, not "rzecznik Komisji Europejskiej Olivier Vandenberghe"
        # (a masculine role noun alone says nothing: it is also the title of women; its verb does)
        want = ref.gender if ref.gender == "f" or (ref.gender == "m" and ref.agreed) else ""
        # "the Dunmore manager" after "Dunmore Athletic … manager Gareth Lowrie": a body's name
        # before the role asks nothing of the text's one holder of it
        bodies = self._body_modifiers(ref)
        own = mods4 - bodies.keys()
        for j in order:
            other = refs[j]
            if other.head != head:
                continue
            _m, _c, theirs4, their_comp3 = keys(other)
            if (mods4 <= theirs4 or own != mods4 and own <= theirs4 and self._named_beside(other, bodies.values())) \
                    and (vague or comp3 <= their_comp3 or (sole and not other.comp)):
                if want and self.person_gender(other.person) not in ("", want):
                    continue
                return other
        return None

    def _body_modifiers(self, ref: Ref) -> dict[str, str]:
        """The modifiers of ``ref`` that are capitalised words opening a body's name in the text
        ("Dunmore" of "Dunmore Athletic"), by their keys (first four letters)."""
        caps = {w for w in ref.speaker.split() if w[:1].isupper() and w.lower() in ref.mods}
        return {w.lower()[:4]: w for w in caps & self._body_first_words} if caps else {}

    @cached_property
    def _body_first_words(self) -> frozenset:
        return frozenset(m.speaker.split()[0] for m in self.mentions.mentions if m.kind == "inst" and " " in m.speaker)

    def _named_beside(self, link: Ref, words) -> bool:
        """The sentence that names the role's holder ``link`` has for its subject a body whose name
        opens with the one of ``words`` ("Dunmore Athletic have rejected …, with manager Gareth Lowrie")."""
        si = self.seg.sentence_of(link.pos)
        if si < 0 or len(words) != 1:
            return False
        sent = self.seg.sentences[si]
        subject = min((m for m in self.mentions.before(sent.end, LOOKBACK) if m.pos >= sent.start and m.subject),
                      key=lambda m: m.pos, default=None)
        return subject is not None and subject.kind == "inst" and subject.speaker.split()[0] in words

    def _introduced(self, ref: Ref) -> bool:
        """The role comes with an indefinite article ("a lecturer in the business school"): a new person."""
        k = bisect.bisect_left(self.toks.starts, ref.pos)
        return any(0 <= t < len(self.toks.lows) and self.toks.lows[t] in self._indefinite for t in (k - 1, k))

    def _vague(self, ref: Ref) -> bool:
        """A role without a complement, or with only a generic one (``generic_complement``:
        "prezydent miasta", "wójt gminy"): any named holder of that role may be meant."""
        return ref.vague or bool(ref.comp) and all(c in self.generic_complements for c in ref.comp)

    def _compat_keys(self, ref: Ref) -> tuple:
        got = self._compat_cache.get(id(ref))
        if got is None or got[0] is not ref:
            theirs = ref.mods + ref.comp + tuple(w.lower() for w in (ref.person or "").split())
            got = self._compat_cache[id(ref)] = (ref, (
                frozenset(m[:4] for m in ref.mods if m not in self.articles and len(m) >= 3),
                frozenset(c[:3] for c in ref.comp if len(c) > 2 and c not in self.generic_complements),
                frozenset(w[:4] for w in theirs),
                frozenset(w[:3] for w in ref.comp) | _initialisms(f"{ref.speaker} {ref.role}")))
        return got[1]

    def _synonym_person(self, ref: Ref, pos: int) -> str | None:
        """"Szef MSZ" after "minister spraw zagranicznych Adam Wierzbicki": the role read as the
        one it stands for (``<lang>_role_synonyms.txt``), matched against the nearest earlier
        person's role (same head noun, every other word by its first four letters)."""
        other = role_synonym(self.toks.lex.lang, ref.speaker)
        extra: set = set()
        if not other and self.toks.cased:
            # "szef węgierskiej dyplomacji": the synonym without the adjective, which the
            # person's role must share too ("Węgierski minister spraw zagranicznych")
            head_word, *words = ref.speaker.split()
            adjectives = [w for w in words if is_adj(w.lower())]
            if adjectives:
                other = role_synonym(self.toks.lex.lang, " ".join([head_word] + [w for w in words if w not in adjectives]))
                extra = {w.lower()[:4] for w in adjectives}
        elif not other and ref.head and ref.head != ref.speaker.lower():
            # "Aldermoor CEO" before "Aldermoor Chief Executive Helen Marchetti": the head's synonym,
            # with the modifiers the person's role must share
            other = role_synonym(self.toks.lex.lang, ref.head)
            extra = {m.lower()[:4] for m in ref.mods if m.lower() not in self.articles and len(m) >= 3}
        if not other:
            return None
        head, *rest = other.split()
        want = {w[:4] for w in rest} | extra
        k = bisect.bisect_left(self._all_link_positions, pos)
        for link in reversed(self._all_links[max(0, k - LOOKBACK):k]):
            if link.head[:5] == head[:5] and want <= self._compat_keys(link)[2]:
                return self.name(link.person)
        for link in self._all_links[k:k + LOOKBACK]:  # a headline's role, named further on
            if link.head[:5] == head[:5] and want <= self._compat_keys(link)[2]:
                return self.name(link.person)
        return None

    def _generic_role_person(self, ref: Ref, pos: int, strict: bool = False) -> str | None:
        """"The Turkish leader" after "Turkish President Kemal Arslan": the nearest earlier
        person whose role shares every modifier (by its first four letters), and for a generic
        role every complement word too ("szef stowarzyszenia" after "prezes Stowarzyszenia
        Przewoźników")."""
        mods4 = self._compat_keys(ref)[0]
        if ref.head in self.generic_roles:
            mods4 = mods4 | {c[:4] for c in ref.comp if len(c) > 2 and c not in self.generic_complements}
        if not mods4:
            return None
        want = self.gender(ref)

        def fits(link) -> bool:
            # ``strict``: another role noun, so the person's gender must be known and agree;
            # the countries of the link's sentence count ("Mołdawię reprezentuje wiceminister …
            # Victor Rusu" for "mołdawski wiceminister")
            return mods4 <= self._compat_keys(link)[2] | self._sentence_places(link.pos) and (
                not strict or self.gender(link) == want or self.gender_of.get(self.name(link.person)) == want)

        k = bisect.bisect_left(self._all_link_positions, pos)
        for link in reversed(self._all_links[max(0, k - LOOKBACK):k]):
            if fits(link):
                return self.name(link.person)
        if ref.vague or ref.pos < self._headline_end:
            # a headline's "says rail union chief", "Polski ambasador przy UE:": named further on
            for link in self._all_links[k:k + LOOKBACK]:
                if fits(link):
                    return self.name(link.person)
        return None

    def _sentence_places(self, pos: int) -> frozenset:
        """The first four letters of the places named in the sentence at character ``pos``."""
        sents = self.seg.sentences
        k = bisect.bisect_right(sents, pos, key=lambda s: s.start) - 1
        got = self._places_cache.get(k)  # one scan per sentence, however many roles it holds
        if got is None:
            toks = self.toks
            got = frozenset(toks.lows[t][:4] for t in range(sents[k].t0, sents[k].t1) if toks.kind(t) == "place") if k >= 0 else frozenset()
            self._places_cache[k] = got
        return got

    def _role_age(self, ref: Ref, before: bool = False) -> re.Match | None:
        """The age a role mention is written with ("71-letnia aktorka", "the 24-year-old") or, with
        ``before``, right before it ("The 61-year-old retired school secretary"); None when there
        is none or its word is no age's."""
        if ref.kind != "title" or not ref.end:
            return None
        age = AGE_RE.search(self.seg.text, ref.pos, ref.end) or (self._age_before(ref.pos) if before else None)
        return age if age is not None and self._age_word(age) else None

    def _age_before(self, pos: int) -> re.Match | None:
        """An age written right before a role's modifiers ("The 61-year-old retired school
        secretary"), not after an indefinite article ("a 45-year-old mother of two": somebody new)."""
        text = self.seg.text
        age = _AGE_BEFORE_RE.search(text, max(0, pos - _AGE_BEFORE_REACH), pos)
        if age is None:
            return None
        before = text[max(0, age.start() - 4):age.start()].split()
        return None if before and before[-1].lower() in self.toks.fw.get("indefinite_article", ()) else age

    def _age_word(self, age: re.Match) -> bool:
        """Is the word after the number and hyphen an age ("81-year-old", "62-latek", "58-letni")?"""
        word, fw = age.group(2).lower(), self.toks.fw
        return word in fw.get("age_noun", ()) or word in fw.get("age_adjective", ())

    def _nearest_subject(self, ref: Ref, pos: int, by_age: bool, since: int = 0) -> str | None:
        """The nearest person named before ``pos`` (from ``since`` on) as a subject or a speaker,
        of ``ref``'s gender; ``by_age``: only one named in full or by a given name, or a role's
        holder named with it."""
        mentions = self.mentions
        for m in mentions.before(pos, LOOKBACK):
            if m.pos < since:
                break
            if by_age and m.kind == "title" and m.person and m.subject and m.pos < ref.pos:
                return self.name(m.person)  # "Ostrel’s foreign minister, Jonas Petrak, told parliament"
            if by_age and m.kind == "title" and m.epithet and m.subject and m.pos < ref.pos and m.head != ref.head:
                held = self.speaker(m, m.pos)  # "Kołowy Nadwiślanina podkreślał" after "kołowy Mateusz Gawron"
                if held and held != m.speaker and " " in held and held[:1].isupper():
                    return held
            if m.kind == "name" and (m.subject or m.end in self._speaking) and gender_ok(self.gender(m), ref.gender):
                if by_age and " " not in self.name(m.speaker) and not is_given_name(m.speaker):
                    continue  # "Derbyshire lost four wickets", "Termin dostała": an age is a person's, named in full or by a given name
                return self.name(m.speaker)
        return None

    def _aged_person(self, age: re.Match, before: int) -> str | None:
        """"the 81-year-old", "62-latek", "58-letni hodowca" (``age``, its number and word in the role): the person
        named before ``before`` with that age ("Margaret Doyle, 81,", "81-year-old Margaret Doyle",
        "Jan Lis (62 l.)"), the nearest; None when the noun is no age's or nobody was given it."""
        if not self._age_word(age):
            return None
        n = age.group(1)
        text = self.seg.text
        pattern = re.compile(rf"[,(]\s*{n}\b")  # "Margaret Doyle, 81,", "Jan Lis (62 l.)"
        written = re.compile(rf"\b{n}-\w+")  # "81-year-old Margaret Doyle", "62-letni Jan Lis"
        for m in self.mentions.before(before, LOOKBACK):
            if m.kind != "name" or (" " not in m.speaker and not m.person):
                continue
            after = m.end and pattern.match(text, m.end, m.end + 8)
            if after or written.search(text, max(0, m.pos - 16), m.pos) or written.search(m.role):
                return self.name(m.person or m.speaker)
        return None

    def _nationality_person(self, ref: Ref, pos: int) -> str | None:
        """"Islandczyk zaproponował" after "szefa islandzkiej delegacji Einara Thorsteinssona":
        the nearest earlier person whose role has a word of the nationality's stem (its first
        four letters), when the epithet is a nationality (a capitalised lemma); else None."""
        if not ref.head[:1].isupper():
            return None
        stem = ref.head.lower()[:4]
        k = bisect.bisect_left(self._all_link_positions, pos)
        for link in reversed(self._all_links[max(0, k - LOOKBACK):k]):
            if stem in self._compat_keys(link)[2] or link.head.lower()[:4] == stem:
                return self.name(link.person)  # (or named with the nationality itself: "z Norwegiem Sindre Hauglandem")
        return None


@lru_cache(maxsize=8)
def _role_synonyms(lang: str) -> tuple[dict, tuple]:
    """(exact role -> role, ((prefix words, role prefix), …), ((suffix words, role suffix), …))
    from ``<lang>_role_synonyms.txt``."""
    path = Path(__file__).resolve().parent / "lexicons" / f"{lang}_role_synonyms.txt"
    exact, prefixes, suffixes = {}, [], []
    if path.exists():
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if "=" not in line:
                continue
            left, right = (" ".join(p.split()) for p in line.split("=", 1))
            if left.endswith(" *") and right.endswith(" *"):
                prefixes.append((left[:-1], right[:-1]))
            elif left.startswith("* ") and right.startswith("* "):
                suffixes.append((left[1:], right[1:]))
            else:
                exact[left] = right
    return exact, tuple(prefixes), tuple(suffixes)


def role_synonym(lang: str, role: str) -> str:
    """The role ``role`` stands for ("szef MSZ" -> "minister spraw zagranicznych"), or ''."""
    exact, prefixes, suffixes = _role_synonyms(lang)
    low = " ".join(role.lower().split())
    if low in exact:
        return exact[low]
    for left, right in prefixes:
        if low.startswith(left) and len(low) > len(left):
            return right + low[len(left):]
    for left, right in suffixes:  # " msz" -> " spraw zagranicznych", the role noun before it kept
        if low.endswith(left) and len(low) > len(left):
            return low[:-len(left)] + right
    return ""


def gender_ok(gender: str, want: str) -> bool:
    return not want or not gender or gender == want or want == "pl"


def _initialisms(speaker: str) -> frozenset:
    """The acronyms a role's capitalised complement may be written as: the initials of every run
    of two to five capitalised words ("rzecznik spółki PKP Polskie Linie Kolejowe" -> "pl", "plk",
    "lk", …), lower-case, cut like the complement keys (three letters); a headline's "rzecznik
    PLK" is that role."""
    words = speaker.split()
    out = set()
    for i, w in enumerate(words):
        if not w[:1].isupper():
            continue
        letters = ""
        for v in words[i:i + _INITIALISM_MAX]:
            if not v[:1].isupper():
                break
            letters += v[0].lower()
            if len(letters) >= 2:
                out.add(letters[:3])
    return frozenset(out)
