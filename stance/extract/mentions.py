"""Mentions: every phrase that may name a speaker (a person, a role, an institution), as ``Ref``.

``make_ref`` turns a speaker phrase into a ``Ref`` (canonical string, role head, gender);
``collect_mentions`` walks the main clause of every sentence for subjects (antecedents of
pronouns and omitted subjects), names (for the fullest form of a surname) and roles linked
to a name by apposition (``rzecznik Kremla Dmitrij Pieskow``, ``the fisheries minister,
Alasdair Craigmyle,``), which later resolve a bare role to the person.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import compress
from operator import and_

from stance.extract.apposition_gaps import (adverb_gap, age_gap, and_between, coordinated_complement_gap, modifier_gap, number_gap,
                                           only_commas, quoted_name_gap, rank_gap, self_naming)
from stance.extract.clauses import question_end
from stance.extract.marks import DASHES, GENITIVE_S
from stance.extract.morph import can_be_gen, common_lemma, given_name_genders, is_given_name, is_nominative_possible, nominative_noun, place_locative, surname_reading
from stance.extract.morph import is_adj as is_adjective
from stance.extract.phrases import stamp_phrase
from stance.extract.segment import Segments
from stance.extract.phrases import NP
from stance.extract.words import Tokens, function_words


@dataclass(frozen=True)
class Ref:
    """A mention of a possible speaker at character ``pos``: a person's name, a role or an
    institution (``kind`` name | title | inst)."""

    pos: int
    speaker: str
    kind: str
    gender: str = ""
    head: str = ""  # lemma of the role noun (roles and named people with a role)
    vague: bool = True  # a role without complement ("rzecznik", "francuski minister")
    epithet: bool = False
    mods: tuple = ()  # lowercase words before the role noun
    comp: tuple = ()  # lowercase words after the role noun
    subject: bool = True
    person: str | None = None  # the name attached to a role
    role: str = ""  # the role description of a named person ("minister finansów")
    end: int = 0
    owner: str = ""  # gender of a possessive before a bare role ("Jej rzeczniczka": f)
    agreed: bool = False  # the gender is a verb's agreement, not the role noun's own ("Minister powiedział")
    partitive: bool = False  # one of a group ("jeden z dyplomatów", read "dyplomata"): nobody named


def word_map(toks: Tokens, role: str) -> dict[str, str]:
    """A function-word role written ``word=value`` (``jego=m``) as a dict (read once per language)."""
    return _word_map(toks.lex.lang, role)


@cache
def _word_map(lang: str, role: str) -> dict[str, str]:
    return dict(p.split("=") for p in function_words(lang).get(role, ()))


def _role_tail_closes(toks: Tokens, t: int) -> bool:
    """A role's tail from token ``t`` ("of the Thames Valley Chamber of Commerce.") runs to a
    closing punctuation mark with no verb on the way: the role phrase closes there."""
    if toks.lows[t] not in toks.fw.get("role_tail_prep", ()):
        return False
    for q in range(t + 1, min(len(toks.words), t + _ROLE_TAIL_MAX)):
        if toks.words[q] in ",;.)":
            return True
        if toks.kind(q) in ("cue", "rel", "comp", "quoted") or toks.lows[q] in toks.verb_words:
            return False
    return False


_ROLE_TAIL_MAX = 12  # tokens of "of the Thames Valley Chamber of Commerce"


def _family_name(toks: Tokens, head_tok: int) -> str:
    """' Doyle' when the kin noun at ``head_tok`` follows a surname's possessive ("Mr Doyle's
    mother"), else "" (a given name's possessive, "Kieran's mother", tells no surname)."""
    if head_tok == 0:
        return ""
    owner = toks.words[head_tok - 1]
    if not owner.endswith(GENITIVE_S) or not owner[:1].isupper():
        return ""
    surname = owner[:-2]
    return "" if toks.given_name(surname) else " " + surname


def make_ref(toks: Tokens, np: NP, oblique: bool, speaker: str | None = None, subject: bool = True,
             gender: str = "") -> Ref | None:
    """The mention a phrase stands for (None when it yields no speaker string). ``gender``
    overrides the phrase's own for a role or a name (the verb's agreement says it)."""
    if speaker is None:
        if np.kind == "inst" and not oblique and toks.lex.rules.case_marked and is_adjective(toks.lows[np.start]) \
                and is_nominative_possible(toks.lows[np.start]) is False:
            oblique = True  # "alert Rządowego Centrum Bezpieczeństwa": a genitive, whatever its place
        speaker = toks.canonical(np, oblique)
    if not speaker:
        return None
    if np.kind == "name" and not np.titles and np.end - np.start >= 2 and toks.words[np.end - 1] in toks.fw.get("street_word", ()) \
            and not toks.given_name(toks.words[np.start]):
        return None  # "Larch Close", "Tanners Lane": a street, no person ("Marcus Lane" is one)
    pos, end = toks.starts[np.start], toks.ends[np.end - 1]
    agreed = bool(gender) and np.kind in ("title", "name")
    gender = gender if agreed else np_gender(toks, np)
    if not np.titles:
        if np.kind in ("name", "inst") and speaker in toks.lex.demonyms and toks.lows[np.end - 2] in toks.fw.get("article", ()):
            # "the Italian said": a person named before, by nationality (an epithet, as "Norweg")
            return Ref(pos, speaker, "title", gender, speaker, True, True, subject=subject, end=end)
        if np.kind == "inst":
            speaker = speaker + _quoted_name(toks, np.end)  # "Wolny Związek Zawodowy „Rama”"
        return Ref(pos, speaker, np.kind, gender=gender, subject=subject, end=end)
    lex, rules = toks.lex, toks.lex.rules
    head_tok = toks.head(np)
    word = toks.words[head_tok].lower()
    info = lex.titles.get(word)
    head = info[0] if info else word
    head = lex.role_base.get(head, head)  # "wiceministra" and "wiceminister": one head for coreference
    if rules.singular_role_heads and head.endswith("s") and head[:-1] in lex.titles:
        head = head[:-1]
        gender = gender or "pl"  # "drivers": a group, never the "she" of a later sentence
    elif np.kind == "title" and (np.group >= 0 or not np.partitive and lex.plural_role(word)):
        gender = "pl"  # "lekarzy", "związkowcy": likewise
    mods = tuple(toks.words[t].lower() for t in np.titles if t < head_tok and toks.words[t][0].isalnum())
    comp = tuple(toks.words[t].lower() for t in np.titles if t > head_tok and toks.words[t][0].isalnum())
    if np.kind == "name" and head in toks.fw.get("governing_body", ()) and not any(is_given_name(toks.words[t]) for t in np.names):
        # "Zarząd Kraspolu", "sztab Hałasa", "biuro prasowe Enerwis Dystrybucji": a body's organ, named by its owner
        role = toks.title_string(NP(np.start, np.titles[-1] + 1, "title", titles=np.titles), oblique)
        # (the owner's name as written from the role on: "Ministerstwa Rolnictwa i Rozwoju Wsi" keeps its "i")
        return Ref(pos, f"{role}{toks.text[toks.ends[np.titles[-1]]:end]}", "inst", gender=gender, subject=subject, end=end)
    name_tok = _institution_name(toks, np, head_tok) if np.kind in ("title", "name") and head in lex.org_lemmas else None
    if name_tok is not None:
        return Ref(pos, toks.text[toks.starts[name_tok]:end], "inst", gender=gender, subject=subject, end=end)
    owner = ""
    if rules.case_marked and np.kind == "title" and not comp and np.start > 0 and toks.kind(np.start - 1) == "possessive":
        owner = word_map(toks, "possessive_gender").get(toks.lows[np.start - 1], "")
    person, role = None, ""
    if np.kind == "name":
        # a name after a role noun in its base form agrees with it: "rzecznik RSF Adam Idris Musa"
        person = toks.name_string(np.names, oblique, after_base_role=bool(info) and info[0] == word)
        if len(np.names) == 1 and word in toks.fw.get("kin_noun", ()):
            person += _family_name(toks, head_tok)  # "Mr Doyle's mother Bernadette": Bernadette Doyle
        speaker = person
        role = toks.title_string(NP(np.start, np.titles[-1] + 1, "title", titles=np.titles), oblique)
    if np.partitive or np.group >= 0:  # "jeden z dyplomatów", "kilku dyplomatów": never a person named elsewhere
        return Ref(pos, speaker, np.kind, gender, head, False, False, mods, comp, subject, None, "", end, partitive=np.partitive)
    # a group ("Związkowcy zapowiadają") is no epithet for one person named before
    epithet = bool(info and len(info) > 3 and info[3]) and not lex.plural_role(word)
    if np.kind == "title" and _aged(toks, np.start, head_tok + 1):
        # "the 24-year-old", "29-latek", "the 49-year-old Dutch diplomat": a person named before,
        # by age (not "a 52-year-old farmer", who is introduced)
        epithet = epithet or (toks.lows[np.start] not in toks.fw.get("indefinite_article", ()) and (
            word in toks.fw.get("age_noun", ()) or not comp))
    return Ref(pos, speaker, np.kind, gender, head, not comp, epithet,
               mods, comp, subject, person, role, end, owner, agreed)


def _honorific_role(toks: Tokens, np: NP) -> str:
    """The role an abbreviated rank before a name stands for ("ks." -> "ksiądz"; ``honorific_role``), else ""."""
    roles = word_map(toks, "honorific_role")
    ranks = toks.fw.get("honorific", ())
    first = next((t for t in np.names if toks.lows[t] not in ranks), np.start)  # ("Gov. Renée Thibodeaux": the rank in the name)
    a = np.start
    while a > 0 and np.start - a < 4 and (toks.words[a - 1] == "." or toks.lows[a - 1] in ranks):
        a -= 1  # the chunk may start at the name, after its ranks ("jest prof. Andrzej Wolański")
    return next((roles[toks.lows[t]] for t in range(a, first) if toks.lows[t] in roles), "")


def _second_role(toks: Tokens, np: NP) -> str:
    """A role noun in the nominative right before a name that follows another role ("Przewodniczący
    składu sędzia Ireneusz Madej": "sędzia"), else ""."""
    if not toks.lex.rules.case_marked or len(np.titles) < 2 or not np.names or np.titles[-1] + 1 != np.names[0]:
        return ""  # (without case, "the union's chief negotiator Paul Henare" is no apposition of two roles)
    last = np.titles[-1]
    info = toks.lex.titles.get(toks.lows[last])
    if toks.kind(last) != "title" or info is None or not toks.title_nominative(last) or last == toks.head(np):
        return ""
    return toks.lex.role_base.get(info[0], info[0])


def _aged(toks: Tokens, a: int, b: int) -> bool:
    """Do tokens ``[a, b)`` hold an age ("24-year-old", "29-latek")?"""
    return any(toks.age_noun_at(t) for t in range(a, b))


def _body_in_role(toks: Tokens, np: NP) -> Ref | None:
    """The institution a role's genitive complement names, in the nominative ("synoptyk Instytutu
    Meteorologii i Gospodarki Wodnej" -> "Instytut Meteorologii i Gospodarki Wodnej", "rzecznik
    Komendy Wojewódzkiej Policji w Opolu"): a body named only there is still named before."""
    head = toks.head(np)
    first = next((t for t in np.titles if t > head and toks.kind(t) == "inst"), None)
    if first is None:
        return None
    words = toks.words
    if first - 1 > head and words[first - 1][:1].isupper() and is_adjective(toks.lows[first - 1]):
        first -= 1  # "Ogólnopolskiego Związku Zawodowego Lekarzy"

    # the person the role names after the body ("Ministerstwa Handlu He Jiayi"), not a place read as a name
    person = set(np.names) if np.names and (is_given_name(words[np.names[0]]) or toks.name_case(np.names[0]) != "obl") else set()

    def in_name(t: int) -> bool:  # a capitalised word of the body's name, not the person's after it
        return words[t][:1].isupper() and t not in person and not (toks.kind(t) == "name" and (
            is_given_name(words[t]) or toks.name_case(t) != "obl" and not can_be_gen(toks.lows[t])))
        # ("Komitetu Protestacyjnego Rolników Ziemi Nadwarciańskiej": common nouns' genitives are the name's)

    end = first
    while end < len(words) and end - first < _BODY_NAME_MAX:
        if in_name(end):
            end += 1
        elif toks.lows[end] in _BODY_NAME_JOINERS and end + 1 < len(words) and (
                in_name(end + 1) or toks.kind(end + 1) == "place" or words[end + 1][:1].isupper() and place_locative(words[end + 1])):
            end += 2  # "… Policji w Opolu", "Instytutu Meteorologii i Gospodarki Wodnej", "w Tomaszowie Lubelskim" (not "Tomasze")
        else:
            break
    if end - first < 2:
        return None
    speaker = toks.canonical(NP(first, end, "inst", inst=list(range(first, end))), True)
    if not speaker:
        return None
    return Ref(toks.starts[first], speaker + _quoted_name(toks, end), "inst", subject=False, end=toks.ends[end - 1])


_BODY_NAME_MAX = 10  # tokens of a body's name inside a role
_BODY_NAME_JOINERS = frozenset({"i", "w", "we", "na", "do"})


def _quoted_name(toks: Tokens, t: int) -> str:
    """An institution's own name in quotation marks right after it (" „Rama”"), as written, with
    the space before it; "" when none."""
    if t == 0 or t >= len(toks.words) or toks.starts[t] - toks.ends[t - 1] != 1:
        return ""
    end = toks.quoted_name_end(t, len(toks.words), ends_phrase=False)
    return " " + toks.text[toks.starts[t]:toks.ends[end - 1]] if end > t else ""


def _institution_name(toks: Tokens, np: NP, head_tok: int) -> int | None:
    """The first token of an institution's own name after the common noun that heads ``np``:
    right after it ("czeska spółka Severochem", "miejska spółka Tramwaje Bydgoskie"), or a
    name after its genitive complement ("organizacja rolników Copa-Cogeca"); None when the
    capitalised word is the owner in the genitive ("rząd Słowacji"), a place, or an adjective
    of the name itself."""
    words = toks.words
    if not all(is_adjective(toks.lows[t]) for t in np.titles if t < head_tok):
        return None  # "wiceprzewodnicząca związku Iwona Sadowska": a role the lexicon lacks heads it
    for t in range(head_tok + 1, np.end):
        if not words[t][:1].isupper():
            continue
        if is_adjective(toks.lows[t]):
            return None  # "sąd Okręgowy": the noun opens the name itself
        if t == head_tok + 1 and is_nominative_possible(words[t]) is not False:
            return t
        return t if toks.kind(t) == "name" else None
    return None


def np_gender(toks: Tokens, np: NP) -> str:
    """m, f or "" for a phrase: a given name's gender, the role noun's, or a role's ending."""
    if np.kind == "name" and np.names:
        before = np.start - 1 - (np.start > 1 and toks.words[np.start - 1] == ".")  # "Ms. Mistry"
        address = word_map(toks, "honorific_gender").get(
            toks.lows[np.names[0]] if len(np.names) > 1 else toks.lows[before] if before >= 0 else "")
        if address:
            return address  # "Mrs Doyle" ("Mrs" in the phrase or just before it)
        given = toks.lex.given_gender.get(toks.lows[np.names[0]]) if len(np.names) > 1 else None
        if given:
            return given  # "Priya Raman", "Trevor Marsh"
        first = toks.words[np.names[0]]
        # (a lone word that is a surname too says nothing: "Lis uważa" is Krystian Lis, not a woman
        # named Lis; a name the English list gives both genders, "Lee Hebblethwaite", is neither)
        genders = given_name_genders(first) if given is None and (len(np.names) > 1 or not surname_reading(first)) else frozenset()
        if len(genders) == 1:
            return next(iter(genders))
    gender = toks.gender_of(np)
    if gender:
        return gender
    if np.kind == "title":
        word = toks.words[toks.head(np)].lower()
        for suffix, value in _gender_suffixes(toks.lex.lang):
            if word.endswith(suffix):
                return value
    return ""


@cache
def _gender_suffixes(lang: str) -> tuple[tuple[str, str], ...]:
    """Role-noun endings that give a gender, longest first ("spokeswoman" ends with "man" too)."""
    pairs = dict(p.split("=") for p in function_words(lang).get("gender_suffix", ()))
    return tuple(sorted(pairs.items(), key=lambda kv: -len(kv[0])))


@dataclass(frozen=True, eq=False)
class Mentions:
    """Mentions sorted by position, with the indexes coreference reads."""

    mentions: tuple[Ref, ...]
    positions: tuple[int, ...]
    links_by_head: dict  # role head -> roles linked to a person, by position
    roles_by_head: dict  # role head -> unnamed specific roles, by position
    content_names: tuple[Ref, ...]  # full names met inside reported clauses (not subjects)
    inst_full: dict  # last words of an institution -> its fullest name

    def before(self, pos: int, reach: int) -> Iterator[Ref]:
        """The mentions that start before ``pos``, nearest first, at most ``reach`` of them."""
        k = bisect.bisect_left(self.positions, pos)
        return reversed(self.mentions[max(0, k - reach):k])

    def after(self, pos: int, reach: int) -> tuple[Ref, ...]:
        """The mentions that start after ``pos``, nearest first, at most ``reach`` of them."""
        k = bisect.bisect_right(self.positions, pos)
        return self.mentions[k:k + reach]


def collect_mentions(seg: Segments, events) -> Mentions:
    """Every speaker-like phrase of the main clauses (what follows "że"/"that" or a colon is
    reported content), and roles linked to names; ``events`` are the cue events (their named
    speakers with a role are links too)."""
    toks = seg.tokens
    rules = toks.lex.rules
    mentions: list[Ref] = []
    role_links: list[Ref] = []
    content_names: list[Ref] = []
    kinds, words = toks.kinds, toks.words
    # tokens that start two name words in a row: the only places a full name can begin, found
    # once here instead of walking every token of every reported clause
    is_name = list(map("name".__eq__, kinds))
    pairs = list(compress(range(len(kinds) - 1), map(and_, is_name, is_name[1:])))
    bylines = toks.fw.get("byline", frozenset())
    copulas = toks.fw.get("copula", frozenset())
    employer_preps = toks.fw.get("employer_prep", frozenset())
    role_copulas = toks.fw.get("role_copula", frozenset())
    copula_adverbs = toks.fw.get("role_copula_adverb", frozenset())
    absolute_preps = toks.fw.get("absolute_prep", frozenset())
    collective_nouns = toks.fw.get("collective_noun", frozenset())
    for sent in seg.sentences:
        if _byline(toks, sent, bylines):
            continue
        main_end = sent.t1
        for seq, item in ((kinds, "comp"), (words, ":")):
            try:
                at = seq.index(item, sent.t0, main_end)
            except ValueError:
                continue
            if item == ":" and words[sent.t0] in DASHES and any(w in DASHES for w in words[at + 1:sent.t1]):
                continue  # "– … i mówię: patrz, … – mówi Stanisław Gąsior, od 18 lat prezes": the speech's colon
            main_end = min(main_end, at)
        if main_end < sent.t1:
            content_names += _content_names(toks, sent, main_end, pairs)
        first_subject = True
        named_subject: Ref | None = None  # the clause's subject when it is a named person
        prev: tuple[NP, int] | None = None  # the previous phrase and its index in ``mentions``
        closed = question_end(toks, sent, main_end)  # the question a sentence opens with is no main clause
        start = toks.opening(sent)  # after a time stamp or a dateline
        for np in toks.chunks(start, main_end):
            if closed is not None and np.start < closed:
                # "Pytany o apel radnej Ostrowskiej, odparł": a person the question names is no
                # subject, but a role named with its holder there still says who holds it
                if np.kind == "name" and np.titles:
                    ref = make_ref(toks, np, True, subject=False)
                    if ref is not None and ref.person and ref.head:
                        role_links.append(ref)
                if np.kind == "name" and len(np.names) >= 2:
                    # ("Asked by MP Owen Pritchard whether …": his full name for a later "Pritchard replied")
                    ref = make_ref(toks, np, rules.case_marked and np.in_pp, subject=False)
                    if ref is not None and ref.kind == "name":
                        content_names.append(ref)
                continue
            if np.kind == "pron" and rules.subject_first and not np.in_pp:
                first_subject = False  # "She does not blame the government": the pronoun is the subject
            if np.kind not in ("name", "title", "inst") or stamp_phrase(toks, np):
                continue
            subject = not np.in_pp and not np.in_rel and np.nominative
            if np.start == sent.t0 and np.kind == "name" and not np.in_pp and (
                    np.nominative or np.end >= len(words) or toks.kind(np.end) != "cue"):
                # a sentence-initial name is the topic ("Borowcowi nie podoba się"), but an oblique one
                # right before a cue verb is its hearer ("Posłance Gąsior-Wronie odpowiedziała")
                subject = True
            if subject and rules.genitive_s and np.kind == "name" and np.end + 2 < main_end \
                    and words[np.end - 1].endswith(GENITIVE_S) and toks.kind(np.end) in ("word", "title") \
                    and words[np.end + 1] == "," and toks.kind(np.end + 2) == "name":
                # "Mrs Collis’s son, Graham Collis, 44, read …": the possessor of a person named in
                # apposition is no subject (but "Graham Pennock's left hand shakes when he …" is his)
                subject = False
            if subject and not first_subject and rules.subject_first:
                subject = False  # subject-verb order: only the first subject counts
            if subject and np.start > start and toks.lows[np.start - 1] in copulas \
                    and not (first_subject and toks.kind(start) == "prep" and np.kind == "name" and not np.titles
                             and toks.given_name(toks.words[np.start])):
                # "half of his passengers were Kyrgyz": the complement of "be" (but "Among those
                # targeted was Arthur Penrose": a fronted phrase inverts the clause, he is its subject)
                subject = False
            if subject and np.kind == "title" and toks.institution_noun(toks.head(np)):
                subject = False  # "o ile zarząd przedstawi ofertę": an institution a later "Zarzucił" is not (it counts when it speaks)
            if subject and not first_subject and np.kind == "inst" and all(toks.kind(t) == "place" for t in np.inst):
                subject = False  # "Jan Lis odwiedził Gdańsk": a place after the subject is its object
            owned = rules.case_marked and np.kind == "title" and _owner_of_noun(toks, np)
            if owned:
                subject = False  # "Stanisław Mazurek, mąż sołtyski,": the role a common noun is named by
            ref = make_ref(toks, np, owned or not np.nominative or (np.in_pp and rules.case_marked), subject=subject)
            if ref is None:
                continue
            if ref.kind == "title" and not ref.person and np.start == start and rules.subject_first:
                held = _fronted_role_holder(toks, np, mentions)
                if held is not None:
                    ref = replace(ref, person=held)  # "A senior lecturer in German, she has taught …": she, named before
                    role_links.append(ref)
            if ref.kind == "name" and np.start >= 2 and toks.lows[np.start - 1] in employer_preps and toks.kind(np.start - 2) == "title":
                ref = replace(ref, kind="inst", gender="")  # "principal analyst at Meridian Insight": the employer, no person
            if subject:
                first_subject = False
                if ref.kind == "name" and named_subject is None:
                    named_subject = ref
            # apposition: "the fisheries minister, Alasdair Craigmyle," / "Sandrine Malaterre, secretary general"
            if prev is not None and (only_commas(words, prev[0].end, np.start) or (
                    ref.kind == "name" and mentions[prev[1]].kind == "title" and (
                        modifier_gap(toks, prev[0].end, np.start) or self_naming(toks, prev[0].end, np.start)
                        or age_gap(toks, prev[0].end, np.start) or rank_gap(toks, prev[0].end, np.start)
                        or quoted_name_gap(toks, prev[0].end, np.start) or coordinated_complement_gap(toks, prev[0].end, np.start))) or (
                    ref.kind == "title" and mentions[prev[1]].kind == "name" and (
                        number_gap(toks, prev[0].end, np.start) or adverb_gap(toks, prev[0].end, np.start)))):
                before = mentions[prev[1]]
                closes = np.end >= len(words) or words[np.end] in ",;.)–—" or _role_tail_closes(toks, np.end)
                if ref.kind == "title" and before.kind == "inst" and prev[0].in_pp and prev[1] > 0 \
                        and mentions[prev[1] - 1].kind == "name" \
                        and toks.text[mentions[prev[1] - 1].end:before.pos].strip().lower() in toks.fw.get("prep", ()):
                    prev = (prev[0], prev[1] - 1)  # "dr Katarzyna Wieczorek z Instytutu Astronomii UMK, pierwsza autorka": hers
                    before = mentions[prev[1]]
                if before.kind == "title" and (ref.kind == "name" or ref.kind == "title" and _firm_by_its_name(toks, np)) \
                        and not before.person and not (prev[0].in_pp and subject and not closes):
                    # (not "In a letter handed to the judge, Rowcroft wrote": a phrase, then the clause's
                    # subject; "Wykonawca remontu, spółka „Mostbud-Północ”,": the firm its own name names)
                    mentions[prev[1]] = before = replace(before, person=ref.speaker)
                    role_links.append(before)
                    if prev[0].in_pp and ref.subject and prev[0].start > 0 and toks.lows[prev[0].start - 1] in absolute_preps:
                        # "with the county's chief constable, Paul Ridding, sitting beside him, he
                        # described": the name of a preposition's object is no subject either
                        ref = replace(ref, subject=False)
                        first_subject = True
                        if named_subject is not None and named_subject.pos == ref.pos:
                            named_subject = None
                    else:
                        ref = replace(ref, subject=ref.subject or before.subject)
                elif before.kind == "name" and ref.kind == "title" and not ref.person and not (
                        prev[0].in_pp and subject and not closes) and not toks.plural_role_noun(head_low := toks.lows[toks.head(np)]) \
                        and head_low not in collective_nouns:
                    # (not "Back in Bergen, the association leader struck …": a place, then the clause's
                    # subject; nor "from the Atlantic, forecasters said": a plural role is no one person;
                    # nor "read by her son, Gareth Pryce, the family described": a group is no one person)
                    if prev[0].in_pp and prev[1] > 0:
                        owner = mentions[prev[1] - 1]  # "Jadwiga Szulc z Borowca, emerytowana pielęgniarka": she, not her village
                        if owner.kind == "name" and toks.text[owner.end:before.pos].strip().lower() in toks.fw.get("prep", ()):
                            before = owner
                    ref = replace(ref, person=before.speaker)
                    role_links.append(ref)
                elif before.kind == "title" and before.person and ref.kind == "title" and not ref.person \
                        and only_commas(words, prev[0].end, np.start) and not prev[0].in_pp and not np.in_pp \
                        and not toks.role_plural(toks.lows[toks.head(np)]):
                    # "Jerzy Kaliński, architekt, autor Nyskiego Domu Kultury,": a second description of him
                    ref = replace(ref, person=before.person)
                    role_links.append(ref)
            described = prev[1] if prev is not None else -1
            if described > 0 and prev[0].in_pp and mentions[described].kind != "title":
                described -= 1  # "dziennikarka z Krakowa i autorka …": past the place in the first description
            if described >= 0 and ref.kind == "title" and not ref.person and mentions[described].kind == "title" \
                    and mentions[described].person and and_between(toks, prev[0].end, np.start) \
                    and (toks.lows[np.start] in toks.fw.get("indefinite_article", ()) or rules.case_marked):
                # "Kevin Marr, the chair of the landlords' association and a former estate agent
                # who …", "Mirosław Górka, rolnik z powiatu kolskiego i przewodniczący komitetu":
                # a second description of the same person
                ref = replace(ref, person=mentions[described].person)
                role_links.append(ref)
            if ref.kind == "name" and ref.person and ref.head:
                role_links.append(ref)
            rank = _honorific_role(toks, np) if ref.kind == "name" else ""
            if rank and rank != ref.head:
                # "ks. Stanisław Kubiak", "prof. Andrzej Wolański": the rank is a role a later
                # "Ksiądz przypomniał", "Profesor:" refers back by
                role_links.append(replace(ref, head=rank, person=ref.person or ref.speaker, role=rank))
            second = _second_role(toks, np) if ref.kind == "name" and ref.person else ""
            if second and second != ref.head:
                # "Przewodniczący składu sędzia Ireneusz Madej": a later "pouczył sędzia" is he too
                role_links.append(replace(ref, head=second))
            mentions.append(ref)
            prev = (np, len(mentions) - 1)
            body = _body_in_role(toks, np) if rules.case_marked and np.titles else None
            if body is not None:
                mentions.append(body)
        if named_subject is not None and role_copulas:
            role_links += _copula_roles(toks, start, main_end, named_subject, role_copulas, copula_adverbs)
    role_links += _bracketed_roles(toks)
    role_links += [ev.ref for ev in events if ev.ref is not None and ev.ref.kind == "name" and ev.ref.head]
    mentions.sort(key=lambda r: r.pos)
    role_links.sort(key=lambda r: r.pos)
    links_by_head: dict[str, list[Ref]] = {}
    for r in role_links:
        if r.head and r.person:
            links_by_head.setdefault(r.head, []).append(r)
    articles = toks.fw.get("article", frozenset())
    roles_by_head: dict[str, list[Ref]] = {}
    for m in mentions:
        if m.kind == "title" and not m.person and m.head and (
                not m.vague or any(len(w) > 2 and w not in articles for w in m.mods)):
            roles_by_head.setdefault(m.head, []).append(m)
    inst_full: dict[tuple, str] = {}
    head_first = toks.lex.rules.institution_head_first
    seat_preps = toks.fw.get("inst_seat_prep", frozenset())
    name_preps = toks.fw.get("inst_name_prep", frozenset())
    for m in mentions:
        body = m.speaker if m.kind == "inst" else _body_of_role(m.speaker, name_preps) if m.kind == "title" and not head_first else ""
        if body[:1].isupper():
            parts = tuple(body.split())
            keys = [parts[-n:] for n in range(1, min(len(parts), 4))]
            if head_first and len(parts) > 1 and toks.lex.org_lemmas:
                # "Biuro" for "Biuro Legislacyjne Sejmu", "Izba" for "Polsko-Niemiecka Izba Przemysłowo-Handlowa"
                head = next((p for p in parts[:3] if common_lemma(p.lower()) in toks.lex.org_lemmas), None)
                if head is not None and head != parts[-1]:
                    keys.append((head,))
                # "Wojewódzki Urząd Ochrony Zabytków" for "… w Łodzi": the name before its seat
                seat = next((n for n, p in enumerate(parts) if n > 1 and p in seat_preps), None)
                if seat is not None:
                    keys.append(parts[:seat])
            elif not head_first and len(parts) > 1:
                # "the Reserve Bank" for "Reserve Bank of Australia": the words before "of"
                cut = next((n for n, p in enumerate(parts) if n and p in name_preps), None)
                if cut is not None:
                    keys.append(parts[:cut])
                if len(parts) > 2 and parts[-2] not in name_preps and parts[-1][:1].isupper():
                    # "Tenbury Rail Services" for "Tenbury Rail Services Ltd", "Port Carrick" for
                    # "Port Carrick Town", "Marula Ridge" for "Marula Ridge Platinum": all but the last word
                    keys.append(parts[:-1])
            for key in keys:
                if len(parts) > len(inst_full.get(key, "").split()):
                    inst_full[key] = body
    return Mentions(tuple(mentions), tuple(m.pos for m in mentions), links_by_head, roles_by_head,
                    tuple(content_names), inst_full)


def _fronted_role_holder(toks: Tokens, np: NP, mentions: list[Ref]) -> str | None:
    """A role opening the sentence before a comma and "he"/"she" describes the pronoun's person:
    the last person named before it, of the pronoun's gender (or of none the text showed)."""
    k = np.end
    if k + 1 >= len(toks.words) or toks.words[k] != "," or toks.kind(k + 1) != "pron":
        return None
    pronoun = next(iter(toks.chunks(k + 1, k + 2)), None)
    if pronoun is None or pronoun.gender not in ("m", "f") or toks.plural_role_noun(toks.lows[toks.head(np)]):
        return None
    person = next((m for m in reversed(mentions) if m.kind == "name" and m.pos < toks.starts[np.start]), None)
    return person.speaker if person is not None and person.gender in (pronoun.gender, "") and " " in person.speaker else None


def _body_of_role(role: str, name_preps: frozenset) -> str:
    """The body a role is of, named in capitalised words after its last "for" / "of" ("a
    spokesperson for Northern Coast Power Networks"), when it has two or more; else ''."""
    words = role.split()
    cut = max((n for n, w in enumerate(words) if w in name_preps), default=-1)
    tail = words[cut + 1:]
    return " ".join(tail) if cut >= 0 and len(tail) > 1 and all(w[:1].isupper() for w in tail) else ""


_BRACKETED_ROLE_MAX = 6  # tokens of a role in brackets after a name ("(Director of Finance)")
_NAME_MAX = 5


def _firm_by_its_name(toks: Tokens, np: NP) -> bool:
    """A body's noun with its own quoted name ("spółka „Mostbud-Północ”"): it names whom a role
    before it in apposition means."""
    return toks.lex.institution_role(toks.lows[toks.head(np)]) and "quoted" in toks.kinds[np.start:np.end]


def _owner_of_noun(toks: Tokens, np: NP) -> bool:
    """The role phrase follows a lowercase common noun in the nominative and can be its
    genitive ("mąż sołtyski", "córka prezesa"): whose that noun is, never a subject."""
    prev = np.start - 1  # (not "w piątek ambasador Ukrainy": the noun of a time phrase)
    return prev >= 1 and toks.kind(prev) == "word" and toks.words[prev][:1].islower() and toks.kind(prev - 1) != "prep" \
        and nominative_noun(toks.lows[prev]) and bool(can_be_gen(toks.lows[toks.head(np)]))


def _copula_roles(toks: Tokens, i: int, j: int, subject: Ref, copulas: frozenset, adverbs: frozenset) -> list[Ref]:
    """Roles in tokens ``[i, j)`` that the clause's named ``subject`` is said to hold ("Krystyna
    Mazurek od 19 lat jest sołtyską", "Mary Lane is the chief executive"), as links a later
    "Sołtyska odpowiada" refers back by."""
    lows, kinds = toks.lows, toks.kinds
    links = []
    for t in range(max(i, bisect.bisect_right(toks.starts, subject.pos)), j - 1):
        if lows[t] not in copulas:
            continue
        p = t + 1
        if p + 1 < j and lows[p] in adverbs:
            p += 1  # "jest tu sołtyską"
        role = p + 1 if kinds[p] == "det" and p + 1 < j else p
        if kinds[role] == "word" and role + 1 < j and kinds[role + 1] == "title" and toks.words[role][:1].islower():
            role += 1  # "Jan Kotula to jedyny mężczyzna z pierwszego składu": an adjective first
        if kinds[role] != "title" or not toks.words[role][:1].islower():
            continue
        np = toks.np_at(p, j) or NP(role, role + 1, "title", titles=[role])  # (a Polish role in the instrumental is no phrase of its own)
        ref = make_ref(toks, np, True, subject=False) if np.kind == "title" else None
        if ref is not None and ref.head and not ref.person:
            links.append(replace(ref, person=subject.speaker))
    return links


def _bracketed_roles(toks: Tokens) -> list[Ref]:
    """Roles given in brackets right after a name, anywhere (an attendance list's "Present:
    Margaret Ibbotson (Chair); Dr Kwame Asante (Chief Executive)" too): a later "The Chair said"
    is she."""
    words, kind = toks.words, toks.kind
    links = []
    for t in (t for t, w in enumerate(words) if w == "("):
        if t == 0 or kind(t - 1) != "name":
            continue
        close = next((c for c in range(t + 2, min(len(words), t + 2 + _BRACKETED_ROLE_MAX)) if words[c] in "()"), None)
        if close is None or words[close] != ")":
            continue
        role = toks.chunks(t + 1, close)
        if len(role) != 1 or role[0].kind != "title" or role[0].start != t + 1 or role[0].end != close:
            continue
        first = t - 1
        while first > 0 and t - first < _NAME_MAX and kind(first - 1) == "name":
            first -= 1
        named = toks.chunks(first, t)
        if not named or named[-1].kind != "name" or named[-1].end != t:
            continue
        person, ref = make_ref(toks, named[-1], False, subject=False), make_ref(toks, role[0], False, subject=False)
        if person is not None and ref is not None and ref.head:
            links.append(replace(ref, person=person.speaker))
    return links


BYLINE_MAX = 100  # characters of a byline paragraph ("By Claire Whitcombe, Courts Reporter")


def _byline(toks: Tokens, sent, bylines: frozenset) -> bool:
    """A paragraph naming the article's author ("By Claire Whitcombe, Courts Reporter",
    "Tekst: Katarzyna Jurewicz"): whoever it names speaks nowhere in the article."""
    text = toks.text
    if sent.t0 >= sent.t1 or toks.lows[sent.t0] not in bylines or sent.end - sent.start > BYLINE_MAX:
        return False
    start, end = sent.start, sent.end
    return (start == 0 or text[start - 1] == "\n") and (end >= len(text) or text[end] == "\n")


def _content_names(toks: Tokens, sent, main_end: int, pairs: list[int]) -> list[Ref]:
    """Full names inside the reported content ("her deputy, Thomas Whitcombe, would fly"): they
    give the fullest form of a later "Whitcombe", but are not subjects."""
    kinds = toks.kinds
    out = []
    for n in range(bisect.bisect_left(pairs, main_end), bisect.bisect_left(pairs, sent.t1 - 1)):
        k = pairs[n]
        if k > main_end and kinds[k - 1] == "name":
            continue  # only the start of a run of name words can start a full name
        np = toks.np_at(k, sent.t1)
        if np is None or np.kind != "name" or len(np.names) < 2:
            continue
        oblique = toks.lex.rules.case_marked and (toks.name_case(np.names[-1]) == "obl" or kinds[k - 1] == "prep")
        ref = make_ref(toks, np, oblique, subject=False)
        if ref is not None and ref.kind == "name":
            out.append(ref)
    return out
