"""Chunking: every speaker phrase of a token range, marked where it cannot be a subject.

``PhraseChunks`` is the part of ``Tokens`` that walks a range with ``np_at`` (``phrases.py``) and
flags each phrase inside a prepositional phrase or a relative clause, and each one not in the
nominative (a Polish object, a genitive complement, a name after an oblique noun). A mixin of
``phrases.PhraseReader``, which gives ``np_at``, ``genitive_phrase``, ``head``, ``age_before`` and
the token lists.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from stance.extract import morph
from stance.extract.phrases_pl import ADJ_SUFFIXES

if TYPE_CHECKING:
    from stance.extract.phrases import NP

# token classes at which ``np_at`` never finds a phrase (English possessives aside)
NEVER_START = frozenset({"cue", "comp", "sie", "num", "month", "particle", "frame", "prep", "rel", "coord", "punct", "quoted"})
LOWERCASE_BODY_MAX = 4  # words of "the state health department"
# oblique endings of the adjectives of towns ("bydgoskiego", "warszawskiej", "krakowskim")
_TOWN_ADJECTIVE_OBLIQUE = ("skiego", "ckiego", "skiej", "ckiej", "skim", "ckim", "skiemu", "ckiemu")
_FUNCTION_ROLES = ("subordinator", "aux", "comp", "rel", "coord", "prep", "det", "jak")  # word lists no noun is in


class PhraseChunks:
    """The chunking part of ``phrases.PhraseReader``."""

    def chunks(self, i: int, j: int) -> list[NP]:
        """Speaker phrases in tokens ``[i, j)``, flagged when inside a prepositional phrase
        or a relative clause (those are never the subject)."""
        out: list[NP] = []
        kind = self.kind
        words, lows = self.words, self.lows
        pl = self.cased
        times, periods = self.fw.get("time_determiner", ()), self.fw.get("time_noun", ())
        partitive, partitive_of = self.fw.get("partitive", ()), self.fw.get("partitive_of", ())
        bare_bodies = self.fw.get("bare_body", ())
        wh_words = self.fw.get("wh_word", ())
        group_quantifiers = self.fw.get("group_quantifier", ())
        title_end = -1  # the end of a publication's title read so far
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
                # "Joanna Mirecka (Lewica)", "Jan Nowak (PiS)": a person's party or place in
                # brackets is no subject of its own
                affiliation = words[k] == "(" and bool(out) and out[-1].end == k and out[-1].kind == "name" and k + 1 < j
                k += 1
                if affiliation:
                    aside = self.np_at(k, j)
                    if aside is not None and aside.end < j and words[aside.end] == ")":
                        aside.in_pp = True
                        out.append(aside)
                        k = aside.end
                continue
            if c == "prep" and k + 1 < j and (lows[k], lows[k + 1]) in self._adverbial_pairs:
                pp = 0  # "Chętnie rozmawia za to Józef Kaczmarczyk": an adverb of two words, no preposition's object
                k += 2
                continue
            if c in ("prep", "frame"):
                pp = 1
                k += 1
                continue
            if k + 1 < j and lows[k] in times and lows[k + 1] in periods:
                k += 2  # "Earlier this morning officials confirmed": a time, not the officials' determiner
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
            if c in NEVER_START and (pl or not self._possessive(k)):
                np = None  # np_at's fast exit, without the call
            elif pl and c == "word" and (not words[k].endswith(ADJ_SUFFIXES) or k + 1 >= j or (
                kind(k + 1) not in ("title", "inst", "acro") and not (kind(k + 1) == "word" and words[k + 1].endswith(ADJ_SUFFIXES)))) \
                    and not (k + 1 < j and lows[k] in partitive and lows[k + 1] in partitive_of) and lows[k] not in group_quantifiers:
                np = None  # no adjective before a role noun ("rosyjski dyplomata"), no "jeden z radnych", no "wielu klientów": np_at's fast exit
            elif not pl and c == "word" and lows[k] not in bare_bodies and not self._possessive(k) and not self._title_ahead(k, j, en_mod=True):
                np = None  # English: a plain word neither possessive nor before a role: np_at's fast exit
            else:
                np = self.np_at(k, j)
                if np is not None and pp == 1 and kind(k - 1) == "frame":
                    np = self.genitive_phrase(np, k)
            if np is not None and np.end > k and np.titles and np.start == np.titles[0] == k and (pl or kind(k) == "title") and self.age_before(k):
                np.start, np.titles = k - 2, [k - 2, k - 1] + np.titles  # "74-letnia mieszkanka", "29-latek", "24-year-old"
                if np.start > i and kind(np.start - 1) == "det":
                    np.start -= 1  # "the 81-year-old"
            if np is None or np.end <= k:
                if pp and lows[k] in wh_words:
                    pp = 0  # "to keep what the company calls": a clause opens, its subject is in no phrase
                elif pp and c in ("word", "det", "num", "tword", "title", "sie"):
                    pp = 2
                elif c in ("cue",):
                    pp = 0
                k += 1
                continue
            # "do dyrekcji i wojewody": the second of two objects stays in the phrase (unless a verb follows it)
            # ("z Partii Pracy i Rozwoju zaproponował": a capitalised common noun goes on the institution's name)
            coordinated = k > i and kind(k - 1) == "coord" and out and out[-1].in_pp and out[-1].end == k - 1 \
                and (not (np.end < len(words) and kind(np.end) in ("cue", "word")) or (
                    pl and out[-1].kind == "inst" and np.end == k + 1 and self._common_genitive(k)))
            # "z Domu Maklerskiego Veritas Partners": a name right after a body in a prepositional
            # phrase is that body's own name, unless it is a person's (a given name first)
            named_body = pl and np.kind == "name" and not np.titles and out and out[-1].in_pp and out[-1].kind == "inst" \
                and out[-1].end == k and not morph.is_given_name(words[np.names[0]]) and any(kind(t) == "inst" for t in out[-1].inst)
            # "dla tygodnika Kurier Wałecki", "dla miesięcznika Nowy Rzemieślnik": a publication's title after the medium's noun
            if pl and np.kind in ("name", "inst", "place") and not np.titles and out and out[-1].end == k and (
                    (out[-1].kind == "media" and out[-1].in_pp and self._publication_noun(lows[k - 1])) or title_end == k) \
                    and not (np.kind == "name" and morph.is_given_name(words[np.names[0]])):
                named_body, title_end = True, np.end
            if pp == 1 and not pl and np.kind in ("name", "title") and np.end < len(words) and kind(np.end) == "cue" \
                    and lows[k - 1] in self.fw.get("subordinator", ()):
                pass  # "after landlord Gary Fensome said he could …": a clause's subject after a conjunction
            elif pp == 1 or coordinated or named_body:
                np.in_pp = True
            elif pp == 2:
                # a capitalised phrase after "prep + words" still belongs to the PP unless it
                # is a person name that can be nominative
                if (np.kind in ("inst", "media") and not self._nominative_body(np)) or (
                        pl and np.kind == "name" and not np.titles and self._place_apposition(np.start)) or (
                        pl and np.kind in ("name", "inst", "place") and not np.titles and lows[k - 1] in self.fw.get("named_body_noun", ())):
                    np.in_pp = True  # ("z gminy Rudnik", "z ul. Ługowej": a place's name; "z klubu Olsztyn dla Wszystkich": a club's)
                elif np.kind == "name" and not self.cased:
                    # "Later in the day Tkachivska wrote": a name right before a cue is its subject, as
                    # is one after a copula the fronted phrase inverts ("Among those targeted was Arthur Penrose")
                    np.in_pp = not (np.end < len(words) and kind(np.end) == "cue") and lows[k - 1] not in self.fw.get("copula", ())
                elif np.kind == "name" and self.name_case(np.names[0]) == "obl":
                    np.in_pp = True
                elif pl and np.kind == "name" and not np.titles and lows[k - 1].endswith(_TOWN_ADJECTIVE_OBLIQUE) \
                        and morph.is_nominative_possible(lows[k - 1]) is False:
                    np.in_pp = True  # "z bydgoskiego Fordonu": a town's adjective before a district's name
                elif np.kind == "title" and not np.partitive and np.group < 0 and not self.title_nominative(self.head(np)):
                    np.in_pp = True
            if self.cased and np.kind == "name" and not np.titles and (self.name_case(np.names[-1]) == "obl" or self._oblique_apposition(k)):
                np.nominative = False
            if self.cased and np.kind == "name" and np.titles and (
                    not self.title_nominative(self.head(np)) or self._oblique_modifier(np)):
                np.nominative = False  # "prezydenta Adama Wronę zapewnił premier": an object, not the subject
            if self.cased and np.kind == "title" and not np.partitive and np.group < 0 and not self.title_nominative(self.head(np)):
                np.nominative = False
            if self.cased and np.kind == "inst" and np.start == k and out and out[-1].in_pp and out[-1].end == k \
                    and morph.is_nominative_possible(lows[k]) is False:
                np.in_pp = True  # "z Kliniki Chorób Płuc": the genitive of the body the preposition governs
            np.in_rel = rel
            if self._couple_before(np, i):
                first = np.start - 2
                if out and out[-1].end > first:
                    np.in_pp, np.in_rel = out[-1].in_pp, out[-1].in_rel
                    out.pop()
                np = type(np)(first, np.end, "name", names=[first] + np.names, in_pp=np.in_pp, in_rel=np.in_rel,
                        nominative=np.nominative, gender="pl", couple=True)
            out.append(np)
            # a prepositional phrase goes on over common nouns after its first phrase ("to the
            # Spanish radio station Onda Valdemora": the station's name is no subject either)
            pp = 2 if np.in_pp and not pl and self._common_nouns_to_name(np.end, j) else 0
            k = np.end
        return out

    def _couple_before(self, np: NP, i: int) -> bool:
        """``np`` (a given name and a surname) and the given name alone before it are a couple
        joined by ``couple_coord`` ("Elżbieta i Andrzej Kubiakowie", "Dave and Lorraine Mott")."""
        first = np.start - 2
        if first < i or np.kind != "name" or np.titles or len(np.names) != 2 or self.lows[np.start - 1] not in self.fw.get("couple_coord", ()):
            return False
        return self.words[first][:1].isupper() and (first == i or not self.words[first - 1][:1].isupper()) \
            and self.given_name(self.words[first]) and self.given_name(self.words[np.names[0]])

    def _oblique_modifier(self, np: NP) -> bool:
        """A lowercase adjective before the role noun that is nominative in no reading
        ("ukraińskiego wiceministra …"): the phrase is oblique, whatever the noun could be."""
        head = self.head(np)
        for t in np.titles:
            if t < head and self.words[t][:1].islower() and morph.is_adj(self.lows[t]) \
                    and morph.is_nominative_possible(self.lows[t]) is False:
                # "w audycji radiowej wiceminister X": the adjective agrees with the noun before it
                return not (t == np.start and t > 0 and morph.agrees(self.lows[t - 1], self.lows[t]))
        return False

    def _oblique_apposition(self, k: int) -> bool:
        """The name at ``k`` follows a noun for a person that can only be oblique and that the
        role lexicon does not hold ("pokonał ukraińskiego arcymistrza Ołeha Krawcia"): the name
        is in its case."""
        if k < 1 or self.kind(k - 1) != "word":
            return False
        return morph.person_singular_oblique(self.lows[k - 1])

    def _common_nouns_to_name(self, k: int, j: int) -> bool:
        """English: do lowercase content words from ``k`` lead straight to a capitalised word
        ("radio station Onda Valdemora"), not through a function word ("vote as Commission") nor
        to a person's given name ("During public questions Jenna Orrell": the subject)?"""
        m = k
        while m < j and m - k < LOWERCASE_BODY_MAX and self.kind(m) in ("word", "tword") and self.words[m].islower():
            if self.lows[m] in self._closed_class:
                return False
            m += 1
        return k < m < j and self.words[m][:1].isupper() and not (
            m + 1 < j and self.kind(m + 1) == "name" and self.lows[m] in self.lex.given_gender)

    @cached_property
    def _closed_class(self) -> frozenset:
        """The words of ``_FUNCTION_ROLES`` in one set (read once per text)."""
        return frozenset().union(*(self.fw.get(role, ()) for role in _FUNCTION_ROLES))

    @cached_property
    def _adverbial_pairs(self) -> frozenset:
        """Adverbs written as a preposition and a pronoun ("za to", "poza tym"; ``adverbial_pp``)."""
        return frozenset(tuple(p.split("_", 1)) for p in self.fw.get("adverbial_pp", ()) if "_" in p)

    def _publication_noun(self, low: str) -> bool:
        """A medium's noun for a publication whose title follows ("tygodnika", "miesięcznika";
        ``publication_noun`` stems; not "redakcji", a recipient)."""
        return bool(self._publication_stems) and low.startswith(self._publication_stems)

    @cached_property
    def _publication_stems(self) -> tuple:
        return tuple(sorted(self.fw.get("publication_noun", ())))
