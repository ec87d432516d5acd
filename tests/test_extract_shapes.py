"""Rules for shapes of news the first tuning articles lacked (live blogs, Q&A, wire copy, role synonyms): each failed before its rule."""

from __future__ import annotations

import pytest

from conftest import found, needs_morfeusz, speakers
from stance.extract.coref_roles import role_synonym
from stance.extract.morph import first_or_second_person
from stance.extract.pipeline import normalise_marks


# -- segment: unmarked speech ---------------------------------------------------------------
@needs_morfeusz
def test_agglutinated_person_is_the_speakers_voice():
    assert first_or_second_person("dostaliśmy") and first_or_second_person("Byliście")
    assert not first_or_second_person("dostali")


@needs_morfeusz
def test_unmarked_speech_may_itself_report_what_others_wrote():
    text = ("Kapitan Adam Rej pływa od lat.\n\n"
            "Dostaliśmy pismo, w którym napisano, że linia jest nierentowna. Nikt nas nie pytał – mówi Rej.")
    assert found(text, "pl") == [("Dostaliśmy pismo, w którym napisano, że linia jest nierentowna. Nikt nas nie pytał",
                                  "Adam Rej", "direct")]


def test_a_medium_after_a_preposition_is_the_hearer_not_the_source():
    text = "Prezes Marta Sowa skrytykowała projekt.\n\nRząd tego nie policzył – dodała w rozmowie z agencją."
    assert found(text, "pl")[-1] == ("Rząd tego nie policzył", "Marta Sowa", "direct")


def test_live_blog_time_stamp_is_not_part_of_unmarked_speech():
    text = "18:15 Woda opada, ale nie odwołujemy alarmu – przekazał rzecznik sztabu Jan Kos."
    assert found(text, "pl") == [("Woda opada, ale nie odwołujemy alarmu", "Jan Kos", "direct")]


def test_spaced_hyphen_introduces_an_attribution():
    text = "Minister Jan Lis odwiedził szpital.\n\nNie ustąpimy ani kroku - powiedział minister."
    assert found(text, "pl") == [("Nie ustąpimy ani kroku", "Jan Lis", "direct")]


def test_double_comma_opens_a_quotation_and_offsets_stay():
    text = 'Minister Jan Lis odwiedził szpital. ,,Nie ustąpimy ani kroku" – powiedział minister.'
    assert len(normalise_marks(text)) == len(text)
    assert found(text, "pl") == [("Nie ustąpimy ani kroku", "Jan Lis", "direct")]


# -- cues and clauses -----------------------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("text,speaker", [
    ("Według ministra finansów podatek przyniesie 1,5 mld zł.", "minister finansów"),  # never the feminine "ministra"
    ("Według resortu finansów podatek przyniesie 1,5 mld zł.", "resort finansów"),
    ("Zdaniem wicemarszałka region traci pieniądze.", "wicemarszałek"),
])
def test_frame_reads_its_speaker_in_the_governed_case(text, speaker):
    assert speakers(text, "pl") == [speaker]


def test_english_relative_that_does_not_start_the_clause():
    text = "An official said the government could accept a lower rate for mines that process ore in Chile."
    assert found(text, "en") == [("the government could accept a lower rate for mines that process ore in Chile",
                                  "official", "indirect")]


def test_short_english_clause_before_its_attribution():
    assert found("The plan is dead, a senior official said.", "en") == [("The plan is dead", "senior official", "indirect")]


def test_coordinated_verb_with_speech_ends_the_earlier_clause():
    text = "Ana Ruiz said that the money would pay for new hospitals and added, “It is fair.”"
    assert found(text, "en") == [("the money would pay for new hospitals", "Ana Ruiz", "indirect"),
                                 ("It is fair.", "Ana Ruiz", "direct")]


# -- speakers -------------------------------------------------------------------------------
def test_a_place_after_the_subject_is_no_antecedent():
    text = "Anna Nowak odwiedziła Gdańsk.\n\n– Nie ustąpimy – mówiła."
    assert found(text, "pl") == [("Nie ustąpimy", "Anna Nowak", "direct")]


@pytest.mark.parametrize("text,speaker", [
    ("Minister spraw zagranicznych Adam Wierzbicki przyleciał do Kijowa. Szef MSZ powiedział, że Polska pomoże.",
     "Adam Wierzbicki"),
    ("Minister zdrowia Ewa Lis odwiedziła szpital. Szefowa resortu zdrowia powiedziała, że szpital dostanie pieniądze.",
     "Ewa Lis"),
])
def test_role_synonym_resolves_to_the_named_person(text, speaker):
    assert speakers(text, "pl") == [speaker]


def test_role_synonyms_are_data():
    assert role_synonym("pl", "szef MSZ") == "minister spraw zagranicznych"
    assert role_synonym("pl", "szefowa resortu zdrowia") == "minister zdrowia"
    assert role_synonym("pl", "rzecznik rządu") == ""


def test_a_bare_agency_is_a_medium():
    assert found("Agencja podała, że projekt jest gotowy.", "pl") == []


def test_the_ministry_is_the_ministry_named_before():
    text = "The Finance Ministry published a report. According to the ministry, the tax would raise a billion dollars."
    assert speakers(text, "en") == ["Finance Ministry"]


def test_bare_quoted_headline_takes_the_person_the_lead_introduces():
    text = ("‘We cannot plan a harvest on promises’: a farmer on the drought\n\n"
            "Hannah Brightwell farms 400 hectares near Lincoln. She expects to lose a third of her crop.")
    assert found(text, "en") == [("We cannot plan a harvest on promises", "Hannah Brightwell", "direct")]
