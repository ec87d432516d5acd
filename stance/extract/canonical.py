"""Canonical speaker strings: a phrase read by ``phrases.PhraseReader`` turned into the form the
output and the scorer use (the nominative, by morfeusz2 where it knows the words and by ending rules
for foreign surnames; one of a group as its singular, a counted group as its plural). A part of
``words.Tokens``: it reads the token lists and word classes ``Tokens`` keeps."""

from __future__ import annotations

from stance.extract import morph
from stance.extract.marks import GENITIVE_S
from stance.extract.phrases import NP
from stance.extract.phrases_en import strip_possessive
from stance.extract.phrases_pl import joined_particle

_FEMALE_NAME_EXCEPTIONS = frozenset({"Kuba", "Barnaba", "Kosma", "Bonawentura", "Jarema", "Nikita", "Ilja", "Sasza", "Misza", "Luca", "Andrea", "Joshua"})


class CanonicalForms:
    """The canonical-string part of ``words.Tokens``."""

    def surface(self, idx: list[int]) -> str:
        if not idx:
            return ""
        return self.text[self.starts[idx[0]]:self.ends[idx[-1]]]

    def canonical(self, np: NP, oblique: bool, governed: bool = False) -> str:
        """Canonical speaker string of a phrase (nominative; fullest-name grouping comes later).
        ``governed``: a preposition fixes the case ("według ministra"), so a form that could
        also be a nominative ("ministra") is read as the oblique one."""
        if np.kind == "name" and np.couple:
            return self.surface(list(range(np.start, np.end)))  # "Elżbieta i Andrzej Kubiakowie": as written
        if np.kind == "name":
            return self.name_string(np.names, oblique)
        if np.kind == "title":
            return self.title_string(np, oblique, governed)
        if np.kind in ("inst", "media"):
            toks = np.inst
            if self.cased and oblique:
                h = 0  # the head noun, after any adjectives ("Lubelskiej Izby Rolniczej")
                while h + 1 < len(toks) and (morph.is_adj(self.lows[toks[h]]) or morph.guess_adj_nominative(self.lows[toks[h]])) and (
                        self.words[toks[h]] not in self.lex.places or self.is_org(toks[h + 1])):
                    h += 1
                lead = next((i for i in range(h) if self.words[toks[i]][:1].isupper()), h)
                if 0 < lead < h and not any(morph.agrees(self.lows[toks[h]], self.lows[toks[i]]) for i in range(lead)) \
                        and any(tag.startswith("subst") for _l, tag, _q in morph.analyse(self.lows[toks[h]])):
                    # "na stronie internetowej Centralnego Związku": an adjective of the phrase
                    # before, which the body's noun does not agree with, is no part of its name
                    toks, h = toks[lead:], h - lead
                plural = self._plural_body(toks)
                if plural is not None:
                    return plural
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
                    morph.guess_adj_nominative(self.lows[toks[t]], gender) or morph.adj_nominative(self.lows[toks[t]], gender),
                    self.words[toks[t]]) for t in range(h)]
                parts.append((self.text[self.ends[toks[h - 1]]:self.starts[toks[h]]] if h else "") + lemma)
                prev = self.ends[toks[h]]
                agree = True
                for t in toks[h + 1:]:
                    w = self.words[t]
                    if agree and morph.is_adj(w.lower()) and morph.agrees(self.lows[toks[h]], w.lower()):
                        w = _capitalised_like(morph.adj_nominative(w.lower(), gender), w)
                    else:
                        agree = False
                    parts.append(self.text[prev:self.starts[t]] + w)
                    prev = self.ends[t]
                return "".join(parts).strip()
            if self.cased and len(toks) > 1 and self._classifier_before_name(toks[0], toks[1]):
                toks = toks[1:]  # "Firma Kruszbud", "Organizacja Lekarze": the name without its class
            named = self.surface(toks)
            return named[:-2] if not self.cased and named.endswith(GENITIVE_S) else named  # "CLAN’s report": CLAN
        return ""

    def _plural_body(self, toks: list[int]) -> str | None:
        """The nominative of a body named in the plural ("Lasów Państwowych" -> "Lasy Państwowe",
        "PKP Polskich Linii Kolejowych" -> "PKP Polskie Linie Kolejowe", an acronym before it kept):
        the head noun in the genitive plural only, or with an adjective that is; else None."""
        lows = self.lows
        lead = 0
        while lead < len(toks) - 1 and self.words[toks[lead]].isupper() and len(self.words[toks[lead]]) > 1:
            lead += 1  # "PKP", the group's acronym before the company's name
        h = lead  # the head noun: after the adjectives agreeing with the word after them
        while h + 1 < len(toks) and morph.is_adj(lows[toks[h]]) and morph.agrees(lows[toks[h + 1]], lows[toks[h]]):
            h += 1
        head = morph.plural_genitive_reading(lows[toks[h]], "subst", self.lex.org_lemmas)
        if head is None:
            return None
        adjectives = list(toks[lead:h])  # before the head, and right after it while they agree
        for t in toks[h + 1:]:
            if not (morph.is_adj(lows[t]) and morph.agrees(lows[toks[h]], lows[t])):
                break  # ("Generalnej Dyrekcji Dróg Krajowych": "Krajowych" is the roads')
            adjectives.append(t)
        if "sg" in morph.genitive_numbers(lows[toks[h]], "subst") and not any(
                morph.genitive_numbers(lows[t], "adj") == {"pl"} for t in adjectives):
            return None
        lemma, gender = head
        forms = {toks[h]: morph.plural_nominative(lemma, "subst", gender)}
        forms.update((t, morph.adj_plural_nominative(lows[t], gender)) for t in adjectives)
        return self.respelled(toks, {t: _capitalised_like(form, self.words[t]) for t, form in forms.items()})

    def respelled(self, toks, forms: dict[int, str], dropped: frozenset = frozenset()) -> str:
        """Tokens ``toks`` spaced as in the text, each one in ``forms`` written as given there,
        those in ``dropped`` left out with the space before them."""
        parts, prev = [], None
        for t in toks:
            if t in dropped:
                prev = t if prev is not None else None
                continue
            if prev is not None:
                parts.append(self.text[self.ends[prev]:self.starts[t]])
            parts.append(forms.get(t, self.words[t]))
            prev = t
        return "".join(parts)

    def _classifier_before_name(self, t: int, name: int) -> bool:
        """Token ``t`` is an institution noun of the role lexicon ("Firma", "Organizacja") and
        ``name`` a capitalised word after it that is no adjective and no genitive: the class
        of the institution, not part of its name ("Komisja Europejska", "Stowarzyszenie
        Pasażerów Kolei" keep theirs)."""
        word = self.words[name]
        if not self.lex.institution_role(self.lows[t]) or not word[:1].isupper():
            return False
        if self.lex.titles[self.lows[t]][0] in self.fw.get("governing_body", ()):
            return False  # "Zarząd Kraspolu": a body's organ and its owner, not a class and a name
        return not morph.is_adj(self.lows[name]) and morph.is_nominative_possible(word) is not False \
            and not morph.can_be_gen(word)

    def title_string(self, np: NP, oblique: bool, governed: bool = False) -> str:
        toks = np.titles
        if not self.cased:
            s = self.surface(toks)
            first = self.words[toks[0]]
            if (first.lower() in self.lex.titles or first.lower() in self.fw.get("indefinite_pronoun", ())) and not first.isupper():
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
        if oblique and not agree and not governed and len(toks) > 1 and head + 1 == toks[-1] and morph.is_participle(self.lows[toks[-1]]) \
                and morph.modifies(self.lows[head], self.lows[toks[-1]]):
            toks = toks[:-1]  # "skarg od pasażerów jeżdżących na trasie …": the participle describes, it names no one
        own = self.fw.get("speech_person", ())
        plural = oblique and self.lex.plural_role(self.lows[head])  # "według polskich rolników" -> "polscy rolnicy"
        dropped, singular = self.one_of_many(toks)
        for t in toks:
            if t in dropped:
                prev_end = self.ends[t] if prev_end is not None else None
                continue
            w = singular.get(t, self.words[t])
            if t < head and (self.lows[t] in own or self.lows[t] in self.fw.get("local_modifier", ()) or self.lows[t] in self.fw.get("other_modifier", ())):
                continue  # "według naszego rozmówcy", "podała miejscowa policja", "inny rybak": the paper's own possessive, "local", "another" are no part of the role
            if (agree or governed and morph.is_participle(w.lower())) and t == head + 1:
                w = morph.adj_nominative(w.lower(), gender)  # "według źródła zbliżonego do …" -> "źródło zbliżone do …"
            elif oblique and t <= head:
                if t == head:
                    if agree or governed or not self.title_nominative(t):
                        low = w.lower()
                        w = self.lex.titles.get(low, (w,))[0]
                        if self.lex.plural_role(low):
                            w = morph.plural_nominative(w)  # "według związkowców" -> "związkowcy": a group
                        elif governed and low not in self.lex.titles:
                            w = morph.person_nominative(low) or w  # "według archeologów" -> "archeolodzy": a noun the lexicon lacks
                elif plural and morph.is_adj(w.lower()):
                    w = morph.adj_plural_nominative(w.lower(), "f" if gender == "f" else "m1")
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

    def one_of_many(self, toks: list) -> tuple[frozenset, dict]:
        """Inside a role's complement, "jednego z wydziałów" is "wydziału" and "z jednej z
        wałbrzyskich szkół" "z wałbrzyskiej szkoły": one of several is named in the singular
        (CONVENTIONS: `Pracownik jednego z wydziałów` is `pracownik wydziału`). The tokens to
        drop ("jednego z", or "z jednego" before "ze") and the singular genitive of the plural
        noun after them, of the adjectives before it and of one agreeing adjective after it."""
        inside = set(toks)
        of, one = self.fw.get("partitive_of", ()), self.fw.get("partitive_genitive", ())
        k = next((t for t in toks[1:] if self.lows[t] in one and t + 1 in inside and self.lows[t + 1] in of), None)
        if k is None:
            return frozenset(), {}
        noun = next((t for t in toks if t > k + 1 and morph.plural_genitive_reading(self.lows[t], "subst")), None)
        if noun is None or any(not morph.plural_genitive_reading(self.lows[t], "adj") for t in range(k + 2, noun)):
            return frozenset(), {}
        lemma, gender = morph.plural_genitive_reading(self.lows[noun], "subst")
        gender = "f" if gender == "f" else "n" if gender.startswith("n") else "m"
        forms = {noun: morph.genitive(lemma, gender)}
        after = noun + 1 if noun + 1 in inside and morph.plural_genitive_reading(self.lows[noun + 1], "adj") else None
        others = {t for t in range(k + 2, noun) if self.lows[t] in self.fw.get("partitive_other", ())}
        for t in [*range(k + 2, noun), *([after] if after is not None else [])]:
            if t not in others:
                forms[t] = morph.genitive(morph.plural_genitive_reading(self.lows[t], "adj")[0], gender)
        before = k - 1 if k - 1 in inside and self.lows[k - 1] in of else None
        return frozenset((before, k) if before is not None else (k, k + 1)) | others, forms

    def _group_string(self, np: NP) -> str:
        """"kilku unijnych dyplomatów" -> "unijni dyplomaci", "posłów PiS z Podkarpacia" ->
        "posłowie PiS z Podkarpacia": the counted noun and the adjectives that agree with it in the
        nominative plural, the complements as written (the quantifier is no part of a group)."""
        lemma, gender = morph.plural_genitive_reading(self.lows[np.group], "subst")
        agreeing = {np.group}
        for t in np.titles:
            if (t < np.group or t - 1 in agreeing) and t != np.group and morph.plural_genitive_reading(self.lows[t], "adj"):
                agreeing.add(t)
        forms = {t: morph.adj_plural_nominative(self.lows[t], gender) for t in agreeing if t != np.group}
        forms[np.group] = morph.plural_nominative(lemma, "subst", gender)
        s = self.respelled(np.titles, forms)
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
        if head is None and len(rest) == 1:
            head, reading = rest[0], morph.plural_genitive_reading(self.lows[rest[0]], "adj")  # "jeden z protestujących"
        if reading is None or any(self.kind(t) not in ("word", "stop", "title") for t in rest if t < head):
            return ""
        lemma, gender = reading
        gender = "f" if self.lows[np.titles[0]] in self.fw.get("partitive_feminine", ()) else gender[:1]
        parts, prev_end = [], None
        for t in range(rest[0], rest[-1] + 1):
            w = self.words[t]
            if t < head:
                adj = morph.plural_genitive_reading(self.lows[t], "adj")
                if adj:
                    w = morph.adj_nominative(adj[0], gender)
                elif any(morph.plural_genitive_reading(self.lows[t], pos) for pos in ("ppas", "pact")):
                    w = morph.adj_nominative(self.lows[t], gender)  # "jeden z emerytowanych leśników": "emerytowany leśnik"
            elif t == head:
                w = morph.adj_nominative(lemma, gender) if morph.plural_genitive_reading(self.lows[t], "adj") else lemma
            elif w[:1].islower() and any(morph.plural_genitive_reading(self.lows[t], pos) for pos in (
                    ("adj", "ppas", "pact") if t == head + 1 else ("ppas", "pact"))):
                break  # (an adjective after the role's complement is the complement's: "kierowców linii podmiejskich")
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
        lead = 0
        while lead < len(names) - 1 and (self.lows[names[lead]] in honorific or self.lows[names[lead]] in lex.title_words
                                         or self.lows[names[lead]] in lex.titles):
            lead += 1
        before = names[0] - 1 if names and names[0] > 0 else None
        # (role modifiers alone before one word are part of its name: "National Grid", "Security Council")
        if not lead and not self.cased and len(names) > 2 and self._job_word(names[0]) and self.given_name(self.words[names[1]]):
            lead = 1  # "Coxswain Alexander Rutherford": an ordinary word before a given name is the person's job
        if lead and (any(self.lows[t] in honorific or self.lows[t] in lex.titles for t in names[:lead])
                     or len(names) - lead > 1 or (before is not None and self.lows[before] in honorific)):
            names = names[lead:]  # "Mr Pryce", "Dr Halina Wrona", "Chief Executive Marianne Costello": no title
        inner = [n for n, t in enumerate(names[:-1]) if self.lows[t] in honorific and self.words[t][:1].isupper()]
        if inner:
            names = names[inner[-1] + 1:]  # "Texas Gov. Raymond Castillo": the office's place goes with the office
        return " ".join(w + "." if len(w) == 1 and w.isupper() else w for w in self._name_words(names, oblique, after_base_role))

    def _job_word(self, t: int) -> bool:
        """Token ``t`` is a dictionary word and no given name ("Coxswain", not "Sandy"; nor the
        abbreviation "St" of "St John Ambulance")."""
        return len(self.lows[t]) > 2 and morph.dictionary_word(self.lows[t], self.lex.lang) and not self.given_name(self.words[t])

    def _name_words(self, names: list[int], oblique: bool, after_base_role: bool) -> list[str]:
        """The words of ``name_string``, in the nominative (an initial without its period)."""
        if oblique and self.cased and len(names) >= 2 and _nominative_feminine_surname(self.words[names[-1]]):
            oblique = False  # "którą podpisała Monika Grajewska": a "-ska" surname that is only nominative makes the name so ("Monika", not "Monik")
        if not self.cased:
            # a possessive inside a name is the name's own ("Thackeray’s Brewery"); only the last word's is the text's
            return [self.words[t] for t in names[:-1]] + [self.name_lemma(names[-1], oblique)]
        if oblique or len(names) < 2:
            return [self.name_lemma(t, oblique) for t in names]
        given = [morph.is_given_name(self.words[t]) for t in names[:-1]]
        if not any(given) and morph.only_oblique_given_name(self.words[names[-1]]) \
                and all(morph.word_class(self.words[t]) == "unknown" for t in names[:-1]):
            return [self.words[t] for t in names]  # "Dawit Alemu": a foreign name, as written (not "Ali" in the dative)
        if after_base_role and self.name_case(names[-1]) == "obl" and not any(self.name_case(t) == "obl" for t in names[:-1]):
            return [self.name_lemma(t, False) for t in names[:-1]] + [self.words[names[-1]]]
        if self.name_case(names[-1]) == "obl" or any(g and self.name_case(t) == "obl" for t, g in zip(names, given)) \
                or self._oblique_by_the_text(names):
            return [self.name_lemma(t, True) for t in names]
        # a word before the surname that morfeusz2 knows only as a surname in an oblique case
        # is a foreign given name ("Gela Cikłauri", not "Gelo"): as written
        return [self.name_lemma(t, False) if n == len(given) or given[n] or self.name_case(t) != "obl" else self.words[t]
                for n, t in enumerate(names)]

    def _oblique_by_the_text(self, names: list[int]) -> bool:
        """A given name and surname that both read as nominatives and as one oblique case
        ("Krystiana Lisa": the woman Krystiana Lisa, or Krystian Lis in the accusative) are
        oblique when the text writes the surname's oblique lemma on its own ("Lis uważa")."""
        if len(names) != 2 or self.vocab is None:
            return False
        first, last = (morph.name_readings(self.words[t]) for t in names)
        shared = {c for lemma, cs in first if lemma != self.words[names[0]] for c in cs.split(".")} - {"nom"}
        return any(lemma != self.words[names[1]] and lemma in self.vocab and shared & set(cs.split("."))
                   for lemma, cs in last)

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
        if i > 0 and self.lows[i - 1] in self.fw.get("address", ()) and (vocative := morph.vocative_name_lemma(w)):
            return vocative  # "Pani Joanno, mówiła pani …": the one addressed ("Nino" alone stays Nino)
        return self._word_lemma(w, oblique, self.name_case(i))

    def _word_lemma(self, w: str, oblique: bool, case: str) -> str:
        first, dash, rest = w.partition("-")
        if dash and first[:1].isupper() and rest[:1].isupper():
            # "Sikorską-Bem": both parts of a double surname decline (morfeusz2 reads the first alone)
            return "-".join(self._word_lemma(part, oblique, case) for part in w.split("-"))
        readings = morph.name_readings(w)
        if readings:
            if not oblique:
                for _lemma, c in readings:
                    if "nom" in c.split("."):
                        return w
            lemmas = [lemma for lemma, _c in sorted(readings, key=lambda r: "nom" in r[1].split(".")) if lemma[:1].isupper()]
            if lemmas:
                # "Malca": "Malc" or "Malec"; the one the text writes itself, else the first
                return next((lemma for lemma in lemmas if lemma != w and self.vocab is not None and lemma in self.vocab), lemmas[0])
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
        if len(np.names) > 1:
            # a given name's gender in the case its surname shows ("Krystiana Malca": Krystian's
            # genitive, not the woman's name Krystiana)
            genders = morph.given_name_genders(first, nominative=self.name_case(np.names[-1]) != "obl"
                                               and not self._oblique_by_the_text(np.names))
            if len(genders) == 1:
                return next(iter(genders))
        if last.endswith(("ska", "cka", "dzka", "owa")) and len(np.names) > 1:
            return "f"
        if len(np.names) > 1 and first.endswith("a") and first not in _FEMALE_NAME_EXCEPTIONS:
            return "f"
        if len(np.names) > 1:
            return "m"
        return ""


def _nominative_feminine_surname(word: str) -> bool:
    """An adjectival woman's surname that morfeusz2 reads only in the nominative ("Grajewska":
    it declines, "Grajewską", "Grajewskiej", so the name around it is nominative too)."""
    if not word.endswith(("ska", "cka", "dzka")):
        return False
    readings = morph.name_readings(word)
    return bool(readings) and all(cases.split(".") == ["nom"] for _lemma, cases in readings)


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
    # a soft consonant written with "i" before an ending ("Krawcia" of "Krawć"): taken only
    # where the text writes that nominative itself (``_strip_case`` prefers it)
    ("cia", "ć"), ("sia", "ś"), ("nia", "ń"), ("zia", "ź"),
)


def case_candidates(w: str) -> list[str]:
    out = []
    for end, rep in _CASE_RULES:
        if w.endswith(end) and len(w) - len(end) >= 2:
            out.append(w[: len(w) - len(end)] + rep)
    return out


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
    return morph.oblique_noun_lemma(w) or (cands[0] if cands else w)
