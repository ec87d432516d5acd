"""Rules written after reading round 34 (its articles are tuning data now; round 35 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers_by_text


# -- Polish: "Raniewska Ewy Sarneckiej": a nominative name, then a possessor's in the genitive ----
ROLE_OF_AN_ACTRESS = ("Premiera w Teatrze Miejskim\n\n"
                      "Najlepsza jest Nora Haliny Dobrowolskiej. Dobrowolska gra ją bez patosu. Po spektaklu aktorka "
                      "mówiła: – Nora to kobieta, która w końcu przestaje przepraszać.\n\n"
                      "Dobrowolska przyznała, że przed premierą nie spała całą noc.\n\n"
                      "Drugą wielką rolą jest Helmer Tomasza Kaczmarka. – Helmer naprawdę kocha, tylko nie umie – "
                      "tłumaczył aktor. Kaczmarek dodał, że gra tę rolę po raz pierwszy.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_name_in_the_genitive_after_a_nominative_one_is_a_person_of_its_own(model):
    got = speakers_by_text(ROLE_OF_AN_ACTRESS, "pl", model)
    assert got["przed premierą nie spała całą noc"] == "Halina Dobrowolska"
    if model == "ranker":  # the rules leave "aktorka" and "aktor" roles here
        assert got["Nora to kobieta, która w końcu przestaje przepraszać."] == "Halina Dobrowolska"
    assert got["gra tę rolę po raz pierwszy"] == "Tomasz Kaczmarek"
    if model == "ranker":
        assert got["Helmer naprawdę kocha, tylko nie umie"] == "Tomasz Kaczmarek"


# -- Polish: a plural role after a comma is no apposition of the one name before it ---------------
PLURAL_AFTER_A_NAME = ("Maraton\n\n"
                       "Najlepszy z Polaków, Piotr Zawadzki z Radomia, jest piąty.\n\n"
                       "Gdy przebiegał przez Rynek Zawadzki, kibice krzyczeli: „Dawaj, Piotrek!”.\n\n"
                       "Gdy wchodził na mównicę wójt Ryszard Bielecki, radni opozycji powtarzali: „Dość obietnic!”.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_plural_role_after_a_comma_is_not_the_name_before_it(model):
    got = speakers_by_text(PLURAL_AFTER_A_NAME, "pl", model)
    assert got["Dawaj, Piotrek!"] == "kibice"
    assert got["Dość obietnic!"] == "radni opozycji"
