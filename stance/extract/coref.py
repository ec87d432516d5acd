"""Coreference: the canonical speaker a mention stands for, across the whole article.

* names: the fullest form used anywhere (``Hartwellem`` -> ``Daniel Hartwell``), inflected
  surnames matched by stem (``Kuleszy`` / ``Kulesza``) (``coref_names``);
* institutions: the fullest name, an acronym's, a body by its common noun (``coref_bodies``);
* roles: the person a role was linked to by apposition (``rzecznik Kremla Dmitrij Pieskow``
  earlier -> a later ``rzecznik Kremla`` is Pieskow), a synonym's, a nationality's or an age's
  holder (``coref_roles``), a lead's role named only later (``coref_leads``), a more specific
  unnamed role, or the role itself; ``Jej rzeczniczka`` -> the role of the institution the
  possessive points to.

This module holds the decision tree (``Coreference._speaker``) over those parts.

Lookups search a bounded number of mentions back (``LOOKBACK``), so long texts stay linear.
"""

from __future__ import annotations

import bisect
from functools import cached_property

from stance.extract.coref_bodies import LOOKBACK, BodyCoreference
from stance.extract.coref_leads import LeadCoreference
from stance.extract.coref_names import NameCoreference, full_names
from stance.extract.coref_roles import AGE_RE, RoleCoreference
from stance.extract.mentions import Mentions, Ref, word_map
from stance.extract.morph import analyse as morph_analyse
from stance.extract.segment import Segments
from stance.extract.words import function_phrases

_APPOSITION_NAME_WITHIN = 14  # tokens after "another <role>," in which an apposition may name the person


class Coreference(NameCoreference, RoleCoreference, BodyCoreference, LeadCoreference):
    """Canonical speakers for one document; ``events`` are all attribution events."""

    def __init__(self, seg: Segments, mentions: Mentions, events):
        self.seg = seg
        self.toks = seg.tokens
        self.mentions = mentions
        self.articles = self.toks.fw.get("article", frozenset())
        self._indefinite = self.toks.fw.get("indefinite_article", frozenset())
        self.fulls = full_names(mentions, events, self.toks.fw.get("couple_coord", frozenset()))
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
            if not named and " " not in ref.speaker:
                enterprise = self._enterprise_named(ref.speaker, ref.pos)  # (not a body whose own name holds the noun)
                named = enterprise if enterprise and not self._institution_named(ref.speaker, ref.pos) else None
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
        named = self._institution_by_synonym(ref) or self._lead_author(ref) or self._body_of_town(ref)
        if named:
            return named  # "resort zdrowia" after "Ministerstwo Zdrowia"; "the researchers report" and the lead author
        if self.another(ref) or self.described_only(ref):
            return ref.speaker  # "Another economist, who asked not to be named": not the economist named before
        if ref.vague and not ref.comp and self.toks.lex.institution_role(ref.head) and not self._local(ref):
            named = self._company_named(ref.head, pos) or self._institution_named(ref.head, pos) or self._enterprise_named(ref.head, pos)
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
            age = AGE_RE.search(self.seg.text, ref.pos, ref.end or pos)
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
        named = self._named_next(ref) or self._headline_speaker(ref)
        if named:
            return named
        return self._definite_description(ref, pos) or ref.speaker

    def _definite_description(self, ref: Ref, pos: int) -> str | None:
        """"‘Sorry is the cheapest word …,’ the Labour MP for Ludlow Vale told reporters" after
        "The committee's chair, Rosalind Tarrant, was unimpressed": in a language whose roles are
        not declined, a definite role whose complement names a place or a body, held by nobody the
        text names, is the person last named as a subject in this paragraph or the one before (a
        language without articles, ``article`` minus ``indefinite_article``, has no such role)."""
        toks = self.toks
        if toks.cased or not ref.comp or ref.partitive or ref.gender == "pl" \
                or any(w in toks.lex.org_words for w in ref.speaker.split()):
            return None  # ("the U.S. Embassy in Belgrade": a body)
        k = bisect.bisect_left(toks.starts, ref.pos)
        if k >= len(toks.starts) or toks.starts[k] != ref.pos or toks.lows[k] not in self._definite_articles \
                or not any(w[:1].isupper() for w in ref.speaker.split()[1:]):
            return None
        since = self.seg.blank_line_starts[max(0, self.seg.paragraph_of(ref.pos) - 1)]
        return self._nearest_subject(ref, pos, False, since=since)

    @cached_property
    def _definite_articles(self) -> frozenset:
        """``article`` minus ``indefinite_article`` (read once)."""
        return frozenset(self.articles) - self.toks.fw.get("indefinite_article", frozenset())

    def _lead_author(self, ref: Ref) -> str | None:
        """A study's researchers (``study_group``) speak through its lead author, when the text
        names one ("Lead author Dr Helen Marsh"), else None."""
        fw = self.toks.fw
        if ref.head not in fw.get("study_group", ()) or ref.gender != "pl" \
                or any(w not in fw.get("study_noun", ()) for w in ref.comp):
            return None  # ("Autorzy pracy piszą"; not "researchers at the University of Wexcombe")
        if self._lead_author_named:
            return self._lead_author_named
        toks = self.toks
        k = bisect.bisect_left(toks.starts, ref.pos)
        if k < len(toks.starts) and toks.starts[k] == ref.pos and toks.lows[k] in self._definite_articles:
            return self._lead_described  # "The researchers report" (not "scientists have announced": the group)
        return None

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

    @cached_property
    def _lead_described(self) -> str | None:
        """The full name a sentence goes on to describe as the study's leader ("said Dr Lena Okafor,
        an astrophysicist at Eastmoor University who led the study"; ``study_lead``), read once;
        else None."""
        phrases = function_phrases(self.toks.lex.lang, "study_lead")
        text = self.seg.text
        for m in self.mentions.mentions:
            name = self.name(m.speaker) if m.kind == "name" else ""
            if " " in name:
                rest = text[m.end:self.seg.sentences[self.seg.sentence_of(m.pos)].end].lower()
                if any(p in rest for p in phrases):
                    return name
        return None

    def _body_of_town(self, ref: Ref) -> str | None:
        """"Klub ze Słupska poinformował" after "z Gryfem Słupsk": the body (``town_body_noun``)
        the text names with the town its phrase gives in the genitive, else None."""
        words = ref.speaker.split()
        if len(words) != 3 or words[0].lower() not in self.toks.fw.get("town_body_noun", ()) \
                or words[1].lower() not in self.toks.fw.get("description_prep", ()):
            return None
        towns = {lemma for lemma, tag, quals in morph_analyse(words[2])
                 if "nazwa_geograficzna" in quals and ":gen:" in tag}
        bodies = {self.mentions.inst_full.get((town,)) for town in towns} - {None}
        return bodies.pop() if len(bodies) == 1 else None

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


def _adjective(word: str) -> bool:
    return any(tag.startswith("adj:") and ":nom:" in tag for _l, tag, _q in morph_analyse(word.lower()))


