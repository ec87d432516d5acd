"""Rules written after reading round 32 (its articles are tuning data now; round 33 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz, speakers_by_text


# -- Polish: an office's seat after "we" belongs to its name, as after "w" --------------------------
SEAT_WE = ("Strajk w szkołach\n\n"
           "Kuratorium Oświaty we Wrocławiu poinformowało w poniedziałek, że zajęcia opiekuńcze zorganizowano "
           "we wszystkich szkołach.\n\n"
           "Prokuratura Rejonowa we Włocławku przekazała, że śledztwo jest w toku.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_office_seat_after_we_stays_in_its_name(model):
    got = speakers_by_text(SEAT_WE, "pl", model)
    assert got["zajęcia opiekuńcze zorganizowano we wszystkich szkołach"] == "Kuratorium Oświaty we Wrocławiu"
    assert got["śledztwo jest w toku"] == "Prokuratura Rejonowa we Włocławku"


# -- English: a lifeboat's coxswain is a rank before the surname, as a captain is ------------------
COXSWAIN = ("Yacht towed home in a gale\n\n"
            "The lifeboat launched at 5pm. Her coxswain, Mark Penrose, said the sea was the worst he had seen "
            "in years.\n\n"
            "'We took the first wave over the bow,' Coxswain Penrose said. 'You do not forget that.'\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_coxswain_is_a_rank_before_the_surname(model):
    got = speakers_by_text(COXSWAIN, "en", model)
    assert got["We took the first wave over the bow,"] == "Mark Penrose"
    assert got["You do not forget that."] == "Mark Penrose"


# -- English: a quotation reopened in the next paragraph after "he said. '…" is one statement -------
REOPENED = ("Yacht towed home\n\n"
            "'When the mast went,' he said. 'Graham got on the radio.\n\n"
            "'I honestly thought that was the end of us. I cried.'\n\n"
            "Mr Pike said he had been 'too busy to be frightened' until then.\n")


def test_a_quotation_reopened_after_a_sentence_end_closes_in_its_paragraph():
    got = {text: kind for text, _speaker, kind in found(REOPENED, "en", "rules")}
    assert got["Graham got on the radio.\n\n'I honestly thought that was the end of us. I cried."] == "direct"
    assert got["too busy to be frightened"] == "fragment"


# -- Polish: "uczelnia" stands for the university or polytechnic named before --------------------
UNIVERSITY = ("Odkrycie pod Ostródą\n\n"
              "Rzecznik Politechniki Gdańskiej był na miejscu. Decyzja zapadnie w maju – poinformowała w poniedziałek uczelnia.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_uczelnia_is_the_university_named_before(model):
    got = speakers_by_text(UNIVERSITY, "pl", model)
    assert got["Decyzja zapadnie w maju"] == "Politechnika Gdańska"


# -- Polish: "Jak poinformował rzecznik, Jan Kos, …": the clause starts after the named apposition -
JAK_NAMED = ("Wypadek na A4\n\n"
             "Jak poinformował rzecznik policji, Jan Kos, kierowca był trzeźwy.\n\n"
             "Jak poinformowała jego córka, Magdalena Kalińska, pogrzeb odbędzie się w piątek.\n")


@needs_morfeusz
def test_a_jak_frame_clause_starts_after_the_named_apposition():
    got = [text for text, _speaker, _kind in found(JAK_NAMED, "pl", "rules")]
    assert got == ["kierowca był trzeźwy", "pogrzeb odbędzie się w piątek"]


# -- Polish: a second description after a name's first ("X, architekt, autor …") is his too ------
SECOND_DESCRIPTION = ("Nie żyje Jerzy Kaliński\n\n"
                      "W niedzielę w wieku 89 lat zmarł Jerzy Kaliński, architekt, autor Nyskiego Domu Kultury i kilku osiedli.\n\n"
                      "Urodził się w 1936 roku w Wilnie. – Pierwsze, co pamiętam, to gruz – mówił po latach.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_second_description_in_apposition_is_the_same_person(model):
    got = speakers_by_text(SECOND_DESCRIPTION, "pl", model)
    assert got["Pierwsze, co pamiętam, to gruz"] == "Jerzy Kaliński"


# -- English: a full name in a question that opens the sentence gives a later surname its fullest form
ASKED_BY = ("Water bosses questioned\n\n"
            "Asked by the Liberal Democrat MP Owen Pritchard whether he would hand the bonus back, Aylmer said "
            "he would 'reflect on that'.\n\n"
            "'Reflect on it? Families here cannot swim in the river,' Pritchard replied.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_full_name_in_an_opening_question_gives_the_surname_its_full_form(model):
    got = speakers_by_text(ASKED_BY, "en", model)
    assert got["Reflect on it? Families here cannot swim in the river,"] == "Owen Pritchard"


# -- English: "The prize said" after "the Kestrel Prize longlist": the body that noun ends --------
THE_PRIZE = ("Novelist walks away\n\n"
             "The writer withdrew from the Kestrel Prize longlist last year. The prize said at the time that it "
             "respected her decision.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_noun_a_named_body_ends_with_stands_for_that_body(model):
    got = speakers_by_text(THE_PRIZE, "en", model)
    assert got["it respected her decision"] == "Kestrel Prize"


# -- Polish: "jeden z członków rodziny": the partitive's group keeps its genitive -------------------
ONE_OF_FAMILY = ("Spór o dom\n\n"
                 "Jeden z członków rodziny powiedział, że spór nie jest o dom.\n\n"
                 "W kuluarach jeden z członków rodziny, który prosił, by nie podawać jego nazwiska, przekonywał nas, "
                 "że chodzi o stare żale.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_one_of_the_family_members_keeps_the_family(model):
    got = speakers_by_text(ONE_OF_FAMILY, "pl", model)
    assert got["spór nie jest o dom"] == "członek rodziny"
    assert got["chodzi o stare żale"] == "członek rodziny"


# -- Polish: an adjective after a partitive role's complement is the complement's -----------------
ONE_OF_DRIVERS = ("Bilety droższe\n\n"
                  "Jeden z kierowców linii podmiejskich mówi, że nerwy pasażerów puszczają.\n")


@needs_morfeusz
def test_an_adjective_after_the_complement_of_a_partitive_role_stays():
    got = speakers_by_text(ONE_OF_DRIVERS, "pl", "rules")
    assert got["nerwy pasażerów puszczają"] == "kierowca linii podmiejskich"


# -- Polish: a present plural verb makes a role of either number a group ("Pielęgniarki mówią") -----
NURSES_SAY = ("Noc na SOR\n\n"
              "Renata Wilk, pielęgniarka z długim stażem, prowadzi nas wzdłuż łóżek. Pielęgniarki nazywają ten "
              "korytarz „tramwajem”, bo pacjenci przesuwają się powoli.\n\n"
              "W nocy pielęgniarki mówią, że pacjenci czekają po dziesięć godzin.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_present_plural_verb_keeps_a_role_a_group(model):
    got = speakers_by_text(NURSES_SAY, "pl", model)
    assert got["tramwajem"] == "pielęgniarki"
    assert got["pacjenci czekają po dziesięć godzin"] == "pielęgniarki"


# -- Polish: a quotation's own first-person past forms say its speaker's gender --------------------
OWN_GENDER = ("Noc na SOR\n\n"
              "Paweł Niedziela, lekarz dyżurny, przyjmuje kolejnych pacjentów. Obok siedzi Zenon, 64-letni emeryt, "
              "a przy nim Anna Lis, pielęgniarka.\n\n"
              "– Zaczęło się po kolacji. Myślałem, że to zgaga – opowiada.\n")


@needs_morfeusz
def test_first_person_past_forms_give_the_speakers_gender():
    from stance.extract.voice import statement_voice
    from stance.extract.words import function_words

    fw = function_words("pl")
    assert statement_voice("Myślałem, że to zgaga.", fw) == "m"
    assert statement_voice("Szłam z obawą, a wyszłam wzruszona.", fw) == "f"
    assert statement_voice("Stałem przed kościołem.", fw) == "m"  # ("kościołem": an instrumental, no person)
    assert statement_voice("Powiedział: „byłam w szoku”, ale nie wierzę.", fw) == ""  # (somebody else's words)
    assert statement_voice("Byłem tam, a ona mówi: byłam.", fw) == ""  # (both: no clue)
    assert statement_voice("I was there.", function_words("en")) == ""  # (English has no such endings)


@needs_morfeusz
def test_a_man_who_says_myslalem_is_no_woman_named_last():
    got = speakers_by_text(OWN_GENDER, "pl", "rules")
    assert got["Zaczęło się po kolacji. Myślałem, że to zgaga"] != "Anna Lis"


# -- Polish: a numeral's group before its own verb ("kilkunastu rolników przyszło") is a subject ----
QUANTIFIED_GROUP = ("Protest\n\n"
                    "Wójt Jan Lis był w urzędzie.\n\n"
                    "Kilkunastu rolników przyszło pod urząd i zapowiedziało, że zablokują drogę.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_numerals_group_before_its_own_verb_is_the_subject(model):
    got = speakers_by_text(QUANTIFIED_GROUP, "pl", model)
    assert got["zablokują drogę"] == "rolnicy"


# -- Polish: "ministry" is "ministra" in the genitive, not a depreciative plural subject -----------
MINISTRY = ("Wakacje\n\n"
            "Ministra edukacji Dorota Szelągowska chce skrócić wakacje. Za zmianą opowiada się Lena Korbut, "
            "publicystka „Gazety Porannej”. „Dziesięć tygodni wakacji to relikt” – pisze Korbut. Propozycję "
            "ministry nazywa „spóźnioną o dekadę, ale rozsądną”.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_genitive_after_the_object_is_no_subject(model):
    got = speakers_by_text(MINISTRY, "pl", model)
    assert got["spóźnioną o dekadę, ale rozsądną"] == "Lena Korbut"


# -- English: the Red Cross and the Red Crescent are bodies, a nationality before them part of the name
RED_CROSS = ("Shelters open\n\n"
             "The American Red Cross said the shelter had 340 cots.\n\n"
             "Jane Cross said she was happy to help.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_national_red_cross_is_one_body(model):
    got = speakers_by_text(RED_CROSS, "en", model)
    assert got["the shelter had 340 cots"] == "American Red Cross"
    assert got["she was happy to help"] == "Jane Cross"


# -- a headline quotation repeated by somebody the text names by one name, or opening a later statement
ECHO_ONE_NAME = ("Ferma kurczaków pod Wierzbnem. „Nie damy się zagazować”\n\n"
                 "WIERZBNO | Joanna Gałecka | 3 listopada\n\n"
                 "Mieszkańcy nie chcą fermy na 300 tysięcy brojlerów.\n\n"
                 "– Nie damy się zagazować. Jak będzie trzeba, staniemy z ciągnikami na drodze – zapowiada pan "
                 "Tadeusz (71 l.), emerytowany nauczyciel.\n")
ECHO_OPENING = ("Rolnicy zablokowali drogę pod Piaskami. „Nie odpuścimy”\n\n"
                "Kilkaset ciągników stoi na drodze krajowej nr 17 na wysokości Piask.\n\n"
                "– Nie odpuścimy. Za tonę pszenicy dostajemy dziś niecałe 750 złotych – mówi Wiesław Kuna, "
                "rolnik z Piask.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_headline_quotation_is_its_echos_speakers(model):
    got = {text: speaker for text, speaker, _kind in found(ECHO_ONE_NAME, "pl", model) if text == "Nie damy się zagazować"}
    assert got == {"Nie damy się zagazować": "Tadeusz"}
    got = {text: speaker for text, speaker, _kind in found(ECHO_OPENING, "pl", model) if text == "Nie odpuścimy"}
    assert got == {"Nie odpuścimy": "Wiesław Kuna"}


# -- English: a headline's body or group speaks through the person who says its words in the body --
ECHO_BODY = ("Calder Foods warns of 'bloodbath' as meat plant faces closure\n\n"
             "Hundreds of jobs are at risk at the Calder Foods plant in Wakeley.\n\n"
             "Dave Kerrigan, the plant's union convenor, said: \"If this goes ahead it will be a bloodbath for "
             "the town. Nobody here will find work like this again.\"\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_headlines_phrase_under_a_body_is_the_person_who_repeats_it(model):
    got = speakers_by_text(ECHO_BODY, "en", model)
    assert got["bloodbath"] == "Dave Kerrigan"


# -- Polish: "prezes Krosmetu" where the text writes "Krosmet": the firm's genitive, no surname ------
FIRM_GENITIVE = ("Prezes Krosmetu: Bez zwolnień nie przetrwamy kolejnego roku\n\n"
                 "Krosmet zarobił w trzecim kwartale mniej niż rok temu. Prezes Krosmetu Wojciech Halicki "
                 "zapowiedział, że firma zwolni 300 osób.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_firms_genitive_after_a_role_is_no_surname(model):
    got = speakers_by_text(FIRM_GENITIVE, "pl", model)
    assert got["Bez zwolnień nie przetrwamy kolejnego roku"] == "Wojciech Halicki"
    assert got["firma zwolni 300 osób"] == "Wojciech Halicki"


# -- Polish: a headline's role label over an interview is the guest the lead introduces -------------
GUEST_ROLE = ("Szefowa strajkujących pielęgniarek: Nie wyjdziemy z sali, dopóki nie zobaczymy podpisu\n\n"
              "Od poniedziałku pielęgniarki okupują salę konferencyjną szpitala. O strajku rozmawiamy z "
              "Renatą Kowalik, przewodniczącą związku.\n\n"
              "– Jak długo zamierzacie protestować?\n\n"
              "– Do skutku. Nikt z nas nie chce strajkować, ale dyrekcja nie zostawiła nam wyboru.\n\n"
              "– A jeśli pieniędzy naprawdę nie ma?\n\n"
              "– Słyszymy to od trzech miesięcy.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_headline_role_over_an_interview_is_the_guest(model):
    got = speakers_by_text(GUEST_ROLE, "pl", model)
    assert got["Nie wyjdziemy z sali, dopóki nie zobaczymy podpisu"] == "Renata Kowalik"


# -- a bare headline quotation goes to whoever repeats most of it in the body, past a guessed phrase --
ECHO_BARE = ("Płonie Biebrzański Park Narodowy. „Ogień idzie pod ziemią, torf tli się na pół metra”\n\n"
             "Strażacy od trzech dni gaszą pożar torfowisk nad Biebrzą.\n\n"
             "– Najgorsze jest to, że ogień idzie pod ziemią. Torf tli się na głębokość nawet pół metra – mówi "
             "st. bryg. Waldemar Sokołowski, zastępca komendanta wojewódzkiego PSP.\n")
ECHO_PARTICLE = ("Strony wojny zgodziły się na rozejm. „To dopiero pierwszy krok”\n\n"
                 "DŻUDDA, 14 maja – Armia i rebelianci zgodzili się na 72-godzinne zawieszenie broni.\n\n"
                 "„To dopiero pierwszy krok, ale krok, na który czekały miliony ludzi” – powiedział dziennikarzom "
                 "saudyjski wiceminister spraw zagranicznych Chalid al-Mutajri.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_bare_headline_quotation_is_the_body_speakers(model):
    got = speakers_by_text(ECHO_BARE, "pl", model)
    assert got["Ogień idzie pod ziemią, torf tli się na pół metra"] == "Waldemar Sokołowski"
    got = speakers_by_text(ECHO_PARTICLE, "pl", model)
    assert got["To dopiero pierwszy krok"] == "Chalid al-Mutajri"


# -- English: who is told ("told MPs") is never the teller -------------------------------------------
TOLD_MPS = ("Water boss sorry\n\n"
            "Martin Prideaux runs Haddlebrook Water. The head of one of England's most criticised water "
            "companies told MPs on Tuesday that his firm had got this badly wrong.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_who_is_told_is_never_the_teller(model):
    got = speakers_by_text(TOLD_MPS, "en", model)
    assert got["his firm had got this badly wrong"] != "MPs"
