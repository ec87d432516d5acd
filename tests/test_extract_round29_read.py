"""Rules written after reading round 29 (its articles are tuning data now; round 30 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz, speakers_by_opening


# -- Polish: a frame's genitive phrase ends where the clause's subject begins ---------------------
ACCORDING = ("Napad na stację paliw\n\n"
             "Według policji sprawca był wcześniej notowany za kradzieże.\n\n"
             "Według organizatorów tegoroczne targi odwiedziło ponad 18 tys. osób.\n\n"
             "Według organizatorów Lubuskie Targi Rolne przyciągnęły rekordową liczbę wystawców.\n\n"
             "Według byłej minister Anny Nowak to dobry pomysł.\n\n"
             "Według prezesa spółki Nowe Horyzonty firma nie ma długów.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_frames_genitive_phrase_stops_at_the_clauses_subject(model):
    got = {text: (speaker, kind) for text, speaker, kind in found(ACCORDING, "pl", model)}
    assert got["sprawca był wcześniej notowany za kradzieże"] == ("policja", "indirect")
    assert got["tegoroczne targi odwiedziło ponad 18 tys. osób"] == ("organizatorzy", "indirect")
    assert got["Lubuskie Targi Rolne przyciągnęły rekordową liczbę wystawców"] == ("organizatorzy", "indirect")
    assert got["to dobry pomysł"] == ("Anna Nowak", "indirect")  # an undeclined role before a name stays
    assert got["firma nie ma długów"] == ("prezes spółki Nowe Horyzonty", "indirect")  # so does a body's own name


# -- English: the one told, or a name inside the clause before, is not who speaks ----------------
TOLD = ("Estate plan refused after residents object\n\n"
        "Inspector Gillian Marsh heard from residents on the first day of the hearing. Margaret Treloar, "
        "who has lived on Mill Lane for forty years, gave evidence first.\n\n"
        "\"Put 240 houses there and you tear the heart out of the place,\" Mrs Treloar said.\n\n"
        "She told Ms Marsh that the lane already flooded most winters.\n\n"
        "Defending, solicitor Jonathan Ferris said his client Kyle Brannan was sorry.\n\n"
        "He said Brannan had since fitted a new gate and that his client would accept any conditions.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_one_told_is_not_the_speaker(model):
    got = speakers_by_opening(TOLD, "en", model)
    assert got["the lane already flooded"] == "Margaret Treloar"
    assert got["his client would accept "] == "Jonathan Ferris"
