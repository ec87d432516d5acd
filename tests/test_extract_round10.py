"""Rules for shapes seen this session in the tuning articles and the round-10 blind articles,
added after round 10 was measured blind. Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers


# -- names -------------------------------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_given_name_morfeusz_reads_as_a_noun_stays_with_its_surname(model):
    text = ("Według Dalii Nowickiej porozumienie jest bliskie. Omar Haddad powiedział, że rozmowy będą "
            "kontynuowane. Rasa Žukienė dodała, że klientów ubyło.")
    assert speakers(text, "pl", model) == ["Dalia Nowicka", "Omar Haddad", "Rasa Žukienė"]


@needs_morfeusz
def test_a_noun_before_a_surname_is_no_given_name_when_it_cannot_be_one():
    # an adverb that is also a noun, a form of address, a place's noun before a word that is not only a surname
    text = ("Wczoraj Nowak powiedział, że nie ustąpi. Pani Wrona oceniła, że to błąd. "
            "Ze Strefy Gazy wróciła Ingrid Solberg. Solberg powiedziała, że konwoje czekają.")
    assert speakers(text, "pl", "rules") == ["Nowak", "Wrona", "Ingrid Solberg"]
