"""Polish role phrases: what follows a role noun (genitives, ``ds.``, an institution's seat,
the person's name) and what may precede it, read by case with morfeusz2; a mixin of
``phrases.PhraseReader``, which gives the token classes (``kind``, ``words``, ``lows``) and the
lexicons."""

from __future__ import annotations

from functools import cached_property

from stance.extract import morph

ADJ_SUFFIXES = ("y", "i", "a", "e", "ego", "ej", "emu", "ym", "im", "ą", "ich", "ych", "ymi", "imi")  # Polish adjective endings
_VOWELS = frozenset("aeiouyąęó")
_NO_NAME_CASES = frozenset({"inst", "loc", "dat"})  # role cases a base-form name never agrees with
_NAMED_INSTITUTION_MAX = 7  # capitalised words of an institution's name before its verb
_DESCRIPTION_KINDS = frozenset({"word", "tword", "title", "num", "place", "name", "cap", "inst", "acro"})  # a describing prepositional phrase's words
_DESCRIPTION_MAX = 5  # its words, the preposition included
_ELSEWHERE_MAX = 50  # other places a surname is looked up at (a bound for hostile text)
_PARTICIPLE_PP_MAX = 3  # words of a participle's place phrase in a counted group ("siedzących pod ścianą")
_GROUP_ADVERBIAL_MAX = 3  # words of a place phrase between a group and its verb ("na galerii", "przed ratuszem")


_OPENING_MARKS = frozenset({"„", "“", '"', "«"})  # a body's own name in quotation marks opens after its words


class PolishPhrases:
    """The Polish half of the phrase reader."""

    def _named_institution(self, k: int, j: int) -> int | None:
        """Polish: a sentence's capitalised words up to its verb, one an institution's word
        ("Mazowiecki Oddział Wojewódzki NFZ przekazał", "Łódzka Kolej Aglomeracyjna zapowiedziała",
        "Sekcja Krajowa Pracowników Poczty NSZZ „Solidarność” poinformowała"): the end of that
        name, whatever the words' own classes; None for anything else (a person's name first)."""
        words, kind = self.words, self.kind
        if morph.only_adverb(words[k]):
            return None  # "Oficjalnie Urząd Miasta Poznania zapewnia": the office starts after the adverb
        e = k
        while e < j and e - k < _NAMED_INSTITUTION_MAX and kind(e) != "quoted" and (words[e][:1].isupper() or (
                kind(e) == "coord" and e > k and e + 1 < j and words[e + 1][:1].isupper() and kind(e + 1) != "quoted")):
            e += 1  # ("Generalna Dyrekcja Dróg Krajowych i Autostrad": "i" inside the name)
        f = e
        while f < len(words) and kind(f) in ("quoted", "punct") and words[f] not in ".,;:–—":
            f += 1  # the institution's own quoted name ("NSZZ „Solidarność”")
        # (the verb may lie beyond ``j``: a subject is read up to its verb)
        if e - k < 2 or f >= len(words) or kind(f) != "cue" or (kind(k) == "title" and not self.institution_noun(k)):
            return None  # ("Prezes Związku Nauczycieli Roman Kuc": a role and its holder)
        if any(kind(t) == "coord" for t in range(k, e)) and morph.plural_verb(words[f]):
            return None  # "Ministerstwo Zdrowia i NFZ zapowiedziały": two bodies, not one name
        if any((morph.is_given_name(words[t]) and not self.is_org(t)) or kind(t) == "media" for t in range(k, e)):
            return None  # a person's name among the words, or a medium ("Agencja Reuters podała": no statement)
        return e if any(self.is_org(t) for t in range(k, e)) else None

    def _pl_modifier(self, p: int, j: int) -> bool:
        """An adjective before a role noun ("rosyjski dyplomata", sentence-initial "Specjalny wysłannik")."""
        w = self.words[p]
        c = self.kind(p)
        if self.lows[p] in self.fw.get("both_word", ()):
            return False  # "Oboje kandydaci zapewnili": the count of two is no part of the speaker
        if c == "word" and w.endswith(ADJ_SUFFIXES) and self._title_ahead(p, j):
            return morph.is_adj(w) is not False and self._agrees_with_role(p, j)
        if w[:1].isupper() and c in ("stop", "cap", "name", "place", "inst") and w.endswith(ADJ_SUFFIXES):
            if p in self.sent_initial or (p > 0 and not self.words[p - 1][0].isalnum()):
                return bool(morph.is_adj(w)) and self._title_ahead(p, j)
        return False

    def _agrees_with_role(self, p: int, j: int) -> bool:
        """The adjective at ``p`` may qualify the role noun after it: "W raporcie bieżącym zarząd
        spółki napisał" ends the prepositional phrase at "bieżącym", which no nominative noun takes."""
        t = next((q for q in range(p + 1, min(j, p + 4)) if self.kind(q) == "title"), None)
        if t is None or not any(tag.startswith("subst:") for _l, tag, _q in morph.analyse(self.lows[t])):
            return True  # (a role noun morfeusz2 does not know: no evidence against it)
        return morph.modifies(self.lows[t], self.lows[p])

    def _name_able(self, t: int, have_name: bool) -> bool:
        c = self.kind(t)
        w = self.words[t]
        if c in ("name", "particle"):
            if w.endswith(("ego", "ej", "ych", "ich")) and morph.is_adj(w):
                # an adjective inside an institution's name ("Komisji Europejskiej"), unless a
                # woman's surname right after the role she holds ("w ocenie dyrektor Jastrzębskiej")
                # or a surname after a given name in its case ("ministra Radosława Sikorskiego"; this
                # runs after a role noun, so a given name may be a common noun too: "dyrektora
                # Departamentu Rybołówstwa Marka Zagórnego")
                return (w.endswith(("skiej", "ckiej", "dzkiej")) and t > 0 and self.kind(t - 1) == "title"
                        and not (t + 1 < len(self.words) and self.words[t + 1][:1].isupper())) \
                    or (t > 0 and self.kind(t - 1) == "name" and share_case(self.words[t - 1], w, False, after_role=True))
            return True
        if c == "place" and morph.name_readings(w) and not self.is_org(t):
            return True
        if c == "cap" and len(w) == 1 and t > 0 and self.kind(t - 1) == "name" and t + 1 < len(self.words) and self.words[t + 1] == "." \
                and (cases := morph.given_name_cases(self.words[t - 1])) and "gen" not in cases:
            return True  # "Zbigniew K.": a surname's initial after a given name in no genitive ("obrońca Roberta K.": his client)
        if c == "place" and w not in self.lex.places and t > 1 and self.kind(t - 1) == "name" and self.kind(t - 2) == "name":
            return True  # "Hamid Abakar Nur": a foreign surname that is also some river's name
        if c == "cap" and have_name and len(w) > 1:
            return not morph.is_adj(w) and not self.is_org(t)
        return False

    def _common_genitive(self, t: int) -> bool:
        """A capitalised word read as a common noun or adjective in the genitive ("Miast",
        "Gospodarki"): inside an institution's name it continues the name, it is no surname."""
        w = self.words[t]
        if not w[:1].isupper():
            return False
        return any(lemma[:1].islower() and tag.split(":")[0] in ("subst", "adj") and "gen" in tag.split(":")[2].split(".")
                   for lemma, tag, _q in morph.analyse(w) if tag.count(":") >= 2)

    def _hearer(self, p: int) -> bool:
        """A lowercase Polish role noun that can be neither genitive nor nominative
        ("dziennikarzom", "posłom"): the one spoken to, never part of the speaker's role."""
        w = self.words[p]
        return w[:1].islower() and morph.can_be_gen(w) is False and morph.is_nominative_possible(w) is False

    def _nominative_group(self, t: int) -> bool:
        """Token ``t`` is a lower-case group noun that can only be nominative: after a role it
        starts the subject, it completes nothing ("Propozycję zarządu związkowcy nazywają")."""
        low = self.lows[t]
        return self.words[t][:1].islower() and self.lex.plural_role(low) and morph.can_be_gen(low) is False

    def institution_noun(self, t: int) -> bool:
        """Token ``t`` is a role-lexicon noun that names an institution ("szpitala", "spółki")."""
        return self.kind(t) == "title" and self.lex.institution_role(self.lows[t])

    def _seat_named_elsewhere(self, word: str) -> bool:
        """``word`` names a place only in an oblique case, and the text writes that place in
        another form too ("prezydent Płocka" and "w Płocku")."""
        return any(self._place_forms.get(lemma, frozenset()) - {word} for lemma in morph.place_lemmas(word, True))

    @cached_property
    def _place_forms(self) -> dict[str, frozenset]:
        """The text's capitalised forms by the place each names ("Płock" -> {"Płocka", "Płocku"}),
        read once per text."""
        forms: dict[str, set] = {}
        for word in self.vocab or ():
            for lemma in morph.place_lemmas(word):
                forms.setdefault(lemma, set()).add(word)
        return {lemma: frozenset(words) for lemma, words in forms.items()}

    def _pl_complement(self, p: int, j: int, titles: list) -> tuple[int, list, bool]:
        """Polish role complement after the role noun (genitives, ``ds.``, ``przy``/``w`` + a
        capitalised place) and the person name after it: appends to ``titles``, returns the end
        token, the name tokens, and whether the phrase must end there (a name follows that does
        not agree with the role: it starts a phrase of its own)."""
        kind, words = self.kind, self.words
        head = max(t for t in titles if kind(t) == "title")
        postmodifiers = self.fw.get("description_word", ())
        place_preps = self.fw.get("place_prep", ())  # "dyrektorka szpitala w Sokółce", "przy UE"
        while p < j:
            c = kind(p)
            w = words[p]
            low = w.lower()
            if low in postmodifiers and p + 1 < j and kind(p + 1) == "prep":
                break  # "obecnych na rozmowach": the caller's _role_postmodifier takes it with its phrase
            if low == "ds":
                titles.append(p)
                p += 1
                if p < j and words[p] == ".":
                    titles.append(p)
                    p += 1
                continue
            if low == "do" and p + 2 < j and self.lows[p + 1] == "spraw" and kind(p + 2) in ("word", "tword", "place", "inst"):
                titles.extend((p, p + 1))  # "rzecznik Komisji do spraw handlu": "ds." written out
                p += 2
                continue
            if low in self.fw.get("saint", ()) and p + 2 < j and words[p + 1] == "." and kind(p + 2) == "name":
                titles.extend((p, p + 1, p + 2))  # "parafii św. Józefa ks. Henryk Gawlik": the patron is the parish's name
                p += 3
                continue
            if low in self.fw.get("partitive_of", ()) and self.lows[titles[-1]] in self.fw.get("partitive_genitive", ()) \
                    and p + 1 < j and kind(p + 1) in ("word", "tword", "title", "inst", "place"):
                titles.append(p)  # "dyplomata jednego z państw nadbałtyckich": one of several, then which
                p += 1
                continue
            if c == "title" and self._hearer(p):
                break  # "mówił wiceminister dziennikarzom": a role noun in the dative is the hearer
            if c == "title" and titles[-1] == head and self.lex.plural_role(self.lows[head]) and not self.lex.plural_role(low) \
                    and not self.institution_noun(p) and not (kind(head - 1) == "prep" and morph.can_be_gen(low)):
                # (the same after the group's noun as the role: "związkowców wiceminister"; but "jeden z
                # członków rodziny": a partitive's group takes its genitive)
                break
            if c == "title" and self._nominative_group(p):
                break
            if c in ("tword", "title", "place", "inst", "acro", "media") and not (
                c == "title" and w[:1].isupper() and p not in self.sent_initial and kind(p - 1) not in ("acro", "inst")
            ):  # "szef MSZ Węgier": after an office, a capitalised nationality noun is its country
                titles.append(p)
                p += 1
                continue
            if c == "name" and p + 1 < j and kind(p + 1) == "name" and w.endswith(self._genitive_place_endings):
                titles.append(p)  # "Szef dyplomacji Tarwenii Goran Ostoja": a country's genitive, then the person
                p += 1
                continue
            gender = self.lex.titles.get(self.lows[head], ("", ""))[1]
            if c == "word" and p == head + 1 and (self._agrees(p, head, gender) or (
                    gender == "m" and p + 1 < j and kind(p + 1) == "name" and self._agrees(p, head, "f"))) and not (
                    p + 1 < j and kind(p + 1) not in ("punct", "cue", "rel", "name") and morph.finite_verb(self.lows[p])):
                # (not "mężczyźni zeszli do kotła": "zeszli" is also the adjective "zeszły", here the verb)
                # "wojewoda dolnośląski": an adjective after the role agrees with it; a woman's
                # masculine office agrees with her ("prokurator rejonowa Ewa Dziurdzik")
                titles.append(p)
                p += 1
                continue
            if c == "word" and w[:1].islower() and p - head <= 8 and titles[-1] > head \
                    and morph.is_participle(self.lows[titles[-1]]) and morph.noun_object(w):
                titles.append(p)  # "osoby znającej szczegóły transakcji": the participle's object (its genitives follow)
                p += 1
                continue
            if c == "word" and w[:1].islower() and p - head <= 8 and morph.can_be_gen(w) and low not in self.fw.get("clitic_pronoun", ()) \
                    and low not in self.fw.get("negative_pronoun", ()) and not self._rank_before_name(p, j) and (
                    not self._verbish(w) or p + 1 >= j or kind(p + 1) in ("punct", "cue", "rel") or words[p + 1][:1].isupper()):
                titles.append(p)  # "mieszkanka osiedla, która …": a verb form too ("osiedla"), but nothing follows that a verb would take
                p += 1
                continue
            if low in place_preps and p + 1 < j and words[p + 1][:1].isupper() and (kind(p + 1) in ("place", "inst", "cap", "acro") or (
                    kind(p + 1) == "name" and self.is_org(titles[-1]) and p + 2 < j and kind(p + 2) in ("name", "word", "acro")
                    and morph.place_locative(words[p + 1]))) \
                    and (low == "przy" or kind(titles[-1]) == "word" or self.institution_noun(titles[-1]) or self.is_org(titles[-1])):
                # "dyrektorka szpitala w Sokółce", "rzeczniczka Komendy Powiatowej Policji w Kole asp. Sylwia Nowicka"
                titles.append(p)
                p += 1
                continue
            if low in self.fw.get("place_noun", ()) and p + 2 < j and words[p + 1] == "." and kind(p + 2) in ("name", "place", "cap"):
                # "mieszkanka ul. Łąkowej": a street's abbreviation and name ("ul. Jana Pawła II": a
                # person's, given name first, then a numeral)
                r = p + 3
                if r < j and morph.is_given_name(words[p + 2]) and kind(r) in ("name", "cap"):
                    r += 1
                while r < j and words[r].isupper() and set(words[r]) <= set("IVX"):
                    r += 1
                titles.extend(range(p, r))
                p = r
                continue
            if low == "w" and p + 1 < j and kind(p + 1) == "name" and kind(titles[-1]) == "word" and (self.name_case(p + 1) == "obl" or morph.word_class(words[p + 1]) in ("unknown", "")) and (p + 2 >= j or kind(p + 2) != "name"):
                titles.extend((p, p + 1))  # "przedstawiciel władz w Tyraspolu": a locative, not a name
                p += 2
                continue
            if c == "cap" and titles[-1] > head and kind(titles[-1]) in ("inst", "cap", "coord") and p + 1 < j and (
                    kind(p + 1) in ("coord", "cap", "inst") or words[p + 1] in _OPENING_MARKS):
                titles.append(p)  # "synoptyk Instytutu Meteorologii i Gospodarki Wodnej Paweł Rutkowski": the name's words go on
                p += 1
                continue
            if c == "coord" and low == "i" and p + 1 < j and titles[-1] > head and (
                    kind(p + 1) in ("inst", "cap", "tword") or (kind(p + 1) == "word" and morph.can_be_gen(words[p + 1]))
                    # "Instytutu Meteorologii i Gospodarki Wodnej": a capitalised run of the name goes on
                    or kind(p + 1) == "name" and kind(titles[-1]) in ("inst", "cap") and p + 2 < j and kind(p + 2) in ("cap", "inst")):
                titles.append(p)
                p += 1
                continue
            if c == "punct" and w in "–-" and titles[-1] > head and p + 1 < j and self.starts[p] == self.ends[p - 1] and self.ends[p] == self.starts[p + 1] and words[p + 1][:1].isupper():
                titles.append(p)  # "Belgrad–Prisztina"
                p += 1
                continue
            if c == "punct" and (titles[-1] > head or self.institution_noun(titles[-1])) and (
                    self.org_word(titles[-1]) or self.institution_noun(titles[-1]) or kind(titles[-1]) == "cap"
                    or self._common_genitive(titles[-1]) or morph.is_adj(self.lows[titles[-1]])):
                # "radni klubu „Gorzów Plus”", "Szef zakładowej „Solidarności” w Kolejach Mazurskich Marek Kubiak",
                # "sympatycy komitetu „Elbląg Razem”" (a body's noun read as the role's head)
                r = self.quoted_name_end(p, j, ends_phrase=not (morph.is_adj(self.lows[titles[-1]]) or kind(titles[-1]) == "cap"))
                if r > p:
                    titles.extend(range(p, r))
                    p = r
                    continue
            if c == "punct" and titles[-1] == head and w in _OPENING_MARKS:
                r = self.quoted_name_end(p, j, ends_phrase=False)
                if p < r < j and kind(r) == "name" and morph.is_given_name(words[r]):
                    titles.extend(range(p, r))  # "przewodnicząca „Katedry” Halina Grabowska": the body's quoted name, then hers
                    p = r
                    continue
            if low in self.fw.get("description_prep", ()):
                r = self._pp_description(p, j)
                if r > p:
                    titles.extend(range(p, r))
                    p = r
                    continue
            break
        # a capitalised run: institution words, then (maybe) the person's name
        run = []
        q = p
        honorific = self.fw.get("honorific", ())
        person_from = -1  # after a degree or rank, the person's name starts there
        seat: set[int] = set()  # the institution's seat ("w Krakowie"): never the person's name
        while q < j and len(run) < 9:
            c = kind(q)
            if self.lows[q] in honorific and c != "name":
                # "ekonomistki Instytutu … dr Haliny Wrony": a degree before the name is neither
                # the office's name nor the person's
                n = q
                while n < j and self.lows[n] in honorific and kind(n) != "name":  # "mł. insp. Bogdan Sitek": a rank of two words
                    n = n + 2 if n + 1 < j and words[n + 1] == "." else n + 1
                if n < j and words[n] in self.fw.get("rank_formation", ()):
                    n += 1  # "por. SG Katarzyna Żmijewska": the rank's formation
                if n < j and kind(n) == "name":
                    q = person_from = n
                    continue
            if c in ("cap", "name", "inst", "place", "acro", "particle"):
                run.append(q)
                q += 1
                continue
            if self.lows[q] == "ds" and run:
                # "wiceprezydent Płocka ds. społecznych Monika Gajewska": the office's remit after its
                # seat, then the person
                n = q + 1 + (q + 1 < j and words[q + 1] == ".")
                while n < j and kind(n) in ("word", "tword") and words[n].islower():
                    n += 1
                if n > q + 2 and n < j and kind(n) == "name":
                    run.extend(range(q, n))
                    q = n
                    continue
            if c == "prep" and self.lows[q] in place_preps and (run or (titles and kind(titles[-1]) in ("acro", "inst"))) \
                    and q + 1 < j and any(self.is_org(t) or kind(t) == "acro" for t in titles + run) \
                    and (kind(q + 1) == "place" or (kind(q + 1) == "name" and (morph.place_locative(words[q + 1]) or (
                        q + 2 < j and kind(q + 2) == "name" and morph.place_locative(words[q + 2]))))):  # ("w Jeleniej Górze")
                # "Komendy Wojewódzkiej Policji w Lublinie podkom. Ewa Gołąb", "prezes Okręgowej Izby
                # Lekarskiej w Krakowie Tadeusz Hajduk": the institution's seat, then the person
                run.extend((q, q + 1))
                seat.update((q + 1, q + 2) if kind(q + 1) == "name" and not morph.place_locative(words[q + 1]) else (q + 1,))
                q += 2
                continue
            if c == "punct" and words[q] == "." and run and len(words[q - 1]) == 1 and q + 1 < j and kind(q + 1) == "name":
                q += 1
                continue
            if c == "coord" and words[q] == "i" and run and q + 1 < j and kind(q + 1) in ("cap", "inst"):
                run.append(q)
                q += 1
                continue
            if c == "coord" and words[q] == "i" and run and q + 3 < j and kind(q + 1) in ("name", "place") \
                    and morph.is_given_name(words[q + 2]) and kind(q + 3) == "name":
                run.extend((q, q + 1))  # "Stowarzyszenia Pasażerów Warmii i Mazur Iwona Żak": the second place, then the person
                q += 2
                continue
            break
        names: list[int] = []
        for t in reversed(run):
            if len(names) < 4 and self._name_able(t, bool(names)) and t >= person_from and t not in seat:
                names.insert(0, t)  # ("parafii św. Józefa ks. Henryk Gawlik": the parish's patron is no part of his name)
                continue
            break
        while names and kind(names[0]) == "particle":
            names.pop(0)
        town = self.fw.get("town_genitive", ())
        if names and not morph.is_given_name(words[names[0]]) and any(self.lows[t] in town for t in names):
            # "Urzędu Miasta Nowy Targ": the capitalised town noun and the town's own name end the
            # office's name, no person's; the person's starts at a given name after them
            given = next((n for n, t in enumerate(names) if morph.is_given_name(words[t])), len(names))
            names = names[given:]
        # "Szef MSW Litwy": after a role noun that can only be nominative, a certainly oblique
        # word is a genitive complement, not the person's name (which agrees with the role)
        # (a woman's full name after a masculine role noun: the noun is hers, undeclined, and
        # in the name's case: "prezentacja skarbnik miasta Beaty Maciejewskiej")
        if names and self._nominative_only(head) and not (len(names) >= 2 and morph.feminine_given_name(words[names[0]])):
            # (a word that cannot be a genitive is no such complement: "Szef dyplomacji Kerem Aydın")
            while names and self.name_case(names[0]) == "obl" and morph.can_be_gen(words[names[0]]) is not False:
                names.pop(0)
        # "z kanclerzem Niemiec Jan Lis powiedział": a role in the instrumental, locative or dative
        # and a name in its base form do not agree: the name starts a phrase of its own (the
        # subject). Genitive and accusative roles are left alone: "posła Jana Lisa" has names
        # that are also base forms of other names ("Jana", "Lisa").
        complete = False  # the role phrase ends here, whatever follows
        # "przewodnicząca … związku zawodowego Danuta Pyka": an institution is nobody's role; a
        # person's name after it starts a phrase of its own
        role = min(t for t in titles if kind(t) == "title")
        person_after_institution = names and self.institution_noun(role) and morph.is_given_name(words[names[0]])
        # "przez dziennikarzy Ostrowski odpowiedział": a plural role names no one person either;
        # nor does a role whose cases a given name does not share ("radny z klubu prezydenta
        # Sebastian Kmieć": the nominative councillor, not the genitive president)
        plural = self.lex.plural_role(self.lows[head]) and len(names) == 1 and self.name_case(names[0]) != "obl"
        given_cases = morph.given_name_cases(words[names[0]]) if names else frozenset()
        role_cases = self.title_cases(role)
        clash = bool(given_cases) and "nom" not in role_cases and not given_cases & role_cases
        if names and (person_after_institution or plural or clash
                      or self.title_cases(head) <= _NO_NAME_CASES and all(self.base_form_name(t) for t in names)):
            run = run[:run.index(names[0])]
            names = []
            complete = True
        # "Burmistrz Orzeszyna", "prezydent Płocka": one word that is a place's name in an oblique
        # case only, a place the text names in another case too ("w Płocku"), is the office's seat,
        # not the person's name (a surname may read as a place: "wójt Gąsior")
        if len(names) == 1 and self._seat_named_elsewhere(words[names[0]]):
            names = []
        # "prezes Krosmetu" where the text also writes "Krosmet": the genitive in "-u" of a thing's
        # name (a firm's, a place's), never a person's, whose genitive ends in "-a"
        # (a body's organ keeps its owner as its name: "zarząd Kraspolu")
        if len(names) == 1 and words[names[0]].endswith("u") and words[names[0]][:-1] in (self.vocab or ()) \
                and self.lex.titles.get(self.lows[head], ("",))[0] not in self.fw.get("governing_body", ()):
            names = []
        # "Szef MSZ Węgier", "szef MSW Litwy": a country's name after an office's acronym is
        # the office's complement, not a person
        if len(names) == 1 and names[0] - 1 >= 0 and kind(names[0] - 1) in ("acro", "inst") and morph.is_place_name(words[names[0]]):
            names = []
        # "zakładu w Opolu Lubelskim tłumaczy": an adjective agreeing with the place before it is
        # the place's own, no person's name
        if names and kind(names[0] - 1) in ("place", "inst") and morph.is_adj(words[names[0]]) \
                and morph.agrees(words[names[0] - 1], words[names[0]]):
            names = names[1:]
        # "mieszkaniec Nowej Dęby": one word after a capitalised adjective agreeing with it is a
        # place's name, no person's
        if len(names) == 1 and self._place_adjective_before(names[0], genitive=True):
            names = []
        # "Agata Wilk, rzeczniczka Lignary": right after the person's name, a lone capitalised word
        # after the role is its complement (an unknown firm's genitive), not a second name
        # (an age may come first: "Teresa Olszak, 67-letnia mieszkanka Barda")
        first = min(titles) - 1
        while first >= 2 and (kind(first) == "num" or words[first] == "-"):
            first -= 1
        if len(names) == 1 and first >= 1 and words[first] == "," and kind(first - 1) == "name" \
                and not morph.is_given_name(words[names[0]]):
            names = []
        # "Porozumienia Młodych Lekarzy Kamila Odrzywolska": the name starts at the given name,
        # one that agrees in case with a given name after it ("klubu Wspólny Piotrków Paweł
        # Obara", "trener Olimpii Mirosław Jurczyk": a town and a club are no person's names)
        given = [n for n, t in enumerate(names) if not joined_particle(words[t], self.fw.get("particle", ()))
                 and morph.is_given_name(words[t]) and self._starts_name(names, n)
                 and not (n == len(names) - 1 and morph.only_oblique_given_name(words[t]))  # ("Dawit Alemu": "Ali" in the dative)
                 and not self._place_adjective_before(t)]
        if len(given) >= 2 and given[-1] - given[-2] > 1:
            # "Wiatrowego Pola Sławno Rafał Wiącek": a firm's name holding a given name, then the
            # person's; the name starts at the last given names written together
            last = len(given) - 1
            while last > 0 and given[last - 1] == given[last] - 1:
                last -= 1
            given = given[last:]
        if len(names) >= 3 and given[:2] == [0, 1] and self._place_apposition(names[0]):
            given = given[1:]  # "Wójt gminy Wierzchosław Andrzej Kostrzewa": a commune named like a man
        if given and given[0] > 0:
            names = names[given[0]:]
        elif not given and len(names) >= 3 and (names[0] > run[0] or (titles[-1] > head and (words[titles[-1]][:1].islower() or kind(titles[-1]) == "acro"))) \
                and self._surname_elsewhere(names):
            names = names[-2:]  # "gminy Vyšné Kamence Jozef Hudák … napisał Hudák": a foreign given name, and the place before it
        comp = run[: len(run) - len(names)] if names else run
        if names and comp and kind(comp[-1]) == "coord":
            comp = comp[:-1]
        titles.extend(comp)
        end = (names[-1] + 1) if names else ((comp[-1] + 1) if comp else p)
        while titles and kind(titles[-1]) in ("coord",) or (titles and words[titles[-1]] in "–-"):
            titles.pop()
        return end, names, complete

    def _place_adjective_before(self, t: int, genitive: bool = False) -> bool:
        """A capitalised adjective that is no given name agrees with the word at ``t`` ("gminy
        Czarna Dąbrówka Teresa Rudnik"): the two are a place's name. Only an adjective that cannot
        be genitive, unless ``genitive`` ("mieszkaniec Nowej Dęby", where the place is the role's
        complement)."""
        words = self.words
        return t > 0 and self.kind(t - 1) == "name" and not morph.is_given_name(words[t - 1]) \
            and bool(morph.is_adj(words[t - 1])) and (genitive or morph.can_be_gen(words[t - 1]) is False) \
            and morph.agrees(words[t], words[t - 1])  # (not "burmistrz Radomska", "trener Warty": a town's, a club's genitive)

    def _pp_description(self, p: int, j: int) -> int:
        """A prepositional phrase after a role that describes the person and ends the phrase
        ("kierowca ciężarówki z Sokółki mówi", "lekarka z kilkunastoletnim stażem, która",
        "sprzedawca warzyw z jednego ze stoisk"): its end, or ``p`` when it is none (it runs on
        into more words, holds a verb, or is an adverbial: "w rozmowie z PAP", "w piątek")."""
        kind, lows = self.kind, self.lows
        r = p + 1
        if r >= j or lows[r] in self.fw.get("adverbial_noun", ()) or lows[r] in self.lex.months \
                or (kind(r) not in _DESCRIPTION_KINDS and not self._number_adjective(r, j)):
            return p
        nested = False
        while r < j and r - p <= _DESCRIPTION_MAX:
            c = kind(r)
            if c == "prep" and not nested and lows[r] in self.fw.get("nested_description_prep", ()) and r + 1 < j \
                    and (kind(r + 1) in _DESCRIPTION_KINDS or kind(r + 1) in ("name", "place") and morph.place_locative(self.words[r + 1])):
                nested = True  # "z jednego ze stoisk"
                r += 1
                continue
            if lows[r] in self.fw.get("adverbial_noun", ()) or lows[r] in self.fw.get("impersonal_sources", ()):
                return p  # "w przesłanym mediom oświadczeniu"
            if lows[r] in self.fw.get("saint", ()) and r + 2 < j and self.words[r + 1] == "." and kind(r + 2) == "name":
                r += 3  # "z oddziału Szpitala św. Łukasza": the patron is the hospital's name
                continue
            if lows[r] in self.fw.get("place_noun", ()) and r + 2 < j and self.words[r + 1] == "." and kind(r + 2) in ("name", "place"):
                r += 2  # "mieszkanka bloku przy ul. Kilińskiego": the street's abbreviation, then its name
                continue
            if self._number_adjective(r, j):
                r += 3  # "pracownik tapicerni z 15-letnim stażem"
                continue
            if c not in _DESCRIPTION_KINDS or (c == "word" and self._verbish(self.words[r])):
                break
            if c == "name" and self._place_apposition(r) and r + 1 < j and kind(r + 1) == "name" and morph.is_given_name(self.words[r + 1]):
                r += 1  # "rolnik z gminy Przecław Grzegorz Sowa": the commune's name, not the person's
                continue
            if c == "name" and r > p + 1 and (morph.is_given_name(self.words[r]) or self.name_case(r) != "obl") \
                    and not (kind(r - 1) == "prep" and morph.place_locative(self.words[r])):  # ("z komendy w Jaśle")
                break  # "rolnik spod Malanowa Jan Maciejewski", "minister w MSZ Chalid as-Suwajdi": the person's name follows
            r += 1
        if r == p + 1 or (r < j and kind(r) not in ("cue", "rel", "name") and self.words[r] not in ",–—"):
            return p
        return r

    def _rank_before_name(self, r: int, j: int) -> bool:
        """Token ``r`` is a rank's abbreviation right before a name ("w Kutnie podkom. Edyta Sowińska",
        "komendy asp. szt. Katarzyna Lasota": a rank of two words)."""
        if not (r + 2 < j and self.lows[r] in self.fw.get("honorific", ()) and self.words[r + 1] == "."):
            return False
        n = self._past_honorifics(r, j)
        return n < j and self.kind(n) == "name"

    def _number_adjective(self, r: int, j: int) -> bool:
        """Tokens ``r`` … ``r + 2`` are a number, a hyphen and a word written together ("15-letnim")."""
        return self.kind(r) == "num" and r + 2 < j and self.words[r + 1] == "-" and self.kind(r + 2) == "word" \
            and self.ends[r] == self.starts[r + 1] and self.ends[r + 1] == self.starts[r + 2]

    def _pl_group(self, k: int, j: int) -> tuple[int, int] | None:
        """"Wielu klientów", "Kilku unijnych dyplomatów", "Dwóch posłów PiS z Podkarpacia":
        after the quantifier at ``k``, people in the genitive plural (a masculine-personal noun,
        or a role) with their adjectives and complements, when a cue, a relative pronoun or
        punctuation follows: (the phrase's end, the noun's token); None otherwise."""
        kind, words, lows = self.kind, self.words, self.lows
        q = k + 1
        while q < j and kind(q) == "word" and morph.plural_genitive_reading(lows[q], "subst") is None \
                and morph.plural_genitive_reading(lows[q], "adj") is not None:
            q += 1  # "unijnych" before "dyplomatów"
        if k + 1 < q < j and kind(q) == "prep" and morph.participle_genitive_plural(lows[q - 1]):
            q = self._participle_pp_end(q, j) - 1  # "kilkunastu siedzących pod ścianą mieszkańców": the noun after the participle's place
        noun = morph.plural_genitive_reading(lows[q], "subst") if q < j and kind(q) in ("word", "title") else None
        if noun is None or not (noun[1] == "m1" or self.lex.plural_role(lows[q]) or noun[0] in self.lex.titles):
            return None
        end = q + 1
        while end < j:
            c = kind(end)
            if c == "name" and end == q + 1 and morph.is_nominative_possible(words[end]) is False:
                end += 1  # "kibiców Olimpii": the club they belong to, in the genitive
                continue
            if c == "word" and morph.participle_genitive_plural(lows[end]) and end + 1 < j and kind(end + 1) == "prep":
                end = self._participle_pp_end(end + 1, j)  # "kibiców stojących w sektorze gości": where they stood
                continue
            if c in ("acro", "inst", "place", "tword") or (c == "name" and sum(ch.isupper() for ch in words[end]) > 1) or (
                    c == "word" and words[end][:1].islower() and morph.can_be_gen(words[end]) and not self._verbish(words[end])):
                end += 1  # "radnych opozycji", "posłów PiS", "lekarzy rodzinnych"
                continue
            r = self._pp_description(end, j) if lows[end] in self.fw.get("description_prep", ()) else end
            if r == end:
                break
            end = r
        if end < j and kind(end) not in ("cue", "rel") and words[end] not in ",–—":
            if kind(end) == "prep" and self._adverbial_to_verb(end, j):
                return end, q  # "kilkunastu mieszkańców na galerii zaczęło skandować": where they stood, not who
            if kind(end) == "word" and words[end][:1].islower() and morph.quantified_subject_verb(lows[end]):
                return end, q  # "kilkunastu mieszkańców Zatorza rozwinęło transparent i zaczęło skandować": their own verb
            return None
        return end, q

    def _participle_pp_end(self, p: int, j: int) -> int:
        """The end of the prepositional phrase at ``p`` that a participle takes ("pod ścianą",
        "w sektorze gości"): at most ``_PARTICIPLE_PP_MAX`` words after the preposition, up to a
        verb or punctuation; ``p`` when no word follows it."""
        r = p + 1
        while r < j and r - p <= _PARTICIPLE_PP_MAX and self.kind(r) in ("word", "title", "name", "place", "inst") \
                and not self._verbish(self.words[r]):
            r += 1
        return r if r > p + 1 else p

    def _adverbial_to_verb(self, p: int, j: int) -> bool:
        """Tokens from the preposition at ``p`` are a short phrase of lowercase words that runs to
        the end of the region ``j`` (a chunk before its verb) or to a cue."""
        r = p + 1
        while r < j and r - p <= _GROUP_ADVERBIAL_MAX and self.kind(r) in ("word", "title") and self.words[r][:1].islower():
            r += 1
        return r > p + 1 and (r == j or self.kind(r) == "cue")

    def _surname_elsewhere(self, names: list[int]) -> bool:
        """The last of these name words stands alone elsewhere in the text (the person's surname
        used on its own), never after the word before it here."""
        low, before = self.lows[names[-1]], self.lows[names[-2]]
        alone = [t for t in self.positions_of(low)[:_ELSEWHERE_MAX] if t != names[-1]]
        return bool(alone) and all(t == 0 or self.lows[t - 1] != before for t in alone)

    def _starts_name(self, names: list[int], n: int) -> bool:
        """The given name ``names[n]`` can open a person's name: it has a singular reading and,
        when a given name follows before the surname, agrees with it in case."""
        cases = morph.given_name_cases(self.words[names[n]])
        nxt = morph.given_name_cases(self.words[names[n + 1]]) if n + 2 < len(names) else frozenset()
        return bool(cases) and (not nxt or bool(cases & nxt))

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


def joined_particle(word: str, particles) -> bool:
    """"al-Harbi", "Al-Harbi": a name particle joined by a hyphen to a capitalised surname."""
    head, dash, rest = word.partition("-")
    return bool(dash) and rest[:1].isupper() and head.lower() in particles


def share_case(first: str, second: str, surname_follows: bool, after_role: bool = False) -> bool:
    """A given name and a surname morfeusz2 reads in one case, so they may be one oblique name
    ("Renatą Kowalik"); never after a word that is also a common one ("Wieczorem Adam") unless
    a role noun comes first ("dyrektora Marka Zagórnego"), nor
    before a given name in another case with a surname after it ("trener Olimpii Mirosław
    Jurczyk": the club's name, then the person's)."""
    if not morph.is_given_name(first):
        return False
    second_given = morph.given_name_cases(second)
    if not second_given and second[-1:].isalpha() and second[-1].lower() not in _VOWELS \
            and morph.given_name_genders(first, nominative=False) == {"f"}:
        return True  # "debiut Agaty Wróbel" ("agaty" is also a stone): a woman's surname ending in a consonant is not declined
    if morph.also_common(first) and not after_role:
        return False
    if surname_follows and second_given and not second_given & morph.given_name_cases(first):
        return False
    cases = {c for _l, cs in morph.name_readings(first) for c in cs.split(".")}
    return any(c in cases for lemma, tag, q in morph.analyse(second) if "nazwisko" in q and "imię" not in q
               for c in tag.split(":")[2:3] if c != "nom")
