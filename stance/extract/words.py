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
from itertools import compress, takewhile

from stance.extract import morph
from stance.extract.lexicon import Lexicon, read_list
from stance.extract.marks import DASHES
from stance.extract.canonical import CanonicalForms
from stance.extract.phrases import PhraseReader
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

_AGE_ROLE_REACH = 3  # words after an age that may hold the role it qualifies ("49-year-old Dutch diplomat")
# "U.S." is one token, and so is a social-media handle ("@fernbrook")
TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}(?:['’]s(?!\w))?|[A-Z]{1,3}&[A-Z]{1,3}(?!\w)|(?<![\w@])@\w{2,30}(?!\w)|[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*|[^\w\s]")

_OBLIQUE_ENDINGS = ("em", "iem", "owi", "ego", "emu", "skim", "ckim", "dzkim", "ą", "ę", "'a", "’a", "'owi", "'em", "’em")


@cache
def function_words(lang: str) -> dict[str, frozenset]:
    """Closed-class words by role from ``lexicons/<lang>_function.txt``."""
    out: dict[str, set] = {}
    for line in read_list(f"{'pl' if lang == 'pl' else 'en'}_function.txt"):
        role, _, words = line.partition(":")
        out.setdefault(role.strip(), set()).update(words.split())
    return {k: frozenset(v) for k, v in out.items()}


@cache
def function_phrases(lang: str, role: str) -> tuple[str, ...]:
    """A function-word role whose entries join their words by "_" ("name_not_be_used"), as phrases."""
    return tuple(p.replace("_", " ") for p in function_words(lang).get(role, ()))


class Tokens(PhraseReader, CanonicalForms):
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
        # "Brightwell shares slide as CEO warns": a role's modifiers never run back over "as", "when"
        self.clause_openers = self.fw.get("jak", frozenset()) | self.fw.get("subordinator", frozenset())
        self._frames = self.fw.get("frame_zdaniem", frozenset()) | self.fw.get("frame_wedlug", frozenset())
        self._ctx = 0  # set while classifying when the class depended on neighbouring tokens
        self._agn = None  # the class of a capitalised word unless a given name precedes it
        self._lower_vocab = None
        self._inner_capitals = None
        self._name_cases: dict[str, str] = {}  # word form -> name_case
        self._positions: dict[str, list[int]] | None = None  # lowercase form -> its tokens, built on first use
        self._media_prefixes = self.fw.get("media_prefix", frozenset())  # "Radio" before a station's name
        self._media_first = frozenset(n[0] for n in lex.media_names) | self._media_prefixes
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

    @property
    def inner_capitals(self) -> set:
        """Capitalised forms the document writes inside a sentence (where only names are capitalised)."""
        if self._inner_capitals is None:
            initial = self.sent_initial
            self._inner_capitals = {w for i, w in enumerate(self.words) if w[:1].isupper() and i not in initial}
        return self._inner_capitals

    def opening_only(self, word: str, form: str | None = None) -> bool:
        """``word`` is a dictionary word (``form``, its lowercase by default) the text capitalises
        only where a sentence starts ("Payment card details …", "Names, email addresses …"): an
        ordinary word, no name."""
        return word not in self.inner_capitals and morph.dictionary_word(form or word.lower(), self.lang)

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
        # quoted, sentence-initial and capitalised after-colon tokens take the slow path; one set lookup tells them
        words = self.words
        special = self.quoted | self.sent_initial | {i + 1 for i in compress(range(len(words) - 1), map(":".__eq__, words))
                                                     if words[i + 1][:1].isupper()}
        quoted = self.quoted
        classify = self._classify
        for i, w in enumerate(self.words):
            k = mid_get(w)
            if k is None or i in special or k.__class__ is tuple or k == "acro":
                # _classify returns a cached class as it is, except for the given-name test,
                # the English sentence-initial "name" check and an acronym glued to digits
                k = "quoted" if i in quoted else classify(i)
            kinds[i] = k

    def _classify(self, i: int) -> str:
        if i in self.quoted:
            return "quoted"
        w = self.words[i]
        ini = i in self.sent_initial
        fk = self._form_kind[ini]
        # a turn's first word after a label's colon is read afresh: a form cached elsewhere
        # ("But" as a name) must not decide "Q: But winning means …"
        k = fk.get(w) if i == 0 or self.words[i - 1] != ":" or not w[:1].isupper() else None
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
        if k == "acro" and i + 1 < len(self.words) and self.starts[i + 1] == self.ends[i] and self.words[i + 1][:1].isdigit():
            return "word"  # "HG41207", "M25": a code or a road, no body (read here: the form's class is cached)
        if k == "name" and ini and not self.cased and i + 1 < len(self.words) and self.lows[i + 1] in self.fw.get("pron", ()) and self.starts[i + 1] - self.ends[i] == 1:
            return "stop"  # "Afterwards they said", "Later he wrote": an adverb before the subject
        if k == "name" and ini and not self.cased and i + 1 < len(self.words) and self.lows[i + 1] in self.fw.get("prep", ()) \
                and self.lows[i + 1] != "of" and morph.dictionary_word(self.lows[i], self.lang) and not self.role_plural(self.lows[i]) \
                and not self._named_from_place(i):
            return "stop"  # "Back at the showroom, …": an ordinary word before a preposition opens the sentence
        if k == "name" and ini and not self.cased and self.lows[i].endswith("ing") and i + 1 < len(self.words) \
                and (self.words[i + 1][:1].islower() or self.words[i + 1] == ",") and self.lows[i + 1] not in self.lex.cues \
                and morph.dictionary_word(self.lows[i].rsplit("-", 1)[-1], self.lang):
            return "stop"  # "Sitting two chairs away, …", "Cross-examining, Rachel Ainsworth KC …": a participle opens the sentence ("Manning said" stays a name)
        return k

    def _classify_form(self, i: int) -> str:
        w = self.words[i]
        if w[0] == "@" and len(w) > 1:
            return "name"  # a handle: "Another user, @fernbrook, posted"
        if not w[0].isalnum():
            return "punct"
        if w[0].isdigit():
            return "num"
        lex, fw = self.lex, self.fw
        low = w.lower()
        if self.age_noun_at(i):
            self._ctx = 2  # depends on the next word
            ahead = list(takewhile(str.isalpha, self.lows[i + 1:i + 1 + _AGE_ROLE_REACH]))
            if not any(w in lex.titles or w in lex.title_words for w in ahead):
                return "title"  # "29-latek spod Izbicy", "said the 24-year-old": a person by age
            # ("the 49-year-old Dutch diplomat", "a 52-year-old farmer": the age of a role)
        if w[0].isupper() and "-" in low and any(low.endswith("-" + age) for age in fw.get("age_noun", ())):
            return "word"  # "Nine-year-old Poppy, watching …, is unimpressed": her age, no part of her name
        base = strip_possessive(w) if self.lex.rules.genitive_s else w
        if w[0].isupper() and low in fw.get("pron", ()) and len(w) > 1:
            return "pron"
        if w[0].isupper() and low in fw.get("speech_person", ()) and (len(w) == 1 or w[1:].islower() or "'" in w or "’" in w):
            return "stop"  # "I", "I'll", "We'll": the speaker's own voice, never a name ("US" is not "us")
        if w[0].isupper() and w[1:].islower() and low in lex.abbreviations and w not in lex.abbreviations \
                and low not in fw.get("honorific", ()) and i + 1 < len(self.words) \
                and self.words[i + 1] == "." and self.starts[i + 1] == self.ends[i]:
            self._ctx = 2  # depends on the next word
            return "stop"  # "Tzw. „wojna o piwo”", "Np. w Radomiu": an abbreviation opening a sentence, no name
        after_colon = i > 0 and self.words[i - 1] == ":"
        if after_colon:
            self._ctx = 2  # depends on the word before ("K.M.: Na ostatniej sesji …": a turn's first word)
        if w[0].isupper() and (i in self.sent_initial or after_colon):
            for role in ("prep", "coord", "comp", "rel", "pron", "possessive", "det"):
                if low in fw.get(role, ()):
                    if role == "prep" and low in self._frames:
                        return "frame"
                    return role
            if low in lex.cues:
                return "cue"
        if w[0].isupper() and "-" in low and low.rsplit("-", 1)[1] in fw.get("adjective_suffix_word", ()):
            return "word"  # "the Manchester-based maker", "a Lisbon-based firm": an adjective, no name
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
                if len(w) > 1 and not w.isupper():
                    return self._unless_given_name_before(i, k)  # "Anna Niemiec", "Wiesław Biały", "Brian White": a surname
                return k
            if base in lex.months:
                return "month"
            if low in lex.titles and (lex.rules.capitalised_titles or i in self.sent_initial) \
                    and not lex.institution_role(low):
                return "title"  # "Ambasada Ukrainy w Warszawie" opening a sentence stays an institution
            if i in self.sent_initial and w[1:].islower() and self.role_plural(low):
                return "title"  # "Senators from both parties warned"
            if self.cased and low in lex.titles and len(lex.titles[low]) > 3 and lex.titles[low][3] and w[1:].islower():
                # "– mówił Norweg": a nationality noun refers to a person, but "Andrzej Turek" is a surname
                return self._unless_given_name_before(i, "title")
            if i in self.sent_initial and (w in lex.stopcaps or low in fw.get("prep", ()) or low in lex.cues
                                           or (len(w) > 3 and w.isupper() and w.capitalize() in lex.stopcaps)):
                return "stop"  # ("AKTUALIZACJA, godz. 19:20", "BREAKING:": a stop word in capitals)
            if len(base) > 1 and base.isupper():
                return "acro"  # ("U.N.’s" too; "HG41207" is a code: ``_classify`` asks the next token)
            if self.cased:
                if w in lex.stopcaps and i in self.sent_initial:
                    return "stop"
                if i in self.sent_initial and i + 1 < len(self.words) and self.words[i + 1] == "," \
                        and morph.finite_verb(low):
                    self._ctx = 2  # depends on the next word
                    return "stop"  # "Pamięta, jak …": a verb opening the sentence, though also a surname
                if len(w) == 1:
                    return "cap"  # "platformie X", not a name
                if i in self.sent_initial and i + 1 < len(self.words) and w not in self.inner_capitals \
                        and morph.word_class(low) == "common" and not morph.is_given_name(w) and not morph.is_adj(low) \
                        and not morph.may_be_person(low):  # (no person: "Druhowie")
                    self._ctx = 2  # depends on the next word
                    if self.words[i + 1][:1].islower() and self.lows[i + 1] not in lex.cues:
                        return "stop"  # "Warunki dla Unii Centrum", "Plany proboszcza Sobczak nazywa": a common noun the text never capitalises inside a sentence
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
            if i in self.sent_initial and low in self.lower_vocab and low not in lex.titles and not self.role_plural(low):
                return "stop"  # "Talks between ...", "Afterwards they said": a common word ("Senators" is a role)
            if i in self.sent_initial and low.endswith("ly") and len(low) > 5 and i + 1 < len(self.words):
                self._ctx = 2  # depends on the next word ("Stridely said" after "Stridely, the app's maker")
                if self.words[i + 1] == "," and morph.dictionary_word(low, self.lang):
                    return "stop"  # "Privately, a diplomat said": an adverb opening the sentence
            if i in self.sent_initial and i + 2 < len(self.words) and (self.words[i + 1][:1].islower() or self._listed(i)) \
                    and self.opening_only(base, low):
                self._ctx = 2  # depends on the next words
                if self._common_opener(i):
                    return "stop"  # "Payment card details were not affected, it said", "Names, email addresses …": an ordinary word the text never capitalises inside a sentence
            if low in lex.title_words:
                self._ctx = 2  # depends on the neighbouring words (never cached by form)
                if i > 0 and self.words[i - 1][:1].isupper() and self.kind(i - 1) == "title" and not self.role_plural(self.lows[i - 1]) and (
                        i + 1 == len(self.words) or not self.words[i + 1][:1].isupper()):
                    return "tword"  # "The Chief Executive reported": a capitalised role's last word, no name
            return "name"
        if joined_particle(w, fw.get("particle", ())):
            return "name"  # "al-Harbi", "ar-Rahim", "bin-Salem": a particle joined to a surname
        time_nouns = fw.get("time_noun", ())
        if time_nouns and low in fw.get("comp", ()) and i + 1 < len(self.words):
            self._ctx = 2  # depends on the next word (only where the language lists time nouns: "że" stays cached)
            if self.lows[i + 1] in time_nouns:
                return "det"  # "had been high that week, but that …": a demonstrative, no complementiser
        for role in ("prep", "coord", "comp", "rel", "pron", "possessive", "sie", "det", "particle"):
            if low in fw.get(role, ()):
                if role == "prep" and low in self._frames:
                    return "frame"
                return role
        if low in lex.cues:
            if self.lex.rules.genitive_s and low.endswith("s") and i > 0:
                self._ctx = 2  # depends on the word before
                if self.lows[i - 1] in self.fw.get("possessive", ()) or self._possessive(i - 1) or (
                        i > 1 and self.lows[i - 2].isalpha() and self._possessive(i - 2)):
                    return "word"  # "residents’ fears", "Smith's claims", "their claims": a noun, no verb
            if "weak" in lex.cues[low].flags and self.fw.get("article"):
                self._ctx = 2  # depends on the words before
                if self._after_article(i):
                    return "word"  # "told the call that …", "the post": a noun, no verb
            if "tail" in lex.cues[low].flags:
                self._ctx = 2  # depends on the word before
                if not (i > 1 and w[:1].islower() and self.words[i - 1] in DASHES):
                    return "word"  # "– zaczęła radna Dudek" speaks, "zaczęła pracę" does not
            if "inf" in lex.cues[low].flags:
                self._ctx = 2  # depends on the words before
                return "cue" if self.phasal_before(i) is not None else "word"
            needs = lex.cues[low].needs
            if needs:  # "ma nadzieję, że" speaks, "ma ruszyć" does not: a cue only with its word after it
                self._ctx = 2  # depends on the next words (the cue finder also keeps them in the sentence)
                if needs not in self.lows[i + 1:i + 3]:
                    return "word"
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
        if self.cased and i > 0 and morph.persons_plural(low):
            self._ctx = 2  # depends on the word before
            if self.kind(i - 1) == "cue":
                return "title"  # "jak przypominają chórzyści": people the lexicon lacks, the verb's subject after it
        return "word"

    def phasal_before(self, i: int) -> int | None:
        """The phasal verb an infinitive at ``i`` depends on, right before it or before one
        adverb ("zaczęli skandować", "zaczęło wtedy skandować"), else None."""
        phasal = self.fw.get("phasal", ())
        if i > 0 and self.lows[i - 1] in phasal:
            return i - 1
        if i > 1 and self.lows[i - 1] in self.fw.get("phasal_adverb", ()) and self.lows[i - 2] in phasal:
            return i - 2
        return None

    def _listed(self, i: int) -> bool:
        """Token ``i`` opens a list: a comma, then an ordinary lowercase word ("Names, email
        addresses and …"), not an apposition, an age or a relative clause ("Derek, a commuter,")."""
        fw = self.fw
        after = self.lows[i + 2]
        return self.words[i + 1] == "," and self.words[i + 2][:1].islower() and not any(
            after in fw.get(role, ()) for role in ("det", "rel", "pron", "possessive", "prep", "coord"))

    def _common_opener(self, i: int) -> bool:
        """The words after sentence-initial token ``i`` do not say it is a person: no cue ("Price
        said"), no age ("Mike is 52"), no role it modifies ("Lorry drivers at Lenna said")."""
        after = self.lows[i + 1:i + 3]
        if after[0] in self.lex.cues or after[0] in self.lex.titles or self.role_plural(after[0]):
            return False
        if self._named_from_place(i):
            return False
        return not (after[0] in self.fw.get("copula", ()) and len(after) > 1 and after[1][:1].isdigit())

    def _named_from_place(self, i: int) -> bool:
        """A given name opening a sentence before a preposition and a capitalised word ("Margaret
        in Carmarthen writes:", "Peter from Swansea"): a reader and her town, no ordinary word."""
        return i + 2 < len(self.words) and self.lows[i + 1] in self.fw.get("prep", ()) \
            and self.words[i + 2][:1].isupper() and self.given_name(self.words[i])

    def given_name(self, word: str) -> bool:
        """A given name: in the English list (``en_given_names.txt``) or to morfeusz2."""
        return word.lower() in self.lex.given_gender or morph.is_given_name(word)

    def given_gender(self, name: str) -> str:
        """"m" or "f" when the first word of ``name`` is a given name of one gender only (the
        English list; for Polish, morfeusz2's nominative readings), else ""."""
        first = name.split()[0]
        gender = self.lex.given_gender.get(first.lower(), "")
        if gender or not self.lex.rules.case_marked:
            return gender
        genders = morph.given_name_genders(first, nominative=True)
        return next(iter(genders)) if len(genders) == 1 else ""

    def role_plural(self, low: str) -> bool:
        """English: the plural of a role noun ("senators from both parties", "hospital bosses")."""
        titles = self.lex.titles
        return self.lex.rules.singular_role_heads and low.endswith("s") and (
            low[:-1] in titles or (low.endswith("es") and low[:-2] in titles))

    def plural_role_noun(self, low: str) -> bool:
        """A role noun that names many: every case the role lexicon gives it is plural ("radni",
        "kibice"), or an English plural (``role_plural``)."""
        return self.role_plural(low) or self.lex.plural_role(low)

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
            if i in self.sent_initial and self._adjective_of_a_name(i):
                return "cap"  # "Tatrzański Park Narodowy przypomina": the adjective opens the body's name
            return "stop" if i in self.sent_initial else "cap"
        if wc == "unknown" and i in self.sent_initial and morph.unknown_feminine_person(w):
            return "title"  # "Glacjolożka po powrocie ze Spitsbergenu: …": a woman's role morfeusz2 lacks
        return "name"

    def _adjective_of_a_name(self, i: int) -> bool:
        """The capitalised adjective at ``i`` agrees with the capitalised word after it
        ("Tatrzański Park", "Świętokrzyskie Centrum"), so both open one name."""
        j = i + 1
        if j >= len(self.words) or not self.words[j][:1].isupper() or not morph.is_adj(self.lows[i]):
            return False
        self._ctx = 2  # depends on the next word
        return self._one_space_before(j) and morph.agrees(self.lows[j], self.lows[i])

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

    def _after_article(self, i: int) -> bool:
        """An article right before token ``i`` ("the call", "a post")."""
        return i > 0 and self.lows[i - 1] in self.fw.get("article", ())

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
        """The word follows a given name directly ("Tomasz Wierzbicki", "Brian White")."""
        if not self._ctx:
            self._ctx = 1  # depends on the previous token only
        if not self._one_space_before(i):
            return False
        prev = self.words[i - 1]
        if not prev[:1].isupper() or (i - 1) in self.quoted:
            return False
        return self.given_name(prev)

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
        if first in self._media_prefixes:
            return i + 1 < len(words) and words[i + 1][:1].isupper()  # "Radio Lublin", "Radia Zet": a station named by its town or brand
        for name in self.lex.media_names:
            if words[i] == name[0] or strip_possessive(words[i]) == name[0] and len(name) == 1:
                if all(i + k < len(words) and words[i + k] == name[k] for k in range(1, len(name))):
                    return True
        return False

    def media_len(self, i: int) -> int:
        words = self.words
        if words[i] in self._media_prefixes and i + 1 < len(words) and words[i + 1][:1].isupper():
            return 2
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
        first, dash, last = w.rpartition("-")
        if dash and first[:1].isupper() and last[:1].isupper():
            # "Gąsior-Wronie": a double surname's last part declines (morfeusz2 reads the first alone)
            last_case = self._name_case(last)
            return "obl" if last_case == "obl" or self._name_case(first) == "obl" else last_case
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


def _after_stamp(text: str, s: int, e: int) -> int:
    """Where the words of ``text[s:e]`` start after a live blog's time stamp ("14:32 ", "10:15 GMT - ")
    or a dateline ("OTTAWA — ")."""
    stamp = _STAMP_RE.match(text, s, e)
    return s if stamp is None else stamp.end()
