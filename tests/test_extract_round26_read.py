"""Rules written after reading round 26 (its articles are tuning data now; round 27 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers_by_opening


# -- Polish: places inside a person's description are never the speaker ----------------------------
FORECAST = ("Burze nad Małopolską\n\n"
            "– Będzie bardzo gorąco – mówi Piotr Nawrocki, synoptyk dyżurny Biura Prognoz Meteorologicznych IMGW w Krakowie.\n\n"
            "Jak podkreśla, największe ryzyko przypada na wieczór. – Może spaść dużo deszczu – dodaje synoptyk.\n\n"
            "Do redakcji zgłosił się 67-letni Ryszard Domański, emerytowany tokarz z bydgoskiego Fordonu. "
            "– W październiku podpisałem umowę – opowiada.\n\n"
            "Rolnik z gminy Przecław Grzegorz Sowa obawia się, że grad zniszczy zboże. – Ubezpieczenie mam – mówi.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institutions_seat_is_no_persons_name(model):
    got = speakers_by_opening(FORECAST, "pl", model)
    assert got["największe ryzyko przypa"] == "Piotr Nawrocki"
    assert got["Może spaść dużo deszczu"] == "Piotr Nawrocki"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_district_after_a_towns_adjective_is_no_speaker(model):
    assert speakers_by_opening(FORECAST, "pl", model)["W październiku podpisałe"] == "Ryszard Domański"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_communes_name_before_a_persons_is_no_part_of_it(model):
    got = speakers_by_opening(FORECAST, "pl", model)
    assert got["grad zniszczy zboże"] == "Grzegorz Sowa"
    assert got["Ubezpieczenie mam"] == "Grzegorz Sowa"


# -- English: names ------------------------------------------------------------------------------
INQUEST = ("Coroner finds missed chances to repair pothole\n\n"
           "Kieran Doyle, 24, died in March after his moped hit a pothole.\n\n"
           "Mr Doyle's mother Bernadette described her son as 'the kindest lad you could meet'.\n\n"
           "Speaking outside court, Mrs Doyle said: 'They failed him.'\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_given_name_after_a_kin_noun_takes_the_possessives_surname(model):
    got = speakers_by_opening(INQUEST, "en", model)
    assert got["the kindest lad you coul"] == "Bernadette Doyle"
    assert got["They failed him."] == "Bernadette Doyle"
