"""Rules for shapes read in the round-12 and round-13 tuning articles (before round 14 was
scored blind). Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz, speakers
from stance.extract import extract_quotes


# -- an anonymous source after "według" / "zdaniem" ---------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_clause_after_a_described_source_keeps_its_subject(model):
    # the source is genitive after the frame: a word that cannot be genitive (and is no
    # preposition's object) is the reported clause's subject, not part of the description
    text = ("Według osoby z otoczenia wojewody decyzja już zapadła.\n\n"
            "Zdaniem rozmówcy z ministerstwa ustawa wejdzie w życie w marcu.\n\n"
            "Według źródła zbliżonego do rozmów obie strony są blisko porozumienia.")
    got = found(text, "pl", model)
    assert [t for t, _s, _k in got] == ["decyzja już zapadła", "ustawa wejdzie w życie w marcu",
                                        "obie strony są blisko porozumienia"]
    assert got[0][1] == "osoba z otoczenia wojewody"
    assert got[2][1] == "źródło zbliżone do rozmów"  # the participle agrees with the noun in the nominative


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_participle_after_a_governed_role_is_nominative(model):
    text = ("Według dyplomaty zaangażowanego w rozmowy porozumienie jest gotowe.\n\n"
            "Według osoby zaznajomionej z przebiegiem prac zarządu zakład zostanie sprzedany.")
    assert speakers(text, "pl", model) == ["dyplomata zaangażowany w rozmowy",
                                           "osoba zaznajomiona z przebiegiem prac zarządu"]


@needs_morfeusz
def test_the_papers_own_possessive_is_dropped_after_a_frame():
    # "naszego rozmówcy" is the paper's source, as "nasz rozmówca" is in the nominative
    qs = extract_quotes("Zdaniem naszego rozmówcy porozumienie jest możliwe jeszcze przed końcem roku.", "pl",
                        speaker_model="rules")
    assert [(q.text, q.speaker) for q in qs] == [("porozumienie jest możliwe jeszcze przed końcem roku", "rozmówca")]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_name_after_an_institutions_place_and_a_rank_is_the_role_holder(model):
    # "w Lublinie" after the institution's own name, then a police rank before the person
    text = ("Rzeczniczka Komendy Wojewódzkiej Policji w Lublinie podkom. Ewa Gołąb poinformowała, "
            "że ruch jest kierowany objazdem.")
    assert speakers(text, "pl", model) == ["Ewa Gołąb"]


# -- the ranker's gender of a name ------------------------------------------------------------
@needs_morfeusz
def test_family_members_keep_their_own_gender_in_the_ranker():
    from stance.extract.pipeline import stages
    from stance.extract.ranker_features import CandidateFinder

    text = ("Jan Nowak prowadzi gospodarstwo od trzydziestu lat. Jego żona Anna Nowak zajmuje się sprzedażą.\n\n"
            "– Nie sprzedamy ziemi – powiedziała Anna Nowak.\n\n– Ja też nie – dodał Jan Nowak.")
    _chosen, resolver = stages(text, "pl")
    finder = CandidateFinder(text, resolver)
    assert finder.key_info("anna nowak", "Anna Nowak")[2] == "f"
    assert finder.key_info("jan nowak", "Jan Nowak")[2] == "m"
    # the surname alone says nothing when its bearers differ
    assert finder.key_info("nowak", "Nowak")[2] == ""


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_capitalised_genitive_after_a_role_in_apposition_is_no_second_name(model):
    # the person was named just before the comma: "Lignary" is the firm's genitive, and the
    # bare role later is she
    text = ("– Nie damy rady – mówi Agata Wilk-Brzozowska, rzeczniczka Lignary. Według rzeczniczki zakład zostanie.\n\n"
            "Jan Lis, rzecznik Orlenu, powiedział, że ceny spadną.")
    assert speakers(text, "pl", model) == ["Agata Wilk-Brzozowska"] * 2 + ["Jan Lis"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_rank_of_two_abbreviations_links_the_role_to_its_holder(model):
    text = ("Komendant powiatowy policji mł. insp. Bogdan Sitek zaapelował do kierowców, by nie wjeżdżali "
            "na zalane drogi. – Pół metra wody wystarczy – powiedział komendant.")
    assert speakers(text, "pl", model) == ["Bogdan Sitek", "Bogdan Sitek"]


# -- English wire copy and interviews ---------------------------------------------------------
def test_a_dateline_is_no_speaker_and_a_state_abbreviation_ends_no_sentence():
    from stance.extract.words import _after_stamp

    for text, rest in [("HARRISBURG, Pa. — The younger brother", "The younger brother"),
                       ("SECHELT, B.C. — Dozens of residents", "Dozens of residents"),
                       ("NEW YORK — The mayor", "The mayor"),
                       ("NATO – sojusz", "NATO – sojusz"),  # no capital after the dash: no dateline
                       ("10:15 GMT - Pike", "Pike")]:
        assert text[_after_stamp(text, 0, len(text)):] == rest
    text = ("HARRISBURG, Pa. — The younger brother of a former transit chief told a federal jury Wednesday "
            "that he had inflated bids.")
    assert "HARRISBURG" not in speakers(text, "en", "rules")


def test_a_place_ending_in_a_geographic_word_is_no_person():
    text = ("OTTAWA — Aurélie Bastarache has spent three years as Canada's chief negotiator.\n\n"
            "In the interview, in her office overlooking the Ottawa River, she said a deal was within reach.")
    assert "Ottawa River" not in speakers(text, "en", "rules")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_interview_whose_headline_gives_a_role_is_with_the_person_the_lead_introduces(model):
    text = ("Canada's chief negotiator: \u201cWe will not sign a bad deal\u201d\n\n"
            "OTTAWA — Aurélie Bastarache has spent three years shuttling between Ottawa and Jakarta as Canada's "
            "chief negotiator. She sat down with The Ledger to talk about the talks.\n\n"
            "In the interview, in her office overlooking the Ottawa River, she said a deal was still within reach.\n\n"
            "Q: Where do the talks stand?\n\n"
            "A: We have closed 14 of the 21 chapters.\n\n"
            "Q: Is a deal this year realistic?\n\n"
            "A: It is possible. I would not say more than that.")
    got = speakers(text, "en", model)
    assert got[-2:] == ["Aurélie Bastarache", "Aurélie Bastarache"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_relative_clause_closed_before_the_verb_leaves_the_sentences_subject(model):
    text = ("Dr Helen Rennie, a fisheries ecologist at the University of Aberdeen who has studied crab behaviour "
            "near cable routes in the North Sea, says the fields change how crabs move.\n\n"
            "Brent Saylor, a lobbyist for the Cascade Energy Providers Association, which represents the "
            "utilities, warned that agencies could downgrade them.\n\n"
            "NDP education critic Marguerite Thibodeau, who spoke to reporters outside the chamber, said her "
            "party would table a motion.")
    assert speakers(text, "en", model) == ["Helen Rennie", "Brent Saylor", "Marguerite Thibodeau"]


def test_a_form_of_address_picks_the_family_member_of_its_gender():
    text = ('Margaret Heywood, 79, has lived in the village all her life. "I never drove," she said.\n\n'
            "Her husband, Brian Heywood, 81, gave up his licence.\n\n"
            '"They take away the one bus we have got," said Mr Heywood.\n\n'
            '"It is a disgrace," said Mrs Heywood.')
    assert speakers(text, "en", "rules") == ["Margaret Heywood", "Brian Heywood", "Margaret Heywood"]


# -- institutions named once in full --------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institution_keeps_its_quoted_name_and_its_common_noun_refers_back_to_it(model):
    text = ("Strajk ogłosił Wolny Związek Zawodowy „Rama”, do którego należy dwie trzecie załogi. "
            "W komunikacie związek poinformował, że referendum poparło strajk.\n\n"
            "Komenda Powiatowa Policji w Łowiczu przypomina, że zginęło jedenaście osób. "
            "Komenda dodała, że kontrole będą częstsze.")
    assert speakers(text, "pl", model) == ["Wolny Związek Zawodowy „Rama”"] + ["Komenda Powiatowa Policji w Łowiczu"] * 2


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_womans_surname_after_the_role_she_holds_in_its_base_form_is_her_name(model):
    text = ("Dyrektor szpitala Beata Jastrzębska nie chciała rozmawiać. W ocenie dyrektor Jastrzębskiej "
            "do kompromisu jest bliżej.\n\nRzecznik Komisji Europejskiej powiedział, że granica jest bezpieczna.")
    assert speakers(text, "pl", model) == ["Beata Jastrzębska", "rzecznik Komisji Europejskiej"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_office_named_with_a_preposition_modifies_the_role_after_it(model):
    text = 'A Department for Transport spokesperson said: "We urge both sides to keep talking."'
    assert speakers(text, "en", model) == ["Department for Transport spokesperson"]


def test_a_that_inside_an_enclosed_relative_clause_is_no_clause_boundary():
    text = ("A Broadsea spokesperson, who asked that her name not be used, said an officer would be "
            "based in the village.")
    assert speakers(text, "en", "rules") == ["Broadsea spokesperson"]


def test_a_hearer_before_a_bare_clause_and_a_question_after_say():
    text = ("Castellano told jurors they should expect to begin deliberations early next week.\n\n"
            "Her neighbour Amrit Sandhu, 41, told council he had counted 62 gravel trucks.\n\n"
            "She did not say whether Colin Marsh would testify.")
    assert [t for t, _s, _k in found(text, "en", "rules")] == [
        "they should expect to begin deliberations early next week", "he had counted 62 gravel trucks"]


def test_a_bare_clause_before_and_that_is_a_statement_of_its_own():
    text = ('He said the walkout would go ahead as planned and that the union would not ballot members on '
            'what he called a "paper-thin" offer.')
    assert [(t, k) for t, _s, k in found(text, "en", "rules")] == [
        ("the walkout would go ahead as planned", "indirect"), ("paper-thin", "fragment")]


# -- speed: what documents share ----------------------------------------------------------------
@needs_morfeusz
def test_word_classes_shared_across_documents_do_not_depend_on_the_order_they_are_read():
    # "Nowak" after a given name, alone, and opening a sentence; "Lis" likewise: the shared
    # classes are only those no neighbour decides
    a = "Rzecznik Jan Nowak powiedział, że Lis przyjedzie. – Tak – dodał Nowak."
    b = "Nowak nie przyjechał. Anna Lis, rzeczniczka spółki, zapewniła, że Nowak się spóźni."
    first = [extract_quotes(t, "pl") for t in (a, b)]
    second = [extract_quotes(t, "pl") for t in (b, a)][::-1]
    assert [[q.to_dict() for q in qs] for qs in first] == [[q.to_dict() for q in qs] for qs in second]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_statement_in_a_pp_before_the_verb_and_a_medium_as_hearer_leave_the_subject(model):
    text = ("Dyrekcja szpitala w oświadczeniu przesłanym redakcji przekazała, że zaległe podwyżki zostaną wypłacone.\n\n"
            "Ambasada Ukrainy w Warszawie oświadczyła, że blokada narusza zasady.")
    assert speakers(text, "pl", model) == ["dyrekcja szpitala", "Ambasada Ukrainy w Warszawie"]


def test_testimony_and_reminders_report_clauses():
    text = ("Karen Oyelaran, the former chief financial officer, testified Tuesday that she had flagged the invoices.\n\n"
            "Judge Susan Carrow reminded jurors that they must not carry out any research.\n\n"
            "She would not accept any change that raised the deficit, she said.")
    assert found(text, "en", "rules") == [
        ("she had flagged the invoices", "Karen Oyelaran", "indirect"),
        ("they must not carry out any research", "Susan Carrow", "indirect"),
        ("She would not accept any change that raised the deficit", "Susan Carrow", "indirect")]


@needs_morfeusz
def test_not_hiding_something_is_saying_it():
    text = ("Starosta Ireneusz Mądry nie kryje, że jest przeciwny tym planom.\n\n"
            "Kryje się za tym coś więcej, niż widać.")
    qs = extract_quotes(text, "pl", speaker_model="rules")
    assert [(q.text, q.speaker, q.cue) for q in qs] == [("jest przeciwny tym planom", "Ireneusz Mądry", "nie kryje")]


@needs_morfeusz
def test_more_polish_verbs_of_saying_attribute_dash_speech():
    text = ("– Skok na kasę i tyle – kwituje krótko Krzysztof Majewski, który czeka na pociąg.\n\n"
            "– Mieszkańcy zapłacą więcej za gorszą usługę – grzmiała radna Monika Pietrzak.")
    assert speakers(text, "pl", "rules") == ["Krzysztof Majewski", "Monika Pietrzak"]


def test_a_person_familiar_with_the_matter_is_an_anonymous_source():
    text = ("Norrvik had approached Haldane twice before, according to a person familiar with the matter.\n\n"
            "A person close to the talks said the deal was done.\n\n"
            "And then call that person on a quiet day.")
    assert speakers(text, "en", "rules") == ["person familiar with the matter", "person close to the talks"]


def test_a_bare_clause_whose_subject_carries_a_phrase_before_its_auxiliary():
    text = ("Cllr Fiona Blackwood, cabinet member for transport, said traffic on Orchard Road had fallen by "
            "62 per cent since the trial began.\n\nHe said nothing, and left.")
    assert found(text, "en", "rules") == [
        ("traffic on Orchard Road had fallen by 62 per cent since the trial began", "Fiona Blackwood", "indirect")]
