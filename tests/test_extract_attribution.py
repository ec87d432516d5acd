"""Attribution rules for shapes the round-4 blind tuning articles (pl-b09 … en-b16) showed: each
test failed before its rule. Texts are invented for the tests (no article text is copied)."""

from __future__ import annotations

from conftest import found, needs_morfeusz, speakers
from stance.extract.coref_roles import role_synonym


# -- mentions: the role that introduced a person ---------------------------------------------
@needs_morfeusz
def test_an_adjective_after_the_role_noun_belongs_to_the_role():
    text = ("Powódź na Pomorzu\n\n"
            "Wojewoda pomorski Adam Lis, który kieruje sztabem, zwołał naradę.\n\n"
            "– Nie będziemy czekać na deszcz – powiedział wojewoda.")
    assert found(text, "pl")[-1] == ("Nie będziemy czekać na deszcz", "Adam Lis", "direct")


@needs_morfeusz
def test_a_relative_clause_after_a_name_leaves_the_name_in_the_nominative():
    text = "Henryk Wilk, którego firma ma trzy ciężarówki, ostrzegł, że przewoźnicy stracą klientów."
    assert found(text, "pl")[-1] == ("przewoźnicy stracą klientów", "Henryk Wilk", "indirect")


def test_a_role_in_apposition_resolves_for_a_later_pronoun():
    text = ("Beside him, Anna Coles, Kent Fire and Rescue Service’s chief fire officer, said the river had dropped. "
            "\"We are not done yet,\" she said.")
    assert speakers(text, "en") == ["Anna Coles", "Anna Coles"]


# -- coreference: a deputy's and a ministry's other names ------------------------------------
def test_deputy_heads_and_ministry_acronyms_are_role_synonyms():
    assert role_synonym("pl", "wiceszef resortu zdrowia") == "wiceminister zdrowia"
    assert role_synonym("pl", "wiceszefowa dyplomacji") == "wiceminister spraw zagranicznych"
    assert role_synonym("pl", "rzeczniczka MSZ") == "rzeczniczka spraw zagranicznych"


@needs_morfeusz
def test_the_deputy_head_of_the_department_is_the_deputy_minister():
    text = ("Szpitale powiatowe\n\nWiceminister zdrowia Ewa Rak spotkała się z dyrektorami.\n\n"
            "Wiceszefowa resortu zapowiedziała, że rząd dopłaci do dyżurów.")
    assert found(text, "pl")[-1][1] == "Ewa Rak"


@needs_morfeusz
def test_a_spokesman_of_the_ministry_by_its_acronym_is_the_named_spokesman():
    text = ("Spór o wizy\n\nRzecznik resortu spraw zagranicznych Jan Bór odpowiadał na pytania.\n\n"
            "Rzecznik MSZ zapowiedział, że ambasada wyda oświadczenie.")
    assert found(text, "pl")[-1] == ("ambasada wyda oświadczenie", "Jan Bór", "indirect")


# -- institutions: names joined by "and" -----------------------------------------------------
def test_an_institution_name_may_hold_and_and_a_list():
    out = found("The Ministry of Ports and Inland Waterways said it would review the tariffs.", "en")
    assert out[-1][1] == "Ministry of Ports and Inland Waterways"
    out = found("The Office of Rail, Roads and Public Transport said fares would rise.", "en")
    assert out[-1][1] == "Office of Rail, Roads and Public Transport"
    out = found("The Finance Ministry and Nordbank said rates would rise.", "en")
    assert out[-1][1] != "Finance Ministry and Nordbank"


@needs_morfeusz
def test_a_place_after_a_preposition_is_not_what_the_relative_pronoun_refers_to():
    text = ("Protest rolników\n\n"
            "Jan Kos, prezes zrzeszenia sadowników z Mazowsza, który od rana blokuje drogę, nazwał ofertę "
            "„jałmużną”.\n\n„Zostaniemy tu do skutku” – zapowiedział.")
    assert speakers(text, "pl") == ["Jan Kos", "Jan Kos"]


def test_a_role_tail_may_hold_and_or_a_whole_institution():
    text = ("Maria Holt, the Commissioner for Rivers and Canals, who led the talks, said a deal was close. "
            "\"We are nearly there,\" she said.")
    assert speakers(text, "en") == ["Maria Holt", "Maria Holt"]
    text = "A spokeswoman for the Department for Culture, Media and Sport said the grant would be paid."
    assert found(text, "en")[-1][1] == "spokeswoman for the Department for Culture, Media and Sport"


@needs_morfeusz
def test_genitives_continue_a_polish_institution_name():
    out = found("Związek Gmin Wiejskich ocenia, że dotacja jest za niska.", "pl")
    assert out[-1] == ("dotacja jest za niska", "Związek Gmin Wiejskich", "indirect")
    out = found("Instytut Geologii i Gospodarki Morskiej ostrzegł, że brzeg się obsuwa.", "pl")
    assert out[-1][1] == "Instytut Geologii i Gospodarki Morskiej"


# -- coreference: a role met before the person is named --------------------------------------
@needs_morfeusz
def test_a_headline_role_resolves_to_the_person_named_further_on():
    text = ("Rzecznik Straży Pożarnej: „Woda opada”\n\n"
            "Jan Mróz, rzecznik komendanta Straży Pożarnej, powiedział, że sytuacja jest stabilna.")
    assert found(text, "pl")[0] == ("Woda opada", "Jan Mróz", "direct")


@needs_morfeusz
def test_a_deputy_mayor_is_the_mayors_deputy_named_earlier():
    assert role_synonym("pl", "wiceprezydent") == "zastępca prezydenta"
    text = ("Wycinka drzew\n\n"
            "Zastępca prezydenta miasta odpowiedzialny za zieleń, Adam Kruk, przyjechał na miejsce.\n\n"
            "– Posadzimy nowe drzewa – zapewnił wiceprezydent.")
    assert found(text, "pl")[-1] == ("Posadzimy nowe drzewa", "Adam Kruk", "direct")


# -- interviews: the guest is the one the paragraphs before the first question name ----------
@needs_morfeusz
def test_an_interview_inside_a_report_is_with_the_person_introduced_before_it():
    text = ("Strajk w hucie. Dyrektor: „Nie mamy pieniędzy”\n\n"
            "Dyrektor huty Jan Wilk powiedział, że podwyżek nie będzie.\n\n"
            "Protestem kieruje Ewa Sowińska, przewodnicząca związku. Rozmawialiśmy z nią w środę.\n\n"
            "Pytanie: Jak długo potrwa strajk?\n\n"
            "Odp.: Tak długo, jak będzie trzeba.")
    assert found(text, "pl")[-1] == ("Tak długo, jak będzie trzeba.", "Ewa Sowińska", "direct")


def test_an_interview_keeps_the_headline_guest_when_the_lead_names_them():
    text = ("Union leader Dana Reed: 'We will strike'\n\n"
            "Minister Tom Hale said the offer was final. We spoke to Dana Reed, the union's leader.\n\n"
            "Q: Why now?\n\nA: We have waited a year.")
    assert found(text, "en")[-1] == ("We have waited a year.", "Dana Reed", "direct")


# -- frames and sources: what describes the source is not what it says -----------------------
@needs_morfeusz
def test_a_relative_clause_after_a_frames_source_is_not_content():
    out = found("Według Adama Kota, który od lat bada rynek mieszkań, ceny spadną jesienią.", "pl")
    assert out == [("ceny spadną jesienią", "Adam Kot", "indirect")]
    out = found("According to Ruth Vale, who has run the port for a decade, traffic will double.", "en")
    assert out == [("traffic will double", "Ruth Vale", "indirect")]


def test_a_relative_clause_between_subject_and_verb_keeps_the_subject():
    text = "A senior NATO official, who asked not to be named, said Oslo was sending two frigates."
    assert found(text, "en")[-1][1] == "senior NATO official"


@needs_morfeusz
def test_one_of_a_group_is_the_speaker_and_never_a_named_person():
    text = ("Minister Jan Lis spotkał się z ambasadorami.\n\n"
            "Jeden z francuskich dyplomatów, proszący o anonimowość, przyznał, że Paryż jest zaskoczony.")
    assert found(text, "pl")[-1] == ("Paryż jest zaskoczony", "francuski dyplomata", "indirect")
    assert found("One of the negotiators said the talks would resume.", "en")[-1][1].lower() == "one of the negotiators"


@needs_morfeusz
def test_a_person_close_to_someone_is_an_anonymous_source():
    text = ("Premier Jan Nowak spotkał się z posłami.\n\n"
            "Osoba z otoczenia premiera twierdzi, że kompromis jest możliwy.")
    assert found(text, "pl")[-1] == ("kompromis jest możliwy", "osoba z otoczenia premiera", "indirect")


# -- appositions: a few words between the name and its role ---------------------------------
@needs_morfeusz
def test_an_apposition_opened_by_an_adverb_leaves_the_name_the_subject():
    text = "Prezes spółki Jan Kos, wcześniej wieloletni dyrektor w branży, zapowiedział, że ceny spadną."
    assert found(text, "pl")[-1] == ("ceny spadną", "Jan Kos", "indirect")


def test_a_hyphenated_age_in_an_apposition_with_a_relative_clause():
    text = 'Ola Brandt, a 41-year-old teacher who lives in Hull, said: "We cannot wait any longer."'
    assert found(text, "en")[-1] == ("We cannot wait any longer.", "Ola Brandt", "direct")


@needs_morfeusz
def test_the_department_is_the_ministry_named_before():
    text = ("Ministerstwo Rolnictwa przekazało, że susza objęła pięć województw. "
            "Resort zapowiedział też, że pomoc trafi do rolników w maju.")
    assert speakers(text, "pl") == ["Ministerstwo Rolnictwa", "Ministerstwo Rolnictwa"]
