"""Rules written after reading round 23 (its articles are tuning data now; round 24 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz, speakers_by_opening


_BREACH = ("Fitness app hacked\n\n"
           "Pacely, the Leeds-based maker of a running app, has confirmed that hackers copied the data of its users.\n\n"
           "Payment card details were held by another provider and were not affected, it said.\n\n"
           "Regulators are required to be told within 72 hours. Pacely said it had filed its report on time.\n\n"
           "Mike is 52 and runs every morning. He said he had deleted the app.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_sentence_initial_word_the_text_never_capitalises_inside_a_sentence_is_no_name(model):
    # "Payment card details …, it said": "Payment" is an ordinary word, not the subject "it" stands for
    got = speakers_by_opening(_BREACH, "en", model)
    assert got["Payment card details wer"] == "Pacely"
    assert got["it had filed its report "] == "Pacely"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_firm_name_ending_in_ly_is_no_adverb(model):
    # "Pacely, the … maker" is a firm, not "Privately, …" opening a sentence
    assert speakers_by_opening(_BREACH, "en", model)["hackers copied the data "] == "Pacely"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_given_name_with_an_age_or_a_role_word_after_it_stays_a_name(model):
    got = speakers_by_opening(_BREACH + "\nLorry drivers at Lenna said they were never told.\n", "en", model)
    assert got["he had deleted the app"] == "Mike"
    assert got["they were never told"].lower() == "lorry drivers at lenna"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_oblique_surname_that_is_also_an_adjective_after_a_given_name_is_the_persons(model):
    # "Sikorskiego" reads as an adjective too ("Komisji Europejskiej"); after a given name in its
    # case it is the surname, so the role's holder is named and "Sikorski" later is the full name
    text = ("List od ministra kultury Radosława Sikorskiego odczytała jego doradczyni. "
            "Minister napisał, że kolekcja to „zapis zwykłego życia”.\n\n"
            "Sikorski powiedział, że to „dopiero początek”.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["zapis zwykłego życia"] == "Radosław Sikorski"
    assert got["dopiero początek"] == "Radosław Sikorski"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_members_is_a_group_that_speaks_and_the_medium_told_is_the_hearer(model):
    text = ("Lists cut\n\nThe Wessex Courier has seen the figures.\n\n"
            "Three members of staff told the Courier that teams had been set weekly targets.\n\n"
            "Two union members said they would strike “as long as it takes”.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["teams had been set weekl"] == "members of staff"
    assert got["as long as it takes"].lower() == "union members"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_subject_pronoun_right_before_the_cue_is_its_subject_inside_a_relative_clause(model):
    text = ("Bridge collapse\n\nThe mayor, Councillor Gwen Talbot-Reece, paused as she spoke. She thanked the "
            "members of the public who waded into the river for what she called ‘courage beyond anything we could ask’.\n")
    assert speakers_by_opening(text, "en", model)["courage beyond anything "] == "Gwen Talbot-Reece"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_one_of_a_group_after_the_verb_is_the_role_in_apposition(model):
    text = ("Lists cut\n\nStaff at the trust were angry about the targets.\n\n"
            "\"We were told to ring people twice,\" said one of them, a senior administrator.\n\n"
            "\"It was simply wrong,\" said another, a nurse.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["We were told to ring peo"] == "senior administrator"
    assert got["It was simply wrong,"] == "nurse"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_sentence_opening_list_of_ordinary_words_is_no_firm_the_company_stands_for(model):
    text = ("Fitness app hacked\n\nPacely, a maker of running apps, has confirmed that hackers copied data.\n\n"
            "Names, email addresses and dates of birth were exposed, the company said. "
            "Card details were not affected, it said.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["Names, email addresses a"] == "Pacely"
    assert got["Card details were not af"] == "Pacely"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_capitalised_role_before_a_name_and_a_based_compound_are_no_part_of_a_name(model):
    text = ("Plan approved\n\nTown Planner Eileen Marsh told the board the plan was “consistent” with the housing plan.\n\n"
            "Dozens of filmmakers signed a letter. The Lisbon-based filmmakers said the logo was “a stain”.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["consistent"] == "Eileen Marsh"
    assert got["a stain"] == "Lisbon-based filmmakers"


_APPOSITIONS = ("Glasses on sale\n\n"
                "The group's policy director, Marcus Ojo, said the small LED on the frame was \"a fig leaf.\"\n\n"
                "The National Farmers’ Union’s adviser for the North East, Graham Pratt, called the scheme “a solution in search of a problem”.\n\n"
                "Mark Selwyn, of the campaign group Rivers Alive, who watched from the gallery, said the session showed that “nothing changes”.\n\n"
                "Priya Raghunathan, who now leads a group in Bristol, England, said her mentor had “answered every email”.\n\n"
                "Ethan Brandt, a graduate student in Columbus, Ohio, said his charger had swollen “like a pillow”.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_phrase_after_the_cue_followed_by_a_verb_is_the_reported_clauses_subject(model):
    # "said the small LED on the frame was …": no inverted subject, so the apposition's name speaks
    assert speakers_by_opening(_APPOSITIONS, "en", model)["a fig leaf."] == "Marcus Ojo"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_full_name_in_apposition_to_a_role_right_before_the_cue_is_the_subject(model):
    got = speakers_by_opening(_APPOSITIONS, "en", model)
    assert got["a solution in search of "] == "Graham Pratt"
    assert got["like a pillow"] == "Ethan Brandt"  # (a state after its town is no apposition)


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_relative_clause_after_a_named_body_in_a_phrase_describes_the_person_before(model):
    got = speakers_by_opening(_APPOSITIONS, "en", model)
    assert got["nothing changes"] == "Mark Selwyn"
    assert got["answered every email"] == "Priya Raghunathan"  # "in Bristol, England,": one place


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_request_for_anonymity_is_no_cue_for_the_words_the_source_then_says(model):
    text = ("Wstyd w szatni\n\nJeden z siatkarzy Orła, który prosił, by nie podawać jego nazwiska, powiedział nam, "
            "że w szatni „poleciało kilka mocnych słów”.\n")
    from stance.extract import extract_quotes

    got = [(q.text, q.speaker, q.cue) for q in extract_quotes(text, "pl", speaker_model=model) if q.start > 20]
    assert got == [("poleciało kilka mocnych słów", "siatkarz Orła", "powiedział")]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_subheadings_label_that_names_nobody_is_the_first_person_who_speaks_under_it(model):
    text = ("Brakuje leku na nadciśnienie\n\nW aptekach od tygodnia nie ma popularnego leku.\n\n"
            "Ministerstwo: dostawy od przyszłego tygodnia\n\n"
            "Rzeczniczka Ministerstwa Zdrowia Katarzyna Lewandowska przekonuje, że sytuacja jest przejściowa. "
            "– Jesteśmy w stałym kontakcie z producentem – mówi.\n")
    assert speakers_by_opening(text, "pl", model)["dostawy od przyszłego ty"] == "Katarzyna Lewandowska"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_subheading_label_with_a_surname_stays_that_persons(model):
    text = ("Trade truce\n\nEllen Marchetti leads the growers' council. Jim Roe runs the port.\n\n"
            "Marchetti: \"Farmers need certainty, not truces\"\n\n"
            "Jim Roe said the port was \"ready for anything\".\n")
    assert speakers_by_opening(text, "en", model)["Farmers need certainty, "] == "Ellen Marchetti"


@needs_morfeusz
def test_unmarked_speech_takes_the_whole_paragraph_when_its_opening_names_nobody():
    text = ("Górnik na emeryturze\n\nZdzisław Kornecki siedzi przy stole w kuchni.\n\n"
            "Organizm pamięta. Dwadzieścia osiem lat człowiek wstawał na szóstą i ciało nie wie, że kopalni już nie ma. "
            "Ja też czasem nie wiem. Budzę się i szukam ręką ubrania – mówi, nalewając herbaty.\n\n"
            "Dziennikarze pytali o emerytury. Rozmawialiśmy o tym do późnej nocy – powiedział Kornecki.\n")
    got = {t.split(".")[0]: s for t, s, _k in found(text, "pl", "rules")}
    assert got["Organizm pamięta"] == "Zdzisław Kornecki"  # the whole paragraph
    assert "Rozmawialiśmy o tym do późnej nocy" in got  # (a role's sentence first is the narrator's)


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_trailing_attribution_with_an_auxiliary_or_a_bare_body_reports_the_clause_before(model):
    text = ("Floods live\n\nKey events\n\nAbout 340 homes evacuated overnight, council says\n\n"
            "The Norvale Water Company runs the dam. The levy is needed to pay for repairs, the company has said.\n\n"
            "The road will stay closed until Friday, police have said.\n\n"
            "Two men were arrested near the bridge, police said.\n\n"
            "Harrowmere District Council said a rest centre was open.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["About 340 homes evacuate"] == "Harrowmere District Council"  # (a key point's body is named further on)
    assert got["The levy is needed to pa"] == "Norvale Water Company"
    assert got["The road will stay close"] == "police"
    assert got["Two men were arrested ne"] == "police"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_service_is_the_service_named_before(model):
    text = ("Floods live\n\n10:45\n\nTallowshire Fire and Rescue Service has given its latest figures. "
            "Crews have rescued 23 people since midnight, the service says.\n")
    assert speakers_by_opening(text, "en", model)["Crews have rescued 23 pe"] == "Tallowshire Fire and Rescue Service"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_third_persons_words_an_interviewer_reports_are_that_persons(model):
    text = ("Bielawska: Nie wrócimy do pracy za obietnice\n\n"
            "Gościem Tomasza Grzelaka była Renata Bielawska, przewodnicząca związku pielęgniarek.\n\n"
            "TG: Dyrektor szpitala Leszek Mroczek mówił wczoraj w naszym radiu, że „to byłby prosty przepis na bankructwo”. "
            "Co pani na to?\n\n"
            "RB: Pan dyrektor mówi tak od półtora roku.\n\n"
            "TG: Ile chcecie?\n\n"
            "RB: Domagamy się 1200 złotych podwyżki.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["to byłby prosty przepis "] == "Leszek Mroczek"
    assert got["Pan dyrektor mówi tak od"] == "Renata Bielawska"
    assert "Ile chcecie?" not in got  # the question itself is nobody's statement


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_czytamy_after_a_quotation_gives_it_to_the_documents_author(model):
    text = ("Burze nad regionem\n\nW czwartek rano mieszkańcy regionu otrzymali na telefony alert Rządowego Centrum "
            "Bezpieczeństwa. „Uwaga! Od czwartku silne burze z gradem” – czytamy w alercie RCB.\n\n"
            "W oświadczeniu przesłanym redakcji Anna Lis napisała, że nie otrzymała oferty. "
            "„Nie komentujemy spekulacji” – czytamy w oświadczeniu.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["Uwaga! Od czwartku silne"] == "Rządowe Centrum Bezpieczeństwa"
    assert got["Nie komentujemy spekulac"] == "Anna Lis"  # (no author named: whoever spoke last)


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_polish_body_noun_stands_for_the_network_or_ministry_named_before(model):
    text = ("Drożej za internet\n\nOd 1 marca klienci sieci Telnova zapłacą więcej. Jak poinformowała spółka, "
            "nowy cennik obejmie 400 tys. abonentów.\n\n"
            "10:15 Głos zabrało białoruskie MSZ. Resort oświadczył, że kierowcy naruszyli przepisy.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["nowy cennik obejmie 400 "] == "Telnova"
    assert got["kierowcy naruszyli przep"] == "białoruskie MSZ"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_bodys_organ_before_its_owners_name_is_the_organ_of_that_owner(model):
    text = ("Zwolnienia w Kraspolu\n\nZarząd Kraspolu zapewnia, że zwalniani otrzymają odprawy.\n\n"
            "Sztab Hałasa przekazał, że kandydat nie weźmie udziału w debacie.\n\n"
            "Biuro prasowe Enerwis Dystrybucji zapewnia, że klienci dostaną rabat.\n\n"
            "Firma Kruszbud zapewnia, że nikt nie straci pracy.\n")
    got = {k: v.lower() for k, v in speakers_by_opening(text, "pl", model).items()}
    assert got["zwalniani otrzymają odpr"] == "zarząd kraspolu"
    assert got["kandydat nie weźmie udzi"] == "sztab hałasa"
    assert got["klienci dostaną rabat"] == "biuro prasowe enerwis dystrybucji"
    assert got["nikt nie straci pracy"] == "kruszbud"  # (a firm's class noun is no organ)


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_role_written_in_capitals_before_a_name_keeps_its_second_word(model):
    # "Chief Executive Marisa Ellwood": the role is "chief executive", so the headline's "CEO"
    # and the lead's "its chief executive" find her
    text = ("Corvane cuts outlook as strike bites; CEO says union deal \"within reach\"\n\n"
            "Corvane Industrial cut its outlook on Thursday, and its chief executive told analysts that a new contract "
            "was \"close\".\n\n"
            "\"We are not going to pretend this was a good quarter,\" Chief Executive Marisa Ellwood said on the call.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["within reach"] == "Marisa Ellwood"
    assert got["close"] == "Marisa Ellwood"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_polish_people_by_gender_agreement_adverbs_and_a_place_after_the_name(model):
    text = ("Rybacy i kwoty\n\nSekretarz stanu Erik Hansen mówił o kwotach. Przewodnicząca związku rybaków Astrid Hansen "
            "oceniła, że rząd „mówi językiem Brukseli”.\n\n"
            "– Nasi członkowie widzą, jak spada wielkość ryb – powiedziała Hansen.\n\n"
            "Z sali wystąpiła Jadwiga Szulc z Borowca, emerytowana pielęgniarka.\n\n"
            "– Mam 74 lata. Czy ktoś z państwa był tam ostatnio? – pytała.\n\n"
            "Tomasz Wilk stracił kombajn. Pytam, czy myśli o wyjeździe. Długo milczy, potem mówi: – Gdzie ja mam jechać?\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["Nasi członkowie widzą, j"] == "Astrid Hansen"  # the verb's gender, not the role lemma's
    assert got["Mam 74 lata. Czy ktoś z "] == "Jadwiga Szulc"  # not her village
    assert got["Gdzie ja mam jechać?"] == "Tomasz Wilk"  # "Długo" is an adverb here


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_phrase_after_an_accusing_verb_is_its_object(model):
    text = ("Spór o granicę\n\nAmbasador Rosji Anatolij Siemiczew ocenił, że decyzja szkodzi Finom. "
            "Oskarżył też fiński rząd o „budowanie nowej kurtyny”.\n\n"
            "Wicepremier Drita Berisha oskarżyła Belgrad o „granie na czas”.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["budowanie nowej kurtyny"] == "Anatolij Siemiczew"
    assert got["granie na czas"] == "Drita Berisha"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_polish_club_named_by_its_town_speaks_whole(model):
    text = ("Transfer\n\nW oświadczeniu przesłanym redakcji Pogoń Szczecin napisała, że nie otrzymała oferty.\n\n"
            "Wczoraj Górnik Zabrze poinformował, że trener zostaje.\n\n"
            "Minister Dawit Alemu w rozmowie z telewizją EBC nazwał te słowa „retoryką z epoki kolonialnej”.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["nie otrzymała oferty"] == "Pogoń Szczecin"
    assert got["trener zostaje"] == "Górnik Zabrze"
    assert got["retoryką z epoki kolonia"] == "Dawit Alemu"  # (a medium's own name after it stays the medium's)


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_more_polish_roles_the_blind_rounds_use(model):
    text = ("Zwolnienia\n\nRzecznik klubu Adrian Lemańczyk powtórzył: – Nie ma oferty.\n\n"
            "Jeden z agentów działających na polskim rynku, który zna kulisy sprawy, twierdzi jednak, że klub oczekuje 5 mln euro.\n\n"
            "Brygadzista z hali numer dwa twierdzi, że o redukcjach mówiło się od jesieni.\n\n"
            "Jak przekazał dyżurny Komendy Miejskiej Państwowej Straży Pożarnej w Radomiu, nikt nie został poszkodowany.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["klub oczekuje 5 mln euro"] == "agent"
    assert got["o redukcjach mówiło się "].startswith("brygadzista")
    assert got["nikt nie został poszkodo"] == "dyżurny Komendy Miejskiej Państwowej Straży Pożarnej w Radomiu"


@needs_morfeusz
def test_a_radio_station_named_by_its_town_reports_and_is_no_speaker():
    text = ("Blokada\n\nRolnicy protestują. Radio Lublin podaje, że protesty zapowiedziano także pod Krasnymstawem.\n\n"
            "Minister powiedział w Radiu Kielce, że „drzwi nie są zamknięte”.\n")
    got = found(text, "pl", "rules")
    assert all("Krasnymstawem" not in t for t, _s, _k in got)
    assert ("drzwi nie są zamknięte", "minister", "fragment") in got


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_wire_lead_attributed_after_the_clause_by_a_described_or_told_speaker(model):
    text = ("Talks\n\nSerbia and Kosovo agreed on Thursday to open two more sites, the European Union’s envoy told a news "
            "conference after nine hours of talks.\n\n"
            "Korvath and Lendria agreed on Tuesday to extend a fragile ceasefire by 30 days, the United Nations envoy "
            "mediating the talks said, but a planned exchange of prisoners stalled.\n")
    got = found(text, "en", model)
    assert ("Serbia and Kosovo agreed on Thursday to open two more sites", "European Union’s envoy", "indirect") in got
    assert any(t.startswith("Korvath and Lendria agreed") and s == "United Nations envoy" for t, s, _k in got)


def test_a_capitalised_name_a_noun_is_called_is_no_statement():
    text = ("Cuts\n\nShe said the proposed cuts, part of a restructuring plan called \"Halden Forward,\" were needed.\n\n"
            "The union leader called the plan \"reckless\".\n")
    got = found(text, "en", "rules")
    assert all(t != "Halden Forward," for t, _s, _k in got)
    assert any(t == "reckless" for t, _s, _k in got)
