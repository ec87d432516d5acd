"""Rules written after reading round 27 (its articles are tuning data now; round 28 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz, speakers_by_opening


# -- English: the hearer after "urged" is never its speaker ---------------------------------------
TRIBUNAL = ("Warehouse worker wins unfair dismissal claim\n\n"
            "Outside the hearing centre, Mr Ebdon said: \"I told them about the brakes.\"\n\n"
            "His solicitor, Joanne Ferrier, urged Corvell to \"stop pretending this was ever about a phone\". "
            "She said her client would ask the tribunal to order his reinstatement.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_person_urged_is_no_speaker(model):
    got = speakers_by_opening(TRIBUNAL, "en", model)
    assert got["stop pretending this was"] == "Joanne Ferrier"
    assert got["her client would ask the"] == "Joanne Ferrier"


# -- English: a meeting record --------------------------------------------------------------------
MINUTES = ("Hospitals board suspends births at birth centre\n\n"
           "Present: Margaret Ibbotson (Chair); Dr Kwame Asante (Chief Executive); Paul Ketteridge (Director of Finance).\n\n"
           "Apologies: Nigel Freeth (non-executive director).\n\n"
           "The Chief Executive reported that the emergency department had improved.\n\n"
           "The Director of Finance warned that the trust would end the year in deficit.\n\n"
           "The Chair said no decision would be taken without a consultation.\n\n"
           "RESOLVED: The board approved the suspension.\n\n"
           "ACTION: Director of Finance to bring a revised plan in December.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_role_in_brackets_after_a_name_is_that_persons(model):
    got = speakers_by_opening(MINUTES, "en", model)
    assert got["the emergency department"] == "Kwame Asante"
    assert got["the trust would end the "] == "Paul Ketteridge"
    assert got["no decision would be tak"] == "Margaret Ibbotson"


def test_a_records_headings_are_no_speakers():
    said = [text for text, _speaker, _kind in found(MINUTES, "en")]
    assert not any(s.startswith(("Margaret Ibbotson", "Nigel Freeth", "The board approved", "Director of Finance to")) for s in said)


# -- a person's age between the name and the description ------------------------------------------
CEREMONY = ("Bell returns to the island\n\n"
            "Among the oldest people in the hall was Ruaraidh Gillies, 88, a retired lobster fisherman, who sat in the front row.\n\n"
            "“I thought I would be in the ground before it came back,” he said.\n")
VOX_POP = ("Strefa płatnego parkowania od marca\n\n"
           "Karolina, 29 lat, programistka (prosiła, by nie podawać nazwiska)\n\n"
           "– Mnie to właściwie nie dotyczy, pracuję zdalnie – mówi.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_description_after_a_names_age_is_that_person(model):
    assert speakers_by_opening(CEREMONY, "en", model)["I thought I would be in "] == "Ruaraidh Gillies"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_description_after_a_names_age_is_that_person_pl(model):
    assert speakers_by_opening(VOX_POP, "pl", model)["Mnie to właściwie nie do"] == "Karolina"


# -- English: an advice column's readers, named with their town ----------------------------------
LETTERS = ("Your heat pump questions answered\n\n"
           "Margaret in Carmarthen writes:\n\n"
           "We had an air source heat pump fitted in October. Upstairs the radiators are barely warm.\n\n"
           "Owen replies:\n\n"
           "Your installer is half right.\n\n"
           "Peter from Swansea writes:\n\n"
           "My father always turned the thermostat down at night.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_readers_given_name_before_her_town_is_the_letters_writer(model):
    got = speakers_by_opening(LETTERS, "en", model)
    assert got["We had an air source hea"] == "Margaret"
    assert got["My father always turned "] == "Peter"


# -- English: "the company" is the firm named nearest before it ----------------------------------
RECALL = ("Blood pressure tablets recalled\n\n"
          "Four batches are being recalled from pharmacies and GP dispensaries across the UK.\n\n"
          "The affected batches, numbered HG41207 to HG41210, were distributed between January and March.\n\n"
          "Harwick Generics, which makes the tablets at a plant in Corby, said the error had been traced to a single line.\n\n"
          "“We apologise sincerely to patients,” the company said in a statement.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_company_is_the_firm_named_nearest_before_it(model):
    got = speakers_by_opening(RECALL, "en", model)
    assert got["We apologise sincerely t"] == "Harwick Generics"
    assert "HG" not in got.values()


# -- a phone-in's callers, labelled with a given name and their town ------------------------------
PHONE_IN = ("Słuchacze o cenach ogrzewania\n\n"
            "BEATA ŻMUDA: Mamy pierwszą słuchaczkę. Pani Halina z Kościana, dzień dobry.\n\n"
            "HALINA (Kościan): Dzień dobry. Rachunek za ciepło zjada mi pół emerytury. Kiedy ja mam to zapłacić?\n\n"
            "LESZEK BANAŚ: Pani Halino, rozumiem i nie będę udawał, że to są małe pieniądze.\n\n"
            "ROMAN (Śmigiel): Panie prezesie, pan mówi o CO2, a ja widzę zyski.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_callers_given_name_label_is_the_caller(model):
    got = speakers_by_opening(PHONE_IN, "pl", model)
    assert got["Dzień dobry. Rachunek za"] == "Halina"
    assert got["Panie prezesie, pan mówi"] == "Roman"
    assert got["Pani Halino, rozumiem i "] == "Leszek Banaś"


# -- Polish: a rank between a role's seat and the name --------------------------------------------
BLOCKADE = ("Blokada drogi pod Kutnem\n\n"
            "Henryk Olczak, 58-letni rolnik z Dąbrowic, mówi, że za tonę pszenicy dostał mniej, niż wydał na nawozy.\n\n"
            "Godz. 9.30\n\n"
            "– Naszym zadaniem jest utrzymanie kontaktu z protestującymi – powiedziała rzeczniczka Komendy "
            "Powiatowej Policji w Kutnie podkom. Edyta Sowińska.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_rank_after_a_roles_seat_opens_the_name(model):
    assert speakers_by_opening(BLOCKADE, "pl", model)["Naszym zadaniem jest utr"] == "Edyta Sowińska"


# -- reproducibility: a document's reading never depends on the documents read before it ----------
def test_a_turns_first_word_is_read_afresh_whatever_came_before():
    from stance.extract import extract_quotes
    from stance.extract.segment import segment

    interview = "Strike talks\n\nQ: But winning means a settlement?\n\nA: Yes, it does, and we will not give in.\n"
    before = [(q.text, q.speaker, q.kind) for q in extract_quotes(interview, "en")]
    segment("Ice cream report\n\nThe Water But Company said it would cut prices.\n", "en")  # "But" read mid-sentence
    tokens = segment(interview, "en").tokens
    assert [tokens.kind(i) for i, w in enumerate(tokens.words) if w == "But"] == ["coord"]
    assert [(q.text, q.speaker, q.kind) for q in extract_quotes(interview, "en")] == before


def test_a_capitalised_roles_last_word_is_read_in_its_context():
    from stance.extract.segment import segment

    segment("Union report\n\nThe union, United Assembly Workers Local 412, said talks were serious.\n", "en")
    tokens = segment("Board meeting\n\nThe Chief Local reported that the ward had closed.\n", "en").tokens
    assert tokens.kind(tokens.words.index("Local")) == "tword"


def test_the_tuning_articles_read_the_same_in_any_order():
    """Every token's class is the same whichever articles one process read before: forward,
    then backward over all the tuning articles (the forms cached across documents once made
    ten of them read differently)."""
    import json
    from pathlib import Path

    from stance.extract.segment import segment

    arts = [json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((Path(__file__).resolve().parent.parent / "data" / "articles").glob("*.json"))]
    assert len(arts) > 800

    def classes(a):
        tokens = segment(a["text"], a["lang"]).tokens
        return [tokens.kind(i) for i in range(len(tokens.words))]

    forward = {a["id"]: classes(a) for a in arts}
    backward = {a["id"]: classes(a) for a in reversed(arts)}
    assert [k for k in forward if forward[k] != backward[k]] == []


# -- English: a name the person gave, with no comma before "who" ----------------------------------
BOARD = ("Births suspended at birth centre\n\n"
         "A woman who gave her name only as Kirsty, and who is due to give birth in January, said she had been booked at Fellbrook.\n\n"
         "A young mother who gave her name only as Kylie said her two children thought they were camping.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_name_given_in_a_relative_clause_without_a_comma_is_the_persons(model):
    got = speakers_by_opening(BOARD, "en", model)
    assert got["she had been booked at Fe"[:24]] == "Kirsty"
    assert got["her two children thought"[:24]] == "Kylie"


# -- English: a body's name that its acronym defines -----------------------------------------------
REGULATOR = ("Blood pressure tablets recalled\n\n"
             "The Medicines and Healthcare products Regulatory Agency (MHRA) said on Tuesday that four batches were being recalled.\n\n"
             "No other batches or strengths are affected, the agency said.\n\n"
             "The Kingsbridge Water Company said it had no comment.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_name_its_acronym_defines_keeps_its_lowercase_words(model):
    got = speakers_by_opening(REGULATOR, "en", model)
    full = "Medicines and Healthcare products Regulatory Agency"
    assert got["four batches were being "] == full
    assert got["No other batches or stre"] == full
    assert got["it had no comment"] == "Kingsbridge Water Company"


# -- Polish: the zoo speaks as the garden it is ------------------------------------------------------
ZOO = ("Narodziny tapira w Sieradzu\n\n"
       "Ogród Zoologiczny w Sieradzu poinformował o narodzinach tapira.\n\n"
       "„Ależ ona śliczna!” – napisała jedna z internautek. „Dziękujemy!” – odpowiedziało jej zoo.\n\n"
       "Zoo zapowiedziało, że imię wybiorą internauci.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_zoo_is_the_zoological_garden_named_before(model):
    got = speakers_by_opening(ZOO, "pl", model)
    assert got["Dziękujemy!"] == "Ogród Zoologiczny w Sieradzu"
    assert got["imię wybiorą internauci"] == "Ogród Zoologiczny w Sieradzu"
    assert got["Ależ ona śliczna!"] == "internautka"


# -- quoted paragraphs under an introduction that ends with a colon -----------------------------
WHAT_THEY_SAID = ("What they said\n\n"
                  "Castlemoor Rovers head coach Dana Kowalczyk told BBC Sport:\n\n"
                  "“I’m gutted for the players. For 60-odd minutes we were the better side.”\n\n"
                  "“The sending-off changes the game. I’ve watched it three times now.”\n\n"
                  "“We’ll be asking for an explanation, because the players deserve one.”\n\n"
                  "Harbridge striker Jonny Akande told Sky Sports:\n\n"
                  "“It’s been a tough spell, I’m not going to lie.”\n\n"
                  "“The gaffer just kept saying keep making the runs.”\n\n"
                  "Harbridge manager Liam Prosser said:\n\n"
                  "“It’s a horrible one to take for them.”\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_quoted_paragraphs_under_an_introduction_are_its_person(model):
    got = speakers_by_opening(WHAT_THEY_SAID, "en", model)
    assert got["The sending-off changes "] == "Dana Kowalczyk"
    assert got["We’ll be asking for an e"] == "Dana Kowalczyk"
    assert got["The gaffer just kept say"] == "Jonny Akande"
    assert got["It’s a horrible one to t"] == "Liam Prosser"


# -- English: chants are the crowd's, or the group they went up from ----------------------------------
PICKETS = ("Drivers strike at Pennine depot\n\n"
           "Steve Ackroyd, the union rep, said the drivers were angry.\n\n"
           "Chants of ‘Pay up, Pennine!’ went up from the pickets whenever a minibus left the yard.\n\n"
           "Later, chants of \"Whose depot? Our depot!\" rang out as the march reached the gates.\n\n"
           "Chants of \"Out, out, out!\" rang out as the managers arrived.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_chants_are_the_crowds_or_the_group_they_went_up_from(model):
    got = speakers_by_opening(PICKETS, "en", model)
    assert got["Pay up, Pennine!"] == "pickets"
    assert got["Out, out, out!"] == "crowd"


# -- after the reporters' question, the pronoun is the person they asked --------------------------
FACT_CHECK = ("Fly-tipping claims checked\n\n"
              "\"Councillor Kettley knows it perfectly well,\" Cllr Helen Marchbank said.\n\n"
              "We put our findings to Cllr Ross Kettley. He said: \"I said doubled and it has gone up by half.\"\n\n"
              "He said he would not be taking the video down.\n")
BRIDGE = ("Remont mostu się opóźnia\n\n"
          "Wiceburmistrz Anna Nowak mówi, że remont potrwa do jesieni.\n\n"
          "Zapytaliśmy o to Jana Lisa z firmy Kormax. – Nie ma takiej możliwości – odpowiada.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_pronoun_after_the_reporters_question_is_the_person_asked(model):
    got = speakers_by_opening(FACT_CHECK, "en", model)
    assert got["I said doubled and it ha"] == "Ross Kettley"
    assert got["he would not be taking t"] == "Ross Kettley"
    assert got["Councillor Kettley knows"] == "Helen Marchbank"


LANDFILL = ("Skargi na składowisko\n\n"
            "Spółka EkoSort twierdzi, że składowisko spełnia wszystkie normy.\n\n"
            "Dotarliśmy do byłego pracownika składowiska, który przez półtora roku jeździł tam ładowarką. Zgodził się "
            "porozmawiać pod warunkiem zachowania anonimowości. Obawia się, że po publikacji nie znajdzie pracy w branży.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_pronoun_after_the_reporters_question_is_the_person_asked_pl(model):
    assert speakers_by_opening(BRIDGE, "pl", model)["Nie ma takiej możliwości"] == "Jan Lis"
    assert speakers_by_opening(LANDFILL, "pl", model)["po publikacji nie znajdz"] == "były pracownik składowiska"


# -- a quoted subheading is the speaker who says its words below it -----------------------------------
STORM = ("Burze nad Podkarpaciem\n\n"
         "Synoptyk Monika Kruczek ostrzega, że gwałtowne opady mogą spowodować wezbrania na rzekach.\n\n"
         "„Auto stoi u szwagra”\n\n"
         "Mieszkańcy Mielca od rana zabezpieczali samochody i ogrody.\n\n"
         "– Rok temu grad zniszczył mi dach w aucie. Teraz nie ryzykuję, auto stoi u szwagra w garażu – mówi pan Tadeusz, emeryt.\n")
DRIVERS = ("Bus drivers unpaid for two months\n\n"
           "The council said a new operator could take over the routes this month.\n\n"
           "“My wife asks if I still have a job”\n\n"
           "Drivers have not been paid since August.\n\n"
           "“I got a thousand pounds in August and nothing since. My wife asks if I still have a job, and I do not know what to tell her,” "
           "said Ryszard Kosiba, who has driven the school route for eleven years.\n")


FESTIVAL = ("Festyn mimo sprzeciwu\n\n"
            "Radny Zdzisław Mroczek uważa, że festyn trzeba przenieść.\n\n"
            "„Nie zamierzam odwoływać festynu”\n\n"
            "– Festynu odwoływać nie zamierzam, przygotowania trwają od pół roku – mówi sołtyska Jolanta Szewczyk.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_quoted_subheading_is_whoever_says_most_of_its_words_below(model):
    assert speakers_by_opening(FESTIVAL, "pl", model)["Nie zamierzam odwoływać "] == "Jolanta Szewczyk"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_quoted_subheading_is_whoever_says_its_words_below(model):
    assert speakers_by_opening(STORM, "pl", model)["Auto stoi u szwagra"] == "Tadeusz"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_quoted_subheading_is_whoever_says_its_words_below_en(model):
    assert speakers_by_opening(DRIVERS, "en", model)["My wife asks if I still "] == "Ryszard Kosiba"


# -- Polish: the phrase after a statement's hearer is the subject -------------------------------------
STATIONS = ("Zakaz handlu na stacjach\n\n"
            "Stowarzyszenie Niezależnych Stacji Paliw krytykuje projekt. Jego prezes Marek Olejnik mówi, że to absurd.\n\n"
            "W stanowisku przekazanym posłom stowarzyszenie apeluje, by objąć zakazem także sklepy całodobowe.\n\n"
            "Fundacja Rozwoju Przedsiębiorczości przedstawiła swoje stanowisko. W liście przesłanym wszystkim posłom organizacja ostrzega, "
            "że zakaz oznacza utratę pracy.\n")
TEACHERS = ("Szkolenia dla nauczycieli\n\n"
            "Przewodnicząca związku Bożena Wilczyńska mówi, że nauczyciele czekają od roku.\n\n"
            "W odpowiedzi przesłanej naszej redakcji MEN zapewnia, że szkolenia ruszą w maju.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_body_after_its_statements_hearer_speaks(model):
    got = speakers_by_opening(STATIONS, "pl", model)
    assert got["objąć zakazem także skle"] == "Stowarzyszenie Niezależnych Stacji Paliw"
    assert got["zakaz oznacza utratę pra"] == "Fundacja Rozwoju Przedsiębiorczości"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_our_newsroom_has_no_name_after_it(model):
    assert speakers_by_opening(TEACHERS, "pl", model)["szkolenia ruszą w maju"] == "MEN"


# -- English: a finite verb between a name and a role is no role modifier ------------------------------
PRIZES = ("Festival prizes\n\n"
          "Amara Okafor won best actress for her role as a night-shift nurse.\n\n"
          "In her speech, Okafor thanked the director: “Thank you, Kari, for casting me.”\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_name_before_a_verb_and_a_role_stays_a_name(model):
    assert speakers_by_opening(PRIZES, "en", model)["Thank you, Kari, for cas"] == "Amara Okafor"


# -- Polish: the reporters meet a person; scenery between; then the person speaks ------------------
RESCUER = ("„Góry nie wybaczają pychy”. Bartłomiej Sieczka od trzydziestu lat wyciąga ludzi z Tatr\n\n"
           "Przeżył dwie lawiny i kilkaset akcji. 54-letni ratownik TOPR z Kościeliska kończy w tym roku trzydzieści lat służby.\n\n"
           "Z Bartłomiejem Sieczką spotykamy się w centrali w Zakopanem. Na stole stygnie herbata, na oparciu krzesła schnie kurtka.\n\n"
           "– Dwóch chłopaków z Poznania utknęło w żlebie, bo uznali, że szesnasta to jeszcze dzień – mówi, rozcierając dłonie.\n")
MEDIATOR = ("Spór w zakładzie\n\n"
            "Od poniedziałku w sporze pośredniczy mediatorka Jolanta Brzezińska. Rozmawiam z nią przez telefon, gdy wraca z Poznania. "
            "– Obie strony są już zmęczone – mówi.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_person_the_reporters_meet_speaks_after_the_scenery(model):
    assert speakers_by_opening(RESCUER, "pl", model)["Dwóch chłopaków z Poznan"] == "Bartłomiej Sieczka"
    assert speakers_by_opening(MEDIATOR, "pl", model)["Obie strony są już zmęcz"] == "Jolanta Brzezińska"


# -- an unlabelled interview: the people a question names do not answer it -------------------------
NOVELIST = ("\"I write the book I'm afraid of\": Ilse Marchetti on grief and ghost towns\n\n"
            "Ilse Marchetti's fifth novel follows a widowed postmistress. Marchetti, 52, spoke with us by video. "
            "The conversation has been edited for length and clarity.\n\n"
            "The book is about a town that is dying, but it's often very funny. Was that deliberate?\n\n"
            "Funny is the only way I know how to be sad in public.\n\n"
            "Your editor, Ruth Abiodun, has been with you since your debut. What does she actually do?\n\n"
            "She tells me where I'm lying. That's the whole job, and it's the hardest one.\n\n"
            "Bellhaven's president, Graham Toller, told a podcast that the changes were needed. Do you buy that?\n\n"
            "I believe he believes it. And I'd sell them the next one tomorrow.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_unlabelled_answer_is_the_interviewees_whoever_the_question_names(model):
    got = speakers_by_opening(NOVELIST, "en", model)
    assert got["She tells me where I'm l"] == "Ilse Marchetti"
    assert got["I believe he believes it"] == "Ilse Marchetti"


# -- a transcript's clip tag before a label ---------------------------------------------------------
PODCAST = ("Fans take on their owners\n\n"
           "[00:00:00] MEL OKAFOR: Hello and welcome to Ninety Plus. I am Mel Okafor.\n\n"
           "[00:00:19] RUTH KILBANE: Thanks for having me, both of you, it is lovely.\n\n"
           "[00:01:30] DANNY BRIERLEY: Let us play a bit of what the chief executive said at the forum.\n\n"
           "[CLIP] MARTIN VOSS: Nobody on this board wants to leave Mill Road for the fun of it.\n\n"
           "[00:01:58] MEL OKAFOR: Ruth, is he wrong about the stand?\n\n"
           "[00:02:01] RUTH KILBANE: The east stand has been shut since 2022.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_clip_tag_before_a_transcript_label_is_no_part_of_the_turn(model):
    assert speakers_by_opening(PODCAST, "en", model)["Nobody on this board wan"] == "Martin Voss"


# -- English: "the university" is the one named before its students ----------------------------------
LEVY = ("Students march against digital levy\n\n"
        "More than 400 University of Eastmoor students marched from the Students’ Union to Senate House on Tuesday.\n\n"
        "In a statement, the university said the levy would pay for lecture recordings.\n")


COLLAPSE = ("Footbridge collapse report\n\n"
            "Harbridge Borough Council’s leader, Debbie Marsh, said she was sorry.\n\n"
            "In a statement issued in October, the council had said a refurbishment included a full inspection.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_university_is_the_one_named_before_its_students(model):
    assert speakers_by_opening(LEVY, "en", model)["the levy would pay for l"] == "University of Eastmoor"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_council_is_the_one_whose_leader_was_named(model):
    assert speakers_by_opening(COLLAPSE, "en", model)["a refurbishment included"] == "Harbridge Borough Council"


@pytest.mark.parametrize("text,lang", [("Jb(", "pl"), ("Jan Nowak (", "pl"), ("John Smith (", "en")])
def test_a_name_and_an_opening_bracket_ending_the_text_is_no_crash(text, lang):
    """Found by the property test: a name's affiliation in brackets was read past the text's end."""
    assert found(text, lang) == []
