"""Tokens, word classes and speaker phrases (noun phrases naming who speaks).

Stage 3 helpers of the pipeline: ``Tokens`` tokenises a document once and classifies
words lazily (function word, cue, role noun, person name, place, institution, medium);
``Tokens.chunks`` walks a token range and returns the speaker phrases in it, marking
those inside prepositional phrases or relative clauses; ``canonical`` turns a phrase into
the canonical speaker string (nominative, rule-based for foreign surnames).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from stance.extract import morph
from stance.extract.lexicon import Lexicon, read_list

TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*|[^\w\s]")

_ADJ_SUFFIXES = ("y", "i", "a", "e", "ego", "ej", "emu", "ym", "im", "ą", "ich", "ych", "ymi", "imi")
_OBLIQUE_ENDINGS = ("em", "iem", "owi", "ego", "emu", "skim", "ckim", "dzkim", "ą", "'a", "’a", "'owi", "'em", "’em")
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

    def __init__(self, text: str, lex: Lexicon, protected_mask=None):
        self.text = text
        self.lex = lex
        self.lang = lex.lang
        self.fw = function_words(lex.lang)
        starts, ends, words = [], [], []
        for m in TOKEN_RE.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
            words.append(m.group())
        self.starts, self.ends, self.words = starts, ends, words
        self._kind: dict[int, str] = {}
        self.quoted: set[int] = set()  # token indices inside quotations / dash speech
        self.sent_initial: set[int] = set()
        self.vocab = None

    # -- classes ------------------------------------------------------------------
    def kind(self, i: int) -> str:
        k = self._kind.get(i)
        if k is None:
            k = self._classify(i)
            self._kind[i] = k
        return k

    def _classify(self, i: int) -> str:
        w = self.words[i]
        if i in self.quoted:
            return "quoted"
        if not w[0].isalnum():
            return "punct"
        if w[0].isdigit():
            return "num"
        lex, fw = self.lex, self.fw
        low = w.lower()
        base = _strip_possessive(w) if self.lang == "en" else w
        if w[0].isupper() and i in self.sent_initial:
            for role in ("prep", "coord", "comp", "rel", "pron", "possessive", "det"):
                if low in fw.get(role, ()):
                    if role == "prep" and low in ("według", "zdaniem"):
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
            if i in self.sent_initial and (w in lex.stopcaps or low in fw.get("prep", ()) or low in lex.cues):
                return "stop"
            if len(w) > 1 and w.isupper():
                return "acro"
            if self.lang == "pl":
                if w in lex.stopcaps and i in self.sent_initial:
                    return "stop"
                wc = morph.word_class(w)
                if wc == "place":
                    return "place"
                if wc == "inst":
                    return "inst"
                if wc == "common":
                    return "stop" if i in self.sent_initial else "cap"
                return "name"
            if w in lex.stopcaps and i in self.sent_initial:
                return "stop"
            if len(w) == 1:
                return "cap"
            return "name"
        for role in ("prep", "coord", "comp", "rel", "pron", "possessive", "sie", "det", "particle"):
            if low in fw.get(role, ()):
                if role == "prep" and low in ("według", "zdaniem"):
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

    def _media_at(self, i: int) -> bool:
        words = self.words
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
        titles: list[int] = []
        inst: list[int] = []
        names: list[int] = []
        # modifiers and role nouns
        p = k
        while p < j:
            c = kind(p)
            if c == "title":
                titles.append(p)
                p += 1
                continue
            if c == "word" and self.lang == "pl" and words[p].endswith(_ADJ_SUFFIXES) and self._title_ahead(p, j):
                titles.append(p)
                p += 1
                continue
            if self.lang == "en" and c in ("place", "inst", "acro", "name", "word") and self._title_ahead(p, j, en_mod=True):
                titles.append(p)
                p += 1
                continue
            break
        if titles:
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
        # a person name
        q = p
        while q < j and len(names) < 5:
            c = kind(q)
            if c == "name" or (c == "particle" and names and q + 1 < j and kind(q + 1) == "name"):
                if self.lang == "pl" and names and c == "name":
                    prev_case, this_case = self.name_case(names[-1]), self.name_case(q)
                    if prev_case == "obl" and this_case != "obl":
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
        if c in ("inst", "place", "acro", "cap"):
            e = k + 1
            while e < j and kind(e) in ("inst", "place", "acro", "cap") and e - k < 5:
                e += 1
            return NP(start, e, "inst", inst=list(range(k, e)))
        return None

    def _title_ahead(self, p: int, j: int, en_mod: bool = False) -> bool:
        kind = self.kind
        for q in range(p + 1, min(j, p + 4)):
            c = kind(q)
            if c == "title":
                return True
            if en_mod and c in ("place", "inst", "acro", "title"):
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
                if np.kind in ("inst", "media") or (np.kind == "name" and self.lang == "en"):
                    np.in_pp = True
                elif np.kind == "name" and self.name_case(np.names[0]) == "obl":
                    np.in_pp = True
                elif np.kind == "title" and not self.title_nominative(self._head(np)):
                    np.in_pp = True
            if self.lang == "pl" and np.kind == "name" and not np.titles and self.name_case(np.names[-1]) == "obl":
                np.nominative = False
            if self.lang == "pl" and np.kind == "title" and not self.title_nominative(self._head(np)):
                np.nominative = False
            np.in_rel = rel
            out.append(np)
            pp = 0
            k = np.end
        return out

    def _head(self, np: NP) -> int:
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
                rest = self.text[self.ends[toks[0]]:self.ends[toks[-1]]]
                return (lemma + rest).strip()
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
        head = self._head(np)
        gender = self.lex.titles.get(self.words[head].lower(), ("", "m", ()))[1]
        parts = []
        prev_end = None
        for t in toks:
            w = self.words[t]
            if oblique and t <= head:
                if t == head:
                    w = self.lex.titles.get(w.lower(), (w,))[0]
                else:
                    w = morph.adj_nominative(w.lower(), gender)
            if prev_end is not None:
                parts.append(self.text[prev_end:self.starts[t]])
            parts.append(w)
            prev_end = self.ends[t]
        s = "".join(parts)
        if self.kind(toks[0]) in ("title", "word", "stop") or toks[0] in self.sent_initial:
            s = s[:1].lower() + s[1:]
        return s

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
            for lemma, c in readings:
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
                return self.lex.titles.get(self.words[self._head(np)].lower(), ("", ""))[1]
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
