"""Rules written after reading round 35 (its articles are tuning data now; round 36 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers_by_text


# -- Polish: "pracownik jednego z wydziałów" is "pracownik wydziału" (one of several, singular) ------
ONE_OF_SEVERAL = ("Afera w urzędzie skarbowym\n\n"
                  "Pracownik jednego z wydziałów mówi, że od lat krążyły plotki o łapówkach.\n\n"
                  "Dyrektor jednej z wałbrzyskich szkół powiedział, że lekcje odbywają się normalnie.\n\n"
                  "Sprzedawca warzyw z jednego ze stoisk twierdzi, że miasto nic nie zrobiło.\n\n"
                  "Menedżer jednego z pozostałych operatorów przyznał, że stawki są do przełknięcia.\n\n"
                  "Członek jury jednej z ważnych nagród literackich mówi, że powieść ma szanse.\n\n"
                  "Rozmówca PAP z delegacji jednego z państw Europy Środkowej powiedział, że postulat ma poparcie.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_one_of_several_in_a_role_s_complement_is_named_in_the_singular(model):
    got = speakers_by_text(ONE_OF_SEVERAL, "pl", model)
    assert got["od lat krążyły plotki o łapówkach"] == "pracownik wydziału"
    assert got["lekcje odbywają się normalnie"] == "dyrektor wałbrzyskiej szkoły"
    assert got["miasto nic nie zrobiło"] == "sprzedawca warzyw ze stoiska"
    assert got["stawki są do przełknięcia"] == "menedżer operatora"  # "pozostałych" says nothing of the one
    assert got["powieść ma szanse"] == "członek jury ważnej nagrody literackiej"  # not "najważniejszej"
    assert got["postulat ma poparcie"] == "rozmówca PAP z delegacji państwa Europy Środkowej"
