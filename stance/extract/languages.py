"""Per-language behaviour of the extractor, as data.

Word lists live in ``lexicons/``; what differs in *grammar* between languages lives here, as
named switches the stages read instead of testing a language code. Adding a language means
adding its word lists and one ``Rules`` entry (and, for a case-marked language, a morphological
analyser in ``morph.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rules:
    """Grammatical switches of one language (see each field for the rule it turns on)."""

    # Nouns carry case (Polish): a speaker after a preposition or in a frame ("według Kowalskiego")
    # is oblique and must be lemmatised; names inside reported clauses are read by their case.
    case_marked: bool
    # Past-tense verbs agree in gender with the subject ("powiedziała"): the verb's gender
    # overrides the grammatical gender of a role noun ("premier ... odpowiedziała" is a woman).
    verbs_agree_in_gender: bool
    # Subject-verb-object order (English): the first nominative phrase before a cue is its subject,
    # and only the first subject of a sentence is a speaker mention; otherwise the nearest one.
    subject_first: bool
    # Reported clauses may come without a complementiser ("said the talks were useful") or before
    # the attribution ("Talks will resume, the minister said.").
    bare_clauses: bool
    # A cue verb inside a reported clause ("said she still believed that ...") continues that
    # clause instead of cutting it.
    embedded_cues_continue_clause: bool
    # Dash speech may start mid-paragraph after a sentence end ("... granicy. – Nie ustąpimy –").
    dash_speech_mid_paragraph: bool
    # After a dash, a capitalised first word usually continues speech ("– Witkoff powiedział" is rare).
    capital_after_dash_continues_speech: bool
    # Non-quote markers match by prefix (inflected: "książk" covers "książce") or as word/plural.
    markers_by_prefix: bool
    # A role noun in the plural is the same role ("officials" -> "official").
    singular_role_heads: bool
    # Gerunds of cue verbs end with this ("adding"): they behave as participles; "" for none.
    participle_suffix: str
    # Speakers may be given by a possessive "'s" before a cue noun ("Smith's announcement that").
    genitive_s: bool
    # Role nouns are capitalised before a name anywhere in a sentence ("said President Dupont");
    # where they are written lowercase, a capitalised one mid-sentence is part of a name.
    capitalised_titles: bool
    # An institution's name starts with its head noun ("Biuro Legislacyjne Sejmu", met again as
    # "Biuro"); otherwise it ends with it ("the Finance Ministry", met again as "the Ministry").
    institution_head_first: bool


RULES = {
    "pl": Rules(case_marked=True, verbs_agree_in_gender=True, subject_first=False, bare_clauses=False,
                embedded_cues_continue_clause=False, dash_speech_mid_paragraph=True,
                capital_after_dash_continues_speech=True, markers_by_prefix=True,
                singular_role_heads=False, participle_suffix="", genitive_s=False, capitalised_titles=False,
                institution_head_first=True),
    "en": Rules(case_marked=False, verbs_agree_in_gender=False, subject_first=True, bare_clauses=True,
                embedded_cues_continue_clause=True, dash_speech_mid_paragraph=False,
                capital_after_dash_continues_speech=False, markers_by_prefix=False,
                singular_role_heads=True, participle_suffix="ing", genitive_s=True, capitalised_titles=True,
                institution_head_first=False),
}


def rules_for(lang: str) -> Rules:
    return RULES["pl" if lang == "pl" else "en"]
