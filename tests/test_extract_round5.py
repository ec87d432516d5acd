"""Rules for shapes the round-5 blind tuning articles (pl-b19 … pl-b34, en-b17 … en-b24) showed,
beyond interviews (``test_extract_interview.py``). Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import found, needs_morfeusz


@pytest.mark.parametrize("sentence, cue, clause", [
    ("Tom Reyes conceded the talks had been slow.", "conceded", "the talks had been slow"),
    ("Tom Reyes stressed the union would not back down.", "stressed", "the union would not back down"),
    ("Lena Ortiz pointed out that the court had ruled twice.", "pointed", "the court had ruled twice"),
    ("Lena Ortiz made clear that no boat would be seized.", "made", "no boat would be seized"),
    ("Mara Quist worries the young will leave the trade.", "worries", "the young will leave the trade"),
    ("Mara Quist was adamant the sanctions would stay.", "adamant", "the sanctions would stay"),
    ("Mark Lund said, however, the text was not final.", "said", "the text was not final"),
    ("Mark Lund said again the offer stood.", "said", "the offer stood"),
])
def test_english_reported_speech_without_that(sentence, cue, clause):
    quotes = [q for q in _extract("Talks\n\n" + sentence, "en") if q.kind == "indirect"]
    assert [(q.cue, q.text) for q in quotes] == [(cue, clause)]


def test_an_expectation_with_an_infinitive_is_no_clause():
    quotes = _extract("Talks\n\nAnna Kell says she expects the talks to resume.", "en")
    assert [(q.cue, q.text) for q in quotes] == [("says", "she expects the talks to resume")]


@needs_morfeusz
def test_a_role_met_again_under_another_noun_is_the_person_of_that_gender():
    text = ("Rozmowy w Wiedniu\n\n"
            "Zastępczyni szefa mołdawskiej delegacji Irina Cebanu powiedziała, że nie ma nowej propozycji. "
            "Szef naddniestrzańskiej delegacji Oleg Bieliajew odpowiedział, że to nieprawda.\n\n"
            "Mołdawska negocjatorka podkreśliła też, że decyzja zapadnie w Kiszyniowie.")
    assert found(text, "pl")[-1] == ("decyzja zapadnie w Kiszyniowie", "Irina Cebanu", "indirect")


@needs_morfeusz
def test_a_capitalised_local_government_role_is_not_part_of_the_name():
    text = "Żwirownia\n\nWójt Bogdan Jasiński zapowiedział, że nie podpisze zgody. Wójt dodał, że to koniec."
    assert [s for _t, s, _k in found(text, "pl")] == ["Bogdan Jasiński", "Bogdan Jasiński"]


def _extract(text: str, lang: str):
    from stance.extract import extract_quotes

    return extract_quotes(text, lang)
