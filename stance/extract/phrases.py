"""Speaker phrases: the noun phrases that may name who speaks, read off classified tokens.

``PhraseReader`` is the part of ``Tokens`` that walks tokens into phrases: ``np_at`` reads the
phrase starting at a token (a person's name, a role with its complement, an institution, a
medium, a pronoun); ``chunks`` (``phrase_chunks``) all phrases of a range, marking those inside
prepositional phrases or relative clauses and those not in the nominative. What follows a Polish role noun
(its genitives, an institution's seat, the person's name, read by case) is ``phrases_pl``; an
English role's tail and an institution's capitalised name are ``phrases_en``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from stance.extract import morph
from stance.extract.marks import GENITIVE_S
from stance.extract.phrase_chunks import LOWERCASE_BODY_MAX, NEVER_START, PhraseChunks
from stance.extract.phrases_en import EnglishPhrases, strip_possessive
from stance.extract.phrases_pl import ADJ_SUFFIXES, PolishPhrases, joined_particle, share_case

# token classes for which ``_pl_modifier`` can be true (checked before the call)
_PL_MODIFIER_KINDS = frozenset({"word", "stop", "cap", "name", "place", "inst"})
# capitalised kinds that an English institution's name is made of
_POSTMODIFIER_KINDS = frozenset({"word", "det", "tword", "place", "inst", "acro", "cap", "title", "name"})
_POSTMODIFIER_END = frozenset({",", ".", ";", ":", "–", "—", "-", "(", ")"})
_QUOTED_NAME_MAX = 6  # words of a body's name in quotation marks
_POSTMODIFIER_MAX = 6  # "zaznajomionych z przebiegiem rozmów w Genewie"


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
    partitive: bool = False  # "jeden z dyplomatów", "one of the negotiators": nominative as a whole
    group: int = -1  # the counted noun of "wielu klientów", "kilku unijnych dyplomatów": a group, nominative as a whole
    couple: bool = False  # "Elżbieta i Andrzej Kubiakowie", "Dave and Lorraine Mott": two given names, one surname


_BODY_NOUNS_MAX = 2  # lowercase nouns after a capitalised word in one English role ("the Westshire fire brigade")
NAMED_BEFORE_WINDOW = 2000  # tokens searched back for the name a bare institution noun ("the agency") stands for


class PhraseReader(PhraseChunks, PolishPhrases, EnglishPhrases):
    """Phrase reading over the token lists and classes that ``Tokens`` provides."""

    def np_at(self, k: int, j: int) -> NP | None:
        """The speaker phrase starting at token ``k`` (not beyond ``j``), or None."""
        kind = self.kind
        words = self.words
        start = k
        if kind(k) == "det":
            k += 1
            if k + 1 < j and self.lows[k].rpartition("-")[2] in self.fw.get("seat_compound", ()) \
                    and self.lows[k + 1] in self.fw.get("org_anaphor", ()):
                k += 1  # "The Minneapolis-based company": where the institution sits
        if self.cased and k + 1 < j and self.lows[k] in self.fw.get("group_quantifier", ()):
            group = self._pl_group(k, j)  # "Wielu klientów zapowiada": the clients, as a group
            if group is not None:
                return NP(start, group[0], "title", titles=list(range(k + 1, group[0])), group=group[1])
        while k + 1 < j and self.lows[k] in self.fw.get("quantifier", ()) and self.lows[k + 1] not in self.fw.get("partitive_of", ()) \
                and self._title_ahead(k, j, en_mod=True):
            k += 1  # "some parents", "several hundred students", "one Castlegate insider": the group or source, not its count
        if k + 1 < j and kind(k) == "word" and self.age_noun_at(k):
            k += 1  # "the 49-year-old Dutch diplomat": the age is no part of the role
        if k >= j:
            return None
        c = kind(k)
        if c in ("word", "acro") and self.lows[k] in self.fw.get("honorific", ()):
            # "Zdaniem dr Heleny Wójcik", "mówił podinsp. Jan Wróbel": a degree or rank before a name
            n = self._past_honorifics(k, j)
            person = self.np_at(n, j) if n < j and kind(n) == "name" else None
            if person is not None and person.kind == "name":
                person.start = start
                return person
        if c == "pron":
            g = {"on": "m", "ona": "f", "oni": "pl", "one": "pl", "he": "m", "she": "f", "they": "pl", "it": "n"}.get(words[k].lower(), "")
            return NP(start, k + 1, "pron", gender=g)
        if c == "possessive":
            return None
        pl = self.cased
        if self.lows[k] in self.fw.get("partitive", ()) and k + 2 < j and self.lows[k + 1] in self.fw.get("partitive_of", ()):
            return self._partitive(start, k, j)
        if pl and c in ("name", "stop", "word", "cap") and k + 1 < j and kind(k + 1) in ("inst", "acro") \
                and self.lows[k].endswith(ADJ_SUFFIXES) and morph.is_adj(self.lows[k]):
            return self._inst_phrase(start, k, j)  # "ukraińskie MSZ", "Litewskie MSW"
        if not pl and words[k][:1].isupper() and (body := self._named_body_end(k, j)) is not None:
            return NP(start, body, "inst", inst=list(range(k, body)))  # "Cleveland police said"
        # fast exits for the classes that never start a phrase (same answer as the walk below)
        if c in NEVER_START and (pl or not self._possessive(k)):
            return None
        if pl and k in self.sent_initial and words[k][:1].isupper() and c != "stop":  # ("Wieczorem Agencja …": the body after the adverb)
            named = self._named_institution(k, j)
            if named is not None:
                return NP(start, named, "inst", inst=list(range(k, named)))
        if not pl and start < k and c in ("word", "tword") and (body := self._lowercase_body_end(k, j)) is not None:
            return NP(start, body, "inst", inst=list(range(k, body)))  # "The state health department said"
        owned = k > 0 and kind(k - 1) == "possessive"  # "their union said"
        if c == "word" or (c == "tword" and not pl and (start < k or owned) and self.lows[k] in self.fw.get("org_anaphor", ())):
            # ("The union said": a word that also ends roles, "union leader")
            if pl:
                if not self._pl_modifier(k, j):
                    return None
            elif (start < k or self.lows[k] in self.fw.get("bare_body", ()) or owned) and self.lows[k] in self.fw.get("org_anaphor", ()) and (
                    k + 1 >= j or kind(k + 1) == "cue" or words[k + 1] == "," or (
                        k + 1 < j and self.lows[k + 1] in self.fw.get("aux", ()) and (k + 2 >= j or kind(k + 2) == "cue"))):
                return NP(start, k + 1, "inst", inst=[k])  # "The committee warned", "their union said": the body named before
            elif start < k and c == "word" and (k + 1 >= j or kind(k + 1) == "cue") and self._capitalised_before(k):
                return NP(start, k + 1, "inst", inst=[k])  # "The prize said" after "the Kestrel Prize longlist": that body
            elif not self._possessive(k) and not self._title_ahead(k, j, en_mod=True):
                return None
        if not pl and self.lows[k] in self.fw.get("jurisdiction", ()) and words[k].islower() and k + 1 < j and words[k + 1][:1].isupper():
            named = self._en_org(k + 1, j)
            if named is not None and (named >= j or kind(named) != "title"):
                return NP(start, named, "inst", inst=list(range(k, named)))  # "the state Office of Emergency Management"
        org = self._en_org(k, j) if not pl else None  # read once: the role walk below may need it too
        if org is not None and any(words[t] in ("'", "’") for t in range(k + 1, org)) and not self._possessive(org - 1):
            return NP(start, org, "inst", inst=list(range(k, org)))  # "the Dock Workers' Union" (not "… Union’s chief negotiator")
        titles: list[int] = []
        names: list[int] = []
        # modifiers and role nouns
        p = k
        if org is not None and org < j and kind(org) == "title" and not any(kind(t) == "punct" for t in range(k, org)):
            titles, p = list(range(k, org)), org  # "A Department for Transport spokesperson": the office modifies the role
        elif org is not None and words[org - 1][:1].isupper() and not self._possessive(org - 1) and (
                kind(org - 1) == "title" or words[org - 1] in self.lex.org_words) and kind(org - 1) != "tword" \
                and (org >= j or (self.lows[org] not in self.fw.get("role_tail_prep", ()) and not self._title_ahead(org - 1, j, en_mod=True))):
            # "Carrick Drinks Group said": a firm, not a group of people; "The Maple Court Tenants
            # Union": not a person "Union" with roles ("The U.S. Embassy in Belgrade", "European Union
            # foreign ministers": the role walk takes its seat or its role)
            return NP(start, org, "inst", inst=list(range(k, org)))
        while p < j:
            c = kind(p)
            if c == "title" and pl and self._hearer(p):
                if not any(kind(t) == "title" for t in titles):
                    # "przedstawiła posłom wiceminister X", "W stanowisku przekazanym posłom
                    # stowarzyszenie apeluje": the hearer; the speaker's phrase starts after it
                    return None
                break  # "mówił wiceminister dziennikarzom": a role noun in the dative is the hearer
            if pl and c == "title" and titles and kind(titles[-1]) == "title" and self.lex.plural_role(self.lows[titles[-1]]) \
                    and not self.lex.plural_role(self.lows[p]):
                break  # "o zarzuty związkowców wiceminister odpowiedziała": a group's genitive, then the speaker
            if pl and c == "title" and titles and kind(titles[-1]) == "title" and self._nominative_group(p):
                break
            if c == "title" and not (not pl and p == k and words[p][:1].isupper() and self._possessive(p)):
                titles.append(p)  # (a capitalised possessive first, "Nurses' leader …", is read as one below)
                p += 1
                if not pl and p + 1 < j and words[p] in ("'", "’") and self._possessive(p - 1) and self._title_ahead(p, j, en_mod=True):
                    titles.append(p)  # "the residents' association chair": the group owns the role
                    p += 1
                continue
            if pl and c in _PL_MODIFIER_KINDS and self._pl_modifier(p, j):
                titles.append(p)
                p += 1
                continue
            if pl and titles and self.lows[p] in self.fw.get("modifier_noun", ()):
                titles.append(p)  # "wysoki rangą urzędnik": the noun of an adjective's measure
                p += 1
                continue
            if not pl and titles and words[p].islower() and self.lows[p] in self.fw.get("quantifier", ()):
                return None  # "After the final whistle several players complained": the count opens the speaker's own phrase
            if not pl and (c in ("place", "inst", "acro", "name", "word", "tword") or (c == "stop" and self.lows[p] in self.lex.title_words)) \
                    and self.lows[p] not in self.verb_words and self.lows[p] not in self.fw.get("own_possessive", ()) \
                    and self.lows[p] not in self.clause_openers and self.lows[p] not in self.fw.get("wh_word", ()) \
                    and self._title_ahead(p, j, en_mod=True):  # ("what prosecutors sought": no modifier of the role)
                titles.append(p)
                p += 1
                continue
            break
        if not pl and not titles:
            poss_end = None
            if org is not None:
                if not self._possessive(org - 1) or org - 1 == k:
                    return NP(start, org, "inst", inst=list(range(k, org)))
                poss_end = org  # "The European Union's lead negotiator"
            else:
                poss_end = self._possessive_run_end(k, j)
            if poss_end is not None:
                n1 = poss_end + 1 if poss_end < j and words[poss_end] in ("'", "’") else poss_end
                nxt = self.np_at(n1, j) if n1 < j else None
                if nxt is not None and nxt.kind == "name" and not nxt.titles and nxt.names and (
                        len(nxt.names) >= 2 or self.words[nxt.names[0]] not in self.lex.org_words):
                    # "Labour’s Sunil Bhattacharya", "Ostrevia's Vesk": the party's or the country's person,
                    # not a name of three or two words (but "Thackeray’s Brewery" is a firm's name)
                    nxt.start = start
                    return nxt
                if nxt is not None and nxt.kind in ("title", "name", "inst") and (nxt.kind != "name" or nxt.titles):
                    nxt.start = start
                    own = [t for t in range(k, n1) if words[t][0].isalnum()]
                    if nxt.kind == "title" or nxt.titles:
                        nxt.titles = own + nxt.titles
                    else:
                        nxt.inst = own + nxt.inst
                    return nxt
                office = next((r for r in range(n1, min(j, n1 + 3)) if self.lows[r] in self.fw.get("owned_office", ())
                               and all(kind(q) in ("word", "tword") and words[q].islower() for q in range(n1, r))), None)
                if nxt is None and office is not None:
                    # "the governor's office said", "the Compact's observer mission said": the body speaks, not its owner
                    return NP(start, office + 1, "inst", inst=[t for t in range(k, n1) if words[t][0].isalnum()] + list(range(n1, office + 1)))
                if org is not None:
                    return NP(start, org, "inst", inst=list(range(k, org)))
        if titles and pl and any(kind(t) == "title" for t in titles):
            p, names, complete = self._pl_complement(p, j, titles)
            if names:
                return NP(start, names[-1] + 1, "name", names=names, titles=titles)
            if complete:
                return NP(start, p, "title", titles=titles)
        elif titles:
            # complements of the role: "spraw zagranicznych", "Kremla", "USA", "ds. bezpieczeństwa"
            while p < j:
                c = kind(p)
                if c == "tword" or c in ("place", "inst", "acro") or (c == "title" and self.cased) or (
                        c == "name" and not self.cased and self.lows[p] in self.lex.title_words and p + 1 < j and kind(p + 1) == "name"):
                    titles.append(p)  # ("Chief Executive Marisa Ellwood": a role word in capitals before the name)
                    p += 1
                    if p < j and words[p] == "." and words[p - 1].lower() in ("ds",):
                        p += 1
                    continue
                if c == "punct" and words[p] == "." and p > k and words[p - 1].lower() in self.lex.abbreviations and p + 1 < j and kind(p + 1) in ("tword", "word"):
                    p += 1
                    continue
                break
        if titles and not pl and p < j and self.lows[p] in self.fw.get("role_tail_prep", ()) and kind(titles[-1]) == "title":
            p = self._en_role_tail(p, j, titles)
        if titles and p < j and self.lows[p] in self.fw.get("description_word", ()):
            p = self._role_postmodifier(p, j, titles)
        # a person name
        q = p
        if titles and q + 2 < j and self.lows[q] in self.fw.get("honorific", ()) and kind(q) in ("word", "acro"):
            n = self._past_honorifics(q, j)  # "dyrektor PSSE dr n. med. Grażyna Wilk": degrees between the role and the name
            if n < j and kind(n) == "name":
                q = n
        while q < j and len(names) < 5:
            c = kind(q)
            if c == "name" and names and "@" in (words[q][0], words[names[-1]][0]):
                break  # a handle is a name of its own: "Rachel Stoltz @StoltzWard3"
            if c == "name" or (c == "particle" and names and q + 1 < j and kind(q + 1) == "name") or (
                    c == "place" and not self.cased and names and q + 1 < j and kind(q + 1) == "name"):
                # ("Associated British Ports": a nationality inside a firm's name)
                if self.cased and names and c == "name":
                    prev_case, this_case = self.name_case(names[-1]), self.name_case(q)
                    # a name morfeusz2 knows in the nominative after a certainly oblique one
                    # starts a phrase of its own, and so does any name after an oblique word
                    # that is also a common noun ("Wieczorem Vaitkus"); an unknown surname after
                    # a name that is only a name ("Gela Cikłauri") is a foreign, indeclinable one
                    if prev_case == "obl" and this_case == "nom" and (
                            morph.name_readings(words[q]) or morph.also_common(words[names[-1]])) and not share_case(words[names[-1]], words[q], q + 1 < j and kind(q + 1) == "name") \
                            and not joined_particle(words[q], self.fw.get("particle", ())):  # ("Ibrahim Musa al-Nur": one name)
                        break  # ("z Renatą Kowalik": an undeclined feminine surname agrees with any case)
                    # "Raniewska Ewy Sarneckiej": after a nominative name, a given name read only
                    # in an oblique case, with its surname after it, is a possessor of its own
                    if prev_case != "obl" and this_case == "obl" and q + 1 < j and kind(q + 1) == "name" \
                            and morph.given_name_cases(words[q]) and "nom" not in morph.given_name_cases(words[q]):
                        break
                names.append(q)
                q += 1
                continue
            if c == "punct" and words[q] == "&" and names and q + 1 < j and kind(q + 1) in ("name", "place", "inst", "acro", "cap"):
                names.append(q)  # "Corvina Power & Light", "Procter & Gamble": a firm's name
                q += 1
                continue
            if c == "punct" and names and words[q] in _NICKNAME_MARKS and self.starts[q] == self.ends[q - 1] + 1:
                m = q + 1
                while m < j and m - q <= _NICKNAME_WORDS and kind(m) == "quoted" and words[m][:1].isupper():
                    m += 1
                if q + 1 < m < j - 1 and kind(m) == "punct" and words[m] in _NICKNAME_MARKS \
                        and kind(m + 1) == "name" and self.starts[m + 1] == self.ends[m] + 1:
                    q = m + 1  # a nickname between the names: 'Tomasz "Tommy Gun" Wrobel' is Tomasz Wrobel
                    continue
            if c == "punct" and words[q] == "." and names and (len(words[q - 1]) == 1 or self.lows[q - 1] in self.fw.get("honorific", ())) \
                    and q + 1 < j and kind(q + 1) == "name":
                q += 1  # initial: "J. D. Vance"; "Mr. Dvornik"
                continue
            if c == "cap" and names and len(words[q]) == 1 and words[q].isupper() and q + 1 < len(words) and words[q + 1] == "." \
                    and self.starts[q + 1] == self.ends[q] and kind(names[-1]) == "name":
                names.append(q)
                q += 2
                if q < j and kind(q) == "name" and self.starts[q] == self.ends[q - 1] + 1:
                    continue  # a middle initial: "Tyler J. Brennick"
                break  # a surname's initial: "Robert K." (a name the text withholds)
            break
        if names and any(words[t] == "&" for t in names):
            return NP(start, q, "inst", inst=list(range(names[0], q)))
        if pl and len(names) == 1 and not titles and q < j and kind(q) == "place" and self.starts[q] == self.ends[q - 1] + 1 \
                and not morph.is_given_name(words[names[0]]) and morph.is_nominative_possible(words[q]) \
                and (q + 1 >= j or kind(q + 1) in ("cue", "punct")):
            return NP(start, q + 1, "inst", inst=[names[0], q])  # "Pogoń Szczecin napisała", "Górnik Zabrze": a club named by its town
        if names and not titles and q < j and (self.lows[q] in self.fw.get("owned_office", ()) or self.lows[q] in self.fw.get("named_board", ())) \
                and not self._possessive(q - 1):
            return NP(start, q + 1, "inst", inst=names + [q])  # "the Pellegrino campaign said", "The Skarvik Air board said": the campaign speaks
        if names and q < j and self.lows[q] in self.fw.get("postnominal", ()):
            q += 1  # "Owen Pryce KC": the rank belongs to the phrase, not to the name
        if pl and len(names) >= 3 and not titles and k >= 2 and kind(k - 1) == "coord" and kind(k - 2) in ("place", "inst") \
                and not any(morph.is_given_name(words[t]) for t in names) and self._surname_elsewhere(names):
            start, names = names[1], names[1:]  # "Biura ds. Kosowa i Metochii Nenad Vuksanović": the second place, then the person
        if not pl and len(names) >= 3 and not titles and names[0] == k \
                and words[k] in self.lex.demonyms and not self.given_name(words[k]) and all(kind(t) in ("name", "particle") for t in names):
            titles, names = [k], names[1:]  # "relegated Frenchman Julien Moreau": a nationality, then the name
        if names:
            return NP(start, q, "name", names=names, titles=titles)
        if titles:
            # the head must be a role noun, not just an adjective
            if not any(kind(t) == "title" for t in titles):
                return None
            return NP(start, p, "title", titles=titles)
        c = kind(k)
        if c == "media":
            if start < k and self.lows[k] in self.fw.get("org_anaphor", ()) and (k + 1 >= j or kind(k + 1) == "cue" or words[k + 1] == ",") \
                    and self._capitalised_before(k):
                return NP(start, k + 1, "inst", inst=[k])  # "The agency said" after "the Nordic Space Agency": that body, no medium
            n = self.media_len(k)
            e = k + n
            while e < j and kind(e) in ("media", "name", "acro") and e - k < 4 and not (
                    self.cased and kind(e) == "name" and (morph.is_given_name(words[e]) or (
                        e == k + 1 and morph.is_nominative_possible(self.lows[k]) is False and morph.name_readings(words[e])))):
                e += 1  # ("przesłanym redakcji Anna Lis napisała", "powiedziała agencji Rudnicka": a person after the medium)
            # (Polish: a medium in another case is the hearer, "przesłanym redakcji", never the subject)
            nominative = not self.cased or morph.is_nominative_possible(self.lows[k]) is not False
            if not nominative and e == k + n + 1 and e + 1 < len(words) and kind(e) == "place" and kind(e + 1) == "cue":
                e = k + n  # "przesłanym redakcji Pogoń Szczecin napisała": the hearer, then a club that speaks
            if not nominative and k > 0 and self.lows[k - 1] in self.fw.get("speech_person", ()):
                e = k + n  # "przesłanej naszej redakcji MEN zapewnia": our own newsroom has no name; the ministry speaks
            return NP(start, e, "media", inst=list(range(k, e)), nominative=nominative)
        if self.cased and c == "stop" and k + 1 < j and morph.is_adj(words[k]) and (
                self.is_org(k + 1) or (k + 2 < j and morph.is_adj(words[k + 1]) and self.is_org(k + 2))):
            c = "inst"  # "Narodowy Fundusz Zdrowia", "Białoruski Państwowy Komitet Graniczny"
        if c in ("inst", "place", "acro", "cap"):
            np = self._inst_phrase(start, k, j)
            if c == "cap" and len(words[k]) == 1 and np.end == k + 1:
                return None  # "Case T-218/23", "w serwisie X": a lone letter names no speaker
            e = np.end
            if e + 2 < j and self.lows[e] in self.fw.get("honorific", ()) and words[e + 1] == "." and kind(e + 2) == "name":
                person = self.np_at(e, j)  # "State Rep. Joan Rich": the place qualifies the abbreviated role
                if person is not None and person.kind == "name":
                    person.start, person.titles = start, list(range(k, e)) + person.titles
                    return person
            return np
        return None

    def _inst_phrase(self, start: int, k: int, j: int) -> NP:
        """An institution from token ``k``: capitalised words, adjectives and genitives after it."""
        kind, words = self.kind, self.words
        e = k + 1
        while e < j and e - k < 7:
            if kind(e) in ("inst", "place", "acro", "cap") or (self.cased and kind(e) == "name" and (
                    morph.is_adj(self.lows[e]) or self._common_genitive(e) or words[e].endswith(self._genitive_place_endings))) or (
                    self.cased and kind(e) == "title" and words[e][:1].isupper() and morph.word_class(words[e]) == "place"):
                # "MSZ Węgier": the country in the genitive, though "Węgier" is also "a Hungarian"
                e += 1
            elif self.cased and kind(e) == "name" and self.name_case(e) == "obl" and any(self.is_org(t) for t in range(k, e)) and (
                    e - 1 > k and "gen" in morph.given_name_cases(words[e - 1])
                    or e + 1 < j and kind(e + 1) == "name" and self.name_case(e + 1) == "obl" and "gen" in morph.given_name_cases(words[e])):
                e += 1  # "Uniwersytet Adama Mickiewicza", "Mikołaja Kopernika": its patron's name, in the genitive
            elif self.cased and kind(e) == "coord" and e + 1 < j and self._common_genitive(e + 1) and any(self.is_org(t) for t in range(k, e)):
                e += 1  # "Instytut Meteorologii i Gospodarki Wodnej", "Generalna Dyrekcja Dróg Krajowych i Autostrad"
            else:
                break
        if self.org_word(e - 1) or (self.cased and self._common_genitive(e - 1)):
            e = self.quoted_name_end(e, j)  # "Stowarzyszenie „Czyste Niebo”", "Związek Zawodowy Nauczycieli „Oświata”"
        # "Ambasada Ukrainy w Warszawie", "Okręgowy Inspektorat Pracy w Zielonej Górze": an
        # office's seat belongs to its name
        if e + 1 < j and self.lows[e] in self.fw.get("inst_seat_prep", ()) and any(self.is_org(t) for t in range(k, e)):
            f = e + 1
            while f < j and f - e <= 3 and self.words[f][:1].isupper() and kind(f) in ("place", "name", "cap", "inst", "stop"):
                if f > e + 1 and morph.given_name_cases(words[f]) and not morph.place_locative(words[f]):
                    break  # "Rady Miejskiej w Myszkowie Damianowi Zielonce": the seat, then the person
                f += 1
            if f > e + 1:
                e = f
        return NP(start, e, "inst", inst=list(range(k, e)))

    @cached_property
    def _genitive_place_endings(self) -> tuple:
        """Ends of a country's genitive no nominative name has ("MSZ Dravonii"; ``genitive_place_ending``)."""
        return tuple(self.fw.get("genitive_place_ending", ()))

    def quoted_name_end(self, e: int, j: int, ends_phrase: bool = True) -> int:
        """The end of a body's own name in quotation marks at ``e`` ("klubu „Gorzów Plus”"), when
        the phrase ends right after it (a cue, a relative pronoun or punctuation follows; any
        word when not ``ends_phrase``); ``e`` when there is none."""
        kind, words = self.kind, self.words
        if e + 2 >= j or words[e] not in _NICKNAME_MARKS or kind(e + 1) != "quoted" or not words[e + 1][:1].isupper():
            return e
        m = e + 1
        while m < j and m - e <= _QUOTED_NAME_MAX and kind(m) == "quoted":
            m += 1
        if m >= j or words[m] not in _NICKNAME_MARKS or m - e > _QUOTED_NAME_MAX:
            return e
        if ends_phrase and m + 1 < j and kind(m + 1) not in ("cue", "rel") and words[m + 1] not in _POSTMODIFIER_END \
                and not (self.lows[m + 1] in self.fw.get("phasal", ()) and m + 2 < j and kind(m + 2) == "cue"):
            return e  # (a phasal verb before the cue ends the phrase too: "komitetu „Elbląg Razem” zaczęli skandować")
        return m + 1

    def _past_honorifics(self, k: int, j: int) -> int:
        """The token after the degrees and ranks that start at ``k`` ("dr hab.", "prof. dr n. med.",
        "podinsp."), each with its point."""
        honorific = self.fw.get("honorific", ())
        while k + 1 < j and self.lows[k] in honorific:
            k += 2 if self.words[k + 1] == "." else 1
        return k

    def partitive_at(self, k: int, j: int) -> NP | None:
        """A partitive in any case at token ``k`` ("od jednego z posłów koalicji": one of them, as
        a role in the nominative singular), else None."""
        fw = self.fw
        if k + 2 < j and (self.lows[k] in fw.get("partitive", ()) or self.lows[k] in fw.get("partitive_genitive", ())) \
                and self.lows[k + 1] in fw.get("partitive_of", ()):
            return self._partitive(k, k, j)
        return None

    def _partitive(self, start: int, k: int, j: int) -> NP | None:
        """"Jeden z niemieckich dyplomatów" / "one of the negotiators": a role phrase after the
        partitive, taken whole as one (nominative) speaker; None when no role follows."""
        r = k + 2
        if r < j and self.kind(r) == "det":
            r += 1
        inner = self.np_at(r, j) if r < j else None
        if inner is not None and inner.kind == "name" and inner.titles and self.cased \
                and all(self.name_case(t) == "obl" for t in inner.names):
            # "jeden ze sztabowców Kmiecika": the name in the genitive is whose they are
            inner = NP(inner.start, inner.end, "title", titles=sorted(inner.titles + inner.names))
        if inner is None and self.cased and r < j and self.kind(r) == "word" and (r + 1 >= j or self.kind(r + 1) in ("cue", "rel")
                                                                                 or self.words[r + 1] == ",") \
                and (morph.plural_genitive_reading(self.lows[r], "adj") or ("", ""))[1] == "m1":
            # "Jeden z protestujących nazwał": a person named by an adjective ("protestujący")
            return NP(start, r + 1, "title", titles=[k, k + 1, r], partitive=True)
        if inner is None or inner.kind != "title" or inner.names:
            return None
        return NP(start, inner.end, "title", titles=[k, k + 1] + list(range(k + 2, inner.start)) + inner.titles,
                  partitive=True)

    def _role_postmodifier(self, p: int, j: int, titles: list) -> int:
        """"official familiar with the talks", "dyplomata zaznajomiony z przebiegiem rozmów": a
        participle or adjective after a role, with its prepositional phrase, describes the source
        and belongs to it, when the phrase ends right there (a cue or punctuation follows).
        Returns the new end (``p`` when not taken)."""
        kind, words = self.kind, self.words
        if p + 1 >= j or kind(p + 1) != "prep":
            return p
        r = p + 2
        while r < j and r - p <= _POSTMODIFIER_MAX and kind(r) in _POSTMODIFIER_KINDS:
            r += 1
        if r == p + 2 or (r < j and kind(r) != "cue" and words[r] not in _POSTMODIFIER_END):
            return p
        titles.extend(range(p, r))
        return r

    def _nominative_body(self, np: NP) -> bool:
        """"W pierwszej instancji Sąd Okręgowy w Słupsku uznał": a Polish body whose first word can
        only be nominative, right before a cue, is the verb's subject, not the phrase's object."""
        w = self.words[np.start]
        return np.kind == "inst" and self.cased and np.end < len(self.words) and self.kind(np.end) == "cue" \
            and bool(morph.is_nominative_possible(w)) and morph.can_be_gen(w) is False

    def _lowercase_body_end(self, k: int, j: int) -> int | None:
        """English: lowercase words ending in an institution's noun right before a cue or a comma
        ("the state health department said", "the city council, which …"): the token after that
        noun, else None."""
        anaphors = self.fw.get("org_anaphor", ())
        for m in range(k + 1, min(j, k + LOWERCASE_BODY_MAX)):
            if not (self.kind(m) in ("word", "tword", "title") and self.words[m].islower()):
                return None
            if self.lows[m] in anaphors and (m + 1 >= j or self.kind(m + 1) == "cue" or self.words[m + 1] == "," or (
                    self.lows[m + 1] in self.fw.get("aux", ()) and (m + 2 >= j or self.kind(m + 2) == "cue"))):
                return m + 1  # ("an employment tribunal has ruled")
        return None

    def _named_body_end(self, k: int, j: int) -> int | None:
        """English: capitalised words, then a lowercase noun of a body that a place's name picks
        out ("Cleveland police said", "Tolen police, who …") right before a cue or a comma: the
        token after that noun, else None."""
        bodies = self.fw.get("named_body", ())
        for m in range(k + 1, min(j, k + 4)):
            if self.words[m][:1].isupper() and self.kind(m) != "cue":
                continue
            if self.lows[m] in bodies and self.words[m].islower() and (m + 1 >= j or self.kind(m + 1) == "cue" or self.words[m + 1] == ","):
                return m + 1
            return None
        return None

    def _capitalised_before(self, k: int) -> bool:
        """Is the word at ``k`` part of a name earlier in the text ("Agency" before "the agency")?"""
        want = self.words[k].capitalize()  # ("The Nordic Space Agency's Frigg spacecraft": the possessive too)
        return any(self.words[t] == want or (self.words[t].startswith(want) and strip_possessive(self.words[t]) == want)
                   for t in range(k - 1, max(-1, k - NAMED_BEFORE_WINDOW), -1))

    def _possessive(self, i: int) -> bool:
        w = self.words[i]
        if w.endswith(GENITIVE_S):
            return True
        return i + 1 < len(self.words) and self.words[i + 1] in ("'", "’") and self.starts[i + 1] == self.ends[i] and w.endswith("s")

    def _title_ahead(self, p: int, j: int, en_mod: bool = False) -> bool:
        kind = self.kind
        for q in range(p + 1, min(j, p + (5 if en_mod else 4))):
            c = kind(q)
            if c == "title":
                return True
            if en_mod and (c in ("place", "inst", "acro", "tword", "name") or (c == "word" and self.lows[q] not in self.verb_words and (
                    not self.words[q].endswith(("ly", "ed", "ing"))
                    or (self.words[q].endswith("ing") and q + 1 < j and kind(q + 1) == "title")))):  # "planning officer"
                if self.words[q].endswith(GENITIVE_S):
                    # "the rebel alliance's spokesman": a lowercase owner right before the role
                    return c == "word" and q + 1 < j and kind(q + 1) == "title"
                continue
            if not en_mod and c == "word" and self.words[q].endswith(ADJ_SUFFIXES):
                continue
            return False
        return False

    def genitive_phrase(self, np: NP, k: int) -> NP:
        """A frame's phrase at token ``k`` up to the first word that cannot be in the genitive
        the frame governs ("Według policji | mężczyzna był …", "Według organizatorów |
        Nadodrzańskie Targi …": the clause's subject), keeping an undeclined role before a name
        ("byłej minister Anny Nowak") and a name after a body's or place's noun ("spółki Nowe
        Horyzonty"). Unchanged where nouns carry no case."""
        if not self.cased:
            return np
        kind, words = self.kind, self.words
        honorifics = self.fw.get("honorific", frozenset())
        for q in range(np.start + 1, np.end):
            c = kind(q)
            if c in ("cap", "place"):
                if kind(q - 1) != "title" or not morph.may_be_person(self.lows[q - 1]):
                    continue  # "spółki Nowe Horyzonty", "gminy Czarna Dąbrówka": a body's or place's own name
            elif c not in ("title", "word") or (c == "title" and q + 1 < np.end and kind(q + 1) == "name") \
                    or self.lows[q] in honorifics or (q + 1 < len(words) and words[q + 1] == ".") or morph.is_participle(self.lows[q - 1]):
                continue  # ("por. Magdaleny Fryc": a rank; "osoby znającej szczegóły": the participle's object)
            if morph.can_be_gen(words[q]) is False and morph.is_nominative_possible(words[q]):
                return self.np_at(k, q) or np
        return np

    def age_before(self, t: int) -> bool:
        """A number and a hyphen written right before token ``t`` ("74-letnia", "29-latek")."""
        words = self.words
        return t >= 2 and words[t - 1] == "-" and words[t - 2][:1].isdigit() \
            and self.ends[t - 2] == self.starts[t - 1] and self.ends[t - 1] == self.starts[t]

    def age_noun_at(self, t: int) -> bool:
        """Token ``t`` is a person's age ("29-latek", "said the 24-year-old"): an age noun
        (``age_noun``) with its number and hyphen written right before it."""
        return self.lows[t] in self.fw.get("age_noun", ()) and self.age_before(t)

    def _place_apposition(self, t: int) -> bool:
        """Token ``t`` follows a noun for a kind of place ("gminy", "ul."): the place's name."""
        before = t - 2 if t >= 2 and self.words[t - 1] == "." else t - 1
        return before >= 0 and self.lows[before] in self.fw.get("place_noun", ())

    def with_body_nouns(self, np: NP, stop: int) -> NP:
        """English: an article, a capitalised word and one or two lowercase nouns up to token
        ``stop`` (the comma after a frame's source, the subject's verb) are one phrase, a role
        ("the Chinese delegation", "The Westshire fire brigade said"); else ``np`` as it is."""
        if self.cased or np.kind not in ("name", "place", "inst") or self.kind(np.start) != "det" \
                or not 0 < stop - np.end <= _BODY_NOUNS_MAX:
            return np
        if not all(self.kind(q) in ("word", "title") and self.words[q].isalpha() and self.words[q].islower()
                   and self.lows[q] not in self.verb_words and self.lows[q] not in self.lex.stopwords
                   and not self.lows[q].endswith("ly") and self.lows[q] not in self.fw.get("speech_adverb", ())
                   for q in range(np.end, stop)):
            return np
        return NP(np.start, stop, "title", titles=list(range(np.start + 1, stop)), in_pp=np.in_pp, in_rel=np.in_rel)

    def head(self, np: NP) -> int:
        if np.group >= 0:
            return np.group
        # (a role noun in the possessive is the owner's, not the head: "Students’ union president")
        heads = [t for t in np.titles if self.kind(t) == "title" and not self._possessive(t)]
        if not self.cased and len(heads) > 1 and heads[1] == heads[0] + 1 and self.words[heads[0]][:1].isupper() \
                and self.lows[heads[0]].endswith("s"):
            heads = heads[1:]  # "Rangers coach McNamara": a team named by a plural role, then the role
        if heads:
            return heads[0]
        # (a nationality read as a role, "Marco Rossi, the Italian, said", has no role words: its last word)
        return np.titles[0] if np.titles else np.end - 1


_NICKNAME_WORDS = 3  # 'Margaret “Meg” Lindqvist', 'Tomasz “Tommy Gun” Wrobel'
_NICKNAME_MARKS = frozenset('"“”„\'‘’«»')


def stamp_phrase(toks, np) -> bool:
    """A time zone after a time ("10:15 GMT", "18.10 BST"): part of a time stamp, not a speaker."""
    return np.kind in ("inst", "name") and np.end - np.start == 1 and toks.kind(np.start) == "acro" and (
        np.start > 0 and toks.kind(np.start - 1) == "num")
