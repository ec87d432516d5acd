"""Rules for shapes the round-5 blind tuning articles (pl-b19 … pl-b34, en-b17 … en-b24) showed,
beyond interviews (``test_extract_interview.py``). Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import found, needs_morfeusz, speakers


@pytest.mark.parametrize("sentence, cue, clause", [
    ("Tom Reyes conceded the talks had been slow.", "conceded", "the talks had been slow"),
    ("Tom Reyes stressed the union would not back down.", "stressed", "the union would not back down"),
    ("Lena Ortiz pointed out that the court had ruled twice.", "pointed", "the court had ruled twice"),
    ("Lena Ortiz made clear that no boat would be seized.", "made", "no boat would be seized"),
    ("Mara Quist worries the young will leave the trade.", "worries", "the young will leave the trade"),
    ("Mara Quist was adamant the sanctions would stay.", "adamant", "the sanctions would stay"),
    ("Mark Lund said, however, the text was not final.", "said", "the text was not final"),
    ("Mark Lund said again the offer stood.", "said", "the offer stood"),
    ("Anna Nair has told us she is travelling to London.", "told", "she is travelling to London"),
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
    assert speakers(text, "pl") == ["Bogdan Jasiński", "Bogdan Jasiński"]


def _extract(text: str, lang: str):
    from stance.extract import extract_quotes

    return extract_quotes(text, lang)


def test_a_surname_with_a_joined_particle_is_one_name():
    text = "Truce\n\nEnvoy Faisal al-Harbi said the truce would hold. Al-Harbi added that talks would go on."
    assert speakers(text, "en") == ["Faisal al-Harbi", "Faisal al-Harbi"]


@needs_morfeusz
@pytest.mark.parametrize("sentence, speaker", [
    ("MSZ Węgier oświadczyło, że Budapeszt nie poprze pakietu.", "MSZ Węgier"),
    ("Ukraińskie MSZ przekazało, że rozejm to pułapka.", "Ukraińskie MSZ"),
    ("Dyplomata UE zaznajomiony z przebiegiem rozmów powiedział, że luka się zmniejsza.",
     "dyplomata UE zaznajomiony z przebiegiem rozmów"),
    ("Jeden z unijnych dyplomatów zaznajomionych z przebiegiem rozmów powiedział, że nic się nie zmieniło.",
     "unijny dyplomata"),
    ("Minister zapytany o sankcje odpowiedział, że nic nie wie.", "minister"),
])
def test_polish_institutions_and_descriptions_keep_their_words(sentence, speaker):
    assert speakers("Rozmowy\n\n" + sentence, "pl") == [speaker]


@needs_morfeusz
def test_the_ministry_noun_finds_an_institution_with_an_adjective_before_it():
    text = "Rozmowy\n\nPolskie MSZ poinformowało, że ambasador wraca. Resort dodał, że to koniec."
    assert speakers(text, "pl") == ["Polskie MSZ", "Polskie MSZ"]


@pytest.mark.parametrize("lead, lang", [
    ("Kiedy pytam, dlaczego znowu wyjechał na drogę, długo milczy. Potem mówi:", "pl"),
    ("Amina Dirar keeps a whiteboard of every reported violation. She describes a typical week:", "en"),
])
def test_a_paragraph_ending_in_a_verb_of_saying_and_a_colon_introduces_the_next(lead, lang):
    speech = "W magazynie mam jeszcze pszenicę z zeszłego roku." if lang == "pl" else \
        "On Monday the army tells us a village was burned. On Tuesday nobody calls."
    text = "Na granicy\n\nMarek Jaszczuk siedzi w ciągniku.\n\n" if lang == "pl" else "On the border\n\n"
    got = _extract(text + lead + "\n\n" + speech + "\n\nThe end.", lang)
    assert [(q.kind, q.text) for q in got if q.text == speech] == [("direct", speech)]


# -- round 6 (pl-b35 … pl-b50, en-b25 … en-b32) -----------------------------------------------
@pytest.mark.parametrize("text, speaker", [
    ("Talks\n\nA Kenyan official familiar with the talks said the fee question had gone to a committee.",
     "Kenyan official familiar with the talks"),
    ("Live\n\n17.55 BST - Penrose has been answering questions. He told MPs the offer was final.", "Penrose"),
    ("Shop\n\nMarjatta Leinonen runs a shop.\n\nShe does not blame the government, she says.", "Marjatta Leinonen"),
])
def test_english_speakers_round6(text, speaker):
    assert speakers(text, "en") == [speaker]


@needs_morfeusz
@pytest.mark.parametrize("text, expected", [
    ("Relacja\n\n11:30\nRzecznik MSZ Sudanu Osman al-Tayeb oskarżył RSF o „granie na czas”.\n\n"
     "12:00\nAl-Tayeb dodał, że Chartum może wycofać się z rozmów.", ["Osman al-Tayeb", "Osman al-Tayeb"]),
    ("Blokada\n\nAmbasada Ukrainy w Warszawie oświadczyła, że blokada narusza zasady handlu.",
     ["Ambasada Ukrainy w Warszawie"]),
    ("Blokada\n\nOkręgowy Inspektorat Pracy w Zielonej Górze poinformował, że przeprowadzi kontrolę.",
     ["Okręgowy Inspektorat Pracy w Zielonej Górze"]),
    ("Blokada\n\nMinisterstwo Rolnictwa w poniedziałek poinformowało, że rozmowy trwają.", ["Ministerstwo Rolnictwa"]),
])
def test_polish_speakers_round6(text, expected):
    assert speakers(text, "pl") == expected
