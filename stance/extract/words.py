"""Tokens and word classes, and canonical speaker strings.

``Tokens`` tokenises a document once and classifies every word (function word, cue, role
noun, person name, place, institution, medium) in its constructor, given the quotations and
sentence starts; classes are cached per word form (and sentence-initial flag) unless they
depended on the neighbouring tokens, so each distinct form is analysed once per document.
Reading speaker phrases is ``phrases.PhraseReader`` (a base class); ``canonical`` turns a
phrase into the canonical speaker string (nominative, rule-based for foreign surnames).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from stance.extract import morph
from stance.extract.lexicon import Lexicon, read_list
from stance.extract.phrases import NP, PhraseReader
from stance.extract.phrases_en import strip_possessive
from stance.extract.phrases_pl import joined_particle

_FORM_CLASSES_MAX = 500_000  # word forms whose class the lexicon keeps across documents

# a wire story's dateline with its agency: "Warszawa (PAP) – ", "ANTWERP, March 11 (Meridian) – "
_AGENCY_DATELINE = r"[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_]+(?:[ -][A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_]+){0,2}(?:, [^()\n]{1,25})? \([A-Z][\w .&-]{0,25}\) [—–-] "
AGENCY_DATELINE_RE = re.compile(_AGENCY_DATELINE + r"\s*(?=[A-ZĄĆĘŁŃÓŚŹŻ„“\"])")
# a live blog's time ("14:32 ", "10:15 GMT - ") or a wire story's dateline in capitals ("HARRISBURG, Pa. — ",
# "SECHELT, B.C. — ", "NEW YORK — "), or with its agency
_STAMP_RE = re.compile(r"(?:\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4}\b)?\s*[-–—|]?"
                       r"|[A-ZĄĆĘŁŃÓŚŹŻ]{2,}(?:[ -][A-ZĄĆĘŁŃÓŚŹŻ]{2,}){0,2}(?:, (?:[A-Z][a-z]{0,3}\.)+|, [A-Z]\.[A-Z]\.)?\s[—–]\s*"
                       r"(?=[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_])"
                       r"|[A-Z]{2,}(?: [A-Z]{2,}){0,2}, (?:[A-Z][a-z]{0,3}\.)+ - (?=[A-Z])"  # "CHELAN, Wash. - A …" (web copy's hyphen)
                       r"|" + _AGENCY_DATELINE + r")\s*(?=[^\W\d_])")  # (the lead after a dateline opens with a capital)

TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*|[^\w\s]")  # "U.S." is one token

_OBLIQUE_ENDINGS = ("em", "iem", "owi", "ego", "emu", "skim", "ckim", "dzkim", "ą", "ę", "'a", "’a", "'owi", "'em", "’em")
_FEMALE_NAME_EXCEPTIONS = frozenset({"Kuba", "Barnaba", "Kosma", "Bonawentura", "Jarema", "Nikita", "Ilja", "Sasza", "Misza", "Luca", "Andrea", "Joshua"})


@cache
def function_words(lang: str) -> dict[str, frozenset]:
    """Closed-class words by role from ``lexicons/<lang>_function.txt``."""
    out: dict[str, set] = {}
    for line in read_list(f"{'pl' if lang == 'pl' else 'en'}_function.txt"):
        role, _, words = line.partition(":")
        out.setdefault(role.strip(), set()).update(words.split())
    return {k: frozenset(v) for k, v in out.items()}


class Tokens(PhraseReader):
    """A tokenised document with lazily classified words."""

    def __init__(self, text: str, lex: Lexicon, quoted_spans=(), sentence_spans=(), initial_positions=()):
        """Tokenise ``text`` and classify every token. ``quoted_spans`` (char spans of quoted
        content and dash speech: their tokens are never cues or speakers), ``sentence_spans``
        (the first word of each is sentence-initial) and ``initial_positions`` (more
        sentence-initial words, e.g. headline speakers) must be known here: a token's class
        depends on them, and is final once the constructor returns."""
        self.text = text
        self.lex = lex
        self.lang = lex.lang
        # nouns inflect for case (Polish): morfeusz2 readings decide names, roles and subjects
        self.cased = lex.rules.case_marked
        self.fw = function_words(lex.lang)
        # map() over the unbound methods keeps the per-token loops in C (no Python-level
        # call per token and field; tokenising is about a tenth of all the time)
        ms = list(TOKEN_RE.finditer(text))
        self.starts = list(map(re.Match.start, ms))
        self.ends = list(map(re.Match.end, ms))
        self.words = list(map(re.Match.group, ms))
        self.lows = list(map(str.lower, self.words))
        self.kinds: list = [None] * len(ms)  # token index -> class
        # word -> class when no neighbour was consulted: [0] elsewhere (the lexicon's, shared by
        # every document: such a class depends on the form alone), [1] sentence-initially (this
        # document's: it reads the document's own vocabulary); two dicts, not (word, flag) keys,
        # so the hot lookup builds no tuple
        shared = lex.form_classes
        if len(shared) > _FORM_CLASSES_MAX:  # bounded in a long-lived process
            shared.clear()
        self._form_kind: tuple[dict, dict] = (shared, {})
        self.verb_words = self.fw.get("aux", frozenset()) | self.fw.get("finite", frozenset())  # never role modifiers, nor a description's
        self._frames = self.fw.get("frame_zdaniem", frozenset()) | self.fw.get("frame_wedlug", frozenset())
        self._ctx = 0  # set while classifying when the class depended on neighbouring tokens
        self._agn = None  # the class of a capitalised word unless a given name precedes it
        self._lower_vocab = None
        self._name_cases: dict[str, str] = {}  # word form -> name_case
        self._positions: dict[str, list[int]] | None = None  # lowercase form -> its tokens, built on first use
        self._media_first = frozenset(n[0] for n in lex.media_names)
        starts = self.starts
        quoted: set[int] = set()
        for s, e in quoted_spans:
            quoted.update(range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)))
        self.quoted = quoted  # token indices inside quotations / dash speech (read-only)
        initial = set()
        for s, e in sentence_spans:
            s = _after_stamp(text, s, e)  # "12:20 Źródło w delegacji …": the word after a live blog's time opens the sentence
            k, t1 = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            while k < t1 and not self.words[k][0].isalnum():
                k += 1
            if k < t1:
                initial.add(k)
        initial.update(bisect.bisect_left(starts, p) for p in initial_positions if p < (self.ends[-1] if ms else 0))
        self.sent_initial = initial  # read-only from here on
        self._classify_all()
        self.kind = self.kinds.__getitem__
        self.vocab = {w for w in set(self.words) if w[:1].isupper()}  # distinct capitalised forms

    def opening(self, sent) -> int:
        """The first token of sentence ``sent`` after a live blog's time stamp ("22:30 Według …")."""
        return bisect.bisect_left(self.starts, _after_stamp(self.text, sent.start, sent.end), sent.t0, sent.t1)

    @property
    def lower_vocab(self) -> set:
        """Words the document also writes in lowercase (so a capitalised one is no name)."""
        if self._lower_vocab is None:
            self._lower_vocab = {w for w in set(self.words) if w[:1].islower()}  # distinct forms only
        return self._lower_vocab

    # -- classes ------------------------------------------------------------------
    def kind(self, i: int) -> str:
        """The class of token ``i`` (lazily, while the constructor classifies; after that the
        instance attribute ``kind`` is the list's own lookup)."""
        k = self.kinds[i]
        if k is None:
            k = self.kinds[i] = self._classify(i)
        return k

    def _classify_all(self) -> None:
        """Classify every token once (``quoted`` and ``sent_initial`` are final); from then on
        ``kind`` is a plain list lookup, the cheapest call Python offers in the hot loops."""
        kinds = self.kinds
        mid_get = self._form_kind[0].get
        # quoted and sentence-initial tokens take the slow path; one set lookup tells them
        special = self.quoted | self.sent_initial
        quoted = self.quoted
        classify = self._classify
        for i, w in enumerate(self.words):
            k = mid_get(w)
            if k is None or i in special or k.__class__ is tuple:
                # _classify returns a cached class as it is, except for the given-name test
                # and the English sentence-initial "name" check it applies itself
                k = "quoted" if i in quoted else classify(i)
            kinds[i] = k

    def _classify(self, i: int) -> str:
        if i in self.quoted:
            return "quoted"
        w = self.words[i]
        ini = i in self.sent_initial
        fk = self._form_kind[ini]
        k = fk.get(w)
        if k is None:
            self._ctx = 0
            self._agn = None
            k = self._classify_form(i)
            if not self._ctx:
                fk[w] = k
            elif self._ctx == 1 and self._agn is not None:
                fk[w] = (self._agn,)  # depends only on the given-name test
        elif type(k) is tuple:
            k = "name" if self._after_given_name(i) else k[0]
        if k == "name" and ini and not self.cased and i + 1 < len(self.words) and self.lows[i + 1] in self.fw.get("pron", ()) and self.starts[i + 1] - self.ends[i] == 1:
            return "stop"  # "Afterwards they said", "Later he wrote": an adverb before the subject
        if k == "name" and ini and not self.cased and i + 1 < len(self.words) and self.lows[i + 1] in self.fw.get("prep", ()) \
                and self.lows[i + 1] != "of" and morph.dictionary_word(self.lows[i], self.lang) and not self._role_plural(self.lows[i]):
            return "stop"  # "Back at the showroom, …": an ordinary word before a preposition opens the sentence
        if k == "name" and ini and not self.cased and self.lows[i].endswith("ing") and i + 1 < len(self.words) \
                and self.words[i + 1][:1].islower() and self.lows[i + 1] not in self.lex.cues and morph.dictionary_word(self.lows[i], self.lang):
            return "stop"  # "Sitting two chairs away, …": a participle opens the sentence ("Manning said" stays a name)
        return k

    def _classify_form(self, i: int) -> str:
        w = self.words[i]
        if not w[0].isalnum():
            return "punct"
        if w[0].isdigit():
            return "num"
        lex, fw = self.lex, self.fw
        low = w.lower()
        if low in fw.get("age_noun", ()) and self._age_before(i):
            return "title"  # "29-latek spod Izbicy": a person by age
        base = strip_possessive(w) if self.lex.rules.genitive_s else w
        if w[0].isupper() and low in fw.get("pron", ()) and len(w) > 1:
            return "pron"
        if w[0].isupper() and low in fw.get("speech_person", ()) and (len(w) == 1 or w[1:].islower() or "'" in w):
            return "stop"  # "I", "I'll", "We'll": the speaker's own voice, never a name ("US" is not "us")
        if w[0].isupper() and i in self.sent_initial:
            for role in ("prep", "coord", "comp", "rel", "pron", "possessive", "det"):
                if low in fw.get(role, ()):
                    if role == "prep" and low in self._frames:
                        return "frame"
                    return role
            if low in lex.cues:
                return "cue"
        if w[0].isupper():
            if self.cased and low in fw.get("address", ()) and w[1:].islower():
                return "stop"  # "Pan Tadeusz napisał": a form of address, though morfeusz2 knows "Pan" as a name
            if low in fw.get("particle_capitalised", ()) and w[1:].islower() and i + 1 < len(self.words) and self.words[i + 1][:1].isupper():
                self._ctx = 2  # depends on the next word
                return "particle"  # "powiedział Van Loon": the particle of the surname after it
            # "Dyrekcja szpitala przekazała", "Biuro prasowe wojewody przekazało": the common noun,
            # read before the place lexicon (which lists "Biuro" as an institution's first word)
            if i in self.sent_initial and lex.institution_role(low) and w[1:].islower():
                self._ctx = 2  # depends on the next word
                if i + 1 < len(self.words) and self.words[i + 1][:1].islower():
                    return "title"
            if self._media_at(i):
                if self.cased and i > 0 and self.is_org(i - 1) and not lex.media_noun(self.lows[i - 1]) and morph.is_adj(low):
                    self._ctx = 2  # depends on a neighbouring word (never cached by form)
                    return "inst"  # "Miejska Komisja Wyborcza": an institution's adjective ("Agencja Reuters" stays the agency)
                return "media"
            if base in lex.places:
                k = "inst" if lex.places[base][1] else "place"
                if self.cased and len(w) > 1 and not w.isupper():
                    return self._unless_given_name_before(i, k)  # "Anna Niemiec", "Wiesław Biały": a surname
                return k
            if base in lex.months:
                return "month"
            if low in lex.titles and (lex.rules.capitalised_titles or i in self.sent_initial) \
                    and not lex.institution_role(low):
                return "title"  # "Ambasada Ukrainy w Warszawie" opening a sentence stays an institution
            if i in self.sent_initial and w[1:].islower() and self._role_plural(low):
                return "title"  # "Senators from both parties warned"
            if self.cased and low in lex.titles and len(lex.titles[low]) > 3 and lex.titles[low][3] and w[1:].islower():
                # "– mówił Norweg": a nationality noun refers to a person, but "Andrzej Turek" is a surname
                return self._unless_given_name_before(i, "title")
            if i in self.sent_initial and (w in lex.stopcaps or low in fw.get("prep", ()) or low in lex.cues):
                return "stop"
            if len(w) > 1 and w.isupper():
                return "acro"
            if self.cased:
                if w in lex.stopcaps and i in self.sent_initial:
                    return "stop"
                if i in self.sent_initial and i + 1 < len(self.words) and self.words[i + 1] == "," \
                        and morph.finite_verb(low):
                    self._ctx = 2  # depends on the next word
                    return "stop"  # "Pamięta, jak …": a verb opening the sentence, though also a surname
                if len(w) == 1:
                    return "cap"  # "platformie X", not a name
                if i in self.sent_initial and i + 1 < len(self.words) and self.words[i + 1][:1].islower() \
                        and morph.is_adj(low) and not morph.is_given_name(w):
                    self._ctx = 2  # depends on the next word (only for an adjective: other forms stay cached)
                    if morph.agrees(self.lows[i + 1], low):
                        return "stop"  # "Dużą część przemówienia przewodnicząca poświęciła": an adjective and its noun
                if self.is_org(i):
                    return "inst"
                wc = morph.word_class(w)
                if wc != "name":
                    return self._unless_given_name_before(i, self._pl_cap_rest(w, wc, i))  # "Tomasz Wierzbicki"
                return self._pl_cap_rest(w, wc, i)
            if w in lex.stopcaps and i in self.sent_initial:
                return "stop"
            if len(w) == 1:
                return "cap"
            if i in self.sent_initial and low in self.lower_vocab and low not in lex.titles and not self._role_plural(low):
                return "stop"  # "Talks between ...", "Afterwards they said": a common word ("Senators" is a role)
            if i in self.sent_initial and low.endswith("ly") and len(low) > 5 and i + 1 < len(self.words) and self.words[i + 1] == ",":
                return "stop"  # "Privately, a diplomat said": an adverb opening the sentence
            return "name"
        if joined_particle(w, fw.get("particle", ())):
            return "name"  # "al-Harbi", "ar-Rahim", "bin-Salem": a particle joined to a surname
        for role in ("prep", "coord", "comp", "rel", "pron", "possessive", "sie", "det", "particle"):
            if low in fw.get(role, ()):
                if role == "prep" and low in self._frames:
                    return "frame"
                return role
        if low in lex.cues:
            return "cue"
        if low in fw.get("people_source", ()):
            self._ctx = 2  # depends on the next word
            if i + 1 < len(self.words) and self.lows[i + 1] in fw.get("people_description", ()):
                return "title"  # "two people familiar with the matter said"
        if low in lex.titles:
            if low in fw.get("honorific", ()):
                self._ctx = 2  # depends on the next word
                if i + 1 < len(self.words) and self.words[i + 1] == ".":
                    return "word"  # "asp. sztab. Monika Jasińska": a rank's abbreviation, no body's noun
            return "title"
        if w in lex.title_words:
            return "tword"
        if lex.media_noun(low):
            return "media"
        return "word"

    def _role_plural(self, low: str) -> bool:
        """English: the plural of a role noun ("senators from both parties", "hospital bosses")."""
        titles = self.lex.titles
        return self.lex.rules.singular_role_heads and low.endswith("s") and (
            low[:-1] in titles or (low.endswith("es") and low[:-2] in titles))

    def _pl_cap_rest(self, w: str, wc: str, i: int) -> str:
        """Polish capitalised word, once the given-name test is done: word_class decides."""
        if wc == "place" and morph.name_readings(w):
            return "name"  # a surname that is also some village's name (the lexicon lists real places)
        if wc == "place":
            return "place"
        if wc == "inst":
            return "inst"
        if wc == "common":
            if i in self.sent_initial and (morph.persons_plural(w) or morph.person_singular(w)):
                return "title"  # "Rezydenci zapowiadają", "Dyspozytor, który …, powiedział": people the lexicon lacks
            if self._given_name_as_noun(w, i):
                return "name"  # "Według Dalii Nowickiej", "Omar Haddad powiedział": a given name morfeusz2 knows as a noun
            if self._after_foreign_given_name(i):
                return "name"  # "Hélène Marchand": a surname that is some rare noun, after a given name morfeusz2 lacks
            return "stop" if i in self.sent_initial else "cap"
        return "name"

    def _given_name_as_noun(self, w: str, i: int) -> bool:
        """A capitalised word morfeusz2 reads only as a common noun, directly before a surname it
        agrees with in case: a given name it does not list. Sentence-initially the pair must be
        able to be the subject (nominative); a surname morfeusz2 does not know agrees with any case."""
        cases = morph.common_noun_cases(w)
        initial = i in self.sent_initial
        if not cases or (initial and "nom" not in cases) or w.lower() in self.fw.get("address", ()):
            return False
        self._ctx = 2  # depends on the next word
        j = i + 1
        if j >= len(self.words) or not self._one_space_before(j):
            return False
        nxt = self.words[j]
        if not nxt[:1].isupper() or nxt.isupper() or len(nxt) < 2 or j in self.quoted:
            return False
        surname = morph.surname_cases(nxt)
        if surname is None:
            return True
        shared = cases & surname
        return "nom" in shared if initial else bool(shared)

    def _unless_given_name_before(self, i: int, kind: str) -> str:
        """``kind``, or "name" right after a given name; the form's class is cached as depending
        on that test alone."""
        self._agn = kind
        return "name" if self._after_given_name(i) else kind

    def positions_of(self, low: str) -> list[int]:
        """The tokens whose lowercase form is ``low``, in order (an index built once)."""
        if self._positions is None:
            index: dict[str, list[int]] = {}
            for t, w in enumerate(self.lows):
                index.setdefault(w, []).append(t)
            self._positions = index
        return self._positions.get(low, [])

    def is_org(self, i: int) -> bool:
        """A capitalised word whose noun lemma names an institution ("Komisji", "Sojusz")."""
        return self.words[i][:1].isupper() and self.org_word(i)

    def org_word(self, i: int) -> bool:
        """A word whose noun lemma names an institution, in any case ("klubu", "Komisji")."""
        w = self.words[i]
        lems = self.lex.org_lemmas
        if not lems:
            return False
        if w.lower() in lems:
            return True
        return any(tag.startswith("subst") and lem.lower() in lems for lem, tag, _q in morph.analyse(w))

    def _after_given_name(self, i: int) -> bool:
        """Polish: the word follows a given name directly ("Tomasz Wierzbicki")."""
        if not self._ctx:
            self._ctx = 1  # depends on the previous token only
        if not self._one_space_before(i):
            return False
        prev = self.words[i - 1]
        if not prev[:1].isupper() or (i - 1) in self.quoted:
            return False
        return morph.is_given_name(prev)

    def _one_space_before(self, i: int) -> bool:
        """Token ``i`` follows the previous one after exactly one space (two words of one name)."""
        return i > 0 and self.starts[i] - self.ends[i - 1] == 1 and self.text[self.ends[i - 1]] == " "

    def _after_foreign_given_name(self, i: int) -> bool:
        """The word follows a capitalised word morfeusz2 does not know at all, which itself
        follows no capitalised word: the first of two names, a foreign given name."""
        self._ctx = 2  # depends on the two tokens before
        if not self._one_space_before(i):
            return False
        prev = self.words[i - 1]
        if len(prev) < 3 or not prev[:1].isupper() or not prev[1:].islower() or (i - 1) in self.quoted:
            return False
        if self._one_space_before(i - 1) and self.words[i - 2][:1].isupper():
            return False  # "Sabine Traub Unia …": the unknown word is a surname, the next one starts anew
        readings = morph.analyse(prev)
        return bool(readings) and all(tag == "ign" for _l, tag, _q in readings)

    def _media_at(self, i: int) -> bool:
        words = self.words
        first = words[i]
        if first not in self._media_first and strip_possessive(first) not in self._media_first:
            return False
        self._ctx = 2  # depends on the following tokens
        for name in self.lex.media_names:
            if words[i] == name[0] or strip_possessive(words[i]) == name[0] and len(name) == 1:
                if all(i + k < len(words) and words[i + k] == name[k] for k in range(1, len(name))):
                    return True
        return False

    def media_len(self, i: int) -> int:
        words = self.words
        for name in self.lex.media_names:
            if len(name) > 1 and words[i] == name[0]:
                if all(i + k < len(words) and words[i + k] == name[k] for k in range(1, len(name))):
                    return len(name)
        return 1

    # -- case of a name token (Polish) -----------------------------------------------
    def name_case(self, i: int) -> str:
        """'nom', 'obl' (certainly not nominative) or 'amb' for a capitalised token."""
        if not self.cased:
            return "nom"
        w = self.words[i]
        got = self._name_cases.get(w)
        if got is None:
            got = self._name_cases[w] = self._name_case(w)
        return got

    def _name_case(self, w: str) -> str:
        if joined_particle(w, self.fw.get("particle", ())):
            w = w.partition("-")[2]  # "al-Tajjibem": the surname's case
        readings = morph.name_readings(w)
        if readings:
            cases = set()
            for _lemma, c in readings:
                cases.update(c.split("."))
            return "nom" if "nom" in cases else "obl"
        if w.endswith(_OBLIQUE_ENDINGS):
            return "obl"
        if w.endswith("a") and len(w) > 3:
            return "amb"
        return "nom"

    def base_form_name(self, i: int) -> bool:
        """A capitalised token that morfeusz2 knows as a name in its base (nominative) form
        ("Jan", not "Janem"); always true without case marking."""
        if not self.lex.rules.case_marked:
            return True
        word = self.words[i]
        return any(lemma == word for lemma, _case in morph.name_readings(word))

    def title_cases(self, i: int) -> frozenset:
        """The cases (nom, gen, …) a role noun form may have; empty when unknown or uninflected."""
        info = self.lex.titles.get(self.lows[i]) if self.lex.rules.case_marked else None
        cases = frozenset(c.split(":")[-1] for c in info[2] if c) if info is not None else frozenset()
        return cases or frozenset({"nom"})

    def title_nominative(self, i: int) -> bool:
        if not self.cased:
            return True
        info = self.lex.titles.get(self.words[i].lower())
        if info is None:
            return True
        return "sg:nom" in info[2] or "pl:nom" in info[2]

    # -- phrases --------------------------------------------------------------------
    # -- canonical forms ----------------------------------------------------------------
    def surface(self, idx: list[int]) -> str:
        if not idx:
            return ""
        return self.text[self.starts[idx[0]]:self.ends[idx[-1]]]

    def canonical(self, np: NP, oblique: bool, governed: bool = False) -> str:
        """Canonical speaker string of a phrase (nominative; fullest-name grouping comes later).
        ``governed``: a preposition fixes the case ("według ministra"), so a form that could
        also be a nominative ("ministra") is read as the oblique one."""
        if np.kind == "name":
            return self.name_string(np.names, oblique)
        if np.kind == "title":
            return self.title_string(np, oblique, governed)
        if np.kind in ("inst", "media"):
            toks = np.inst
            if self.cased and oblique:
                h = 0  # the head noun, after any adjectives ("Lubelskiej Izby Rolniczej")
                while h + 1 < len(toks) and morph.is_adj(self.lows[toks[h]]) and (
                        self.words[toks[h]] not in self.lex.places or self.is_org(toks[h + 1])):
                    h += 1
                first = self.words[toks[h]]
                lemma = self.lex.places.get(first, (None,))[0]
                gender = morph.noun_gender(first) or "m"
                # an institution's head noun first ("Izby" is a village too, "izba" a chamber)
                org = next(((lem, tag) for lem, tag, _q in morph.analyse(first.lower())
                            if tag.startswith("subst") and lem in self.lex.org_lemmas), None)
                if lemma is None and org is not None:
                    lemma, gender = org[0].capitalize(), (org[1].split(":")[3:4] or ["m"])[0][:1]
                if lemma is None:
                    for lem, tag, _q in morph.analyse(first):
                        if tag.startswith("subst"):
                            lemma = lem[:1].upper() + lem[1:]
                            break
                if lemma is None:
                    lemma = _strip_case(first, self.vocab)
                # adjectives next to the head agree with it: "Banku Światowego" -> "Bank Światowy"
                parts = [self.text[self.ends[toks[t - 1]]:self.starts[toks[t]]] * (t > 0) + _capitalised_like(
                    morph.adj_nominative(self.lows[toks[t]], gender), self.words[toks[t]]) for t in range(h)]
                parts.append((self.text[self.ends[toks[h - 1]]:self.starts[toks[h]]] if h else "") + lemma)
                prev = self.ends[toks[h]]
                agree = True
                for t in toks[h + 1:]:
                    w = self.words[t]
                    if agree and morph.is_adj(w.lower()):
                        w = _capitalised_like(morph.adj_nominative(w.lower(), gender), w)
                    else:
                        agree = False
                    parts.append(self.text[prev:self.starts[t]] + w)
                    prev = self.ends[t]
                return "".join(parts).strip()
            if self.cased and len(toks) > 1 and self._classifier_before_name(toks[0], toks[1]):
                toks = toks[1:]  # "Firma Kruszbud", "Organizacja Lekarze": the name without its class
            return self.surface(toks)
        return ""

    def _classifier_before_name(self, t: int, name: int) -> bool:
        """Token ``t`` is an institution noun of the role lexicon ("Firma", "Organizacja") and
        ``name`` a capitalised word after it that is no adjective and no genitive: the class
        of the institution, not part of its name ("Komisja Europejska", "Stowarzyszenie
        Pasażerów Kolei" keep theirs)."""
        word = self.words[name]
        if not self.lex.institution_role(self.lows[t]) or not word[:1].isupper():
            return False
        return not morph.is_adj(self.lows[name]) and morph.is_nominative_possible(word) is not False \
            and not morph.can_be_gen(word)

    def title_string(self, np: NP, oblique: bool, governed: bool = False) -> str:
        toks = np.titles
        if not self.cased:
            s = self.surface(toks)
            first = self.words[toks[0]]
            if first.lower() in self.lex.titles and not first.isupper():
                s = s[:1].lower() + s[1:]
            return s
        if np.group >= 0:
            return self._group_string(np)
        if np.partitive:
            one = self._partitive_string(np)
            if one:
                return one
        head = self.head(np)
        gender = self.lex.titles.get(self.words[head].lower(), ("", "m", ()))[1]
        parts = []
        prev_end = None
        agree = oblique and head + 1 == toks[-1] and self._agrees(toks[-1], head, gender)
        own = self.fw.get("speech_person", ())
        for t in toks:
            w = self.words[t]
            if t < head and (self.lows[t] in own or self.lows[t] in self.fw.get("local_modifier", ())):
                continue  # "według naszego rozmówcy", "podała miejscowa policja": the paper's own possessive, "local", are no part of the role
            if (agree or governed and morph.is_participle(w.lower())) and t == head + 1:
                w = morph.adj_nominative(w.lower(), gender)  # "według źródła zbliżonego do …" -> "źródło zbliżone do …"
            elif oblique and t <= head:
                if t == head:
                    if agree or governed or not self.title_nominative(t):
                        low = w.lower()
                        w = self.lex.titles.get(low, (w,))[0]
                        if self.lex.plural_role(low):
                            w = morph.plural_nominative(w)  # "według związkowców" -> "związkowcy": a group
                elif morph.is_nominative_possible(w.lower()) is not True:
                    w = morph.adj_nominative(w.lower(), gender)
            if prev_end is not None:
                parts.append(self.text[prev_end:self.starts[t]])
            parts.append(w)
            prev_end = self.ends[t]
        s = "".join(parts)
        last = toks[-1]
        if len(self.words[last]) == 1 and self.words[last].isupper() and last + 1 < len(self.words) and self.words[last + 1] == ".":
            s += "."  # "obrońca Dariusza K.": a surname's initial keeps its period
        if self.kind(toks[0]) in ("title", "word", "stop") or toks[0] in self.sent_initial:
            s = s[:1].lower() + s[1:]
        return s

    def _group_string(self, np: NP) -> str:
        """"kilku unijnych dyplomatów" -> "unijni dyplomaci", "posłów PiS z Podkarpacia" ->
        "posłowie PiS z Podkarpacia": the counted noun and the adjectives that agree with it in the
        nominative plural, the complements as written (the quantifier is no part of a group)."""
        lemma, gender = morph.plural_genitive_reading(self.lows[np.group], "subst")
        agreeing = {np.group}
        for t in np.titles:
            if (t < np.group or t - 1 in agreeing) and t != np.group and morph.plural_genitive_reading(self.lows[t], "adj"):
                agreeing.add(t)
        parts, prev_end = [], None
        for t in np.titles:
            w = self.words[t]
            if t == np.group:
                w = morph.plural_nominative(lemma, "subst", gender)
            elif t in agreeing:
                w = morph.plural_nominative(morph.plural_genitive_reading(self.lows[t], "adj")[0], "adj", gender)
            if prev_end is not None:
                parts.append(self.text[prev_end:self.starts[t]])
            parts.append(w)
            prev_end = self.ends[t]
        s = "".join(parts)
        return s[:1].lower() + s[1:]

    def _partitive_string(self, np: NP) -> str:
        """"jeden z unijnych dyplomatów" -> "unijny dyplomata", "jedna z położnych" -> "położna",
        "jeden z członków cechu rzemiosł" -> "członek cechu rzemiosł": one of a group is its singular
        (the adjectives before the role agree with it; a participle after it, "zaangażowanych w
        negocjacje", is dropped like any description of a role; complements stay as written).
        '' when morfeusz2 does not read the role as a genitive plural."""
        rest = np.titles[2:]
        head = next((t for t in rest if self.kind(t) == "title"), None)
        reading = morph.plural_genitive_reading(self.lows[head], "subst") if head is not None else None
        if reading is None or any(self.kind(t) not in ("word", "stop", "title") for t in rest if t < head):
            return ""
        lemma, gender = reading
        gender = "f" if self.lows[np.titles[0]] in self.fw.get("partitive_feminine", ()) else gender[:1]
        parts, prev_end = [], None
        for t in range(rest[0], rest[-1] + 1):
            w = self.words[t]
            if t < head:
                adj = morph.plural_genitive_reading(self.lows[t], "adj")
                w = morph.adj_nominative(adj[0], gender) if adj else w
            elif t == head:
                w = morph.adj_nominative(lemma, gender) if morph.plural_genitive_reading(self.lows[t], "adj") else lemma
            elif w[:1].islower() and any(morph.plural_genitive_reading(self.lows[t], pos) for pos in ("adj", "ppas", "pact")):
                break
            if prev_end is not None:
                parts.append(self.text[prev_end:self.starts[t]])
            parts.append(w)
            prev_end = self.ends[t]
        return "".join(parts)

    def _agrees(self, t: int, head: int, gender: str) -> bool:
        """Polish: the adjective at ``t`` agrees with the role noun at ``head`` in number, case
        and gender (``strony ukraińskiej``), so it belongs to the role, not to a complement."""
        info = self.lex.titles.get(self.lows[head])
        if not info or gender not in ("m", "f") or self.words[t][:1].isupper():
            return False
        cases = info[2]
        for _l, tag, _q in morph.analyse(self.lows[t]):
            parts = tag.split(":")
            if parts[0] != "adj" or len(parts) < 4:
                continue
            genders = parts[3].split(".")
            if not any(g.startswith(gender) for g in genders):
                continue
            if any(f"{parts[1]}:{c}" in cases for c in parts[2].split(".")):
                return True
        return False

    def name_string(self, names: list[int], oblique: bool, after_base_role: bool = False) -> str:
        """A person's name from its tokens, in the nominative. The words of a Polish name agree
        in case, so one certainly oblique word ("Haliny") makes the whole name oblique
        ("Wrony" is then the genitive of "Wrona", not a plural). ``after_base_role``: the name
        follows a role noun in its base form, so a surname that morfeusz2 knows only as another
        word's oblique form ("Musa", "Mus" in the genitive) is nominative as written."""
        names = [t for t in names if self.kind(t) != "punct"]
        honorific = self.fw.get("honorific", ())
        lex = self.lex
        while len(names) > 1 and (self.lows[names[0]] in honorific or self.lows[names[0]] in lex.title_words
                                  or self.lows[names[0]] in lex.titles):
            names = names[1:]  # "Mr Pryce", "Dr Halina Wrona", "Chief Executive Marianne Costello": no title
        inner = [n for n, t in enumerate(names[:-1]) if self.lows[t] in honorific and self.words[t][:1].isupper()]
        if inner:
            names = names[inner[-1] + 1:]  # "Texas Gov. Raymond Castillo": the office's place goes with the office
        return " ".join(w + "." if len(w) == 1 and w.isupper() else w for w in self._name_words(names, oblique, after_base_role))

    def _name_words(self, names: list[int], oblique: bool, after_base_role: bool) -> list[str]:
        """The words of ``name_string``, in the nominative (an initial without its period)."""
        if not self.cased or oblique or len(names) < 2:
            return [self.name_lemma(t, oblique) for t in names]
        given = [morph.is_given_name(self.words[t]) for t in names[:-1]]
        if not any(given) and morph.only_oblique_given_name(self.words[names[-1]]) \
                and all(morph.word_class(self.words[t]) == "unknown" for t in names[:-1]):
            return [self.words[t] for t in names]  # "Dawit Alemu": a foreign name, as written (not "Ali" in the dative)
        if after_base_role and self.name_case(names[-1]) == "obl" and not any(self.name_case(t) == "obl" for t in names[:-1]):
            return [self.name_lemma(t, False) for t in names[:-1]] + [self.words[names[-1]]]
        if self.name_case(names[-1]) == "obl" or any(g and self.name_case(t) == "obl" for t, g in zip(names, given)):
            return [self.name_lemma(t, True) for t in names]
        # a word before the surname that morfeusz2 knows only as a surname in an oblique case
        # is a foreign given name ("Gela Cikłauri", not "Gelo"): as written
        return [self.name_lemma(t, False) if n == len(given) or given[n] or self.name_case(t) != "obl" else self.words[t]
                for n, t in enumerate(names)]

    def name_lemma(self, i: int, oblique: bool) -> str:
        w = self.words[i]
        if not self.cased:
            return strip_possessive(w)
        if self.kind(i) == "particle":
            return w
        if joined_particle(w, self.fw.get("particle", ())):
            # only the surname after the particle declines: "al-Tajjibem" -> "al-Tajjib"
            particle, dash, rest = w.partition("-")
            return particle + dash + self._word_lemma(rest, oblique, self.name_case(i))
        return self._word_lemma(w, oblique, self.name_case(i))

    def _word_lemma(self, w: str, oblique: bool, case: str) -> str:
        readings = morph.name_readings(w)
        if readings:
            if not oblique:
                for _lemma, c in readings:
                    if "nom" in c.split("."):
                        return w
            for lemma, _c in sorted(readings, key=lambda r: "nom" in r[1].split(".")):
                if lemma[:1].isupper():
                    return lemma
        if not oblique and case != "obl":
            return w
        return _strip_case(w, self.vocab)

    def gender_of(self, np: NP) -> str:
        if np.kind == "pron":
            return np.gender
        if np.kind != "name" or not self.cased:
            if np.kind == "title" and self.cased:
                return self.lex.titles.get(self.words[self.head(np)].lower(), ("", ""))[1]
            return ""
        first = self.words[np.names[0]]
        last = self.words[np.names[-1]]
        if last.endswith(("ska", "cka", "dzka", "owa")) and len(np.names) > 1:
            return "f"
        if len(np.names) > 1 and first.endswith("a") and first not in _FEMALE_NAME_EXCEPTIONS:
            return "f"
        if len(np.names) > 1:
            return "m"
        return ""


# (ending, replacement) in order of preference for unknown (foreign) names
_CASE_RULES = (
    ("iciowi", "ić"), ("iciem", "ić"), ("icia", "ić"), ("iciu", "ić"),  # "Vučicia": South Slavic -ić
    ("enki", "enko"), ("ence", "enko"), ("enkę", "enko"), ("enką", "enko"),  # "Szewczenki": Ukrainian -enko
    ("'owi", ""), ("’owi", ""), ("'em", ""), ("’em", ""), ("'a", ""), ("’a", ""), ("'ie", ""), ("’ie", ""), ("'u", ""), ("’u", ""),
    ("skiego", "ski"), ("ckiego", "cki"), ("dzkiego", "dzki"), ("skiemu", "ski"), ("ckiemu", "cki"),
    ("skim", "ski"), ("ckim", "cki"), ("skiej", "ska"), ("ckiej", "cka"), ("ską", "ska"), ("cką", "cka"),
    ("iego", "i"), ("iemu", "i"), ("owej", "owa"), ("ową", "owa"),
    ("owi", ""), ("iem", ""), ("em", ""), ("rze", "r"), ("ie", ""), ("ą", "a"), ("ę", "a"),
    ("a", ""), ("u", ""), ("y", "a"), ("i", "a"),
)


def case_candidates(w: str) -> list[str]:
    out = []
    for end, rep in _CASE_RULES:
        if w.endswith(end) and len(w) - len(end) >= 2:
            out.append(w[: len(w) - len(end)] + rep)
    return out


def _after_stamp(text: str, s: int, e: int) -> int:
    """Where the words of ``text[s:e]`` start after a live blog's time stamp ("14:32 ", "10:15 GMT - ")
    or a dateline ("OTTAWA — ")."""
    stamp = _STAMP_RE.match(text, s, e)
    return s if stamp is None else stamp.end()


def _capitalised_like(word: str, model: str) -> str:
    """``word`` with a capital first letter where ``model`` has one, in each part of a compound
    ("Polsko-Niemiecka")."""
    parts, shapes = word.split("-"), model.split("-")
    if len(parts) != len(shapes):
        parts, shapes = [word], [model]
    return "-".join(p[:1].upper() + p[1:] if m[:1].isupper() else p for p, m in zip(parts, shapes))


def _strip_case(w: str, vocab) -> str:
    """Nominative of an inflected name nobody's dictionary knows, by ending rules, preferring a
    form that the document itself uses."""
    cands = case_candidates(w)
    if vocab is not None:
        for c in cands:
            if c in vocab:
                return c
        if w in vocab and not cands:
            return w
    return cands[0] if cands else w
