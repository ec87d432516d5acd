"""Polish morphology for speaker names, loaded lazily and cached per process.

``morfeusz2`` is used when importable (it ships its dictionary); otherwise ``simplemma``
(lemmas only); otherwise rules alone. Only the handful of words that make up speaker
descriptions are ever analysed, so the cost stays small next to the text scan.
"""

from __future__ import annotations

from functools import lru_cache

_MORF = None
_MORF_TRIED = False
_VERB_TAGS = frozenset({"fin", "praet", "impt", "inf", "imps", "bedzie", "pcon", "pant", "winien", "pred"})


def morfeusz():
    """The shared ``morfeusz2.Morfeusz`` instance, or None when morfeusz2 is not installed."""
    global _MORF, _MORF_TRIED
    if not _MORF_TRIED:
        _MORF_TRIED = True
        try:
            import morfeusz2

            _MORF = morfeusz2.Morfeusz(expand_tags=True)
        except Exception:  # not installed, or its dictionary failed to load
            _MORF = None
    return _MORF


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple:
    """Readings of one word as ``(lemma, tag, qualifiers)`` tuples; () without morfeusz2.

    The lemma loses morfeusz's homonym suffix (``Trump:Sm1`` -> ``Trump``).
    """
    m = morfeusz()
    if m is None or not word:
        return ()
    try:
        res = m.analyse(word)
    except Exception:
        return ()
    out = []
    for _s, _e, (_form, lemma, tag, quals, _q2) in res:
        if _s != 0:
            continue
        out.append((lemma.split(":", 1)[0], tag, tuple(quals)))
    return tuple(out)


@lru_cache(maxsize=65536)
def simple_lemma(word: str) -> str:
    """Lemma from simplemma (Polish), or the word itself when simplemma is missing."""
    try:
        import simplemma
    except Exception:
        return word
    try:
        return simplemma.lemmatize(word, lang="pl")
    except Exception:
        return word


@lru_cache(maxsize=65536)
def name_readings(word: str) -> list[tuple[str, str]]:
    """(lemma, case-list) pairs of readings that are person names (imię / nazwisko)."""
    out = []
    for lemma, tag, quals in analyse(word):
        if ("imię" in quals or "nazwisko" in quals) and tag.startswith("subst"):
            parts = tag.split(":")
            if parts[1:2] == ["pl"]:
                continue  # "Haliny", "Sowy": a name in the plural (several Halinas, the Sowa family) is no one speaker
            cases = ".".join(c for c in (parts[2] if len(parts) > 2 else "").split(".") if c != "voc")
            if not cases and len(parts) > 2:
                continue  # "Nino" read as the vocative of "Nina": news text does not address its speakers
            out.append((lemma, cases))
    return out


@lru_cache(maxsize=65536)
def word_class(word: str) -> str:
    """Coarse class of a capitalised word: 'name', 'place', 'inst', 'common', 'unknown', or ''."""
    readings = analyse(word)
    if not readings:
        return ""
    quals = set()
    lower_only = True
    # "Długo" is an adverb and the vocative of the surname "Długa": news text does not address its
    # speakers, so a vocative name reading beside an ordinary word's counts for nothing ("Nino" stays a name)
    common = any(lemma[:1].islower() for lemma, _tag, _q in readings)
    for lemma, tag, q in readings:
        if tag == "ign":
            return "unknown"
        if common and tag.split(":")[2:3] == ["voc"] and ("imię" in q or "nazwisko" in q):
            continue
        quals.update(q)
        if lemma[:1].isupper():
            lower_only = False
    if "imię" in quals or ("nazwisko" in quals and "nazwa_geograficzna" not in quals):
        return "name"
    if "nazwa_geograficzna" in quals:
        return "place"
    if "nazwa_instytucji" in quals or "nazwa_organizacji" in quals:
        return "inst"
    if lower_only:
        return "common"
    return "unknown"


@lru_cache(maxsize=65536)
def dictionary_word(word: str, lang: str) -> bool:
    """simplemma's dictionary for ``lang`` knows the (lowercase) word: an ordinary word, not
    only a name. False without simplemma."""
    try:
        import simplemma
    except ImportError:
        return False
    return simplemma.is_known(word, lang=lang)


@lru_cache(maxsize=65536)
def plural_verb(word: str) -> bool:
    """Some verb reading of ``word`` is plural ("mówią", "obiecywali")."""
    return any(tag.split(":")[0] in ("fin", "praet") and ":pl:" in tag + ":" for _l, tag, _q in analyse(word.lower()))


@lru_cache(maxsize=65536)
def also_common(word: str) -> bool:
    """morfeusz2 reads the word as a common noun too ("Wieczorem": "in the evening")."""
    return any("nazwa_pospolita" in q for _l, _t, q in analyse(word))


@lru_cache(maxsize=65536)
def is_nominative_possible(word: str) -> bool | None:
    """True/False when morfeusz knows the word as a noun/adjective, None when it does not."""
    readings = analyse(word)
    known = False
    for _lemma, tag, _q in readings:
        parts = tag.split(":")
        if parts[0] in ("subst", "adj", "depr", "ppas", "pact"):
            known = True
            if len(parts) > 2 and "nom" in parts[2].split("."):
                return True
    return False if known else None


@lru_cache(maxsize=65536)
def _participle_reading(word: str) -> tuple[str, str] | None:
    """(verb lemma, "ppas" or "pact") of the first adjectival-participle reading of ``word``."""
    return next(((lemma, tag.split(":")[0]) for lemma, tag, _q in analyse(word) if tag.startswith(("ppas:", "pact:"))), None)


def is_participle(word: str) -> bool:
    """An adjectival participle in some reading ("zbliżonego", "zaangażowanej")."""
    return _participle_reading(word) is not None


@lru_cache(maxsize=65536)
def adj_nominative(word: str, gender: str = "m") -> str:
    """Nominative singular of an adjective in ``gender`` ('m', 'f' or 'n'); the word when unknown.
    A compound ("polsko-niemieckiej") declines in its last part."""
    last = _compound_adjective_tail(word)
    if last is not None:
        return word[:-len(last)] + adj_nominative(last, gender)
    m = morfeusz()
    for lemma, tag, _q in analyse(word):
        if tag.startswith("adj"):
            if gender not in ("f", "n") or m is None:
                return lemma
            try:
                for form, _l, gtag, *_ in m.generate(lemma):
                    parts = gtag.split(":")
                    if parts[0] == "adj" and parts[1] == "sg" and "nom" in parts[2].split(".") and gender in parts[3].split(".") and parts[-1] == "pos":
                        return form
            except Exception:
                return lemma
            return lemma
    participle = _participle_reading(word)
    if participle is not None and m is not None:
        # "źródła zaznajomionego z …" -> "zaznajomione": a participle has no adjective lemma to fall back on
        want = "m1" if gender not in ("f", "n") else gender
        try:
            for form, _l, gtag, *_ in m.generate(participle[0]):
                parts = gtag.split(":")
                if parts[0] == participle[1] and parts[1] == "sg" and "nom" in parts[2].split(".") \
                        and want in parts[3].split(".") and parts[-1] == "aff":
                    return form
        except Exception:
            return word
    return word


# an adjective morfeusz2 does not know declines like a known one with the same suffix: a place's
# adjective ("Radzisławskiego", "Zielnowskiej", "Kościerzyńskiego") like "polskiego", "niemieckiego"
_ADJ_ANALOGUES = (("dzk", "ludz"), ("ck", "niemie"), ("sk", "pol"))
_ADJ_ENDINGS = frozenset({"i", "a", "ie", "iego", "iej", "im", "ich", "imi", "iemu", "ą"})


@lru_cache(maxsize=65536)
def guess_adj_nominative(word: str, gender: str = "m") -> str | None:
    """The nominative singular of an adjective morfeusz2 does not know, from its suffix
    ("radzisławskiego" -> "radzisławskie" in "n"); None for a known word or another suffix."""
    readings = analyse(word)
    if not readings or any(tag != "ign" for _l, tag, _q in readings):
        return None
    for suffix, stem in _ADJ_ANALOGUES:
        i = word.rfind(suffix)
        if i > 0 and word[i + len(suffix):] in _ADJ_ENDINGS:
            form = adj_nominative(stem + word[i:], gender)
            return word[:i] + form[len(stem):] if form.startswith(stem) else None
    return None


@lru_cache(maxsize=65536)
def plural_genitive_reading(word: str, pos: str, prefer: frozenset = frozenset()) -> tuple[str, str] | None:
    """(lemma, gender) of the first ``pos`` ("subst" or "adj") reading of ``word`` in the
    genitive plural, one whose lemma is in ``prefer`` first ("Wód": "woda", not "wóda"), then the
    masculine-personal one ("klientów" -> ("klient", "m1")); None."""
    readings = [(lemma, tag.split(":")) for lemma, tag, _q in analyse(word)]
    found = [(lemma, g) for lemma, parts in readings if parts[0] == pos and parts[1:2] == ["pl"] and len(parts) > 3
             and "gen" in parts[2].split(".") for g in parts[3].split(".")]
    found.sort(key=lambda r: (r[0] not in prefer, r[1] != "m1"))
    return found[0] if found else None


@lru_cache(maxsize=65536)
def genitive_numbers(word: str, pos: str) -> frozenset:
    """The numbers ("sg", "pl") in which ``word`` may be a ``pos`` ("subst", "adj") in the genitive
    ("linii": both; "lasów", "kolejowych": "pl" only)."""
    return frozenset(parts[1] for _lemma, tag, _q in analyse(word) if (parts := tag.split(":"))[0] == pos
                     and len(parts) > 2 and "gen" in parts[2].split("."))


def adj_plural_nominative(word: str, gender: str) -> str:
    """Nominative plural of an adjective agreeing with a noun of ``gender`` ("państwowych", "m3"
    -> "państwowe"); the word when morfeusz2 does not read it as an adjective."""
    lemma = next((lem for lem, tag, _q in analyse(word) if tag.startswith("adj:")), None)
    return plural_nominative(lemma, "adj", gender) if lemma else word


@lru_cache(maxsize=4096)
def plural_nominative(lemma: str, pos: str = "subst", gender: str = "") -> str:
    """The nominative plural of ``lemma`` as a ``pos``, in ``gender`` when given ("związkowiec"
    -> "związkowcy"; "torowy", "adj", "f" -> "torowe"); the lemma when morfeusz2 has none."""
    m = morfeusz()
    if m is None:
        return lemma
    try:
        forms = [form for form, _l, tag, *_ in m.generate(lemma) if (parts := tag.split(":"))[0] == pos
                 and parts[1:2] == ["pl"] and "nom" in parts[2].split(".")
                 and (not gender or gender in (parts[3].split(".") if len(parts) > 3 else ()))
                 and (pos != "adj" or parts[-1] == "pos")]
    except Exception:
        return lemma
    if not forms:
        return lemma
    # "organizatorzy", "dyrektorzy", "archeolodzy", not the rarer "organizatorowie", "archeologowie" morfeusz2 lists first
    return next((f for f in forms if (f.endswith("rzy") and f[:-3] + "rowie" in forms)
                 or (f.endswith("dzy") and f[:-3] + "gowie" in forms)), forms[0])


@lru_cache(maxsize=65536)
def common_lemma(word: str) -> str:
    """Lemma of a common noun (first substantive reading), else simplemma, else the word."""
    for lemma, tag, _q in analyse(word):
        if tag.startswith("subst"):
            return lemma
    if morfeusz() is None:
        return simple_lemma(word)
    return word


@lru_cache(maxsize=65536)
def vocative_name_lemma(word: str) -> str | None:
    """The nominative of a given name or surname that morfeusz2 reads only in the vocative
    ("Pani Joanno, mówiła pani …": the interviewer addresses Joanna), else None."""
    lemmas = [lemma for lemma, tag, quals in analyse(word)
              if ("imię" in quals or "nazwisko" in quals) and tag.split(":")[1:3] == ["sg", "voc"]]
    if not lemmas or name_readings(word):
        return None
    return lemmas[0]


@lru_cache(maxsize=65536)
def oblique_noun_lemma(word: str) -> str | None:
    """The nominative of a capitalised word that morfeusz2 reads only as an oblique singular noun
    (a common noun or a place, not a person's name): "Jastrzębcem" -> "Jastrzębiec", whose
    dropped "e" no ending rule restores; None where a reading is nominative or none is a noun.
    Neuter nouns are no surnames ("na Wzgórzu Dąbrowskiego": a hill)."""
    lemmas = []
    for lemma, tag, _q in analyse(word):
        parts = tag.split(":")
        if parts[0] != "subst" or parts[1:2] != ["sg"] or parts[3:4] == ["n"]:
            continue
        if "nom" in parts[2].split("."):
            return None
        lemmas.append(lemma)
    if not lemmas or lemmas[0][:3].lower() != word[:3].lower():
        return None
    return word[:1] + lemmas[0][1:]


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """Does morfeusz2 know ``word`` as a given name ("imię")?"""
    return any("imię" in q for _l, _t, q in analyse(word))


@lru_cache(maxsize=65536)
def place_locative(word: str) -> bool:
    """Does morfeusz2 read ``word`` as a place's name in the locative ("Krakowie", "Koninie")?"""
    return any("nazwa_geograficzna" in q and ":loc" in t for _l, t, q in analyse(word))


@lru_cache(maxsize=65536)
def given_name_cases(word: str) -> frozenset:
    """The cases in which ``word`` is one person's given name (singular readings only:
    "Piotrków" is a town, not many Piotreks)."""
    return frozenset(t.split(":")[2] for _l, t, q in analyse(word) if "imię" in q and t.startswith("subst:sg:"))


@lru_cache(maxsize=65536)
def given_name_genders(word: str, nominative: bool | None = None) -> frozenset:
    """The genders ("m", "f") ``word`` has as a given name, in the nominative or an oblique case
    only when ``nominative`` says which ("Krystiana": Krystian's genitive, or the woman's name)."""
    return frozenset("f" if parts[3] == "f" else "m" for _l, tag, q in analyse(word)
                     if "imię" in q and (parts := tag.split(":"))[0] == "subst" and len(parts) > 3
                     and (nominative is None or (parts[2] == "nom") == nominative))


@lru_cache(maxsize=65536)
def feminine_given_name(word: str) -> bool:
    """``word`` is a woman's given name in some case ("Beaty", "Anna")."""
    return any("imię" in q and tag.split(":")[3:4] == ["f"] for _l, tag, q in analyse(word))


@lru_cache(maxsize=65536)
def only_oblique_given_name(word: str) -> bool:
    """``word`` is known only as another given name in an oblique case ("Alemu": "Ali" in the
    dative), never as a nominative, a surname or a common word."""
    readings = analyse(word)
    return bool(readings) and all("imię" in q for _l, _t, q in readings) and "nom" not in given_name_cases(word)


@lru_cache(maxsize=65536)
def only_adverb(word: str) -> bool:
    """Every reading of ``word`` is an adverb or a particle ("Oficjalnie", "Wtedy")."""
    readings = analyse(word.lower())
    return bool(readings) and all(tag.startswith(("adv", "qub")) for _l, tag, _q in readings)


@lru_cache(maxsize=65536)
def is_adj(word: str) -> bool | None:
    """True when morfeusz reads ``word`` as an adjective/participle; None without morfeusz."""
    if morfeusz() is None:
        return None
    word = _compound_adjective_tail(word.lower()) or word
    return any(tag.startswith(("adj:", "ppas:", "pact:")) for _l, tag, _q in analyse(word.lower()))


def _compound_adjective_tail(word: str) -> str | None:
    """The declining last part of a compound adjective ("polsko-niemiecka" -> "niemiecka"), whose
    first part morfeusz2 reads as ``adja``; None for any other word."""
    first, dash, last = word.rpartition("-")
    if dash and first and last and any(tag == "adja" for _l, tag, _q in analyse(word)):
        return last
    return None


@lru_cache(maxsize=65536)
def can_be_gen(word: str) -> bool | None:
    """True when some noun/adjective reading of ``word`` is genitive; None without morfeusz."""
    if morfeusz() is None:
        return None
    word = _compound_adjective_tail(word.lower()) or word  # "warmińsko-mazurskiego": its last part declines
    readings = analyse(word) or ()
    if word[:1].isupper() and not readings:
        readings = analyse(word.lower())
    for _l, tag, _q in readings:
        parts = tag.split(":")
        if parts[0] in ("subst", "adj", "ppas", "pact", "depr") and len(parts) > 2 and "gen" in parts[2].split("."):
            return True
        if parts[0] == "ign":
            return None
    return False


@lru_cache(maxsize=65536)
def noun_gender(word: str) -> str:
    """'m', 'f' or 'n' of the first noun reading; '' when unknown."""
    for _l, tag, _q in analyse(word):
        parts = tag.split(":")
        if parts[0] == "subst" and len(parts) > 3:
            g = parts[3]
            if g.startswith("m"):
                return "m"
            if g.startswith("f"):
                return "f"
            if g.startswith("n"):
                return "n"
    return ""


@lru_cache(maxsize=65536)
def genitive(word: str, gender: str = "") -> str:
    """Genitive singular of a noun (or of an adjective agreeing with a ``gender`` m/f/n noun),
    keeping the capital letter; the word itself when morfeusz2 is missing or knows no form."""
    m = morfeusz()
    if m is None or not word:
        return word
    for lemma, tag, _q in analyse(word):
        parts = tag.split(":")
        if parts[0] not in ("subst", "adj") or len(parts) < 4 or "nom" not in parts[2].split("."):
            continue
        g = gender or ("f" if parts[3] == "f" else "n" if parts[3].startswith("n") else "m")
        try:
            forms = m.generate(lemma)
        except Exception:
            return word
        for form, _l, gtag, *_ in forms:
            gp = gtag.split(":")
            if gp[0] == parts[0] and len(gp) > 3 and gp[1] == "sg" and "gen" in gp[2].split(".") and any(x.startswith(g) for x in gp[3].split(".")) \
                    and (gp[0] != "adj" or gp[-1] == "pos"):  # "ważnej", not "najważniejszej"
                return form[:1].upper() + form[1:] if word[:1].isupper() else form
        return word
    return word


@lru_cache(maxsize=65536)
def first_or_second_person(word: str) -> bool:
    """Some reading of ``word`` is in the first or second person ("zrobimy", "jesteście",
    "nas", "-śmy"): the speaker's own voice, not a narrator's. False without morfeusz2.

    Every segment counts, not only the first: morfeusz splits "dostaliśmy" into a past form
    and the agglutinate "śmy", and only the agglutinate carries the person."""
    m = morfeusz()
    if m is None or not word:
        return False
    try:
        res = m.analyse(word.lower())
    except Exception:
        return False
    return any(":pri" in tag or ":sec" in tag for _s, _e, (_f, _l, tag, *_rest) in res)


def past_verb(word: str) -> bool:
    """A past-tense verb form ("zwrócił", "złożyła")."""
    return _has_tag(word, ("praet",))


@lru_cache(maxsize=65536)
def is_place_name(name: str) -> bool:
    """A one-word name morfeusz2 knows as a geographic name ("Poznań"; a name of two words is a person's)."""
    return " " not in name and bool(place_lemmas(name))


@lru_cache(maxsize=65536)
def place_lemmas(word: str, oblique_only: bool = False) -> frozenset:
    """The places ``word`` names to morfeusz2 ("Płocka" -> {"Płock"}); none, when ``oblique_only``,
    for a word that one of them reads as a nominative."""
    places = [(lemma, tag) for lemma, tag, q in analyse(word) if "nazwa_geograficzna" in q]
    if oblique_only and any(":nom" in tag for _l, tag in places):
        return frozenset()
    return frozenset(lemma for lemma, _t in places)


@lru_cache(maxsize=65536)
def surname_reading(word: str) -> bool:
    """Does morfeusz2 know ``word`` as a surname in some reading ("Lis", "Gąsior")?"""
    return any("nazwisko" in q for _l, _t, q in analyse(word))


@lru_cache(maxsize=65536)
def first_person_verb(word: str) -> bool:
    """A verb in the first person and nothing else ("spotykamy", "pytam"; not "problemy")."""
    readings = analyse(word)
    return bool(readings) and all(tag.startswith("fin:") and ":pri" in tag for _l, tag, _q in readings)


def finite_verb(word: str) -> bool:
    """A finite verb form, present or past ("szanuje", "zwrócił")."""
    return _has_tag(word, ("fin", "praet"))


def quantified_subject_verb(word: str) -> bool:
    """A verb a numeral's group takes as its subject: the third person singular, neuter in the
    past ("kilkunastu mieszkańców rozwinęło transparent", "wielu rolników ma dość")."""
    return _has_tag(word, ("praet:sg:n", "fin:sg:ter"))


def _person_genitive_readings(word: str) -> list[tuple[str, str]]:
    return [(lem, tag) for lem, tag, _q in analyse(word)
            if tag.startswith("subst:") and ":gen" in tag and tag.split(":")[3:4] == ["m1"] and lem[:1].islower()]


@lru_cache(maxsize=65536)
def person_genitive(word: str) -> bool:
    """A common noun for a person (masculine-personal) in the genitive ("archeologów",
    "śledczych", "biegłego"; not "danych", "szacunków", "samorządu")."""
    return bool(_person_genitive_readings(word))


def person_nominative(word: str) -> str | None:
    """The nominative of a person's noun in the genitive, in its number ("archeologów" ->
    "archeolodzy", "biegłego" -> "biegły"), else None."""
    readings = _person_genitive_readings(word)
    if not readings:
        return None
    lemma, tag = readings[0]
    return plural_nominative(lemma, "subst", "m1") if tag.split(":")[1] == "pl" else lemma


@lru_cache(maxsize=65536)
def participle_genitive_plural(word: str) -> bool:
    """An active or passive participle in the genitive plural ("siedzących", "zgromadzonych")."""
    return any(tag.startswith(("pact:pl:gen", "ppas:pl:gen")) for _l, tag, _q in analyse(word))


@lru_cache(maxsize=65536)
def _has_tag(word: str, prefixes: tuple[str, ...]) -> bool:
    return any(tag.startswith(prefixes) for _l, tag, _q in analyse(word))


def _forms(word: str, pos: str) -> set:
    """(number, case, gender) of every ``pos`` reading of the word."""
    out = set()
    for _l, tag, _q in analyse(word):
        parts = tag.split(":")
        if parts[0] == pos and len(parts) >= 4:
            out.update((parts[1], c, g) for c in parts[2].split(".") for g in parts[3].split("."))
    return out


@lru_cache(maxsize=65536)
def modifies(noun: str, word: str) -> bool:
    """``word`` (an adjective or a participle: "emerytowana", "bieżącym") agrees with the noun in
    number, case and gender in some reading."""
    nouns = _forms(noun, "subst")
    return any(nouns & _forms(word, pos) for pos in ("adj", "ppas", "pact"))


@lru_cache(maxsize=65536)
def agrees(noun: str, adj: str) -> bool:
    """The adjective agrees with the noun in number, case and gender in some reading ("audycji
    radiowej"; a compound in its last part: "Izby Przemysłowo-Handlowej"), so it may qualify that noun."""
    return bool(_forms(noun, "subst") & _forms(_compound_adjective_tail(adj) or adj, "adj"))


def noun_object(word: str) -> bool:
    """A common noun that may be an accusative object ("szczegóły", "sprawę")."""
    return any(tag.startswith("subst:") and "acc" in tag.split(":")[2].split(".") and not lemma[:1].isupper()
               for lemma, tag, _q in analyse(word) if tag.count(":") >= 2)


@lru_cache(maxsize=65536)
def nominative_noun(word: str) -> bool:
    """A common noun that may be a nominative and is never a verb ("mąż", "córka")."""
    readings = analyse(word)
    return any(tag.startswith("subst:") and "nom" in tag.split(":")[2].split(".") and not lemma[:1].isupper()
               for lemma, tag, _q in readings if tag.count(":") >= 2) \
        and not any(tag.split(":")[0] in _VERB_TAGS for _l, tag, _q in readings)


@lru_cache(maxsize=65536)
def common_noun_cases(word: str) -> frozenset:
    """Cases of a word morfeusz2 reads only as a singular common noun ("Omar", "Dalii", "Kerem"),
    which a foreign given name may be; empty for any other word ("Wczoraj" is also an adverb)."""
    readings = analyse(word)
    cases: set = set()
    for lemma, tag, _q in readings:
        parts = tag.split(":")
        if parts[0] != "subst" or "ncol" in parts or lemma[:1].isupper():
            return frozenset()
        if parts[1] == "sg":
            cases.update(parts[2].split("."))
    cases.discard("voc")
    return frozenset(cases)


@lru_cache(maxsize=65536)
def surname_cases(word: str) -> frozenset | None:
    """Cases of ``word`` as a surname when morfeusz2 knows it only as one; None when it does not
    know it at all (a foreign surname, any case); empty when it may be another word too ("Gazy")."""
    readings = analyse(word)
    if any(tag == "ign" for _l, tag, _q in readings):
        return None
    if not all("nazwisko" in quals for _l, _t, quals in readings):
        return frozenset()
    return frozenset(c for _l, tag, _q in readings if tag.startswith("subst:sg") for c in tag.split(":")[2].split(".") if c != "voc")


_VERB_OR_ADJECTIVE = ("adj", "praet", "fin", "ppas", "pact")


def _masculine_personal_nominative(w: str, number: str) -> bool:
    """A common noun of the masculine-personal gender in the nominative (``number`` sg or pl)
    that morfeusz2 never reads as a verb or an adjective."""
    want = f"subst:{number}:nom"
    return any(tag.startswith(want) and tag.split(":")[3:4] == ["m1"] and lem[:1].islower() for lem, tag, _q in analyse(w)) \
        and not _has_tag(w, _VERB_OR_ADJECTIVE)


@lru_cache(maxsize=65536)
def person_singular(w: str) -> bool:
    """A Polish common noun in the nominative singular of the masculine-personal gender
    ("dyspozytor", "anestezjolog", "górnik"): a person, whom the text may quote by that noun
    though the role lexicon does not list it (nor a gerund or an infinitive)."""
    return _masculine_personal_nominative(w, "sg") and not _has_tag(w, ("ger", "inf"))


# feminine role nouns morfeusz2 lacks, by the masculine noun they are made from ("glacjolożka" from
# "glacjolog", "chirurżka" from "chirurg"): nominative singular endings, feminine -> masculine
_FEMININE_ENDINGS = (("lożka", "log"), ("rżka", "rg"))


@lru_cache(maxsize=65536)
def unknown_feminine_person(w: str) -> bool:
    """A word morfeusz2 does not know that is the feminine of a noun for one person
    ("Glacjolożka po powrocie …": a role, not a name)."""
    low = w.lower()
    if any(tag != "ign" for _l, tag, _q in analyse(low)):
        return False
    return any(low.endswith(fem) and person_singular(low[: -len(fem)] + masc) for fem, masc in _FEMININE_ENDINGS)


@lru_cache(maxsize=65536)
def persons_plural(w: str) -> bool:
    """A Polish common noun in the nominative plural of the masculine-personal gender
    ("rezydenci", "lekarze", "związkowcy"): people, who may speak as a group."""
    return _masculine_personal_nominative(w, "pl")


@lru_cache(maxsize=65536)
def persons_plural_adjective(w: str) -> bool:
    """An adjective or participle in the nominative plural of the masculine-personal gender
    ("protestujący", "zgromadzeni"): people, when it stands alone as a verb's subject."""
    return any(tag.startswith(("adj:pl:nom:m1", "ppas:pl:nom:m1", "pact:pl:nom:m1")) for _l, tag, _q in analyse(w))


@lru_cache(maxsize=65536)
def past_singular(w: str) -> bool:
    """Some reading of ``w`` is a past-tense verb in the singular ("radziłem", "byłam")."""
    return any(tag.startswith("praet:sg:") for _l, tag, _q in analyse(w))


@lru_cache(maxsize=65536)
def person_singular_oblique(w: str) -> bool:
    """A common noun for one person of the masculine-personal gender in an oblique case only
    ("arcymistrza", "Rosjanina"; not "nabywców", a plural, nor "mistrz")."""
    readings = [tag.split(":") for _l, tag, _q in analyse(w)]
    nouns = [p for p in readings if p[0] == "subst" and len(p) > 3]
    return bool(nouns) and all(p[1] == "sg" and p[3] == "m1" and "nom" not in p[2].split(".") for p in nouns) \
        and not _has_tag(w, _VERB_OR_ADJECTIVE)


@lru_cache(maxsize=65536)
def may_be_person(w: str) -> bool:
    """Some reading of ``w`` is of the masculine-personal gender ("druhowie", "mąż")."""
    return any(tag.split(":")[3:4] == ["m1"] for _l, tag, _q in analyse(w))


@lru_cache(maxsize=4096)
def nominative_noun_only(word: str) -> bool:
    """``word`` (lowercase) reads as a noun in the nominative (or an adjective's, "oskarżony")
    and never as a verb or an adverb ("opozycja", "agronomka"; not "przypomnijmy", "krótko");
    True without morfeusz2 (no evidence against it)."""
    readings = analyse(word)
    if not readings:
        return morfeusz() is None
    tags = [tag.split(":") for _lemma, tag, _q in readings]
    if any(t[0] in _VERB_TAGS or t[0] in ("adv", "qub", "conj") for t in tags):
        return False
    return any(t[0] in ("subst", "adj") and "nom" in t for t in tags)
