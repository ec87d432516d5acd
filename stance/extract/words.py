"""Tokens, word classes and speaker phrases (noun phrases naming who speaks).

Stage 3 helpers of the pipeline: ``Tokens`` tokenises a document once and classifies
words (function word, cue, role noun, person name, place, institution, medium) — lazily, or
all at once with ``classify_all`` when the pipeline has marked quotations and sentence starts;
classes are cached per word form (and sentence-initial flag) unless they depended on the
neighbouring tokens, so each distinct form is analysed once per document;
``Tokens.chunks`` walks a token range and returns the speaker phrases in it, marking
those inside prepositional phrases or relative clauses; ``canonical`` turns a phrase into
the canonical speaker string (nominative, rule-based for foreign surnames).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from stance.extract import morph
from stance.extract.lexicon import Lexicon, read_list

TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*|[^\w\s]")

_ADJ_SUFFIXES = ("y", "i", "a", "e", "ego", "ej", "emu", "ym", "im", "ą", "ich", "ych", "ymi", "imi")
_OBLIQUE_ENDINGS = ("em", "iem", "owi", "ego", "emu", "skim", "ckim", "dzkim", "ą", "'a", "’a", "'owi", "'em", "’em")
# token classes at which ``Tokens.np_at`` never finds a phrase (English possessives aside)
_NEVER_START = frozenset({"cue", "comp", "sie", "num", "month", "particle", "frame", "prep", "rel", "coord", "punct", "quoted"})
# token classes for which ``Tokens._pl_modifier`` can be true (checked before the call)
_PL_MODIFIER_KINDS = frozenset({"word", "stop", "cap", "name", "place", "inst"})
_FEMALE_NAME_EXCEPTIONS = frozenset({"Kuba", "Barnaba", "Kosma", "Bonawentura", "Jarema", "Nikita", "Ilja", "Sasza", "Misza", "Luca", "Andrea", "Joshua"})


@lru_cache(maxsize=None)
def function_words(lang: str) -> dict[str, frozenset]:
    """Closed-class words by role from ``lexicons/<lang>_function.txt``."""
    out: dict[str, set] = {}
    for line in read_list(f"{'pl' if lang == 'pl' else 'en'}_function.txt"):
        role, _, words = line.partition(":")
        out.setdefault(role.strip(), set()).update(words.split())
    return {k: frozenset(v) for k, v in out.items()}


@dataclass
class NP:
    """A speaker phrase over tokens ``[start, end)``."""

    start: int
    end: int
    kind: str  # name | title | inst | media | pron | poss
    names: list = field(default_factory=list)  # token indices of the person name
    titles: list = field(default_factory=list)  # token indices of the role description
    inst: list = field(default_factory=list)  # token indices of an institution / place
    in_pp: bool = False
    in_rel: bool = False
    nominative: bool = True
    gender: str = ""


class Tokens:
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
        self.fw = function_words(lex.lang)
        # map() over the unbound methods keeps the per-token loops in C (no Python-level
        # call per token and field; tokenising is about a tenth of all the time)
        ms = list(TOKEN_RE.finditer(text))
        self.starts = list(map(re.Match.start, ms))
        self.ends = list(map(re.Match.end, ms))
        self.words = list(map(re.Match.group, ms))
        self.lows = list(map(str.lower, self.words))
        self.kinds: list = [None] * len(ms)  # token index -> class
        # word -> class when no neighbour was consulted: [0] elsewhere, [1] sentence-initially
        # (two dicts, not (word, flag) keys, so the hot lookup builds no tuple)
        self._form_kind: tuple[dict, dict] = ({}, {})
        self._verbs_en = self.fw.get("aux", frozenset()) | self.fw.get("finite", frozenset())  # never role modifiers
        self._frames = self.fw.get("frame_zdaniem", frozenset()) | self.fw.get("frame_wedlug", frozenset())
        self._ctx = 0  # set while classifying when the class depended on neighbouring tokens
        self._agn = None  # the class of a capitalised word unless a given name precedes it
        self._lower_vocab = None
        self._media_first = frozenset(n[0] for n in lex.media_names)
        starts = self.starts
        quoted: set[int] = set()
        for s, e in quoted_spans:
            quoted.update(range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)))
        self.quoted = quoted  # token indices inside quotations / dash speech (read-only)
        initial = set()
        for s, e in sentence_spans:
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
        if k == "name" and ini and self.lang == "en" and i + 1 < len(self.words) and self.lows[i + 1] in self.fw.get("pron", ()) and self.starts[i + 1] - self.ends[i] == 1:
            return "stop"  # "Afterwards they said", "Later he wrote": an adverb before the subject
        return k

    def _classify_form(self, i: int) -> str:
        w = self.words[i]
        if not w[0].isalnum():
            return "punct"
        if w[0].isdigit():
            return "num"
        lex, fw = self.lex, self.fw
        low = w.lower()
        base = _strip_possessive(w) if self.lang == "en" else w
        if w[0].isupper() and low in fw.get("pron", ()) and len(w) > 1:
            return "pron"
        if w[0].isupper() and i in self.sent_initial:
            for role in ("prep", "coord", "comp", "rel", "pron", "possessive", "det"):
                if low in fw.get(role, ()):
                    if role == "prep" and low in self._frames:
                        return "frame"
                    return role
            if low in lex.cues:
                return "cue"
        if w[0].isupper():
            if self._media_at(i):
                return "media"
            if base in lex.places:
                return "inst" if lex.places[base][1] else "place"
            if base in lex.months:
                return "month"
            if low in lex.titles and (self.lang == "en" or i in self.sent_initial):
                return "title"
            if self.lang == "pl" and low in lex.titles and len(lex.titles[low]) > 3 and lex.titles[low][3] and w[1:].islower():
                return "title"  # "– mówił Norweg": a nationality noun refers to a person
            if i in self.sent_initial and (w in lex.stopcaps or low in fw.get("prep", ()) or low in lex.cues):
                return "stop"
            if len(w) > 1 and w.isupper():
                return "acro"
            if self.lang == "pl":
                if w in lex.stopcaps and i in self.sent_initial:
                    return "stop"
                if len(w) == 1:
                    return "cap"  # "platformie X", not a name
                if self.is_org(i):
                    return "inst"
                wc = morph.word_class(w)
                if wc != "name":
                    rest = self._pl_cap_rest(w, wc, i)
                    self._agn = rest  # the class unless a given name precedes ("Tomasz Wierzbicki")
                    return "name" if self._after_given_name(i) else rest
                return self._pl_cap_rest(w, wc, i)
            if w in lex.stopcaps and i in self.sent_initial:
                return "stop"
            if len(w) == 1:
                return "cap"
            if i in self.sent_initial and low in self.lower_vocab and low not in lex.titles:
                return "stop"  # "Talks between ...", "Afterwards they said": a common word
            return "name"
        for role in ("prep", "coord", "comp", "rel", "pron", "possessive", "sie", "det", "particle"):
            if low in fw.get(role, ()):
                if role == "prep" and low in self._frames:
                    return "frame"
                return role
        if low in lex.cues:
            return "cue"
        if low in lex.titles:
            return "title"
        if w in lex.title_words:
            return "tword"
        for stem in lex.media_stems:
            if low.startswith(stem):
                return "media"
        return "word"

    def _pl_cap_rest(self, w: str, wc: str, i: int) -> str:
        """Polish capitalised word, once the given-name test is done: word_class decides."""
        if wc == "place" and morph.name_readings(w):
            return "name"  # a surname that is also some village's name (the lexicon lists real places)
        if wc == "place":
            return "place"
        if wc == "inst":
            return "inst"
        if wc == "common":
            if i in self.sent_initial and _persons_plural(w):
                return "title"  # "Rezydenci zapowiadają", "Lekarze protestują": a group of people
            return "stop" if i in self.sent_initial else "cap"
        return "name"

    def is_org(self, i: int) -> bool:
        """A capitalised word whose noun lemma names an institution ("Komisji", "Sojusz")."""
        w = self.words[i]
        lems = self.lex.org_lemmas
        if not lems or not w[:1].isupper():
            return False
        if w.lower() in lems:
            return True
        return any(tag.startswith("subst") and lem.lower() in lems for lem, tag, _q in morph.analyse(w))

    def _after_given_name(self, i: int) -> bool:
        """Polish: the word follows a given name directly ("Tomasz Wierzbicki")."""
        if not self._ctx:
            self._ctx = 1  # depends on the previous token only
        if i == 0 or self.starts[i] - self.ends[i - 1] != 1 or self.text[self.ends[i - 1]] != " ":
            return False
        prev = self.words[i - 1]
        if not prev[:1].isupper() or (i - 1) in self.quoted:
            return False
        return any("imię" in q for _l, _t, q in morph.analyse(prev))

    def _media_at(self, i: int) -> bool:
        words = self.words
        first = words[i]
        if first not in self._media_first and _strip_possessive(first) not in self._media_first:
            return False
        self._ctx = 2  # depends on the following tokens
        for name in self.lex.media_names:
            if words[i] == name[0] or _strip_possessive(words[i]) == name[0] and len(name) == 1:
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
        if self.lang != "pl":
            return "nom"
        w = self.words[i]
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

    def title_nominative(self, i: int) -> bool:
        if self.lang != "pl":
            return True
        info = self.lex.titles.get(self.words[i].lower())
        if info is None:
            return True
        return "sg:nom" in info[2] or "pl:nom" in info[2]

    # -- phrases --------------------------------------------------------------------
    def np_at(self, k: int, j: int) -> NP | None:
        """The speaker phrase starting at token ``k`` (not beyond ``j``), or None."""
        kind = self.kind
        words = self.words
        start = k
        if kind(k) == "det":
            k += 1
        if k >= j:
            return None
        c = kind(k)
        if c == "pron":
            g = {"on": "m", "ona": "f", "oni": "pl", "one": "pl", "he": "m", "she": "f", "they": "pl", "it": "n"}.get(words[k].lower(), "")
            return NP(start, k + 1, "pron", gender=g)
        if c == "possessive":
            return None
        pl = self.lang == "pl"
        # fast exits for the classes that never start a phrase (same answer as the walk below)
        if c in _NEVER_START and (pl or not self._possessive(k)):
            return None
        if c == "word":
            if pl:
                if not self._pl_modifier(k, j):
                    return None
            elif not self._possessive(k) and not self._title_ahead(k, j, en_mod=True):
                return None
        titles: list[int] = []
        names: list[int] = []
        # modifiers and role nouns
        p = k
        while p < j:
            c = kind(p)
            if c == "title":
                titles.append(p)
                p += 1
                continue
            if pl and c in _PL_MODIFIER_KINDS and self._pl_modifier(p, j):
                titles.append(p)
                p += 1
                continue
            if not pl and c in ("place", "inst", "acro", "name", "word", "tword") and self.lows[p] not in self._verbs_en and self._title_ahead(p, j, en_mod=True):
                titles.append(p)
                p += 1
                continue
            break
        if not pl and not titles:
            org = self._en_org(k, j)
            poss_end = None
            if org is not None:
                if not self._possessive(org - 1) or org - 1 == k:
                    return NP(start, org, "inst", inst=list(range(k, org)))
                poss_end = org  # "The European Union's lead negotiator"
            elif self._possessive(k):
                poss_end = k + 1
            if poss_end is not None:
                n1 = poss_end + 1 if poss_end < j and words[poss_end] in ("'", "’") else poss_end
                nxt = self.np_at(n1, j) if n1 < j else None
                if nxt is not None and nxt.kind in ("title", "name", "inst") and (nxt.kind != "name" or nxt.titles):
                    nxt.start = start
                    own = [t for t in range(k, n1) if words[t][0].isalnum()]
                    if nxt.kind == "title" or nxt.titles:
                        nxt.titles = own + nxt.titles
                    else:
                        nxt.inst = own + nxt.inst
                    return nxt
                if org is not None:
                    return NP(start, org, "inst", inst=list(range(k, org)))
        if titles and pl and any(kind(t) == "title" for t in titles):
            p, names = self._pl_complement(p, j, titles)
            if names:
                return NP(start, names[-1] + 1, "name", names=names, titles=titles)
        elif titles:
            # complements of the role: "spraw zagranicznych", "Kremla", "USA", "ds. bezpieczeństwa"
            while p < j:
                c = kind(p)
                if c == "tword" or c in ("place", "inst", "acro") or (c == "title" and self.lang == "pl"):
                    titles.append(p)
                    p += 1
                    if p < j and words[p] == "." and words[p - 1].lower() in ("ds",):
                        p += 1
                    continue
                if c == "punct" and words[p] == "." and p > k and words[p - 1].lower() in self.lex.abbreviations and p + 1 < j and kind(p + 1) in ("tword", "word"):
                    p += 1
                    continue
                break
        if titles and not pl and p < j and self.lows[p] in ("for", "of", "at") and kind(titles[-1]) == "title":
            p = self._en_role_tail(p, j, titles)
        # a person name
        q = p
        while q < j and len(names) < 5:
            c = kind(q)
            if c == "name" or (c == "particle" and names and q + 1 < j and kind(q + 1) == "name"):
                if self.lang == "pl" and names and c == "name":
                    prev_case, this_case = self.name_case(names[-1]), self.name_case(q)
                    if prev_case == "obl" and this_case == "nom":
                        break
                names.append(q)
                q += 1
                continue
            if c == "punct" and words[q] == "." and names and len(words[q - 1]) == 1 and q + 1 < j and kind(q + 1) == "name":
                q += 1  # initial: "J. D. Vance"
                continue
            break
        if names:
            return NP(start, q, "name", names=names, titles=titles)
        if titles:
            # the head must be a role noun, not just an adjective
            if not any(kind(t) == "title" for t in titles):
                return None
            return NP(start, p, "title", titles=titles)
        c = kind(k)
        if c == "media":
            n = self.media_len(k)
            e = k + n
            while e < j and kind(e) in ("media", "name", "acro") and e - k < 4:
                e += 1
            return NP(start, e, "media", inst=list(range(k, e)))
        if self.lang == "pl" and c == "stop" and k + 1 < j and self.is_org(k + 1) and morph.is_adj(words[k]):
            c = "inst"  # "Narodowy Fundusz Zdrowia"
        if c in ("inst", "place", "acro", "cap"):
            e = k + 1
            while e < j and (kind(e) in ("inst", "place", "acro", "cap") or (self.lang == "pl" and kind(e) == "name" and morph.is_adj(self.lows[e]))) and e - k < 5:
                e += 1
            return NP(start, e, "inst", inst=list(range(k, e)))
        return None

    def _en_role_tail(self, p: int, j: int, titles: list) -> int:
        """``for/of/at (the) X`` after an English role noun, kept when the phrase ends right
        there (a cue, a comma or the limit follows): "spokesperson for the train operators",
        "controllers at the Marseille centre". Returns the new end (``p`` when not taken)."""
        kind = self.kind
        r = p + 1
        if r < j and kind(r) == "det":
            r += 1
        s = r
        while r < j and r - p <= 5 and kind(r) in ("word", "tword", "name", "place", "inst", "acro", "cap", "title"):
            r += 1
        if r == s or r - p > 5:
            return p
        if r < j and not (kind(r) == "cue" or self.words[r] == ","):
            return p
        titles.extend(range(p, r))
        return r

    def _possessive(self, i: int) -> bool:
        w = self.words[i]
        if w.endswith(("'s", "’s")):
            return True
        return i + 1 < len(self.words) and self.words[i + 1] in ("'", "’") and self.starts[i + 1] == self.ends[i] and w.endswith("s")

    def _en_org(self, k: int, j: int) -> int | None:
        """English institution: a capitalised run holding an institution word ("American Soybean
        Growers Council", "China's Ministry of Commerce", "Coordination Headquarters for the
        Treatment of Prisoners of War"); returns the end token or None."""
        words, kind = self.words, self.kind
        caps = ("name", "place", "inst", "acro", "cap", "stop", "tword", "title")
        q = k
        has_org = False
        while q < j and words[q][:1].isupper() and kind(q) in caps and q - k < 8:
            if _strip_possessive(words[q]) in self.lex.org_words:
                has_org = True
            if q > k + 1 and self._possessive(q - 1):
                break
            q += 1
        if not has_org:
            return None
        # "of Commerce", "for the Treatment of Prisoners of War"
        while q + 1 < j and words[q].lower() in ("of", "for") and not self._possessive(q - 1):
            r = q + 1
            if words[r].lower() == "the" and r + 1 < j:
                r += 1
            if not (words[r][:1].isupper() and kind(r) in caps):
                break
            while r < j and words[r][:1].isupper() and kind(r) in caps:
                r += 1
            q = r
        return q

    def _pl_modifier(self, p: int, j: int) -> bool:
        """An adjective before a role noun ("rosyjski dyplomata", sentence-initial "Specjalny wysłannik")."""
        w = self.words[p]
        c = self.kind(p)
        if c == "word" and w.endswith(_ADJ_SUFFIXES) and self._title_ahead(p, j):
            return morph.is_adj(w) is not False
        if w[:1].isupper() and c in ("stop", "cap", "name", "place", "inst") and w.endswith(_ADJ_SUFFIXES):
            if p in self.sent_initial or (p > 0 and not self.words[p - 1][0].isalnum()):
                return bool(morph.is_adj(w)) and self._title_ahead(p, j)
        return False

    def _name_able(self, t: int, have_name: bool) -> bool:
        c = self.kind(t)
        w = self.words[t]
        if c in ("name", "particle"):
            return not (w.endswith(("ego", "ej", "ych", "ich")) and morph.is_adj(w))
        if c == "place" and morph.name_readings(w) and not self.is_org(t):
            return True
        if c == "cap" and have_name and len(w) > 1:
            return not morph.is_adj(w) and not self.is_org(t)
        return False

    def _pl_complement(self, p: int, j: int, titles: list) -> tuple[int, list]:
        """Polish role complement after the role noun (genitives, ``ds.``, ``przy``/``w`` + a
        capitalised place) and the person name after it: appends to ``titles``, returns the end
        token and the name tokens."""
        kind, words = self.kind, self.words
        head = max(t for t in titles if kind(t) == "title")
        while p < j:
            c = kind(p)
            w = words[p]
            low = w.lower()
            if low == "ds":
                titles.append(p)
                p += 1
                if p < j and words[p] == ".":
                    titles.append(p)
                    p += 1
                continue
            if c in ("tword", "title", "place", "inst", "acro") and not (
                c == "title" and w[:1].isupper() and p not in self.sent_initial and kind(p - 1) not in ("acro", "inst")
            ):  # "szef MSZ Węgier": after an office, a capitalised nationality noun is its country
                titles.append(p)
                p += 1
                continue
            if c == "word" and w[:1].islower() and p - head <= 8 and morph.can_be_gen(w) and not self._verbish(w):
                titles.append(p)
                p += 1
                continue
            if low in ("przy", "w") and p + 1 < j and words[p + 1][:1].isupper() and kind(p + 1) in ("place", "inst", "cap", "acro") and (low == "przy" or kind(titles[-1]) == "word"):
                titles.append(p)
                p += 1
                continue
            if low == "w" and p + 1 < j and kind(p + 1) == "name" and kind(titles[-1]) == "word" and (self.name_case(p + 1) == "obl" or morph.word_class(words[p + 1]) in ("unknown", "")) and (p + 2 >= j or kind(p + 2) != "name"):
                titles.extend((p, p + 1))  # "przedstawiciel władz w Tyraspolu": a locative, not a name
                p += 2
                continue
            if c == "coord" and low == "i" and p + 1 < j and titles[-1] > head and (kind(p + 1) in ("inst", "cap") or (kind(p + 1) == "word" and morph.can_be_gen(words[p + 1]))):
                titles.append(p)
                p += 1
                continue
            if c == "punct" and w in "–-" and titles[-1] > head and p + 1 < j and self.starts[p] == self.ends[p - 1] and self.ends[p] == self.starts[p + 1] and words[p + 1][:1].isupper():
                titles.append(p)  # "Belgrad–Prisztina"
                p += 1
                continue
            break
        # a capitalised run: institution words, then (maybe) the person's name
        run = []
        q = p
        while q < j and len(run) < 9:
            c = kind(q)
            if c in ("cap", "name", "inst", "place", "acro", "particle"):
                run.append(q)
                q += 1
                continue
            if c == "punct" and words[q] == "." and run and len(words[q - 1]) == 1 and q + 1 < j and kind(q + 1) == "name":
                q += 1
                continue
            if c == "coord" and words[q] == "i" and run and q + 1 < j and kind(q + 1) in ("cap", "inst"):
                run.append(q)
                q += 1
                continue
            break
        names: list[int] = []
        for t in reversed(run):
            if len(names) < 4 and self._name_able(t, bool(names)):
                names.insert(0, t)
                continue
            break
        while names and kind(names[0]) == "particle":
            names.pop(0)
        # "Szef MSW Litwy": after a role noun that can only be nominative, a certainly oblique
        # word is a genitive complement, not the person's name (which agrees with the role)
        if names and self._nominative_only(head):
            while names and self.name_case(names[0]) == "obl":
                names.pop(0)
        # "Szef MSZ Węgier", "szef MSW Litwy": a country's name after an office's acronym is
        # the office's complement, not a person
        if len(names) == 1 and names[0] - 1 >= 0 and kind(names[0] - 1) in ("acro", "inst") and _has_geo(words[names[0]]):
            names = []
        # "Porozumienia Młodych Lekarzy Kamila Odrzywolska": the name starts at the given name
        given = [n for n, t in enumerate(names) if any("imię" in q for _l, _t, q in morph.analyse(words[t]))]
        if given and given[0] > 0:
            names = names[given[0]:]
        comp = run[: len(run) - len(names)] if names else run
        if names and comp and kind(comp[-1]) == "coord":
            comp = comp[:-1]
        titles.extend(comp)
        end = (names[-1] + 1) if names else ((comp[-1] + 1) if comp else p)
        while titles and kind(titles[-1]) in ("coord",) or (titles and words[titles[-1]] in "–-"):
            titles.pop()
        return end, names

    def _nominative_only(self, t: int) -> bool:
        """The role noun at ``t`` is nominative (or vocative) in every reading."""
        info = self.lex.titles.get(self.lows[t])
        return bool(info and info[2]) and all(c.endswith((":nom", ":voc")) for c in info[2])

    @staticmethod
    def _verbish(w: str) -> bool:
        # imperatives left out: "praw" (of rights) is also the imperative of "prawić", never a verb in news
        # and a gerund only when no noun reading exists ("zjednoczenia": the noun "zjednoczenie")
        tags = {tag.split(":")[0] for _l, tag, _q in morph.analyse(w)}
        return bool(tags & {"fin", "praet", "inf", "pcon", "pant", "imps", "bedzie"}) or ("ger" in tags and "subst" not in tags)

    def _title_ahead(self, p: int, j: int, en_mod: bool = False) -> bool:
        kind = self.kind
        for q in range(p + 1, min(j, p + (5 if en_mod else 4))):
            c = kind(q)
            if c == "title":
                return True
            if en_mod and (c in ("place", "inst", "acro", "tword", "name") or (c == "word" and not self.words[q].endswith(("ly", "ed", "ing")))):
                if self.words[q].endswith(("'s", "’s")):
                    return False
                continue
            if not en_mod and c == "word" and self.words[q].endswith(_ADJ_SUFFIXES):
                continue
            return False
        return False

    def chunks(self, i: int, j: int) -> list[NP]:
        """Speaker phrases in tokens ``[i, j)``, flagged when inside a prepositional phrase
        or a relative clause (those are never the subject)."""
        out: list[NP] = []
        kind = self.kind
        words = self.words
        pl = self.lang == "pl"
        pp = 0  # 1: right after a preposition; 2: preposition + other words
        rel = False
        k = i
        while k < j:
            c = kind(k)
            if c == "quoted":
                while k < j and kind(k) == "quoted":
                    k += 1
                pp = 0
                continue
            if c == "punct":
                if words[k] in ",;:–—()":
                    pp = 0
                    if rel:
                        rel = False
                k += 1
                continue
            if c in ("prep", "frame"):
                pp = 1
                k += 1
                continue
            if c == "rel":
                rel = True
                k += 1
                continue
            if c in ("coord",):
                if not (pp and k + 1 < j and kind(k + 1) in ("name",) and self.name_case(k + 1) == "obl"):
                    pp = 0
                k += 1
                continue
            if c in _NEVER_START and (pl or not self._possessive(k)):
                np = None  # np_at's fast exit, without the call
            elif pl and c == "word" and (not words[k].endswith(_ADJ_SUFFIXES) or k + 1 >= j or (
                kind(k + 1) != "title" and not (kind(k + 1) == "word" and words[k + 1].endswith(_ADJ_SUFFIXES)))):
                np = None  # no adjective before a role noun ("rosyjski dyplomata"): np_at's fast exit
            elif not pl and c == "word" and not self._possessive(k) and not self._title_ahead(k, j, en_mod=True):
                np = None  # English: a plain word neither possessive nor before a role: np_at's fast exit
            else:
                np = self.np_at(k, j)
            if np is None or np.end <= k:
                if pp and c in ("word", "det", "num", "tword", "title", "sie"):
                    pp = 2
                elif c in ("cue",):
                    pp = 0
                k += 1
                continue
            if pp == 1:
                np.in_pp = True
            elif pp == 2:
                # a capitalised phrase after "prep + words" still belongs to the PP unless it
                # is a person name that can be nominative
                if np.kind in ("inst", "media"):
                    np.in_pp = True
                elif np.kind == "name" and self.lang == "en":
                    # "Later in the day Tkachivska wrote": a name right before a cue is its subject
                    np.in_pp = not (np.end < len(words) and kind(np.end) == "cue")
                elif np.kind == "name" and self.name_case(np.names[0]) == "obl":
                    np.in_pp = True
                elif np.kind == "title" and not self.title_nominative(self.head(np)):
                    np.in_pp = True
            if self.lang == "pl" and np.kind == "name" and not np.titles and self.name_case(np.names[-1]) == "obl":
                np.nominative = False
            if self.lang == "pl" and np.kind == "title" and not self.title_nominative(self.head(np)):
                np.nominative = False
            np.in_rel = rel
            out.append(np)
            pp = 0
            k = np.end
        return out

    def head(self, np: NP) -> int:
        heads = [t for t in np.titles if self.kind(t) == "title"]
        return heads[0] if heads else np.titles[0]

    # -- canonical forms ----------------------------------------------------------------
    def surface(self, idx: list[int]) -> str:
        if not idx:
            return ""
        return self.text[self.starts[idx[0]]:self.ends[idx[-1]]]

    def canonical(self, np: NP, oblique: bool) -> str:
        """Canonical speaker string of a phrase (nominative; fullest-name grouping comes later)."""
        if np.kind == "name":
            return " ".join(self.name_lemma(t, oblique) for t in np.names if self.kind(t) != "punct")
        if np.kind == "title":
            return self.title_string(np, oblique)
        if np.kind in ("inst", "media"):
            toks = np.inst
            first = self.words[toks[0]]
            if self.lang == "pl" and oblique:
                lemma = self.lex.places.get(first, (None,))[0]
                if lemma is None:
                    for lem, tag, _q in morph.analyse(first):
                        if tag.startswith("subst"):
                            lemma = lem[:1].upper() + lem[1:]
                            break
                if lemma is None:
                    lemma = _strip_case(first, self.vocab)
                # adjectives right after the head agree with it: "Banku Światowego" -> "Bank Światowy"
                gender = morph.noun_gender(first) or "m"
                parts = [lemma]
                prev = self.ends[toks[0]]
                agree = True
                for t in toks[1:]:
                    w = self.words[t]
                    if agree and morph.is_adj(w.lower()):
                        nom = morph.adj_nominative(w.lower(), gender)
                        w = nom[:1].upper() + nom[1:] if w[:1].isupper() else nom
                    else:
                        agree = False
                    parts.append(self.text[prev:self.starts[t]] + w)
                    prev = self.ends[t]
                return "".join(parts).strip()
            s = self.surface(toks)
            return s
        return ""

    def title_string(self, np: NP, oblique: bool) -> str:
        toks = np.titles
        if self.lang != "pl":
            s = self.surface(toks)
            first = self.words[toks[0]]
            if first.lower() in self.lex.titles and not first.isupper():
                s = s[:1].lower() + s[1:]
            return s
        head = self.head(np)
        gender = self.lex.titles.get(self.words[head].lower(), ("", "m", ()))[1]
        parts = []
        prev_end = None
        agree = oblique and head + 1 == toks[-1] and self._agrees(toks[-1], head, gender)
        for t in toks:
            w = self.words[t]
            if agree and t == head + 1:
                w = morph.adj_nominative(w.lower(), gender)
            elif oblique and t <= head:
                if t == head:
                    if agree or not self.title_nominative(t):
                        w = self.lex.titles.get(w.lower(), (w,))[0]
                elif morph.is_nominative_possible(w.lower()) is not True:
                    w = morph.adj_nominative(w.lower(), gender)
            if prev_end is not None:
                parts.append(self.text[prev_end:self.starts[t]])
            parts.append(w)
            prev_end = self.ends[t]
        s = "".join(parts)
        if self.kind(toks[0]) in ("title", "word", "stop") or toks[0] in self.sent_initial:
            s = s[:1].lower() + s[1:]
        return s

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

    def name_lemma(self, i: int, oblique: bool) -> str:
        w = self.words[i]
        if self.lang != "pl":
            return _strip_possessive(w)
        if self.kind(i) == "particle":
            return w
        readings = morph.name_readings(w)
        if readings:
            if not oblique:
                for _lemma, c in readings:
                    if "nom" in c.split("."):
                        return w
            for lemma, _c in sorted(readings, key=lambda r: "nom" in r[1].split(".")):
                if lemma[:1].isupper():
                    return lemma
        if not oblique and self.name_case(i) != "obl":
            return w
        return _strip_case(w, self.vocab)

    def gender_of(self, np: NP) -> str:
        if np.kind == "pron":
            return np.gender
        if np.kind != "name" or self.lang != "pl":
            if np.kind == "title" and self.lang == "pl":
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


@lru_cache(maxsize=65536)
def _has_geo(w: str) -> bool:
    """Some morfeusz reading of ``w`` is a geographic name."""
    return any("nazwa_geograficzna" in q for _l, _t, q in morph.analyse(w))


@lru_cache(maxsize=65536)
def _persons_plural(w: str) -> bool:
    """A Polish common noun in the nominative plural of the masculine-personal gender
    ("rezydenci", "lekarze", "związkowcy"): people, who may speak as a group."""
    readings = morph.analyse(w)
    return bool(readings) and any(
        tag.startswith("subst:pl:nom") and tag.split(":")[3:4] == ["m1"] and lem[:1].islower() for lem, tag, _q in readings
    ) and not any(tag.startswith(("adj", "praet", "fin", "ppas", "pact")) for _l, tag, _q in readings)


def _strip_possessive(w: str) -> str:
    if w.endswith(("'s", "’s")):
        return w[:-2]
    if w.endswith(("s'", "s’")):
        return w[:-1]
    return w


# (ending, replacement) in order of preference for unknown (foreign) names
_CASE_RULES = (
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
