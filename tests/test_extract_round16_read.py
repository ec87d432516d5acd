"""Rules for shapes read in the round-16 tuning articles (after round 16 was scored blind at this
session's start and at its last rule before it was read; round 17 stays unread). Texts are
invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_sentence_opening_adverb_is_no_name_and_no_part_of_an_office(model):
    text = ("Burmistrz Jan Kłos nie pojawił się w sądzie. Wieczorem w mediach społecznościowych napisał, że „szanuje sąd”.\n\n"
            "Oficjalnie Urząd Miasta Poznania zapewnia, że jest otwarty na rozmowy.\n\n"
            "Prawniczka Anna Lis ma inne zdanie. Tyle że prawniczka wyciąga z tego wniosek: „Uchwałę trzeba wycofać” – dodała.")
    assert speakers(text, "pl", model) == ["Jan Kłos", "Urząd Miasta Poznania", "Anna Lis"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_places_name_after_its_kind_is_no_speaker(model):
    text = ("Drugi z organizatorów, Stanisław Bojarczuk z gminy Rudnik, przekonuje, że protest nie jest wymierzony w kierowców.\n\n"
            "Pani Halina z ul. Ługowej pisze, że wichura zerwała dach.")
    assert speakers(text, "pl", model) == ["Stanisław Bojarczuk", "Halina"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_parish_priest_by_his_role(model):
    text = ("Proboszcz parafii św. Józefa ks. Henryk Gawlik chce sprzedać dom. – Parafia takich pieniędzy nie ma – mówi ks. Gawlik.\n\n"
            "Proboszcz zapewnia, że decyzja nie zapadła pochopnie.")
    assert speakers(text, "pl", model) == ["Henryk Gawlik", "Henryk Gawlik"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_age_before_a_description_belongs_to_it(model):
    text = ("– Ojciec mówi, że było ciężko – mówi 29-latek spod Izbicy, który prosi o anonimowość.\n\n"
            "Jedna z pacjentek, 74-letnia mieszkanka Sulejowa, powiedziała PAP, że pielęgniarki „robią więcej”.")
    assert speakers(text, "pl", model) == ["29-latek spod Izbicy", "74-letnia mieszkanka Sulejowa"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_womans_undeclined_role_before_her_name_in_the_genitive(model):
    text = ("Sesję otworzyła prezentacja skarbnik miasta Beaty Maciejewskiej. – Dochody wzrosną – mówiła. "
            "Maciejewska ostrzegła jednocześnie, że zadłużenie rośnie.\n\n"
            "Szef MSW Litwy Jan Kos powiedział, że granica jest bezpieczna.")
    assert speakers(text, "pl", model) == ["Beata Maciejewska", "Beata Maciejewska", "Jan Kos"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_unions_quoted_name_inside_a_role(model):
    text = ("Szef zakładowej „Solidarności” w Kolejach Mazurskich Marek Kubiak zaapelował, by strony rozmawiały. "
            "– Nie odchodźcie od stołu – mówił Kubiak.")
    assert speakers(text, "pl", model) == ["Marek Kubiak", "Marek Kubiak"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_english_ranks_groups_and_joined_names(model):
    text = ("The family had shown “extraordinary dignity” throughout the case, said PC Gareth Lowe, of the county force.\n\n"
            "Two employees in the Dublin office said they had been told to expect cuts “within weeks”.\n\n"
            "Opposition councillors said the cabinet had not considered the plan.\n\n"
            "Swimmer Dennis Oakes, 79, told the Gazette he had “never seen the town so angry”.\n\n"
            "The Road and Transport Workers' Federation (RTWF) said the offer was poor. "
            "The result will be announced the following day, the RTWF said.")
    assert speakers(text, "en", model) == ["Gareth Lowe", "employees in the Dublin office", "Opposition councillors",
                                           "Dennis Oakes", "Road and Transport Workers' Federation",
                                           "Road and Transport Workers' Federation"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_firm_without_its_last_word(model):
    text = ('The bid came from private equity firm Calder Ridge Partners, saying it "undervalued" the company. '
            'Calder Ridge said at the time that it was "considering its options".')
    assert speakers(text, "en", model)[-1] == "Calder Ridge Partners"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_coordinated_names_of_places_and_bodies_and_local_police(model):
    text = ("– Pasażerowie są zakładnikami sporu – oceniła w rozmowie z PAP przewodnicząca Stowarzyszenia Pasażerów "
            "Warmii i Mazur Iwona Żak.\n\n"
            "Wiceprzewodniczący komisji Dariusz Pleśniak z koalicyjnej Partii Pracy i Rozwoju zaproponował, by komisja "
            "powołała podkomisję.\n\n"
            "W Pleszewie wiatr przewrócił wiatę. Nikt nie został ranny – podała miejscowa policja.\n\n"
            "Starszy mężczyzna w odblaskowej kamizelce, który grzeje ręce przy koksowniku, tylko macha ręką. "
            "– Pisz pan, co chcesz – mówi.")
    assert speakers(text, "pl", model) == ["Iwona Żak", "Dariusz Pleśniak", "policja", "starszy mężczyzna w odblaskowej kamizelce"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_groups_possessive_before_a_role(model):
    text = ("Some grumbles from Grangetown, where the residents' association chair, Phil Yeoman, says people were given "
            "“less than a week's notice” of the closure.\n\nThe residents' association chair said people were angry.")
    assert speakers(text, "en", model) == ["Phil Yeoman", "Phil Yeoman"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_acronym_is_the_institution_whose_name_it_spells(model):
    text = ("O stanowisko zapytaliśmy też Regionalną Dyrekcję Ochrony Środowiska w Bydgoszczy. "
            "RDOŚ poinformowała nas, że raport wymaga uzupełnień.")
    assert speakers(text, "pl", model) == ["Regionalna Dyrekcja Ochrony Środowiska w Bydgoszczy"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_malay_honorifics_are_no_part_of_the_name(model):
    text = ('"It is the end of the shooting," said Malaysian Foreign Minister Datuk Seri Farid Hamzah, who hosted the talks.\n\n'
            "Farid said both sides had agreed to withdraw artillery.")
    assert speakers(text, "en", model) == ["Farid Hamzah", "Farid Hamzah"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_bench_chair_is_the_judge_and_the_trainer_the_coach(model):
    text = ("– Spółka wiedziała, dokąd trafia towar – mówiła w ustnym uzasadnieniu sędzia Małgorzata Leśniak. "
            "Przewodnicząca składu orzekającego podkreśliła, że kara jest surowa.\n\n"
            "– Punkty się liczą – mówił trener Olimpii Mirosław Jurczyk. Szkoleniowiec gości przyznał, że mecz był trudny.")
    assert speakers(text, "pl", model) == ["Małgorzata Leśniak"] * 2 + ["Mirosław Jurczyk"] * 2


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_nationality_role_is_the_person_named_in_a_sentence_with_that_country(model):
    text = ("Mołdawię reprezentuje wiceminister infrastruktury Victor Rusu. Rumuński wiceminister Ion Popa mówił o moście. "
            "Mołdawski wiceminister dodał, że rzeka jest wspólna.")
    assert speakers(text, "pl", model)[-1] == "Victor Rusu"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_plural_verb_without_a_subject_carries_a_group(model):
    text = ("Mieszkańcy wsi zebrali podpisy. Sołtys Stanisław Dudek zawiózł je do gminy. "
            "Domagają się, by ciężarówki omijały wieś.")
    assert speakers(text, "pl", model) == ["mieszkańcy wsi"]
