"""A speaker's name in its canonical form: Polish names in oblique cases in the nominative,
whole; forms of address and degrees left out; a role's full complement before the name.
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import found, needs_morfeusz, speakers


@pytest.mark.parametrize("text", [
    "Trial\n\nThe defence barrister, Owen Pryce, spoke first. “My client trusted the wrong people,” Mr Pryce told the jury.",
    "Trial\n\nThe defence barrister, Owen Pryce, spoke first. “My client trusted the wrong people,” Mr. Pryce told the jury.",
])
def test_a_form_of_address_before_a_surname_is_the_person_named_before(text):
    assert speakers(text, "en", "rules") == ["Owen Pryce"]


def test_an_adverb_opening_a_sentence_is_no_speaker():
    text = "Talks\n\nPrivately, a senior diplomat said the deal was dead."
    assert speakers(text, "en", "rules") == ["senior diplomat"]


@needs_morfeusz
def test_a_role_with_a_coordinated_complement_keeps_its_name():
    text = ("Granica\n\n"
            "Nie ma warunków do otwarcia przejść – mówił wiceminister spraw wewnętrznych i administracji Jan Bazyl. "
            "Wiceminister dodał, że rozmowy trwają.")
    assert speakers(text, "pl", "rules") == ["Jan Bazyl", "Jan Bazyl"]


@needs_morfeusz
def test_name_readings_leave_out_plurals_and_vocatives():
    from stance.extract.morph import name_readings

    # "Haliny" is the genitive of "Halina" (its plural reading names no one person); "Nino"
    # only the vocative of "Nina" (so no name reading at all: read as written)
    assert {c for _l, c in name_readings("Haliny")} == {"gen"}
    assert name_readings("Nino") == []


@needs_morfeusz
@pytest.mark.parametrize("speaker_model", ["rules", "ranker"])
def test_a_name_in_the_genitive_after_a_degree_is_the_person_in_the_nominative(speaker_model):
    text = ("Budżet oświaty\n\n"
            "W ocenie ekonomistki Instytutu Badań Szkolnych dr Haliny Wrony obie propozycje da się pogodzić. "
            "Wrona uważa, że strony muszą wrócić do rozmów.")
    assert speakers(text, "pl", speaker_model) == ["Halina Wrona", "Halina Wrona"]


@needs_morfeusz
def test_a_genitive_name_is_one_phrase_when_its_surname_has_a_plural_reading():
    text = ("Budżet\n\n"
            "Zdaniem Łukasza Sowy, głównego ekonomisty banku, deficyt będzie wyższy. "
            "Sowa dodał, że rząd musi to wyjaśnić.")
    assert speakers(text, "pl", "rules") == ["Łukasz Sowa", "Łukasz Sowa"]


@needs_morfeusz
def test_an_indeclinable_surname_after_a_name_read_as_oblique_stays_with_it():
    # morfeusz2 reads "Gela" as the genitive of the surname "Gelo"; the foreign surname after
    # it does not decline, so the two are one name, as written
    text = ("Na granicy\n\n"
            "Gela Cikłauri, rolnik z Chwiti, powiedział, że nie wróci na pole. "
            "Cikłauri dodał, że czeka na decyzję sądu.")
    assert speakers(text, "pl", "rules") == ["Gela Cikłauri", "Gela Cikłauri"]


@needs_morfeusz
def test_an_oblique_common_noun_before_a_surname_is_no_given_name():
    text = ("Na granicy\n\n"
            "Kierowca Darius Vaitkus powiedział, że czeka trzeci dzień. "
            "Wieczorem Vaitkus dodał, że wraca do Wilna.")
    assert speakers(text, "pl", "rules") == ["Darius Vaitkus", "Darius Vaitkus"]


@needs_morfeusz
def test_an_institution_met_again_by_its_head_noun_is_that_institution():
    text = ("Budżet w komisji\n\n"
            "Zastrzeżenia do projektu miało Biuro Legislacyjne Sejmu. "
            "W pisemnej opinii Biuro zwróciło uwagę, że część przepisów wykracza poza ustawę budżetową.")
    assert speakers(text, "pl", "rules") == ["Biuro Legislacyjne Sejmu"]


@needs_morfeusz
def test_a_neuter_institution_in_the_genitive_is_named_in_the_nominative():
    text = ("Budżet w komisji\n\n"
            "Według Biura Legislacyjnego Sejmu część przepisów wykracza poza ustawę budżetową.")
    assert speakers(text, "pl", "rules") == ["Biuro Legislacyjne Sejmu"]


@pytest.mark.parametrize("lang, text", [
    pytest.param("pl", "Sankcje\n\nJej rzecznik Pieter Van Loon przypomniał, że projekt jest gotowy. "
                 "– Liczymy na zgodę – powiedział Van Loon na briefingu.", marks=needs_morfeusz),
    ("en", "Sanctions\n\nIts spokesman Pieter Van Loon said the draft was ready. "
     "“We expect agreement,” said Van Loon at the briefing."),
])
def test_a_capitalised_particle_after_the_verb_belongs_to_the_surname(lang, text):
    from stance.extract.pipeline import stages

    _chosen, resolver = stages(text, lang)
    # no mention "Van" of its own (an institution, to the ranker a candidate speaker)
    assert "Van" not in {m.speaker for m in resolver.mentions.mentions}
    assert speakers(text, lang, "ranker")[-1] == "Pieter Van Loon"


@pytest.mark.parametrize("lang, text, speaker", [
    ("en", "Talks\n\nThe draft is ready, a Kenyan official familiar with the talks said on Monday.",
     "Kenyan official familiar with the talks"),
    pytest.param("pl", "Rozmowy\n\nJeden z zachodnich dyplomatów obecnych na rozmowach powiedział, że projekt jest gotowy.",
                 "zachodni dyplomata", marks=needs_morfeusz),
    pytest.param("pl", "Rozmowy\n\nWysoki rangą urzędnik UE powiedział, że projekt jest gotowy.",
                 "wysoki rangą urzędnik UE", marks=needs_morfeusz),
])
def test_an_anonymous_source_keeps_its_whole_description(lang, text, speaker):
    assert speakers(text, lang, "rules") == [speaker]


def test_a_participle_describing_the_speaker_after_the_verb_starts_no_clause():
    text = 'Talks\n\n"It is ready," said a diplomat involved in the talks.'
    assert found(text, "en") == [("It is ready,", "diplomat involved in the talks", "direct")]
