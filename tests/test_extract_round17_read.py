"""Rules written after reading round 17 (its articles are tuning data now; round 18 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_places_own_adjective_is_no_persons_name_and_an_unnamed_representative_stays(model):
    # "Lubelskim" agrees with "Opolu": part of the place; a described "przedstawiciel" nobody
    # names is an unnamed source, not the person named in the sentence before
    text = ("Sadownik Tadeusz Mazurek mówi, że ceny są za niskie. Przedstawiciel zakładu przetwórczego "
            "w Opolu Lubelskim tłumaczy, że cenę dyktuje rynek europejski.")
    assert speakers(text, "pl", model) == ["Tadeusz Mazurek", "przedstawiciel zakładu przetwórczego w Opolu Lubelskim"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_crisis_staff_and_press_offices_speak_as_bodies(model):
    text = ("Wojewódzki sztab kryzysowy przekazał w czwartek, że zalanych zostało 214 budynków.\n\n"
            "Biuro prasowe Urzędu Miasta Tarnowa poinformowało, że decyzja nie została jeszcze wydana.\n\n"
            "Jak przekazało nam biuro prasowe MEN, konsultacje potrwają do 31 marca.")
    assert speakers(text, "pl", model) == ["wojewódzki sztab kryzysowy", "biuro prasowe Urzędu Miasta Tarnowa",
                                           "biuro prasowe MEN"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_rank_abbreviation_that_is_also_a_body_noun(model):
    # "asp. sztab." (aspirant sztabowy) is a police rank, not a crisis staff
    text = ("Jak przekazała asp. sztab. Monika Jasińska, oficer prasowa Komendy Powiatowej Policji w Łowiczu, "
            "nikt nie zginął.")
    assert speakers(text, "pl", model) == ["Monika Jasińska"]
