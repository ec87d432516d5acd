"""Coreference for bodies: the institution, firm or office a mention of one stands for (a
mixin of ``coref.Coreference``, which gives ``toks``, ``mentions``, ``fulls``, ``aliases``,
``inst_anaphors`` and ``name``).

* the fullest name of an institution, or the name an acronym was introduced with or spells;
* a body by its common noun ("the committee", "spółka", "resort"): the one named before;
* a firm or an office by part of its name ("Calder Ridge", "Aalto’s office").
"""

from __future__ import annotations

import bisect
from functools import cached_property
from itertools import chain

from stance.extract.marks import GENITIVE_S
from stance.extract.morph import analyse as morph_analyse
from stance.extract.morph import common_lemma, is_given_name, is_nominative_possible
from stance.extract.phrases import NAMED_BEFORE_WINDOW, NP
from stance.extract.phrases_en import initials, strip_possessive

LOOKBACK = 200  # mentions searched back for an antecedent
_ORG_NAME_MAX = 8  # tokens of its name


class BodyCoreference:
    """The institution half of coreference."""

    def institution(self, speaker: str) -> str:
        """An institution by its fullest name in the document ("Commission" -> "European
        Commission"; an acronym -> the name it was introduced with or spells)."""
        if speaker in self.aliases:
            return self.aliases[speaker]
        parts = speaker.split()
        if len(parts) == 1:
            person = self.name(speaker)
            if person != speaker:
                return person  # a surname read as a common or place noun ("Kuleszy", "Lin")
        full = self.mentions.inst_full.get(tuple(parts))
        return full if full and len(full.split()) > len(parts) else speaker

    def _inst_aliases(self) -> dict:
        """Acronym -> institution: the name it was introduced after in parentheses ("Road and
        Transport Workers' Federation (RTWF)"), else the first one named whose capitalised words,
        up to its seat, it spells ("RDOŚ": "Regionalna Dyrekcja Ochrony Środowiska w Poznaniu")."""
        toks = self.toks
        seat = toks.fw.get("acronym_ends", ())
        introduced: dict[str, str] = {}
        spelled: dict[str, str] = {}
        for m in self.mentions.mentions:
            if m.kind != "inst":
                continue
            k = bisect.bisect_left(toks.starts, m.end)
            if k + 2 < len(toks.words) and toks.words[k] == "(" and toks.words[k + 2] == ")" and toks.kind(k + 1) == "acro":
                introduced.setdefault(toks.words[k + 1], m.speaker)
            letters = []
            for w in m.speaker.split():
                if w in seat:
                    break
                if w[:1].isupper() and w.isalpha():
                    letters.append(w[0])
            if len(letters) >= 2 and " " in m.speaker:
                spelled.setdefault("".join(letters), m.speaker)
        return spelled | introduced | self._acronyms_defined()

    def _acronyms_defined(self) -> dict:
        """Acronym -> the capitalised run right before its parentheses whose initials it spells,
        wherever the run stands ("Lok Sangharsh Party (LSP) president …", "counsel for UK
        Anti-Doping (UKAD)", "na stronie Centralnego Związku Piłki Siatkowej (CZPS)"), in the
        nominative: a body named only inside another phrase is still the one its acronym means."""
        toks = self.toks
        words = toks.words
        joins = toks.fw.get("acronym_joins", ())
        found: dict[str, str] = {}
        for k in [i for i, w in enumerate(words) if w == "("]:
            if k + 2 >= len(words) or words[k + 2] != ")" or toks.kind(k + 1) != "acro" or words[k + 1] in found:
                continue
            want = "".join(c for c in words[k + 1] if c.isupper())
            first, letters = k, ""
            while first > 0 and k - first < _ORG_NAME_MAX and len(letters) < len(want):
                w = words[first - 1]
                if w[:1].isupper() and w.replace("-", "").isalpha():
                    letters = initials(w) + letters
                elif not (toks.lows[first - 1] in joins and first < k):
                    break
                first -= 1
            if letters != want or first == k or k - first < 2:
                continue
            oblique = bool(toks.cased) and is_nominative_possible(toks.lows[first]) is not True
            name = toks.canonical(NP(first, k, "inst", inst=list(range(first, k))), oblique)
            if name:
                found[words[k + 1]] = name
        return found

    def _org_anaphor(self, noun: str, pos: int) -> str:
        """"The committee warned": the institution named before with that last word ("Commons
        Defence Committee", also inside a role: "spokesman for the Larnholm Terminal Operators'
        Association"), else the nearest earlier institution ("the company" after "Chipmaker Veyra
        Semiconductors"), else the noun itself."""
        toks = self.toks
        k = bisect.bisect_left(toks.starts, pos) - 1
        named = self._named_with(noun, range(k, max(-1, k - NAMED_BEFORE_WINDOW), -1)) or self._classed_name(noun, k)
        if named:
            return named
        if noun in toks.fw.get("bare_body", ()):
            # "police", "the council": only a body named with that word, never another one; a
            # headline's or key point's is named further on ("…, council says" over "Harrowmere
            # District Council said"); else the one a common noun named ("an employment tribunal")
            return self._named_with(noun, range(k + 1, min(len(toks.words), k + 1 + NAMED_BEFORE_WINDOW))) \
                or self._described_body(noun, pos) or noun
        mentions = self.mentions
        company = noun in toks.fw.get("company_noun", ())
        firm = (self._firm_before(pos) or self._suffixed_firm_before(pos)) if company else None
        for m in mentions.before(pos, LOOKBACK):
            if firm is not None and m.kind == "name" and m.speaker == firm:
                return firm  # "Harwick Generics, which makes the tablets, said": a firm nearer than any body
            if m.kind == "inst" and m.subject and m.speaker[:1].isupper() and m.speaker not in toks.lex.places \
                    and not (m.speaker.isupper() and self.seg.text[m.end:m.end + 1] == ":"):  # ("QUIST:", a transcript's label)
                return self.institution(m.speaker)  # ("A British baby products company": no body's name)
        # "…, their union said." in a lead, with "The Docks and Harbour Workers' Union" further on
        return firm or self._named_with(noun, range(k + 1, min(len(toks.words), k + 1 + NAMED_BEFORE_WINDOW))) or noun

    def _classed_name(self, noun: str, k: int) -> str | None:
        """The body the text named with ``noun`` as its class, nearest before token ``k``: "the
        charity Memory Matters UK", "Memory Matters UK, a charity,"; else None (a place or a day
        is no body: "the tribunal in Cardiff", "on Tuesday, the company said")."""
        toks = self.toks
        words, lows = toks.words, toks.lows
        articles, indefinite = toks.fw.get("article", ()), toks.fw.get("indefinite_article", ())
        for t in range(k, max(-1, k - NAMED_BEFORE_WINDOW), -1):
            if words[t] != noun or t < 2:
                continue
            if lows[t - 1] in articles and t + 1 < len(words) and self._body_word(t + 1, first=True):
                end = t + 2  # "the charity Memory Matters UK"
                while end < len(words) and end - t <= _ORG_NAME_MAX and self._body_word(end):
                    end += 1
                return self.institution(toks.surface(list(range(t + 1, end))))
            if lows[t - 1] in indefinite and words[t - 2] == "," and t + 1 < len(words) and words[t + 1] in ",.":
                first = t - 2  # "Memory Matters UK, a charity,"
                while first > 0 and t - 2 - first < _ORG_NAME_MAX and self._body_word(first - 1):
                    first -= 1
                if first < t - 2 and self._body_word(first, first=True) and not toks.given_name(words[first]):
                    return self.institution(toks.surface(list(range(first, t - 2))))
        return None

    def _body_word(self, t: int, first: bool = False) -> bool:
        """A word of a body's name: capitalised, no verb, and not a place's or a day's name to begin with."""
        kind = self.toks.kind(t)
        return self.toks.words[t][:1].isupper() and (kind in ("name", "inst", "acro", "cap") or (not first and kind == "place"))

    def _described_body(self, noun: str, pos: int) -> str | None:
        """The nearest earlier body a lowercase phrase ending in ``noun`` named ("the tribunal"
        after "an employment tribunal has ruled"), else None."""
        mentions = self.mentions
        tail = " " + noun
        for m in mentions.before(pos, LOOKBACK):
            if m.kind == "inst" and m.speaker.islower() and m.speaker.endswith(tail):
                return m.speaker
        return None

    def _named_with(self, noun: str, tokens: range) -> str | None:
        """The first institution, over ``tokens`` in their order, whose name ends in ``noun``."""
        toks = self.toks
        want = noun.capitalize()
        for t in tokens:
            if toks.words[t] != want and strip_possessive(toks.words[t]) != want:
                continue  # ("Harbridge Borough Council’s leader": the council all the same)
            first = t  # the capitalised run the noun ends ("Larnholm Terminal Operators' Association"; not a sentence's "The")
            articles = toks.fw.get("article", ())
            while first > 0 and t - first < _ORG_NAME_MAX and ((toks.words[first - 1][:1].isupper() and toks.lows[first - 1] not in articles)
                                                               or toks.words[first - 1] in ("'", "’") or (
                    toks.words[first - 1] == "and" and first > 1 and toks.words[first - 2][:1].isupper())):
                first -= 1  # ("Lakeland and Furness Hospitals NHS Trust": "and" inside the name)
            org = toks.np_at(first, t + 1) if first < t else None
            if org is not None and org.kind == "inst" and org.end == t + 1:
                return self.institution(strip_possessive(toks.surface(org.inst)))
            if t + 2 < len(toks.words) and toks.lows[t + 1] == "of" and toks.words[t + 2][:1].isupper():
                # a name that opens with the noun: "the university" after "the University of Eastmoor"
                org = toks.np_at(t, min(len(toks.words), t + _ORG_NAME_MAX))
                if org is not None and org.kind == "inst" and org.start == t and org.end > t + 2:
                    return self.institution(toks.surface(org.inst))
                if org is not None and org.start == t and org.kind == "title":
                    # "400 University of Eastmoor students": the body's name before its members
                    end = t + 2
                    while end < len(toks.words) and end - t < _ORG_NAME_MAX and toks.words[end][:1].isupper():
                        end += 1
                    return self.institution(toks.surface(list(range(t, end))))
        return None

    def _firm_before(self, pos: int) -> str | None:
        """"The company said" after "Norvale Foods on Thursday cut …": the nearest subject of an
        earlier sentence read as a name that is nobody's (no given name first, no surname of a
        person named in full, nobody a "Mr Baxter" gave a gender), else None."""
        toks = self.toks
        t = bisect.bisect_right(toks.starts, pos) - 1  # the token at ``pos`` (a phrase may open the sentence)
        while t > 0 and t not in toks.sent_initial:
            t -= 1  # ("Sales will fall, the company said": not the sentence's own first word)
        for m in self.mentions.before(toks.starts[max(t, 0)], LOOKBACK):
            if m.kind == "name" and m.subject and self._opens_sentence(m.pos) and m.speaker[:1].isupper() and not toks.given_name(m.speaker.split()[0]) \
                    and m.speaker not in self._families and self.name(m.speaker) == m.speaker and m.speaker not in self._addressed \
                    and not (" " not in m.speaker and toks.opening_only(m.speaker)):  # ("Names, … were exposed, the company said")
                return m.speaker
        return None

    @cached_property
    def _addressed(self) -> frozenset:
        """The people the text names with a gender ("Mr Baxter", "Mrs Doyle"), by full name."""
        return frozenset(self.name(r.speaker) for r in self.mentions.mentions if r.kind == "name" and r.gender in ("m", "f"))

    def _suffixed_firm_before(self, pos: int) -> str | None:
        """"the company" after "worked for Harcourt Logistics Ltd": the nearest earlier name that
        a firm's suffix ends, wherever it stood in its sentence, else None."""
        suffixes = self.toks.fw.get("firm_suffix", ())
        for m in self.mentions.before(pos, LOOKBACK):
            if m.kind in ("name", "inst") and " " in m.speaker and m.speaker.rsplit(" ", 1)[1] in suffixes:
                return m.speaker
        return None

    def _opens_sentence(self, pos: int) -> bool:
        """The phrase at ``pos`` starts its sentence, maybe after an article or an opening
        prepositional phrase and its comma ("Norvale Foods on Thursday cut …", "The Wexford Group
        said", "In a statement, Firthlink Ferries said"; not "… scanned forms, dental X-rays and …")."""
        toks = self.toks
        t = bisect.bisect_left(toks.starts, pos)
        while t > 0 and t not in toks.sent_initial and toks.kind(t - 1) == "det":
            t -= 1
        if t > 1 and t not in toks.sent_initial and toks.words[t - 1] == ",":
            s = t - 1
            while s > 0 and s not in toks.sent_initial and toks.words[s - 1] != ",":
                s -= 1
            return s in toks.sent_initial and toks.kind(s) == "prep"  # "In a statement issued after the hearing, Firthlink Ferries said"
        return t in toks.sent_initial

    def _institution_named(self, head: str, pos: int) -> str | None:
        """The nearest institution named before ``pos`` whose own name has the noun ``head``
        ("Wolny Związek Zawodowy „Rama”" for "związek", "Komenda Powiatowa Policji w Łowiczu"
        for "komenda"), else the nearest named after it (a live blog's "Jak podała policja" before
        "Komenda Powiatowa Policji w Kutnie"), else None."""
        want = head.lower()
        mentions = self.mentions
        for m in chain(mentions.before(pos, LOOKBACK), mentions.after(pos, LOOKBACK)):
            if m.kind == "inst" and m.speaker[:1].isupper() and self._holds_noun(m.speaker.lower().split(), want):
                return self.institution(m.speaker)
        return None

    def _holds_noun(self, words: list[str], noun: str) -> bool:
        """A body's name (lower-case ``words``, read in the nominative) holds ``noun`` in any case
        ("policja": "komenda miejska policji w olsztynie")."""
        if noun in words:
            return True
        return self.toks.cased and is_nominative_possible(words[0]) is not False and any(
            w[:4] == noun[:4] and common_lemma(w) == noun for w in words)

    def _institution_before(self, head: str, pos: int) -> str | None:
        """"Resort zapowiedział" after "Ministerstwo Finansów przekazało": the nearest earlier
        institution whose first word (by its first six letters) or acronym the noun stands for
        (``inst_anaphor`` in the function words)."""
        want = self.inst_anaphors[head]
        mentions = self.mentions
        for m in mentions.before(pos, LOOKBACK):
            if m.kind == "inst" and any(w[:1].isupper() for w in m.speaker.split()[:2]):
                # the first word, or the second after an adjective ("Polskie MSZ", "białoruskie MSZ")
                if any(w in want or w[:6] in want for w in m.speaker.lower().split()[:2]):
                    return self.institution(m.speaker)
        return None

    def _company_named(self, head: str, pos: int) -> str | None:
        """"Spółka poinformowała": the firm whose own name the text gave right after a company
        noun before ``pos`` ("spółki Splatio", "koncern Nordvik Sanitary", "Spółka Granit-Sudety
        z Jawora"), the nearest one; None when the noun is no company noun or no name was given."""
        toks = self.toks
        nouns = toks.fw.get("company_noun", ())
        if head.lower() not in nouns:
            return None
        k = bisect.bisect_left(toks.starts, pos) - 1
        legal_forms = toks.fw.get("company_suffix", ())
        for t in range(k - 1, max(-1, k - NAMED_BEFORE_WINDOW), -1):
            if toks.words[t] in legal_forms:
                s = t
                while s > 0 and t - s < _ORG_NAME_MAX and toks.words[s - 1][:1].isupper() and toks.kind(s - 1) in ("name", "inst", "acro", "cap"):
                    s -= 1
                if s < t:
                    return self.institution(toks.surface(list(range(s, t + 1))))  # "grupa mleczarska Kormlek S.A."
                continue
            if toks.lows[t] not in nouns and not any(lem in nouns for lem, _tag, _q in morph_analyse(toks.lows[t])) \
                    or not toks.words[t][:1].islower() and t not in toks.sent_initial:
                continue
            e = t + 1
            while e < len(toks.words) and e - t <= _ORG_NAME_MAX and toks.words[e][:1].isupper() and toks.kind(e) not in ("cue", "title"):
                e += 1
            if e > t + 1 and not is_given_name(toks.words[t + 1]):  # ("rzeczniczka spółki Marta Gajewska": her name)
                return self.institution(toks.surface(list(range(t + 1, e))))
        return None

    def _enterprise_named(self, head: str, pos: int) -> str | None:
        """"Spółka napisała" after "W Stoczni Remontowej Odra-Serwis narasta konflikt", when no firm
        was named after a company noun: the nearest body before ``pos`` whose own name an
        enterprise's noun (``company_head``) opens; None for a noun that is no company noun. The
        caller asks first whether a body's own name holds the noun ("Polska Spółka Gazownictwa")."""
        if head.lower() not in self.toks.fw.get("company_noun", ()):
            return None
        heads = self.toks.fw.get("company_head", ())
        return next((m.speaker for m in self.mentions.before(pos, LOOKBACK)
                     if m.kind in ("name", "inst") and " " in m.speaker and m.speaker.split(" ", 1)[0].lower() in heads), None)

    def _owner_named(self, speaker: str) -> str | None:
        """"Aalto’s office" after "Prime Minister Henrik Aalto": the owner by full name."""
        owner, _sp, rest = speaker.partition(" ")
        for mark in GENITIVE_S:
            base = owner[:-len(mark)]
            if rest and owner.endswith(mark):
                full = self.name(base)
                if full.endswith(" " + base):  # a surname ("Mexico's Economy Ministry" is no "Mexico City's")
                    return f"{full}{mark} {rest}"
        return None

    def _firm_named(self, speaker: str) -> str | None:
        """The firm named in full as ``speaker`` (two words or more) and a firm's last word
        (``firm_suffix``: "Calder Ridge" for "Calder Ridge Partners"), else None."""
        suffixes = self.toks.fw.get("firm_suffix", ())
        if " " not in speaker:
            # "Dunmore said" after "Dunmore Athletic": the club or firm named with that first word
            if self._firm_firsts is None:
                self._firm_firsts = {}
                org_words = self.toks.lex.org_words
                for m in self.mentions.mentions:
                    parts = m.speaker.split()
                    if m.kind == "inst" and len(parts) in (2, 3) and (parts[-1] in suffixes or parts[-1] in org_words):
                        self._firm_firsts.setdefault(parts[0], m.speaker)
            firm = self._firm_firsts.get(speaker)
            return firm if firm is None or not self._families.get(speaker) else None  # "Smith said" of John Smith, not of Smith College
        parts = speaker.split()
        body = self.mentions.inst_full.get(tuple(parts))  # "Marula Ridge said" after "Marula Ridge Platinum"
        if body and body.split()[:len(parts)] == parts and len(body.split()) == len(parts) + 1 and not self.toks.given_name(parts[0]):
            return body
        return next((" ".join(full) for full in self.fulls
                     if len(full) == len(parts) + 1 and full[-1] in suffixes and full[:-1] == parts), None)
