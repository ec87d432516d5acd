"""Coreference: the canonical speaker a mention stands for, across the whole article.

* names: the fullest form used anywhere (``Hartwellem`` -> ``Daniel Hartwell``), inflected
  surnames matched by stem (``Kuleszy`` / ``Kulesza``);
* institutions: the fullest name, an acronym's, a body by its common noun (``coref_bodies``);
* roles: the person a role was linked to by apposition (``rzecznik Kremla Dmitrij Pieskow``
  earlier -> a later ``rzecznik Kremla`` is Pieskow), a more specific unnamed role, or the
  role itself; ``Jej rzeczniczka`` -> the role of the institution the possessive points to.

Lookups search a bounded number of mentions back (``LOOKBACK``), so long texts stay linear.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache
from pathlib import Path

from stance.extract.coref_bodies import LOOKBACK, BodyCoreference
from stance.extract.coref_leads import LeadCoreference
from stance.extract.interview import capitals_name, in_capitals, without_honorific
from stance.extract.mentions import Mentions, Ref, word_map
from stance.extract.morph import analyse as morph_analyse
from stance.extract.morph import is_adj, is_given_name
from stance.extract.phrases_pl import joined_particle
from stance.extract.segment import Segments

# a masculine surname's oblique endings ("Corvana", "Corvanowi", "Corvanem") that its base form drops
_OBLIQUE_ENDINGS = frozenset({"a", "owi", "em"})


_APPOSITION_NAME_WITHIN = 14  # tokens after "another <role>," in which an apposition may name the person


class Coreference(BodyCoreference, LeadCoreference):
    """Canonical speakers for one document; ``events`` are all attribution events."""

    def __init__(self, seg: Segments, mentions: Mentions, events):
        self.seg = seg
        self.toks = seg.tokens
        self.mentions = mentions
        self.articles = self.toks.fw.get("article", frozenset())
        self._indefinite = self.toks.fw.get("indefinite_article", frozenset())
        self.fulls = _full_names(mentions, events, self.toks.fw.get("couple_coord", frozenset()))
        # a full name's gender as a verb agreed with it ("Astrid Hansen oceniła"): a role's lemma
        # ("przewodniczący" for "Przewodnicząca") may say otherwise
        self._agreed_genders = {e.ref.speaker: e.ref.gender for e in events
                                if e.ref is not None and e.ref.kind == "name" and e.ref.agreed and e.ref.gender in ("m", "f")}
        self._firm_firsts: dict[str, str] | None = None  # first word -> a two-word firm or club (built when first asked)
        self._inside: dict[str, set] | None = None  # a surname inside full names -> those names
        self._fulls_index = None
        self.aliases = self._inst_aliases()
        self.gender_of: dict[str, str] = {}
        self._name_cache: dict[str, str] = {}
        # memo tables keyed by id(): hashing a whole Ref per lookup would cost more than the
        # work saved; the mentions (and so the ids) live as long as this object
        self._compat_cache: dict[int, tuple] = {}
        self._places_cache: dict[int, frozenset] = {}
        self._canon_cache: dict[tuple, tuple] = {}
        self._link_positions = {head: [r.pos for r in links] for head, links in mentions.links_by_head.items()}
        self._role_positions = {head: [r.pos for r in roles] for head, roles in mentions.roles_by_head.items()}
        self.generic_roles = self.toks.fw.get("generic_role", frozenset())
        self.generic_complements = self.toks.fw.get("generic_complement", frozenset())
        self.inst_anaphors: dict[str, set] = {}
        for pair in self.toks.fw.get("inst_anaphor", ()):
            noun, first = pair.split("=")
            self.inst_anaphors.setdefault(noun, set()).update((first, first[:6]))
        # every role linked to a person, by position: a generic role ("the Turkish leader")
        # may stand for a person of any office
        self._all_links = sorted((r for links in mentions.links_by_head.values() for r in links), key=lambda r: r.pos)
        self._all_link_positions = [r.pos for r in self._all_links]
        first_break = seg.text.find("\n\n")
        self._headline_end = first_break if first_break >= 0 else 0  # the first paragraph of several
        # mentions that speak: an event's explicit speaker ("Zdaniem dr Heleny Wójcik") as well as subjects
        # (by where they end: "dr Heleny Wójcik" and "Heleny Wójcik" are one mention)
        self._speaking = {e.ref.end for e in events if e.mode == "explicit" and e.ref is not None}
        for ev in sorted((e for e in events if e.mode == "explicit" and e.ref is not None), key=lambda e: e.pos):
            if ev.gender in ("m", "f") and ev.ref.kind == "name":
                self.gender_of.setdefault(ev.ref.speaker, ev.gender)
                self.gender_of.setdefault(self.name(ev.ref.speaker), ev.gender)

    # -- names ---------------------------------------------------------------------------
    def name(self, speaker: str) -> str:
        """The fullest form of a person's name in the document."""
        got = self._name_cache.get(speaker)
        if got is None:
            got = self._fullest(speaker)
            if got != speaker:
                got = self._fullest(got)  # "Ortega" -> "Ortega Ibáñez" -> "Rafael Ortega Ibáñez"
            if got == speaker and joined_particle(speaker, self.toks.fw.get("particle", ())):
                # "Al-Harbi" opening a sentence is the "al-Harbi" of "Fajsal al-Harbi"
                lowered = speaker[0].lower() + speaker[1:]
                got = self._fullest(lowered)
                got = got if got != lowered else speaker
            if got == speaker and " " not in speaker:
                got = self._surname_inside(speaker) or speaker
            if got == speaker and in_capitals(speaker) and len(speaker) > 1:
                got = self._in_capitals(speaker)
            self._name_cache[speaker] = got
        return got

    def _in_capitals(self, speaker: str) -> str:
        """A name in capitals ("MS HARALDSEN", a transcript's label) as the person the text
        names in ordinary case ("Liv Haraldsen"), without its honorific; else as written."""
        plain = without_honorific(capitals_name(speaker), self.toks.fw)
        words = plain.split()
        if in_capitals(plain):
            return speaker  # "G7": no letters to lower
        got = self.name(plain)
        return got if got != plain or words in self.fulls else speaker

    @cached_property
    def _families(self) -> dict[str, list[tuple[str, str]]]:
        """Surname -> the full names ending in it, each with its gender ("" when unknown)."""
        genders: dict[str, str] = dict(self._agreed_genders)
        for m in self.mentions.mentions:
            if m.kind == "name" and m.gender in ("m", "f") and " " in m.speaker:
                genders.setdefault(m.speaker, m.gender)
        out: dict[str, list[tuple[str, str]]] = {}
        for full in self.fulls:
            if len(full) > 1:
                name = " ".join(full)
                out.setdefault(full[-1], []).append((name, genders.get(name) or self.gender_of.get(name, "")))
        return out

    def namesakes(self, speaker: str) -> list[tuple[str, str]]:
        """The full names the text gives with ``speaker``'s surname, each with its gender ("" when
        unknown); ``speaker`` is among them when the text names it in full."""
        return self._families.get(speaker.split()[-1], [])

    def one_or_latest(self, fulls: list[str], pos: int) -> str | None:
        """The only one of the full names ``fulls``, else the one the text wrote last before
        ``pos`` (None: none)."""
        return fulls[0] if len(fulls) == 1 else self.latest_of(fulls, pos) if fulls else None

    def latest_of(self, fulls: list[str], pos: int) -> str | None:
        """Which of the full names ``fulls`` the text wrote last before ``pos`` (None: none)."""
        mentions = self.mentions
        for m in mentions.before(pos, LOOKBACK):
            if m.kind == "name" and m.speaker in fulls:
                return m.speaker
        return None

    def _surname_inside(self, word: str) -> str | None:
        """The one full name a lone surname stands for when it is not the name's last word:
        after a joined particle ("Mahdawi" for "Faraj al-Mahdawi") or the first of two
        surnames ("Salcedo" for "Rodrigo Salcedo Ibarra")."""
        if self._inside is None:
            particles = self.toks.fw.get("particle", ())
            self._inside = {}
            for full in self.fulls:
                inner = [full[-1].partition("-")[2]] if joined_particle(full[-1], particles) else []
                if len(full) == 3:
                    inner.append(full[1])
                for w in inner:
                    self._inside.setdefault(w, set()).add(" ".join(full))
        found = self._inside.get(word, ())
        return next(iter(found)) if len(found) == 1 else None

    def _fullest(self, speaker: str) -> str:
        parts = speaker.split()
        if not parts:
            return speaker
        n = len(parts)
        candidates = self._fulls_for(parts)
        exact = next((full for full in candidates if len(full) > n and full[-n:] == parts), None)
        if exact is not None:
            return " ".join(exact)  # "Sokołowska" is "Ewa Sokołowska", not the "Obora Sokołowskich" of a stem match
        for full in candidates:
            if len(full) <= n:
                if len(full) == n and full != parts and full[:-1] == parts[:-1] and _stem_eq(parts[-1], full[-1]):
                    return " ".join(full)
                continue
            tail = full[-n:]
            if tail[:-1] == parts[:-1] and (  # (an exact tail was taken above)
                    tail[-1].split("-")[0] == parts[-1] or _stem_eq(parts[-1], tail[-1])
                    or _stem_eq(parts[-1], tail[-1].split("-")[0])):
                return " ".join(self._in_base_form(full, parts[-1]))

            if n == 1 and full[0] == parts[0] and not any(f[-1] == parts[0] for f in self.fulls):
                return " ".join(full)  # "Lin" -> "Lin Cheng-hao", "Liang" -> "Liang Weiming"
        return speaker

    def _in_base_form(self, full: list[str], surname: str) -> list[str]:
        """A full name the text gave only in an oblique case ("zwolennicy prezydenta Mateia
        Corvana"), read back in the base form its bare surname shows ("Corvan ogłosił"): the
        surname's ending taken off the given names morfeusz2 does not know too ("Matei Corvan")."""
        last = full[-1]
        ending = last[len(surname):] if last.startswith(surname) else ""
        if not ending or ending not in _OBLIQUE_ENDINGS or not self.toks.lex.rules.case_marked:
            return full
        given = [w[:-len(ending)] if w.endswith(ending) and len(w) > len(ending) + 2 and not is_given_name(w) else w
                 for w in full[:-1]]
        return given + [surname]

    def _fulls_for(self, parts: list[str]) -> list[list[str]]:
        """The full names ``_fullest`` may match for ``parts``, in ``self.fulls`` order: those
        whose last word starts with the same two letters as the last of ``parts`` (every test
        there compares last words by a common prefix) or, for one word, whose first word is it.
        An index instead of a scan: a long text has hundreds of full names."""
        index = self._fulls_index
        if index is None:
            by_last: dict[str, list[int]] = {}
            by_first: dict[str, list[int]] = {}
            for i, full in enumerate(self.fulls):
                by_last.setdefault(full[-1][:2], []).append(i)
                by_first.setdefault(full[0], []).append(i)
            index = self._fulls_index = (by_last, by_first)
        last = parts[-1]
        if len(last) < 2:
            return self.fulls
        found = index[0].get(last[:2], [])
        if len(parts) == 1:
            found = sorted(set(found) | set(index[1].get(last, ())))
        return [self.fulls[i] for i in found]

    def gender(self, ref: Ref) -> str:
        return ref.gender or self.gender_of.get(ref.speaker, "")

    # -- roles -------------------------------------------------------------------------
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

    def person_gender(self, person: str | None) -> str:
        """A named person's gender as a verb agreed with the name, else as the given name says
        ("Drugi świadek, chirurg dr Paweł Grabiec, przekonywał": the verb agrees with the role)."""
        full = self.name(person)
        return self.gender_of.get(full) or (self.toks.given_gender(full) if full and " " in full else "")

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

    def speaker(self, ref: Ref | None, pos: int) -> str | None:
        """The canonical speaker a mention stands for (memoised: mentions are final)."""
        if ref is None:
            return None
        key = (id(ref), pos)
        got = self._canon_cache.get(key)
        if got is None or got[0] is not ref:
            got = self._canon_cache[key] = (ref, self._speaker(ref, pos))
        return got[1]

    def described_only(self, ref: Ref) -> bool:
        """"a fan at the back of the hall", "someone near the stage": an indefinite phrase of no
        role the lexicon knows describes a person the text never names."""
        toks = self.toks
        k = bisect.bisect_left(toks.starts, ref.pos)
        return k < len(toks.lows) and ref.head not in toks.lex.titles and (
            toks.lows[k] in toks.fw.get("indefinite_person", ()) or toks.lows[k] in toks.fw.get("indefinite_pronoun", ()))

    def another(self, ref: Ref) -> bool:
        """"another economist", "inny rozmówca": a role that says it is somebody else."""
        toks = self.toks
        others = toks.fw.get("other_determiner", ())
        k = bisect.bisect_left(toks.starts, ref.pos)
        if not ((k < len(toks.lows) and toks.lows[k] in others) or any(m in others for m in ref.mods)):
            return False
        # unless its apposition names the person ("Another witness, a man who gave his name only as Dean, said")
        e = bisect.bisect_left(toks.starts, ref.end)
        if e < len(toks.words) and toks.words[e] == ",":
            for t in range(e + 1, min(len(toks.words), e + _APPOSITION_NAME_WITHIN)):
                if toks.kind(t) == "name":
                    return False
                if toks.kind(t) == "cue":
                    break
        return True

    def _local(self, ref: Ref) -> bool:
        """"podała miejscowa policja": the force of the place just named, not the one named before."""
        return any(m in self.toks.fw.get("local_modifier", ()) for m in ref.mods)

    def _speaker(self, ref: Ref, pos: int) -> str | None:
        if ref.kind == "name":
            if ref.gender in ("m", "f") and " " not in ref.speaker:
                family = self._families.get(ref.speaker, ())
                if len(family) > 1:
                    # "said Mrs Doyle" after Margaret and Kevin Doyle: the one of her gender
                    # (or of a gender the text never showed: "Mr. Boyd said" after Thomas Boyd and
                    # "her son, Daniel Boyd": of those, the one named last)
                    chosen = self.one_or_latest([full for full, gender in family if gender in (ref.gender, "")], ref.pos)
                    if chosen:
                        return chosen
            firm = self._firm_named(ref.speaker)
            if firm:
                return firm  # "Calder Ridge said" after "private equity firm Calder Ridge Partners"
            return self.name(ref.speaker)
        if ref.kind == "inst":
            named = self._company_named(ref.speaker, ref.pos) if " " not in ref.speaker else None
            if named:
                return named  # "Firma, która …, potwierdziła": sentence-initial, read as a body's name
            if ref.speaker.islower() and " " not in ref.speaker:  # ("governor's office" speaks as written)
                return self._org_anaphor(ref.speaker, ref.pos)
            if ref.speaker.islower() and ref.speaker.replace(" ", "").replace("'", "").replace("’", "").isalpha():
                # "the health board said" after "Harwick and District Health Board": the body
                # named before with those words, else as written
                words = tuple(w.capitalize() for w in ref.speaker.split())
                full = self.mentions.inst_full.get(words)
                if full:
                    return full
                # "the fire service" and "North Pennine Fire and Rescue Service": the one body whose
                # name holds every word and ends in the same one
                fulls = {f for f in self.mentions.inst_full.values()
                         if f.split()[-1] == words[-1] and all(w in f.split() for w in words)}
                if len(fulls) == 1:
                    return fulls.pop()
            return self._owner_named(ref.speaker) or self.institution(ref.speaker)
        if ref.kind != "title":
            return ref.speaker
        if ref.person:
            return self.name(ref.person)
        named = self._institution_by_synonym(ref) or self._lead_author(ref)
        if named:
            return named  # "resort zdrowia" after "Ministerstwo Zdrowia"; "the researchers report" and the lead author
        if self.another(ref) or self.described_only(ref):
            return ref.speaker  # "Another economist, who asked not to be named": not the economist named before
        if ref.vague and not ref.comp and self.toks.lex.institution_role(ref.head) and not self._local(ref):
            named = self._company_named(ref.head, pos) or self._institution_named(ref.head, pos)
            if named:
                return named  # "W komunikacie związek poinformował": the union named before
        if ref.owner:
            owner = self._owner(ref)
            if owner:
                return owner
        mentions = self.mentions
        age = self._role_age(ref) if not ref.vague and not ref.partitive else None
        if age is not None and self.seg.text[ref.pos:age.start()].strip().lower() in ("", *self.articles) \
                and not self._introduced(ref):
            # "– … – powiedział 27-latek z Ciechanowa" after "Sam Ochocki … był przybity": a role
            # with a place or a field that opens with the age is the person just named, in this
            # paragraph or the one before, before any holder of the role named elsewhere (not
            # "pracownik tapicerni z 15-letnim stażem": an age inside is the role's own)
            since = self.seg.blank_line_starts[max(0, self.seg.paragraph_of(ref.pos) - 1)]  # this paragraph or the one before
            person = self._nearest_subject(ref, pos, True, since=since)
            if person:
                return person
        if ref.epithet and ref.vague:
            age = _AGE_RE.search(self.seg.text, ref.pos, ref.end or pos)
            aged = self._aged_person(age, ref.pos) if age is not None else None
            if aged:
                return aged
            by_age = age is not None
            if ref.mods and ref.head in self.generic_roles:
                # "Ukraiński polityk ocenił": the person named with a role sharing the modifier
                person = self._generic_role_person(ref, pos)
                if person:
                    return person
            person = self._nationality_person(ref, pos)
            if person:
                return person
            if any(mod in self.toks.fw.get("unnamed_modifier", ()) for mod in ref.mods):
                return ref.speaker  # "Unijny dyplomata, z którym rozmawialiśmy": no one named before
            # "Norweg dodał": the nearest named subject of the right gender
            return self._nearest_subject(ref, pos, by_age) or ref.speaker
        links = mentions.links_by_head.get(ref.head, ())
        positions = self._link_positions.get(ref.head, ())
        here = bisect.bisect_left(positions, ref.pos)
        if here < len(positions) and positions[here] == ref.pos and links[here].person:
            return self.name(links[here].person)  # this very mention's apposition ("jeden z wolontariuszy, 19-letni Kuba")
        # a link at ``pos`` itself counts: a role carried back to from a later pronoun is looked
        # up at its own position, where its apposition ("Angela Brook, … chief fire officer") is
        k = bisect.bisect_right(positions, pos)
        # then forward: a headline's or a live blog's "Rzeczniczka Straży Granicznej: …" names
        # the person further on ("Anna Michalska, rzeczniczka komendanta Straży Granicznej")
        link = self._first_compatible(ref, links, range(k - 1, max(-1, k - 1 - LOOKBACK), -1)) \
            or self._first_compatible(ref, links, range(k, min(len(links), k + LOOKBACK)))
        if link is not None:
            return self.name(link.person)
        person = self._synonym_person(ref, pos)
        if person:
            return person
        if ref.vague and not ref.mods and " " not in ref.speaker:
            # "the ministry" after "the Finance Ministry": the institution named with that noun
            full = mentions.inst_full.get((ref.speaker.capitalize(),))
            if full and full.split()[-1].lower() == ref.speaker.lower():
                return full
        if ref.vague and not ref.mods and ref.head in self.inst_anaphors:
            inst = self._institution_before(ref.head, pos)
            if inst:
                return inst
        generic = ref.head in self.generic_roles
        if (ref.mods or (generic and ref.comp)) and (generic or self.gender(ref) in ("m", "f")) \
                and ref.head not in self.toks.lex.org_lemmas:  # "kosowski urząd statystyczny" is no person
            # "the Turkish leader"; a role met again under another noun whose gender is known
            # ("mołdawska negocjatorka" after "zastępczyni szefa mołdawskiej delegacji Irina Cebanu")
            person = self._generic_role_person(ref, pos, strict=not generic)
            if person:
                return person
        source = self._interlocutor_source(ref, pos)
        if source:
            return source
        age = self._role_age(ref, before=True)
        if age is not None:
            # "– … – mówi 58-letni hodowca" after "Stanisław Fedak ma stado", "The 61-year-old retired
            # school secretary": a role with an age describes the person named before, unless it
            # says it is another
            aged = self._aged_person(age, ref.pos) or (None if ref.comp and not ref.vague else self._nearest_subject(ref, pos, True))
            if aged:
                return aged
        # the nearest earlier mention of the same role ("the official" after "an official in
        # the trade ministry", not after the "fourteen officials" of the standfirst)
        roles = mentions.roles_by_head.get(ref.head, ())
        k = bisect.bisect_left(self._role_positions.get(ref.head, ()), ref.pos)
        for m in reversed(roles[max(0, k - LOOKBACK):k]):
            if m != ref and self.compatible(ref, m):
                if self._role_age(m) is not None:
                    # "aktorka" after "Zofia Lenartowicz. 71-letnia aktorka, …": whom the aged role describes
                    return self.speaker(m, m.pos) or m.speaker
                return m.speaker
        return self._named_next(ref) or self._headline_speaker(ref) or ref.speaker

    def _lead_author(self, ref: Ref) -> str | None:
        """A study's researchers (``study_group``) speak through its lead author, when the text
        names one ("Lead author Dr Helen Marsh"), else None."""
        fw = self.toks.fw
        if ref.head not in fw.get("study_group", ()) or ref.gender != "pl" \
                or any(w not in fw.get("study_noun", ()) for w in ref.comp):
            return None  # ("Autorzy pracy piszą"; not "researchers at the University of Wexcombe")
        return self._lead_author_named

    @cached_property
    def _lead_author_named(self) -> str | None:
        """The person the text names as a study's lead author (read once), else None."""
        fw = self.toks.fw
        leads = fw.get("lead_modifier", ())
        for noun in fw.get("study_author_noun", ()):
            for link in self.mentions.links_by_head.get(noun, ()):
                if link.person and any(m in leads for m in link.mods):
                    return self.name(link.person)
        return None

    def _institution_by_synonym(self, ref: Ref) -> str | None:
        """The institution named in the text under the noun ``inst_synonym`` gives for the role's
        head, with the role's words after it ("resort zdrowia": "Ministerstwo Zdrowia"), else None."""
        noun = word_map(self.toks, "inst_synonym").get(ref.head)
        if not noun or not ref.comp or len(ref.comp) > 2 or ref.mods:
            return None
        name = " ".join((noun, *ref.comp))
        full = self.mentions.inst_full.get((ref.comp[-1].capitalize(),), "")
        return full if full.lower() == name or full.lower().startswith(name + " ") else None

    def _interlocutor_source(self, ref: Ref, pos: int) -> str | None:
        """"– dodał rozmówca PAP", "Według naszego rozmówcy" after "Jeden z unijnych dyplomatów
        … ocenił": the nearest earlier unnamed source that spoke, described by another noun;
        None unless ``ref`` is the paper's interlocutor with nothing but a medium after it."""
        fw = self.toks.fw
        head, *rest = ref.speaker.lower().split()
        if head not in fw.get("interlocutor", ()) or not all(w in fw.get("interlocutor_medium", ()) for w in rest):
            return None
        mentions = self.mentions
        for m in mentions.before(pos, LOOKBACK):
            if m.kind == "title" and not m.person and " " in m.speaker and m.head not in fw.get("interlocutor", ()) \
                    and m.end in self._speaking and not self.toks.lex.institution_role(m.head):
                return m.speaker
        return None

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
        age = _AGE_RE.search(self.seg.text, ref.pos, ref.end) or (self._age_before(ref.pos) if before else None)
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
            if m.kind == "name" and (m.subject or m.end in self._speaking) and _gender_ok(self.gender(m), ref.gender):
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

    def _owner(self, ref: Ref) -> str | None:
        """"Jej rzeczniczka" after "Komisja Europejska zaapelowała": the role of the institution
        the possessive points to, with the institution in the genitive ("rzeczniczka Komisji
        Europejskiej"). The nearest earlier institution of the possessive's gender, in the
        previous two sentences."""
        from stance.extract.morph import genitive, noun_gender

        seg, mentions = self.seg, self.mentions
        si = seg.sentence_of(ref.pos)
        lo = seg.sentences[max(0, si - 2)].start if si >= 0 else 0
        k = bisect.bisect_left(mentions.positions, ref.pos) - 1
        while k >= 0 and mentions.mentions[k].pos >= lo:
            m = mentions.mentions[k]
            k -= 1
            if m.kind != "inst" or not m.speaker[:1].isupper():
                continue
            words = m.speaker.split()
            gender = noun_gender(words[0])
            if not gender or (ref.owner == "f") != (gender == "f") or ref.owner == "pl":
                continue
            out = [genitive(words[0])]
            agree = True
            for w in words[1:]:
                if agree and _adjective(w):
                    out.append(genitive(w, gender))
                else:
                    agree = False
                    out.append(w)
            return f"{ref.speaker} {' '.join(out)}"
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


def _full_names(mentions: Mentions, events, couple: frozenset = frozenset()) -> list[list[str]]:
    """Every multi-word name, fullest first (nominative subjects first among equals)."""
    refs = [r for r in mentions.mentions if r.kind == "name"]
    refs += [e.ref for e in events if e.ref is not None and e.ref.kind == "name"]
    refs += mentions.content_names
    seen, out, rank = set(), [], {}
    for r in refs:
        parts = r.speaker.split()
        key = tuple(parts)
        if len(parts) >= 2 and not (len(parts) > 2 and parts[1] in couple):  # (a couple, "Adam i Tomasz Mazurowie", is no fuller name of either)
            if key not in seen:
                seen.add(key)
                out.append(parts)
            rank[key] = min(rank.get(key, 1), 0 if r.subject else 1)
    out.sort(key=lambda p: (-len(p), rank.get(tuple(p), 1)))
    return out


def _adjective(word: str) -> bool:
    return any(tag.startswith("adj:") and ":nom:" in tag for _l, tag, _q in morph_analyse(word.lower()))


_AGE_RE = re.compile(r"(\d+)-(\w[\w-]*)")  # "24-year-old", "29-latek"
_AGE_BEFORE_RE = re.compile(r"(\d+)-(\w[\w-]*)\s+$")  # the age word right before a role
_AGE_BEFORE_REACH = 24  # characters before a role searched for its age


def _gender_ok(gender: str, want: str) -> bool:
    return not want or not gender or gender == want or want == "pl"


def _stem_eq(a: str, b: str) -> bool:
    """Two inflected forms of one surname ("Melnyczenki"/"Melnyczenko", "Kuleszy"/"Kulesza")."""
    if a == b or not a[:1].isupper() or not b[:1].isupper():
        return False
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


_INITIALISM_MAX = 5  # capitalised words an acronym may spell ("Polskie Linie Kolejowe" -> "plk")


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
