"""Rules for shapes the round-8 blind tuning articles (pl-b67 … pl-b82, en-b49 … en-b64) showed:
names and roles, institutions, web debris, reported clauses and frames. Texts are invented for
the tests; every rule is checked with both speaker models where the speaker is the point."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz, speakers


# -- names and roles --------------------------------------------------------------------
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_councillor_is_named_without_the_title(model):
    text = ('The leader of the opposition, Councillor Ravi Lomax, accused the mayor of "selling the silver". '
            '"We will vote against it," Councillor Jean Hale said.')
    assert speakers(text, "en", model) == ["Ravi Lomax", "Jean Hale"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_country_in_the_genitive_before_a_name_is_the_roles_complement(model):
    text = ("Granica pozostanie zamknięta do odwołania – oświadczyła w poniedziałek minister spraw "
            "wewnętrznych Łotwy Dalia Ozolina.")
    assert speakers(text, "pl", model) == ["Dalia Ozolina"]


@needs_morfeusz
def test_a_south_slavic_surname_in_ic_declines_to_its_base_form():
    text = ("Najwięcej emocji wzbudziło wystąpienie prezydenta Serbii Dragana Jovicia. "
            "Według prezydenta Jovicia, Belgrad nie uzna tej decyzji.")
    assert speakers(text, "pl") == ["Dragan Jović"]


@needs_morfeusz
def test_a_surname_after_a_role_in_its_base_form_is_nominative_as_written():
    # morfeusz2 knows "Musa" only as the genitive of "Mus"; after "rzecznik" the name agrees with it
    text = "Rzecznik ruchu Karim Idris Musa napisał w sieci, że armia blokuje dostawy pomocy."
    assert speakers(text, "pl") == ["Karim Idris Musa"]
    # and after a feminine role noun in its base form
    assert speakers(text.replace("Rzecznik", "Rzeczniczka").replace("Karim", "Amina").replace("napisał", "napisała"),
                    "pl") == ["Amina Idris Musa"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_particle_joined_to_a_surname_stays_while_the_surname_declines(model):
    text = ("Mediator spotkał się w czwartek z generałem Hasanem al-Karimem. Generał al-Karim powiedział "
            "dziennikarzom, że armia nie zaakceptuje ustaleń, które „nagradzałyby rebeliantów”.")
    assert speakers(text, "pl", model) == ["Hasan al-Karim"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_relative_clause_before_the_verb_holds_no_subject_of_the_verb(model):
    text = ("Wiceminister spraw zagranicznych Kemal Ozan, który prowadzi spotkania w pałacu Belweder, "
            "poinformował wieczorem, że obie strony zgodziły się kontynuować rozmowy.")
    assert speakers(text, "pl", model)[0] == "Kemal Ozan"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_feminine_role_in_a_headline_is_the_woman_named_with_it_further_on(model):
    text = ("Wiceministra zdrowia: Nie będzie podwyżek składki w tym roku\n\n"
            "Rozmowy z lekarzami utknęły. O tym, co dalej, rozmawiamy z wiceministrą zdrowia Ireną Wolak.")
    assert speakers(text, "pl", model) == ["Irena Wolak"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_role_with_a_generic_complement_is_the_holder_named_in_the_text(model):
    text = ("Uchwała przepadła, a prezydent miasta zapowiedział, że wróci z nią na kolejnej sesji. "
            "Po głosowaniu prezydent Brzezin Tomasz Rybak powiedział dziennikarzom, że szanuje decyzję rady.")
    assert speakers(text, "pl", model) == ["Tomasz Rybak", "Tomasz Rybak"]


def test_a_lone_capital_letter_is_never_a_speaker():
    text = ("In its judgment in Case T-101/24, the court found the evidence too old. "
            "The judges described the evidence as \"insufficiently precise\".")
    assert "T" not in speakers(text, "en", "rules")


# -- headlines and web debris -------------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_headline_quote_the_body_repeats_is_the_body_speakers(model):
    text = ("„Nie podpiszemy tego pakietu w obecnym kształcie”\n\n"
            "Budapeszt znów zablokował sankcje.\n\n"
            "„Nie podpiszemy tego pakietu w obecnym kształcie. Nasze rodziny nie będą płacić za cudze ambicje” "
            "– powiedział minister spraw zagranicznych Węgier Lajos Farkasz.")
    assert speakers(text, "pl", model) == ["Lajos Farkasz", "Lajos Farkasz"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_headline_role_gives_way_to_the_named_speaker_of_the_same_words(model):
    text = ("'We are close, but we are not there', says Almiran negotiator\n\n"
            "VIENNA (Agency) - Talks on the sea border will run into an extra day.\n\n"
            "\"We are close, but we are not there. One more night should do it,\" said Farid Noor, "
            "the head of the Almiran delegation.")
    assert speakers(text, "en", model) == ["Farid Noor", "Farid Noor"]


def test_a_headline_naming_its_own_speaker_keeps_it():
    text = ("Anna Lis: „Nie oddamy ani metra”\n\n"
            "„Nie oddamy ani metra” – powtórzył w czwartek Jan Kos.")
    assert speakers(text, "pl")[0] == "Anna Lis"


@needs_morfeusz
def test_link_lists_and_bylines_are_not_statements():
    text = ("Budapeszt blokuje sankcje\n\nAutor: Jan Lis\n\n"
            "Węgry po raz kolejny zablokowały pakiet – powiedział nam dyplomata.\n\n"
            "Czytaj także: Minister: Nie pozwolimy zniszczyć gospodarki\n\n"
            "Polecamy:\nRolnicy znów na granicy. Blokada potrwa do odwołania\n"
            "Wiceminister: Rozmowy z Kijowem w przyszłym miesiącu")
    assert found(text, "pl") == [("Węgry po raz kolejny zablokowały pakiet", "dyplomata", "direct")]


def test_a_read_more_line_is_no_statement():
    text = ("The strike hit the port on Monday.\n\nREAD MORE: Ferry timetable cut as strike hits freight\n\n"
            "Jan Ekdal, a crane operator, said he had already lost three weeks' pay.")
    assert [s for _t, s, _k in found(text, "en")] == ["Jan Ekdal"]


@needs_morfeusz
def test_a_one_word_section_label_that_is_a_common_noun_is_no_speaker():
    text = "Wiadomości dnia\n\nPogoda: w całym kraju pochmurno, na wschodzie przelotne opady deszczu."
    assert found(text, "pl") == []


# -- English institutions and subjects -----------------------------------------------------
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_plural_possessive_inside_an_institutions_name(model):
    text = ("A spokesman for the Tarn Valley Growers' Association said its offer remained on the table. "
            "The Dock Workers' Union said it would strike.")
    assert speakers(text, "en", model) == ["spokesman for the Tarn Valley Growers' Association", "Dock Workers' Union"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_committee_is_the_committee_named_before(model):
    text = ("MPs on the Harbour Defence Committee questioned the chief executive of Clyde Marine Systems on "
            "Tuesday. The committee warned that the budget had never been realistic.")
    assert speakers(text, "en", model) == ["Harbour Defence Committee"]


def test_the_association_is_the_one_a_role_named():
    text = ("A spokesman for the Larn Terminal Operators' Association said the offer stood. The association, "
            "which represents four terminals, warned that shipping lines were diverting cargo.")
    assert speakers(text, "en", "rules")[1] == "Larn Terminal Operators' Association"


def test_she_is_carried_to_a_person_not_to_an_institution():
    text = ('Teresa Okafor, the finance chair, met the unions. The Council said it would not reopen the budget. '
            '"Not for a single contract," she said.')
    assert speakers(text, "en", "rules") == ["Council", "Teresa Okafor"]


@pytest.mark.parametrize("text, speaker", [
    ("Lorry drivers face more detours after the Tolen Bridge Authority confirmed that the bridge would stay shut.",
     "Tolen Bridge Authority"),
    ("Talks stalled on Wednesday, with the United Nations envoy saying the delegations had hardened.",
     "United Nations envoy"),
])
def test_a_phrase_after_a_clause_opening_preposition_is_the_cues_subject(text, speaker):
    assert speakers(text, "en", "rules") == [speaker]


def test_a_participle_opening_a_sentence_is_no_name():
    text = ("Sitting two chairs away, Northline's chief executive, Rosa Achebe, said the company could not "
            "go beyond its offer. Manning said it was fine.")
    assert speakers(text, "en", "rules") == ["Rosa Achebe", "Manning"]


def test_an_asked_whether_opener_is_no_speech_event():
    text = ('Rosa Achebe said the company could not go on. Asked whether Northline would drop its challenge, '
            'she replied: "That is on the table."')
    assert found(text, "en", "rules") == [("the company could not go on", "Rosa Achebe", "indirect"),
                                          ("That is on the table.", "Rosa Achebe", "direct")]


# -- reported clauses ----------------------------------------------------------------------
def test_an_embedded_cue_does_not_hide_a_later_adding_that():
    text = ("Dario Pesk said the detour through Marn added 90 kilometres to every trip, adding that he would "
            "have to lay off drivers.")
    assert found(text, "en") == [("the detour through Marn added 90 kilometres to every trip", "Dario Pesk", "indirect"),
                                 ("he would have to lay off drivers", "Dario Pesk", "indirect")]


@needs_morfeusz
def test_a_comma_conjunction_and_past_verb_close_a_polish_reported_clause():
    text = ("Premier zapewnił, że jest gotów przyjechać do Brukseli na spotkanie, i zwrócił się do "
            "przewodniczącego z prośbą o wyznaczenie daty.")
    assert [t for t, _s, _k in found(text, "pl")] == ["jest gotów przyjechać do Brukseli na spotkanie"]


def test_but_that_starts_a_second_statement_of_the_same_cue():
    text = ("Rosa Achebe said the company could not go beyond its offer, but that it was prepared to "
            "discuss rosters.")
    assert found(text, "en") == [("the company could not go beyond its offer", "Rosa Achebe", "indirect"),
                                 ("it was prepared to discuss rosters", "Rosa Achebe", "indirect")]


def test_and_that_after_a_relative_that_stays_inside_the_clause():
    text = ("A senior official said the exchange had stalled over 40 names that Korvath says belong to "
            "soldiers and that Lendria insists are civilians.")
    assert len(found(text, "en")) == 1


@pytest.mark.parametrize("text, clause", [
    ("A spokesman said its offer of 4.5 per cent this year and 3 per cent next year remained on the table.",
     "its offer of 4.5 per cent this year and 3 per cent next year remained on the table"),
    ("His colleague Mira Sand said most of the younger workers could no longer afford to rent in the town.",
     "most of the younger workers could no longer afford to rent in the town"),
    ("The Defence Ministry said on Tuesday, however, that two of its positions had come under fire.",
     "two of its positions had come under fire"),
])
def test_bare_reported_clauses_with_a_late_verb_or_an_aside(text, clause):
    assert [t for t, _s, _k in found(text, "en")] == [clause]


def test_a_relative_that_before_a_verb_in_s_does_not_block_a_trailing_clause():
    text = ("Nobody argued.\n\nAn exchange that depends on one side's preconditions is not an exchange but a "
            "ransom, she said.")
    assert [t for t, _s, _k in found(text, "en")] == [
        "An exchange that depends on one side's preconditions is not an exchange but a ransom"]


@pytest.mark.parametrize("lang, text, speaker", [
    ("en", "According to a draft prepared by the European Commission and seen by Allied Press, the measures "
           "would ban EU firms from insuring such vessels.", "European Commission"),
    pytest.param("pl", "Według projektu przygotowanego przez Komisję Europejską, zakaz obejmie wszystkie statki.",
                 "Komisja Europejska", marks=needs_morfeusz),
])
def test_a_frame_citing_a_document_takes_its_author(lang, text, speaker):
    assert speakers(text, lang) == [speaker]


@needs_morfeusz
def test_a_frame_with_a_possessive_inside_is_the_woman_named_before():
    text = ("Komisarz Katarina Lind przyjechała do Podgoricy. W jej ocenie Podgorica może zamknąć "
            "wszystkie rozdziały do końca roku.")
    assert found(text, "pl", "rules") == [
        ("Podgorica może zamknąć wszystkie rozdziały do końca roku", "Katarina Lind", "indirect")]


@needs_morfeusz
def test_a_lowercase_predicate_after_a_naming_marker_is_a_fragment():
    text = "Rzecznik Adam Musa zapewnił, że jego formacja „szanuje wysiłki” mediatorów."
    assert found(text, "pl") == [("szanuje wysiłki", "Adam Musa", "fragment")]


@needs_morfeusz
def test_a_quoted_word_after_slowo_is_no_statement():
    text = "Rząd przyjął plan, w którym na czterdziestu stronach powtarza się słowo „konsolidacja”."
    assert found(text, "pl") == []
