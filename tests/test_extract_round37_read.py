"""Rules written after reading round 37 (its articles are tuning data now; rounds 38 and 39 stay
unread). Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers_by_text


# -- Polish: a chant after a phasal verb and an adverb; a chair silencing the hall -------------------
CHANT_AND_SILENCE = ("Sesja o budżecie\n\n"
                     "Na galerię weszło kilkudziesięciu mieszkańców Zalesia. Kilkunastu rolników z tylnych "
                     "rzędów zaczęło wtedy skandować: „Trzy tysiące!”. Przewodniczący rady Bogdan Rożek "
                     "uciszał salę: „Proszę o spokój, bo ogłoszę przerwę”.\n\n"
                     "Z galerii rozległy się okrzyki „Oszuści!”. – Proszę usiąść albo opuścić salę – uciszał "
                     "gości wiceprzewodniczący rady Lech Kornaś.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_chant_after_a_phasal_verb_and_an_adverb_and_a_chair_silencing_the_hall(model):
    got = speakers_by_text(CHANT_AND_SILENCE, "pl", model)
    assert got["Trzy tysiące!"] == "rolnicy z tylnych rzędów"
    assert got["Proszę o spokój, bo ogłoszę przerwę"] == "Bogdan Rożek"
    assert got["Proszę usiąść albo opuścić salę"] == "Lech Kornaś"
    assert got.get("Oszuści!") != "Lech Kornaś"  # a shout is not the next sentence's speaker's own
