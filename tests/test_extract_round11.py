"""Rules for shapes read in the round-11 tuning articles (after round 12 was written blind).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers
from stance.extract import extract_quotes


# -- institutions named by a common noun ------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institution_named_by_a_common_noun_is_the_subject_with_its_modifiers(model):
    # a capitalised adjective opening the sentence modifies the noun after it; the genitive of a
    # country after the noun is its owner, never the speaker
    text = ("Ukraińskie ministerstwo infrastruktury poinformowało, że przez korytarz przepłynęło 112 statków.\n\n"
            "Słowacki rząd poinformował w komunikacie, że nie będzie blokował sankcji.\n\n"
            "Wieczorem ministerstwo rolnictwa Ukrainy przekazało, że eksport wzrośnie.")
    assert speakers(text, "pl", model) == ["ukraińskie ministerstwo infrastruktury", "słowacki rząd",
                                           "ministerstwo rolnictwa Ukrainy"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institution_noun_before_the_institutions_name_gives_the_name(model):
    text = ("Czeska spółka Severochem, która zamówiła nawóz, poinformowała, że zapłaciła z góry.\n\n"
            "Rano miejska spółka Tramwaje Bydgoskie zapewniła, że termin nie jest zagrożony.")
    assert speakers(text, "pl", model) == ["Severochem", "Tramwaje Bydgoskie"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_capitalised_institution_opening_a_sentence_keeps_its_place(model):
    # the noun is in the role lexicon now; capitalised, it still opens an institution's own name
    text = ("Ambasada Ukrainy w Warszawie oświadczyła, że blokada narusza zasady handlu.\n\n"
            "Kuratorium Oświaty w Lublinie poinformowało, że nie otrzymało wniosku.")
    assert speakers(text, "pl", model) == ["Ambasada Ukrainy w Warszawie", "Kuratorium Oświaty w Lublinie"]


@needs_morfeusz
def test_an_institution_noun_is_singular_only():
    # "spółki" after "kierownictwa" is a genitive, not companies speaking; the relative pronoun
    # refers to the person the institution completes
    text = ("Osoba z kierownictwa spółki, która chciała zachować anonimowość, przyznaje, że skala "
            "redukcji może zostać zmniejszona.")
    assert speakers(text, "pl", "rules") == ["osoba z kierownictwa spółki"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_role_at_an_institution_in_a_place_is_one_headline_speaker(model):
    text = ("Dyrektorka szpitala w Sokółce: Bez nowych etatów oddział nie przetrwa zimy\n\n"
            "Szpital powiatowy w Sokółce zawiesza przyjęcia na oddział pediatryczny.")
    got = [(q.speaker, q.cue) for q in extract_quotes(text, "pl", speaker_model=model)]
    assert got == [("dyrektorka szpitala w Sokółce", "headline")]


# -- which clause a subject belongs to -----------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_subject_of_a_question_clause_is_not_the_one_who_answers(model):
    text = ("Wiceminister finansów Rafał Ostrowski przekonywał, że koszt mieści się w budżecie. "
            "Pytany, czy rząd jest gotów na kolejne ustępstwa, odpowiedział krótko: „Na dziś nie ma na to przestrzeni”. "
            "Pytany, czy premier poprze projekt, odparł, że decyzja należy do Sejmu.")
    assert speakers(text, "pl", model) == ["Rafał Ostrowski"] * 3


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_participle_after_a_reported_clause_takes_the_main_subject(model):
    # "spółka", "minister" are the reported clause's subjects; "dodając" continues the one who "przekonuje"
    text = ("Wiceprezes Poczty Polskiej Jacek Sobczyk przekonuje, że bez zmian spółka straci płynność, "
            "dodając, że większość redukcji odbędzie się przez odejścia naturalne. Burmistrz Anna Lis "
            "zapewnia, że minister zna sprawę, dodając, że gmina czeka na jego decyzję.")
    assert speakers(text, "pl", model) == ["Jacek Sobczyk"] * 2 + ["Anna Lis"] * 2


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_relative_pronoun_agrees_with_the_phrase_it_refers_to(model):
    # "które" (neuter) is the source's, not the government's (masculine)
    text = ("Źródło zbliżone do rządu, które prosiło o anonimowość, przekazało agencji, że ministerstwo "
            "nie zgodzi się na podwyżki.")
    assert speakers(text, "pl", model) == ["źródło zbliżone do rządu"]


# -- who a role or a pronoun stands for ----------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_role_in_the_headline_is_the_person_the_body_names_with_its_modifiers(model):
    text = ("Polski ambasador przy UE: Budapeszt gra na czas\n\n"
            "Ambasadorowie państw Unii po raz trzeci nie uzgodnili pakietu sankcji. – Za każdy tydzień zwłoki "
            "płaci Ukraina – powiedział stały przedstawiciel Polski przy UE Tomasz Wierzbicki.")
    assert speakers(text, "pl", model) == ["Tomasz Wierzbicki", "Tomasz Wierzbicki"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_first_of_two_surnames_is_the_person_with_both(model):
    text = ('UN envoy Rafael Ortega Ibáñez arrived in Khartoum. "We have no time," Ortega Ibáñez said. '
            "Ortega added that talks would last a week.")
    assert speakers(text, "en", model) == ["Rafael Ortega Ibáñez"] * 2


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_group_is_never_the_she_of_a_later_sentence(model):
    text = ("Minister Ruth Kiprop spoke on Tuesday. Several drivers who had travelled from Namanga waited "
            "outside the building.\n\nShe also noted that exports had grown by 11 percent.")
    assert speakers(text, "en", model) == ["Ruth Kiprop"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_office_named_by_a_list_keeps_the_name_after_it(model):
    text = ("Kenya's Cabinet Secretary for Investments, Trade and Industry, Ruth Atieno Kiprop, said on "
            "Tuesday that the government would not retaliate.")
    assert speakers(text, "en", model) == ["Ruth Atieno Kiprop"]


# -- English clauses -------------------------------------------------------------------------------
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_nothing_inside_the_question_a_sentence_opens_with_speaks(model):
    text = ("Deputy Foreign Minister Narek Baghdasarov told the paper that the sides had settled the wording.\n\n"
            'Asked by the newspaper whether Armenia feared a new escalation, he replied: "Fear is not a policy."\n\n'
            "Deputy Prime Minister Lotte Verbeke left at noon. Pressed on whether her party would leave the "
            'government, the deputy prime minister said that "nobody is leaving anything tonight".')
    assert speakers(text, "en", model) == ["Narek Baghdasarov", "Narek Baghdasarov", "Lotte Verbeke"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_phrase_after_a_form_of_be_is_no_subject_a_pronoun_takes(model):
    text = ("Her husband, Farhod, drives a minibus between Chorku and Isfara. Until the clashes, half of his "
            'passengers were Kyrgyz.\n\n"The canal," he said, "has never taken a side."')
    assert speakers(text, "en", model)[0] == "Farhod"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_relative_that_and_a_party_affiliation_stay_inside_the_subject(model):
    text = ("Opening the debate, Rep. Dale Hutchins (R-Ohio), chairman of the subcommittee that drafted the "
            'measure, said Iran had sold more oil "because we stopped enforcing our own laws." '
            '"This bill," he said, "is about enforcement."')
    assert speakers(text, "en", model) == ["Dale Hutchins"] * 3


# -- more institutions -----------------------------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institutions_name_after_its_noun_and_complement_is_the_speaker(model):
    text = ("Europejska organizacja rolników Copa-Cogeca w raporcie ostrzega, że import obniży ceny skupu.\n\n"
            "Premier Kosowa Arben Krasniqi milczy. Kosowski urząd statystyczny podał, że Serbia była drugim dostawcą.")
    assert speakers(text, "pl", model) == ["Copa-Cogeca", "kosowski urząd statystyczny"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institution_in_someone_elses_words_is_not_the_next_omitted_subject(model):
    text = ("Przewodniczący związku Jan Kot przypomniał, że w referendum za protestem opowiedziało się 87 proc. "
            "głosujących. Jak zaznaczył, strajk potrwa do skutku, o ile zarząd nie przedstawi nowej oferty. "
            "Zarzucił prezesowi spółki, że ani razu nie spotkał się z pracownikami.")
    assert speakers(text, "pl", model) == ["Jan Kot"] * 3


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_two_roles_joined_by_and_belong_to_the_name_before_them(model):
    text = ("Ewa Jarosz, posłanka opozycji i wiceprzewodnicząca sejmowej komisji finansów, nazwała projekt "
            "„budżetem pustych obietnic”.")
    assert speakers(text, "pl", model) == ["Ewa Jarosz"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_surname_that_is_a_rare_noun_after_a_foreign_given_name_is_a_name(model):
    # "Hélène" is unknown to morfeusz2, "Marchand" a noun it knows; "Traub" is a surname after a given name
    text = ("Francuska minister rolnictwa Hélène Marchand powiedziała, że Paryż oczekuje oceny skutków. "
            "Według Sabine Traub Unia powinna najpierw negocjować.")
    assert speakers(text, "pl", model) == ["Hélène Marchand", "Sabine Traub"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_groups_ports_and_residents_on_a_place_are_speakers(model):
    text = ("Rights groups said the law was unfair.\n\nThe Port of Dover said passengers should allow six hours.\n\n"
            "Residents on the island said they would appeal.")
    assert speakers(text, "en", model) == ["Rights groups", "Port of Dover", "residents on the island"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_dash_attribution_may_open_with_tak(model):
    text = ("Wiceminister Ołeksij Hryciuk przyjechał rano.\n\n17:05\n– Rozmawiamy, ale nie za wszelką cenę – tak "
            "wiceminister Hryciuk skomentował w przerwie pytanie o żądania.")
    got = [(q.text, q.speaker) for q in extract_quotes(text, "pl", speaker_model=model)]
    assert got == [("Rozmawiamy, ale nie za wszelką cenę", "Ołeksij Hryciuk")]


# -- read in round 12 after it was scored blind -------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_persons_name_after_an_institution_noun_starts_a_phrase_of_its_own(model):
    text = ("Przewodnicząca działającego w zakładzie związku zawodowego Danuta Pyka ocenia, że załoga dowiedziała "
            "się o przestoju w ostatniej chwili. Rzecznik rządu Piotr Lasota zapewnił, że rząd jest gotów rozmawiać.")
    assert speakers(text, "pl", model) == ["Danuta Pyka", "Piotr Lasota"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institution_in_apposition_to_a_role_is_the_speaker_and_answered_is_a_cue(model):
    text = ("The state body that handles exchanges, the Coordination Headquarters for the Treatment of Prisoners "
            "of War, says it cannot disclose how many Ukrainians are held.\n\n"
            'Trevor Marsh testified on Tuesday. Asked how much he usually added, the younger Marsh answered: '
            '"Add twenty, twenty-five percent."')
    got = [(q.speaker, q.cue) for q in extract_quotes(text, "en", speaker_model=model)]
    assert got == [("Coordination Headquarters for the Treatment of Prisoners of War", "says"), ("Trevor Marsh", "answered")]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_council_titles_are_no_part_of_a_name(model):
    text = ("Cllr Dave Renshaw said the decision was rushed. Councilmember Ana Ruiz said the package "
            "protected every filled position.")
    assert speakers(text, "en", model) == ["Dave Renshaw", "Ana Ruiz"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institutions_class_before_its_name_is_no_part_of_it(model):
    text = ("Firma Kruszbud zapewnia, że ciężarówki ominą wieś. Ministerstwo Infrastruktury uważa, że nie. "
            "Ambasada Ukrainy w Warszawie oceniła, że blokada szkodzi obu stronom.")
    assert speakers(text, "pl", model) == ["Kruszbud", "Ministerstwo Infrastruktury", "Ambasada Ukrainy w Warszawie"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_frame_after_a_live_blogs_time_stamp_opens_the_entry(model):
    text = ("Fala na Odrze [RELACJA NA ŻYWO]\n\n22:30 Według Instytutu Meteorologii i Gospodarki Wodnej fala "
            "kulminacyjna dotrze do Opola między 23.30 a 0.30.")
    got = [(q.text, q.speaker) for q in extract_quotes(text, "pl", speaker_model=model)]
    assert got == [("fala kulminacyjna dotrze do Opola między 23.30 a 0.30",
                    "Instytut Meteorologii i Gospodarki Wodnej")]
