"""Rules written after reading round 24 (its articles are tuning data now; round 25 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz, speakers_by_opening


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_middle_initial_continues_the_name(model):
    text = ("Driver sentenced\n\nTyler J. Brennick, 34, pleaded guilty in January to vehicular homicide.\n\n"
            "\"I took him from you,\" Brennick said.\n")
    assert speakers_by_opening(text, "en", model)["I took him from you,"] == "Tyler J. Brennick"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_withheld_surname_initial_still_ends_the_name(model):
    # "Roberta K." names a man whose surname the text withholds; the next sentence is another subject
    text = "Zatrzymano Roberta K. Policja podała, że „nic nie wiadomo”.\n"
    assert speakers_by_opening(text, "pl", model)["nic nie wiadomo"] == "Policja"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_pm_before_a_day_name_ends_no_sentence(model):
    # "at 6 p.m. Wednesday as …": one sentence, so the participle's subject is the governor
    text = ("Evacuations ordered\n\nGov. Renata Calloway ordered evacuations for six counties beginning at 6 p.m. "
            "Wednesday as Hurricane Delphine strengthened off the coast, urging residents to \"leave tonight, not tomorrow.\"\n")
    assert speakers_by_opening(text, "en", model)["leave tonight, not tomor"] == "Renata Calloway"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_pull_quote_signed_with_a_name_and_descriptors_is_that_persons(model):
    text = ("What they said\n\n"
            "“We have listened, and we will keep talking.” – Alasdair Munro, project director, Ardency Renewables\n\n"
            "“Nobody here is against renewable energy.” – Morag Tennant, chair, Tweed Skyline\n\n"
            "“The eagles were here first.” – Dr Callum Reid, Borders Raptor Study Group\n")
    got = speakers_by_opening(text, "en", model)
    assert got["We have listened, and we"] == "Alasdair Munro"
    assert got["Nobody here is against r"] == "Morag Tennant"
    assert got["The eagles were here fir"] == "Callum Reid"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_wh_word_is_no_modifier_of_a_role(model):
    text = ("Sentenced\n\nJudge Marianne Oakes imposed 132 months, a year short of what prosecutors sought.\n\n"
            "Prosecutors said the blood-alcohol content was 0.23 percent.\n")
    assert speakers_by_opening(text, "en", model)["the blood-alcohol conten"] == "prosecutors"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_company_is_no_place_adjective(model):
    # "A British baby products company": "British" names no body; "the company" is the firm named after
    text = ("Lounger recalled\n\nA British baby products company has recalled 38,000 infant loungers.\n\n"
            "Little Harbour Baby said on Wednesday that it had received 14 reports. "
            "Both babies have since made a full recovery, the company said.\n")
    assert speakers_by_opening(text, "en", model)["Both babies have since m"] == "Little Harbour Baby"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_both_parts_of_a_double_surname_decline(model):
    text = ("Przegląd prasy\n\nGazeta publikuje rozmowę z przewodniczącą związku Wandą Sikorską-Bem. "
            "– Nauczyciele nie są przeciwni rozmowie – mówi Sikorska-Bem.\n")
    assert speakers_by_opening(text, "pl", model)["Nauczyciele nie są przec"] == "Wanda Sikorska-Bem"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_formations_acronym_after_a_rank_stands_between_role_and_name(model):
    text = ("Przemyt\n\nJak poinformowała rzeczniczka Nadbużańskiego Oddziału Straży Granicznej por. SG Katarzyna "
            "Żmijewska, ładunek wytypowano do kontroli.\n")
    assert speakers_by_opening(text, "pl", model)["ładunek wytypowano do ko"] == "Katarzyna Żmijewska"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_bare_role_addressed_at_a_sentence_start_is_no_subject(model):
    text = ("Transcript: mayoral debate between Mayor Carla Brannigan and Councilmember Theo Lisle\n\n"
            "OKAFOR: Good evening. I'm Ruth Okafor, and this is the only televised debate.\n\n"
            "LISLE: Thank you. I like the mayor personally, but the basics are not fixed.\n\n"
            "OKAFOR: Mayor, Councilmember Lisle said in his opening that you \"manage decline and call it "
            "progress.\" Your response?\n\n"
            "BRANNIGAN: It's a good line. But lines don't fill potholes.\n")
    assert speakers_by_opening(text, "en", model)["manage decline and call "] == "Theo Lisle"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_cue_verbs_infinitive_speaks_after_a_phasal_verb(model):
    text = ("Sesja rady\n\nGdy przewodnicząca odczytała wynik głosowania, kilkunastu mieszkańców na galerii "
            "zaczęło skandować: „Hańba!”.\n\n"
            "Burmistrz nie chce mówić o tym, że „jest źle”.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["Hańba!"] == "mieszkańcy"
    assert "jest źle" not in got  # "chce mówić": no phasal verb, no statement


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_group_inside_a_sentence_is_a_subject(model):
    text = "Sklep\n\nPo podwyżce wielu klientów zapowiedziało, że „odejdzie do konkurencji”.\n"
    assert speakers_by_opening(text, "pl", model)["odejdzie do konkurencji"] == "klienci"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_plural_role_is_none_of_its_named_members(model):
    text = ("Debata w Sejmie\n\nPoseł Ruchu Odnowy Gospodarczej Tadeusz Wawrzyniak grzmiał z mównicy.\n\n"
            "Gdy wiceminister próbowała odpowiedzieć, posłowie Ruchu Odnowy Gospodarczej zaczęli skandować „Wstyd!”.\n")
    assert speakers_by_opening(text, "pl", model)["Wstyd!"] == "posłowie Ruchu Odnowy Gospodarczej"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_clitic_pronoun_is_no_roles_complement(model):
    text = ("Protest\n\nRektor zaproponował kompromis, studenci go odrzucili.\n\n"
            "Studenci zapowiadają, że „zostaną w holu na noc”.\n")
    assert speakers_by_opening(text, "pl", model)["zostaną w holu na noc"] == "studenci"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_jak_frames_clause_with_a_verb_is_no_apposition(model):
    text = ("Pożar\n\nRzecznik straży Łukasz Mierzwa przekazał, że pożar opanowano. Jak dodał Mierzwa, mieszkańcy "
            "będą mogli wrócić do domów w niedzielę, po sprawdzeniu terenu przez strażaków.\n")
    assert any(quote.startswith("mieszkańcy będą mogli wrócić") and speaker == "Łukasz Mierzwa"
               for quote, speaker, _kind in found(text, "pl"))


@needs_morfeusz
def test_a_bodys_quoted_name_inside_a_jak_frames_speaker_keeps_the_clause():
    got = found("Wybory\n\nJak dodał kandydat „Nowego Elbląga”, decyzja w sprawie protestu zapadnie po konsultacji "
                "z prawnikami.\n", "pl")
    assert any(quote.startswith("decyzja w sprawie protestu") for quote, _speaker, _kind in got)


@needs_morfeusz
def test_advising_speaks_and_its_subjects_phrase_ends_the_clause_before():
    text = ("Przetarg\n\nWiceminister infrastruktury zapewnia, że wszystko odbyło się zgodnie z prawem, a zaproszony "
            "przez komisję ekspert radzi, by z podpisaniem umowy jeszcze poczekać.\n\n"
            "Firma radzi sobie dobrze. Mieszkańców nikt nie pytał, jak sobie radzą.\n")
    got = {quote: speaker for quote, speaker, _kind in found(text, "pl", speaker_model="rules")}
    assert got["wszystko odbyło się zgodnie z prawem"] == "wiceminister infrastruktury"
    assert got["z podpisaniem umowy jeszcze poczekać"] == "ekspert"
    assert len(got) == 2  # "radzi sobie", "sobie radzą": coping, no speech


@needs_morfeusz
def test_a_coordinated_clause_ending_in_a_quotation_is_its_fragment_and_the_first_clause_indirect():
    text = ("Spółdzielnia\n\nPrzewodniczący rady Stefan Głowacki bronił decyzji. Przekonywał, że premie są zgodne z "
            "regulaminem wynagradzania i że zarząd „od lat pracuje dobrze”.\n")
    got = {quote: kind for quote, _speaker, kind in found(text, "pl", speaker_model="rules")}
    assert got == {"premie są zgodne z regulaminem wynagradzania": "indirect", "od lat pracuje dobrze": "fragment"}


def test_a_title_in_a_coordinated_clause_keeps_that_clause():
    # the quotation is a title inside the clause, not its end: the second clause stays a statement
    text = ("Copyright case\n\nThe lawyer, Trevor Albright, said the songs shared a few notes and that Dunleavy's "
            "\"Tin Lanterns\" had been streamed fewer than 300 times.\n")
    got = [quote for quote, _speaker, kind in found(text, "en", speaker_model="rules") if kind == "indirect"]
    assert got == ["the songs shared a few notes", "Dunleavy's \"Tin Lanterns\" had been streamed fewer than 300 times"]


@needs_morfeusz
def test_established_in_a_jak_frame_attributes_and_a_verb_is_no_roles_adjective():
    text = ("Lawina\n\nSzlak jest zamknięty. Mimo to – jak ustalili ratownicy – mężczyźni zeszli do kotła, żeby skrócić "
            "sobie drogę.\n\nUstalili też termin spotkania.\n")
    got = [(quote, speaker) for quote, speaker, _kind in found(text, "pl", speaker_model="rules")]
    assert got == [("mężczyźni zeszli do kotła, żeby skrócić sobie drogę", "ratownicy")]


@needs_morfeusz
def test_a_dashed_jak_frames_clause_starts_after_the_closing_dash_past_an_apposition():
    text = ("Szpital\n\nPo połączeniu – jak twierdzi Bożena Kalinowska, przewodnicząca organizacji związku – na nocnym "
            "dyżurze zostaną trzy pielęgniarki.\n")
    got = [(quote, speaker) for quote, speaker, _kind in found(text, "pl", speaker_model="rules")]
    assert got == [("na nocnym dyżurze zostaną trzy pielęgniarki", "Bożena Kalinowska")]


@needs_morfeusz
def test_ruling_out_speaks_but_not_impersonally():
    text = ("Przemyt\n\nStraż Graniczna nie wyklucza, że stoi za nimi ta sama grupa.\n\n"
            "Nie wyklucza się, że szczyt zostanie przedłużony.\n")
    got = [(quote, speaker) for quote, speaker, _kind in found(text, "pl", speaker_model="rules")]
    assert got == [("stoi za nimi ta sama grupa", "Straż Graniczna")]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_one_of_a_group_named_after_an_age_adjective_is_that_person(model):
    text = ("Wieczór wyborczy\n\n– Przed pierwszą turą też nas wszyscy skreślali – rzuca jeden z wolontariuszy, 19-letni "
            "Kuba, który cały dzień rozwoził mężów zaufania.\n")
    assert speakers_by_opening(text, "pl", model)["Przed pierwszą turą też "] == "Kuba"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_abbreviated_rank_is_the_role_a_later_mention_refers_back_by(model):
    text = ("Hurricane live\n\nGov. Renée Thibodeaux told a briefing that the surge would be “historic”.\n\n"
            "She said 1,400 members of the National Guard were staged at Camp Beauregard.\n\n"
            "“We will go in the minute the wind lets us,” the governor said.\n")
    assert speakers_by_opening(text, "en", model)["We will go in the minute"] == "Renée Thibodeaux"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_collective_noun_and_an_unnamed_newcomer_are_nobody_named(model):
    text = ("Inquest opens\n\nThe hearing began on Monday at the county court.\n\n"
            "Martin Keel, 58, denies three counts. The prosecution says the pumps were sent through an agent.\n\n"
            "Dwayne Robicheaux, 71, said he had left home without his pills. A volunteer checking people in said a "
            "pharmacist would be able to help.\n\n"
            "The family asked that donations be made to the food pantry.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["the pumps were sent thro"] == "prosecution"
    assert got["a pharmacist would be ab"] == "volunteer"
    assert got["donations be made to the"] == "family"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_hearer_with_a_declined_double_surname_is_no_subject(model):
    text = ("Debata\n\nMinister Joanna Sieradzka odpowiadała na pytania. Posłance Elżbiecie Gąsior-Wronie odpowiedziała, "
            "że dopłaty obejmą także mieszkania.\n")
    assert speakers_by_opening(text, "pl", model)["dopłaty obejmą także mie"] == "Joanna Sieradzka"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_bodys_quoted_name_stays_with_the_group_named_by_it(model):
    text = "Wieczór wyborczy\n\n21:03 W hotelu oklaski. Sympatycy komitetu „Elbląg Razem” zaczęli skandować: „Bar-ba-ra!”\n"
    assert speakers_by_opening(text, "pl", model)["Bar-ba-ra!"] == "sympatycy komitetu „Elbląg Razem”"


def test_a_moderators_floor_giving_turns_are_no_statements():
    text = ("Transcript: mayoral debate\n\n"
            "OKAFOR: Good evening. I'm Ruth Okafor, and this is the only televised debate before the vote.\n\n"
            "OKAFOR: Let's begin with housing. What will you do about rents?\n\n"
            "LISLE: I would allow four-story buildings near every rapid bus stop.\n\n"
            "OKAFOR: Mayor, what is your answer?\n\n"
            "BRANNIGAN: Lines don't fill potholes, and we have filled eleven thousand of them.\n\n"
            "OKAFOR: Councilmember, you'll have your rebuttal. Mayor, please finish.\n\n"
            "BRANNIGAN: We opened 900 shelter beds.\n\n"
            "OKAFOR: And what about buses?\n\n"
            "LISLE: The buses run late every single morning.\n\n"
            "OKAFOR: Ms. Brannigan.\n\n"
            "BRANNIGAN: We bought forty new buses this year.\n\n"
            "OKAFOR: That concludes tonight's debate. Our thanks to Mayor Brannigan and Councilmember Lisle, and to all "
            "of you for watching. Good night.\n")
    said = [quote for quote, _speaker, _kind in found(text, "en", speaker_model="rules")]
    assert not any(quote.startswith(("Councilmember, you'll", "Ms. Brannigan", "That concludes")) for quote in said)
    assert any(quote.startswith("Lines don't fill potholes") for quote in said)


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_leads_role_is_the_person_the_next_paragraph_names(model):
    text = ("Greek minister tells Turkey the door is open\n\n"
            "Greece and Turkey will hold a new round of talks later this month, Greece’s foreign minister said on "
            "Monday.\n\n"
            "‘The door is open,’ Eleni Markopoulou told reporters after meeting her Cypriot counterpart.\n")
    assert speakers_by_opening(text, "en", model)["Greece and Turkey will h"] == "Eleni Markopoulou"


def test_a_leads_role_stays_a_role_when_the_next_name_has_a_role_of_its_own():
    text = ("Strike talks\n\nThe union will strike on Monday, the union chief said.\n\n"
            "Transport Minister Alan Pryce said the offer was fair.\n")
    assert speakers_by_opening(text, "en", "rules")["The union will strike on"] == "union chief"


@pytest.mark.parametrize("text,clause", [
    ("Talks\n\nATHENS, 3 March (EPN) – Greece and Turkey will meet later this month, the minister said.\n",
     "Greece and Turkey will meet later this month"),
    ("Deal\n\nSAN FRANCISCO, Calif., May 2 (Reuters) - Profits rose, the company said.\n", "Profits rose"),
    ("Vote\n\nWASHINGTON — The deal will pass, the senator said on Monday.\n", "The deal will pass"),
])
def test_a_clause_before_its_attribution_starts_after_a_wire_dateline(text, clause):
    assert [quote for quote, _speaker, _kind in found(text, "en", speaker_model="rules")] == [clause]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_subheading_labelled_with_a_bodys_name_is_its_speakers(model):
    text = ("Flood live\n\n07:50\n\nEnvironment Agency: river to peak around midday\n\n"
            "Helen Drury, duty flood manager at the Environment Agency, said the river would peak around midday.\n")
    assert speakers_by_opening(text, "en", model)["river to peak around mid"] == "Helen Drury"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_headlines_one_word_label_for_a_side_makes_headline_speech(model):
    text = ("Budżet Radomia przyjęty. Opozycja: „To budżet długów”\n\n"
            "Radni opozycji krytykowali budżet. – To budżet długów – mówił Marcin Kostrzewa.\n")
    # the headline's and the body's statement, both the councillor's
    assert found(text, "pl", model) == [("To budżet długów", "Marcin Kostrzewa", "direct")] * 2


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_headlines_label_after_its_last_comma_makes_headline_speech(model):
    text = ("Giełda transferowa. Szymczak coraz bliżej Niemiec, Pogoń: „Nie ma oferty”\n\n"
            "Dyrektor sportowy Pogoni Adrian Lemańczyk powiedział: – Nie ma oferty.\n")
    assert found(text, "pl", model)[0] == ("Nie ma oferty", "Adrian Lemańczyk", "direct")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_subject_with_two_relative_clauses_keeps_its_role(model):
    text = ("Inquest\n\nGemma Tully, the ward manager, said she was sorry.\n\n"
            "A healthcare assistant who was on shift that night, and who gave evidence from behind a screen, said she "
            "had checked on Mr Mercer at about 2.40am.\n")
    assert speakers_by_opening(text, "en", model)["she had checked on Mr Me"] == "healthcare assistant"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_second_description_joined_by_and_is_the_same_person(model):
    text = ("Blokada\n\n– Nie zejdziemy z tej autostrady – mówi Mirosław Górka, rolnik z powiatu kolskiego i przewodniczący "
            "komitetu protestacyjnego. – Od pół roku piszemy pisma i dostajemy odpowiedzi, że sprawa jest analizowana.\n")
    assert speakers_by_opening(text, "pl", model)["Od pół roku piszemy pism"] == "Mirosław Górka"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_social_media_handle_is_a_speakers_name(model):
    text = ("@lang: en\nApp users revolt\n\nTamsin Greer, a doctoral student, wrote that she was leaving.\n\n"
            "Another user, @fernbrook, posted simply: \"switching to plain text files like it is 2004.\"\n\n"
            "Councillor Rachel Stoltz @StoltzWard3 said she would vote against the plan. Write to jan@example.com.\n")
    got = found(text, "en", model)
    assert ("switching to plain text files like it is 2004.", "@fernbrook", "direct") in got
    assert not any(quote == "en" for quote, _speaker, _kind in got)
    assert not any(speaker and " @" in speaker for _quote, speaker, _kind in got)  # no "Rachel Stoltz @StoltzWard3"


@needs_morfeusz
def test_a_chairs_labelled_floor_giving_is_no_statement():
    text = ("Posiedzenie komisji\n\n"
            "Przewodniczący poseł Zbigniew Kuraś: Dziękuję. Pan poseł Dymek, proszę.\n\n"
            "Poseł Rafał Dymek: Zbiorniki miały być gotowe przed sezonem, a nie są.\n\n"
            "Przewodniczący poseł Zbigniew Kuraś: Proszę o spokój. Pan Marian Bąk, proszę.\n")
    assert [(quote, speaker) for quote, speaker, _kind in found(text, "pl", speaker_model="rules")] == [
        ("Zbiorniki miały być gotowe przed sezonem, a nie są.", "Rafał Dymek")]
