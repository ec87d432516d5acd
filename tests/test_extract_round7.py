"""Rules for shapes the round-7 blind tuning articles (pl-b51 … pl-b66, en-b33 … en-b48) showed,
beyond names (``test_extract_names.py``) and interviews (``test_extract_interview.py``). Texts are
invented for the tests."""

from __future__ import annotations

import pytest

from conftest import found, needs_morfeusz, speakers


@pytest.mark.parametrize("lang, text, speaker", [
    pytest.param("pl", "Szlaban\n\nSklep otwiera się o siódmej.\n\n"
                 "Anna Kurek, 52 lata, sprzedawczyni: Kiedyś miałam tu kolejkę do drzwi. Teraz siedzę i czekam.",
                 "Anna Kurek", marks=needs_morfeusz),
    ("en", "The picket\n\nThe strike is in its fourth week.\n\n"
     "Jen Walsh, 29, a nurse: We are asking for what we are worth. Nothing more.", "Jen Walsh"),
])
def test_a_paragraph_after_a_described_name_and_a_colon_is_that_persons(lang, text, speaker):
    body = text.rsplit(": ", 1)[1]
    assert found(text, lang) == [(body, speaker, "direct")]


@needs_morfeusz
def test_own_words_before_an_inverted_attribution_are_the_speakers_paragraph():
    speech = ("Pisaliśmy do ministerstwa trzy razy. Teraz mówią, że może na wiosnę. "
              "Dostaliśmy jedną odpowiedź, że sprawa jest analizowana")
    text = "Szlaban\n\nW urzędzie gminy liczą straty.\n\n" + speech + ", mówi wójt Jan Lis, sołtys od dwóch kadencji."
    assert found(text, "pl") == [(speech, "Jan Lis", "direct")]



@needs_morfeusz
def test_a_neuter_verb_takes_the_institution_after_a_time_phrase_with_its_adjective():
    text = ("Spór o granice\n\nSpór o granice obszarów morskich na Morzu Egejskim trwa od lat.\n\n"
            "Kolejna runda rozmów odbędzie się w Ankarze w lutym – poinformowało w czwartek wieczorem greckie MSZ.")
    assert found(text, "pl") == [("Kolejna runda rozmów odbędzie się w Ankarze w lutym", "greckie MSZ", "direct")]


@needs_morfeusz
def test_a_foreign_given_name_that_looks_instrumental_stays_with_the_surname_after_a_role():
    text = ("Rozmowy w Stambule\n\n"
            "Szef tureckiej dyplomacji Kerem Aydın wyszedł do dziennikarzy.\n\n"
            "„Dialog jest możliwy” – powiedział.")
    assert speakers(text, "pl") == ["Kerem Aydın"]


@needs_morfeusz
def test_a_university_in_a_prepositional_phrase_is_no_subject_to_carry():
    text = ("Cła na samochody\n\n"
            "Najbardziej sceptyczna jest prof. Anna Lis ze Szkoły Głównej Handlowej, która doradzała rządowi. "
            "Przekonuje, że ceny minimalne są gorsze od ceł.")
    assert speakers(text, "pl") == ["Anna Lis"]


@needs_morfeusz
def test_an_agency_told_before_the_speaker_after_the_verb_is_not_the_speaker():
    text = ("Sankcje\n\nAmbasadorowie nie uzgodnili pakietu. Jak poinformowała IAR rzeczniczka Komisji Europejskiej "
            "Lotte Verhaegen, rozmowy zostaną wznowione w piątek.")
    assert speakers(text, "pl") == ["Lotte Verhaegen"]


def test_the_author_in_a_byline_is_never_a_speaker_and_a_postnominal_rank_is_no_name():
    text = ("Trial hears from investigator\n\nBy Clara Whit, Courts Reporter\n\n"
            "Opening the case for the defence, Owen Pryce KC said his client had relied on a freight agent.\n\n"
            "He added that the paperwork was in order.")
    assert speakers(text, "en") == ["Owen Pryce", "Owen Pryce"]


def test_an_ordinary_word_before_a_preposition_opening_a_sentence_is_no_name():
    text = ("Border trade\n\nJonas Reimer sells tractors in Veltra.\n\n"
            "Back at the showroom, Reimer is polishing a mower.\n\n"
            "“I will be too old to sell tractors,” he says.")
    assert speakers(text, "en") == ["Jonas Reimer"]


@pytest.mark.parametrize("text, clause, speaker", [
    ("Border\n\nIlse Marun, who said she had not crossed the bridge since the winter, walks her boundary every morning.",
     "she had not crossed the bridge since the winter", "Ilse Marun"),
    ("Tariffs\n\nThe trade minister, Lev Markan, told a news conference last week his government would go to the WTO.",
     "his government would go to the WTO", "Lev Markan"),
])
def test_english_reported_speech_in_a_relative_clause_and_after_telling_an_audience(text, clause, speaker):
    assert found(text, "en") == [(clause, speaker, "indirect")]


def test_a_relative_that_does_not_block_a_clause_before_its_attribution():
    text = ("Budget vote\n\nFinance Minister Lidia Ferrante closed the debate. "
            "She would not accept any change that raised the deficit, she said.")
    assert found(text, "en") == [("She would not accept any change that raised the deficit", "Lidia Ferrante", "indirect")]


@needs_morfeusz
def test_a_paragraph_pointing_back_attributes_the_own_voice_paragraph_before_it():
    speech = "My tu nie jesteśmy przeciwko nikomu. Chcemy tylko, żeby ktoś w Warszawie o nas pamiętał."
    text = "Szlaban\n\nSklep pustoszeje.\n\n" + speech + "\n\nTak mówi Anna Kurek, zamykając sklep o szesnastej."
    assert found(text, "pl") == [(speech, "Anna Kurek", "direct")]


@needs_morfeusz
@pytest.mark.parametrize("text, speaker", [
    # the object first, the subject after the verb
    ("Rozmowy\n\nNastępna runda zacznie się w marcu. Termin potwierdził Chalid al-Mansuri, dodając, że tekst jest gotowy.",
     "Chalid al-Mansuri"),
    # a role in the dative before the subject is the hearer
    ("Sejm\n\nProjekt przedstawiła posłom wiceminister finansów Anna Lis. Dodała, że budżet jest bezpieczny.", "Anna Lis"),
    # "mediator" starts like "media" but is a role
    ("Rozmowy\n\nMediator przyjechał rano.\n\n– Jesteśmy bliżej rozejmu – powiedział dziennikarzom mediator.", "mediator"),
    # the verb of a relative clause has that clause's subject
    ("Sankcje\n\nBlokuje go Słowacja, której minister Marek Hudec zażądał od Komisji, by przedstawiła gwarancje.",
     "Marek Hudec"),
])
def test_polish_subjects_in_free_word_order(text, speaker):
    assert speakers(text, "pl", "rules") == [speaker]


def test_the_role_met_again_is_the_nearest_earlier_one_with_its_place():
    text = ("Deal\n\nInterviews with fourteen officials show the deal died.\n\n"
            "An official in the trade ministry said the objection concerned article 6.\n\n"
            "“We could not accept it,” the official said.\n\n"
            "“It was done,” said a senior Brannmark official who was in the room.")
    assert speakers(text, "en", "rules") == [
        "official in the trade ministry", "official in the trade ministry", "senior Brannmark official"]


@needs_morfeusz
def test_a_frame_without_a_subject_reports_from_its_comma_and_a_source_line_is_no_statement():
    text = ("Strajk\n\nMinister zdrowia Agata Kowal otworzyła konferencję. Jak podkreśliła, podwyżki obejmą "
            "wszystkie pielęgniarki w placówkach NFZ, niezależnie od formy zatrudnienia.\n\nŹródło: inf. własna, PAP")
    assert found(text, "pl") == [("podwyżki obejmą wszystkie pielęgniarki w placówkach NFZ, niezależnie od formy "
                                  "zatrudnienia", "Agata Kowal", "indirect")]


def test_a_picture_credit_is_no_headline_statement():
    text = "Sanctions bite\n\nPhotograph: Dimitra Lask/Eastlight\n\nThe ministry said the measures would stay."
    assert found(text, "en") == [("the measures would stay", "ministry", "indirect")]
