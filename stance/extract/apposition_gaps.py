"""The words between an apposition's two phrases that still make them one person: a modifier
("Zastępca prezydenta odpowiedzialny za inwestycje, Rafał Kosmala"), "and" before a second
description, an age, a rank, a number, a body's quoted name, or a relative clause giving the person's own
name."""

from __future__ import annotations

from stance.extract.marks import QUOTE_CHARS, QUOTE_OPENERS
from stance.extract.morph import analyse as morph_analyse
from stance.extract.morph import can_be_gen
from stance.extract.words import Tokens

_GAP_MAX = 6  # tokens of a modifier between a role and its name ("odpowiedzialny za inwestycje,")
_COMPLEMENT_MAX = 3  # genitive words after the "i" that joins a second complement to a role
_QUOTED_NAME_MAX = 6  # tokens of a body's quoted name, marks included ("„Skałka”")
_SELF_NAMING_MAX = 9  # tokens of ", who gave her name only as"
_GAP_STOP = frozenset({"cue", "comp", "rel", "quoted", "coord", "frame", "sie", "title", "name"})


def modifier_gap(toks: Tokens, a: int, b: int) -> bool:
    """"Zastępca prezydenta odpowiedzialny za inwestycje, Rafał Kosmala": an adjective or
    participle phrase after the role, closed by a comma before the name, keeps them one person."""
    if not (a < b - 1 <= a + _GAP_MAX) or toks.words[b - 1] != "," or "," in toks.words[a:b - 1]:
        return False
    if not morph_adjective(toks.lows[a]):
        return False
    return all(toks.kind(t) not in _GAP_STOP for t in range(a, b - 1))


_AND_DESCRIPTION_MAX = 6  # tokens of a place phrase and "and" between two descriptions of one person


def and_between(toks: Tokens, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` are "and", maybe after where the first description puts the person
    ("rolnik z powiatu kolskiego i przewodniczący komitetu": a second description)."""
    if not (a < b <= a + _AND_DESCRIPTION_MAX) or toks.kind(b - 1) != "coord":
        return False
    return b == a + 1 or (toks.kind(a) == "prep" and all(toks.words[t] != "," and toks.kind(t) not in ("cue", "rel", "comp")
                                                        for t in range(a, b - 1)))


def age_gap(toks: Tokens, a: int, b: int) -> bool:
    """", 19-letni" between a role and a name ("jeden z wolontariuszy, 19-letni Kuba"): an age
    adjective that the name's person is."""
    return b == a + 4 and toks.words[a] == "," and toks.age_before(b - 1) and toks.kind(b - 1) == "word"


def rank_gap(toks: Tokens, a: int, b: int) -> bool:
    """", st. kpt." between a role and a name ("obowiązki przejmie zastępca, st. kpt. Robert
    Kaczmarczyk"): the person's rank, abbreviated."""
    ranks = toks.fw.get("honorific", ())
    return b - a >= 3 and toks.words[a] == "," and all(toks.words[t] == "." or toks.lows[t] in ranks for t in range(a + 1, b)) \
        and toks.lows[b - 1 if toks.words[b - 1] != "." else b - 2] in ranks


def quoted_name_gap(toks: Tokens, a: int, b: int) -> bool:
    """"„Skałka”" between a role and a name ("Prezes zarządu SM „Skałka” Wiesław Gawroński"): the
    quoted name of the body the role's complement names, so the role is still the person's."""
    words = toks.words
    return 3 <= b - a <= _QUOTED_NAME_MAX and words[a] in QUOTE_OPENERS and words[b - 1] in QUOTE_CHARS \
        and all(toks.kind(t) == "quoted" for t in range(a + 1, b - 1))


def coordinated_complement_gap(toks: Tokens, a: int, b: int) -> bool:
    """"i pracy" between a role and a name ("Wiceministra rodziny i pracy Dorota Szczepańska"): a
    second genitive complement of the role, joined by a conjunction (case-marked languages)."""
    if not toks.lex.rules.case_marked or not 2 <= b - a <= 1 + _COMPLEMENT_MAX or toks.kind(a) != "coord":
        return False
    return all(toks.words[t].islower() and toks.kind(t) in ("word", "title") and can_be_gen(toks.words[t])
               for t in range(a + 1, b))


def number_gap(toks: Tokens, a: int, b: int) -> bool:
    """", 88," or ", 29 lat," between a name and a role ("Ruaraidh Gillies, 88, a retired
    fisherman", "Karolina, 29 lat, programistka"): the person's age, then her description."""
    words = toks.words
    return words[a] == "," and words[b - 1] == "," and 2 < b - a <= 4 and words[a + 1].isdigit() and all(
        toks.kind(t) == "word" for t in range(a + 2, b - 1))


def self_naming(toks: Tokens, a: int, b: int) -> bool:
    """", who gave his name only as" between a role and a name ("A retired teacher from
    Stockport, who gave his name only as Colin, said", "Kierowca z Litwy, który przedstawia się
    jako Darius, mówi"; with no comma too: "A woman who gave her name only as Kirsty said"): the
    name is the person's own."""
    rel = a + 1 if toks.words[a] == "," else a
    if not (rel + 1 < b <= a + _SELF_NAMING_MAX) or toks.kind(rel) != "rel":
        return False
    first = rel + 1 + (toks.lows[rel + 1] in toks.fw.get("speech_adverb", ()))  # "who later gave his name as"
    return "_".join(toks.lows[first:b]) in toks.fw.get("self_naming", ())


def morph_adjective(word: str) -> bool:
    return any(tag.startswith(("adj:", "ppas:", "pact:")) for _l, tag, _q in morph_analyse(word))


def adverb_gap(toks: Tokens, a: int, b: int) -> bool:
    """A comma and a time adverb (``apposition_adverb``) between a name and its role ("Bożena
    Kałuża, dziś przewodnicząca koła", "Ann Hale, now the chair"), or how long the role has been
    held (``tenure_prep``, a number, ``tenure_noun``: "Stanisław Gąsior, od 18 lat prezes OSP")."""
    if b - a < 2 or toks.words[a] != ",":
        return False
    if b - a == 2:
        return toks.lows[a + 1] in toks.fw.get("apposition_adverb", ())
    return b - a <= 4 and toks.lows[a + 1] in toks.fw.get("tenure_prep", ()) and toks.lows[b - 1] in toks.fw.get("tenure_noun", ()) \
        and (b - a == 3 or toks.words[a + 2].isdigit())


def only_commas(words: list[str], a: int, b: int) -> bool:
    return b > a and all(words[q] == "," for q in range(a, b))


_GAP_KINDS = frozenset({"word", "prep", "num", "det"})


def apposition_gap(toks: Tokens, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` between a name and a role are an apposition's comma, maybe with an
    adverb or a short phrase after it (", wcześniej", ", od lat", ", a")."""
    if only_commas(toks.words, a, b):
        return True
    return b - a <= 4 and toks.words[a] == "," and all(
        toks.kind(t) in _GAP_KINDS or (toks.words[t] == "-" and toks.starts[t] == toks.ends[t - 1])  # "a 34-year-old"
        for t in range(a + 1, b))
