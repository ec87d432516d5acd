"""Rules written after reading round 40 (its articles are tuning data now; rounds 41 and 42 stay
unread). Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers_by_text


# -- Interviews: the guest is the one the standfirst and the lead both have as a subject ------------
STANDFIRST_GUEST = ("‘I never once missed a tide’: Harwick’s last ferryman ties up for good\n\n"
                    "As he retires from the river, Tobias Wren talks to Nora Quayle about floods, fog and the "
                    "night the engine died\n\n"
                    "Tobias ‘Toby’ Wren took over the Harwick ferry in 1979. The harbour master, Captain Elise "
                    "Dunmore, describes him as ‘the last of his kind’.\n\n"
                    "Q: Do you remember your first crossing?\n\n"
                    "A: Every minute of it. The fog was so thick I steered by the church bell.\n\n"
                    "Q: Will you miss it?\n\n"
                    "A: Only the mornings. Never the paperwork.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_guest_is_the_subject_the_standfirst_and_the_lead_share(model):
    got = speakers_by_text(STANDFIRST_GUEST, "en", model)
    assert got["Every minute of it. The fog was so thick I steered by the church bell."] == "Tobias Wren"
    assert got["Only the mornings. Never the paperwork."] == "Tobias Wren"
    assert got["the last of his kind"] == "Elise Dunmore"


# -- English: a role's "for …" tail ends before an adverb; a place's "of" inside a body's name --------
ROLE_TAILS = ("Lease row\n\n"
              "The shop closed in May. A spokesperson for Corran Estates later said the firm had offered a "
              "new lease.\n\n"
              "The chairman of Corran Estates also said the rent had not risen for five years.\n\n"
              "A spokeswoman for Vale of Ashby District Council said no application had been received.\n\n"
              "The Head of Planning Services said the site was outside the town boundary.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_role_tail_ends_before_an_adverb_and_keeps_a_places_of(model):
    got = speakers_by_text(ROLE_TAILS, "en", model)
    assert got["the firm had offered a new lease"] == "spokesperson for Corran Estates"
    assert got["the rent had not risen for five years"] == "chairman of Corran Estates"
    assert got["no application had been received"] == "spokeswoman for Vale of Ashby District Council"
    assert got["the site was outside the town boundary"] == "head of Planning Services"


# -- English: unions speak as a group, like residents ------------------------------------------------
UNIONS = ("Airline merger\n\n"
          "Skarby Air and Norda agreed the deal on Monday.\n\n"
          "STAFF WORRIED\n\n"
          "Unions in both countries said they had not been consulted.\n")
BARE_UNIONS = "Pay talks\n\nUnions said they would meet the new owners in June.\n"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_unions_speak_as_a_group(model):
    got = speakers_by_text(UNIONS, "en", model)
    assert got["they had not been consulted"] == "unions in both countries"
    assert speakers_by_text(BARE_UNIONS, "en", model)["they would meet the new owners in June"] == "unions"


# -- Polish: "„….” – czytamy w alercie X" is the quotation's attribution, and a bare "w alercie"
# is the owner named with the alert earlier in the paragraph --------------------------------------
ALERTS = ("Wichura nad regionem\n\n"
          "Rzeczniczka spółki energetycznej Anna Borowiec powiedziała, że ekipy pracują od rana.\n\n"
          "„Uwaga! Silny wiatr. Nie parkuj pod drzewami.” – czytamy w alercie Rządowego Centrum "
          "Bezpieczeństwa, który w nocy trafił na telefony mieszkańców.\n\n"
          "Wieczorem mieszkańcy gminy dostali alert Wojewódzkiego Centrum Zarządzania Kryzysowego. "
          "„Uwaga! Zamknięty most w Lesznie. Korzystaj z objazdu.” – czytamy w alercie.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_alert_read_after_a_dash_is_its_senders(model):
    got = speakers_by_text(ALERTS, "pl", model)
    assert got["Uwaga! Silny wiatr. Nie parkuj pod drzewami."] == "Rządowe Centrum Bezpieczeństwa"
    assert got["Uwaga! Zamknięty most w Lesznie. Korzystaj z objazdu."] == "Wojewódzkie Centrum Zarządzania Kryzysowego"
    assert not any(text.startswith("czytamy") for text in got)


# -- Polish: "spółka" is the enterprise named before by its own noun ("Stocznia …", "Przedsiębiorstwo …")
ENTERPRISE = ("Spór o płace\n\n"
              "W gdyńskiej Stoczni Remontowej Bałtyk-Serwis narasta konflikt o podwyżki. Związkowcy "
              "zapowiadają referendum strajkowe.\n\n"
              "Spółka napisała, że traktuje mediację jako szansę na porozumienie.\n")
GAS_COMPANY = ("Awaria w Polskiej Spółce Gazownictwa\n\n"
               "Ulica Lipowa została zamknięta po awarii w Zakładzie Wodociągów w Sopocie. Polska Spółka "
               "Gazownictwa wysłała na miejsce ekipę. Spółka poinformowała, że awaria nie wpłynęła na dostawy gazu.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_spolka_is_the_enterprise_named_by_its_own_noun(model):
    got = speakers_by_text(ENTERPRISE, "pl", model)
    assert got["traktuje mediację jako szansę na porozumienie"] == "Stocznia Remontowa Bałtyk-Serwis"
    assert speakers_by_text(GAS_COMPANY, "pl", model)["awaria nie wpłynęła na dostawy gazu"] == "Polska Spółka Gazownictwa"


# -- Polish: "both" before a group is no part of the speaker -----------------------------------------
BOTH = ("Debata kandydatów\n\n"
        "Oboje kandydaci zapewnili, że obecni studenci skończą naukę na wydziale.\n\n"
        "Obie kandydatki zgodziły się, że akademik trzeba wyremontować.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_both_before_a_group_is_no_part_of_the_speaker(model):
    got = speakers_by_text(BOTH, "pl", model)
    assert got["obecni studenci skończą naukę na wydziale"] == "kandydaci"
    assert got["akademik trzeba wyremontować"] == "kandydatki"


# -- English: a nationality or an occupation capitalised before a full name is no part of it ---------
DESCRIBED_NAMES = ("Sprint finish\n\n"
                   "The jury relegated Dutchman Pieter Van Aalst, who had crossed the line third.\n\n"
                   "Van Aalst said he had held his line.\n\n"
                   "Harbourmaster Colin Strachan told the inquiry the channel had been clear.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_nationality_or_occupation_before_a_full_name_is_no_part_of_it(model):
    got = speakers_by_text(DESCRIBED_NAMES, "en", model)
    assert got["he had held his line"] == "Pieter Van Aalst"
    assert got["the channel had been clear"] == "Colin Strachan"


# -- Polish: "jeden z emerytowanych leśników" is "emerytowany leśnik" (a participle agrees too) ------
RETIRED = ("Pożegnanie leśniczego\n\n"
           "Jeden z emerytowanych leśników z Pisza mówi, że był uparty jak dąb.\n\n"
           "Jedna z emerytowanych nauczycielek mówi, że szkoła straciła wielkiego człowieka.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_participle_in_a_partitive_agrees_with_the_one(model):
    got = speakers_by_text(RETIRED, "pl", model)
    assert got["był uparty jak dąb"] == "emerytowany leśnik z Pisza"
    assert got["szkoła straciła wielkiego człowieka"] == "emerytowana nauczycielka"


# -- English: "the company" is no person a "Mr …" names, and a firm after an opening phrase counts ----
FIRM_AFTER_PHRASE = ("Ferry inquiry\n\n"
                     "Ruaridh Baxter, the advocate for the family, accused Firthlink Ferries of running a tight "
                     "timetable.\n\n"
                     "'The company will say the master sets the speed,' Mr Baxter said.\n\n"
                     "In a statement issued after the hearing, Firthlink Ferries said it rejected any suggestion "
                     "of pressure.\n\n"
                     "'Safety is first,' a Firthlink spokesperson said. The company said it was cooperating fully "
                     "with the inquiry.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_company_is_the_firm_after_an_opening_phrase_not_a_person(model):
    got = speakers_by_text(FIRM_AFTER_PHRASE, "en", model)
    assert got["it was cooperating fully with the inquiry"] == "Firthlink Ferries"


# -- English: a headline's "Aldermoor CEO" is the chief executive the story names ---------------------
CEO = ("Airline deal\n\n"
       "* Aldermoor CEO says 'no plans to cut routes' after takeover\n\n"
       "British carrier Aldermoor Airways has agreed to buy Skarvik Air.\n\n"
       "\"This is a good fit,\" Aldermoor Chief Executive Helen Marchetti told reporters.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_headlines_initials_role_is_the_officer_named_later(model):
    got = speakers_by_text(CEO, "en", model)
    assert got["no plans to cut routes"] == "Helen Marchetti"


# -- English: owners speak as a group; "my neighbours" opens its own phrase ---------------------------
OWNERS = ("Cable plans\n\n"
          "Fishermen say the cable would cut through their crab grounds, while holiday-let owners fear two "
          "summers of roadworks will empty their cottages.\n\n"
          "More than 200 people came. Members will decide in April whether to object.\n\n"
          "Several owners of holiday lets said they feared the cable works.\n")
MY_NEIGHBOURS = ("Bin day\n\nThe rota changes every week, a game my neighbours have taken to calling "
                 "'bin-day roulette'.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_owners_speak_as_a_group_and_my_opens_a_phrase(model):
    got = speakers_by_text(OWNERS, "en", model)
    assert got["two summers of roadworks will empty their cottages"] == "holiday-let owners"
    assert got["they feared the cable works"] == "owners of holiday lets"
    assert speakers_by_text(MY_NEIGHBOURS, "en", model)["bin-day roulette"] == "neighbours"


# -- A reported clause, then a second clause's own subject with its predicate in quotation marks -----
SECOND_SUBJECT_PL = ("Porodówka zamknięta\n\n"
                     "Dyrektor funduszu odpowiedziała, że decyzja należy do szpitala, a fundusz „podpisze umowę "
                     "w dniu otwarcia oddziału”.\n\n"
                     "Prezes szpitala Marek Ziętara podtrzymał, że szpital chce wrócić do przyjmowania porodów.\n")
SECOND_SUBJECT_EN = ("Ward closure\n\n"
                     "Ann Lowe said the decision was a matter for the hospital, but the fund \"would sign when "
                     "staffing allowed\".\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_reported_clause_before_a_second_subjects_quoted_predicate(model):
    got = speakers_by_text(SECOND_SUBJECT_PL, "pl", model)
    assert got["decyzja należy do szpitala"] == "dyrektor funduszu"
    assert got["podpisze umowę w dniu otwarcia oddziału"] == "dyrektor funduszu"
    assert got["szpital chce wrócić do przyjmowania porodów"] == "Marek Ziętara"
    got = speakers_by_text(SECOND_SUBJECT_EN, "en", model)
    assert got["the decision was a matter for the hospital"] == "Ann Lowe"
    assert got["would sign when staffing allowed"] == "Ann Lowe"


# -- English: a relative "that" inside a reported clause does not stop ", and that …" ---------------
RELATIVE_THEN_AND_THAT = ("Bins\n\n"
                          "Cllr Gavin Roper said the borough was sending food to landfill that could be turned "
                          "into compost, and that every tonne cost tax payers about £110.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_relative_that_does_not_stop_and_that(model):
    got = speakers_by_text(RELATIVE_THEN_AND_THAT, "en", model)
    assert got["the borough was sending food to landfill that could be turned into compost"] == "Gavin Roper"
    assert got["every tonne cost tax payers about £110"] == "Gavin Roper"


# -- Polish: a plaintiff and a defendant are roles ("Według powódki …", "Pozwany przekonywał") -------
COURT_ROLES = ("Wojna o gruszę\n\n"
               "Sprawę sąsiadowi wytoczyła Krystyna Pająk. Według powódki nowy płot stanął ponad metr za "
               "daleko, a po stronie sąsiada znalazła się grusza.\n\n"
               "Pozwany od początku przekonywał, że płot stoi w linii kamieni granicznych.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_plaintiff_and_a_defendant_are_roles(model):
    got = speakers_by_text(COURT_ROLES, "pl", model)
    assert got["nowy płot stanął ponad metr za daleko, a po stronie sąsiada znalazła się grusza"] in ("Krystyna Pająk", "powódka")
    assert got["płot stoi w linii kamieni granicznych"] == "pozwany"


# -- A body's board after its name; a worker's trade in apposition names him ------------------------
BOARD = "Airline deal\n\nThe Skarvik Air board said it would recommend the offer to shareholders.\n"
FITTER = ("Spór w stoczni\n\n"
          "Związkowcy zbierają podpisy. Inny pracownik, monter z działu kadłubowego, przyznał, że do "
          "strajku trzeba będzie przekonać wielu ludzi.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_bodys_board_after_its_name_speaks(model):
    assert speakers_by_text(BOARD, "en", model)["it would recommend the offer to shareholders"] == "Skarvik Air board"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_workers_trade_in_apposition_names_him(model):
    got = speakers_by_text(FITTER, "pl", model)
    assert got["do strajku trzeba będzie przekonać wielu ludzi"] == "monter z działu kadłubowego"


# -- Polish: a relative who speaks, named in apposition ("mówi syn zmarłego, Marek Kornaś") ----------
RELATIVE = ("Zmarł leśnik\n\n"
            "Zmarł Władysław Kornaś, leśniczy z Pisza.\n\n"
            "– Nigdy nie miałem mu tego za złe – mówi syn zmarłego, Marek Kornaś.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_relative_named_in_apposition_speaks(model):
    assert speakers_by_text(RELATIVE, "pl", model)["Nigdy nie miałem mu tego za złe"] == "Marek Kornaś"


# -- English: an age between a name and its "who said" is no antecedent ------------------------------
AGE_THEN_WHO = ("Skate park\n\n"
                "The clerk, Rachel Osei, reminded members of the rules.\n\n"
                "Among the members of the public who spoke was Kai Brennan, 15, who said his friends skate in "
                "the car park 'until someone rings the police on us'.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_age_between_a_name_and_who_said(model):
    assert speakers_by_text(AGE_THEN_WHO, "en", model)["until someone rings the police on us"] == "Kai Brennan"
