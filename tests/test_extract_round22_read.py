"""Rules written after reading round 22 (its articles are tuning data now; round 23 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz, speakers_by_opening


_APPEAL = ("The appeal was heard by Lady Justice Iris Carrow, Lord Justice Owain Pell and Mr Justice Ned Vance.\n\n"
           "Giving the lead judgment, Lady Justice Carrow said the tribunal had “weighed the evidence with care”.\n\n"
           "Lord Justice Pell, agreeing, added that the rule “would mean nothing otherwise”.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_lord_and_lady_justice_are_forms_of_address_before_a_judges_name(model):
    got = speakers_by_opening(_APPEAL, "en", model)
    assert got["weighed the evidence wit"] == "Iris Carrow"
    assert got["would mean nothing other"] == "Owain Pell"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_role_modifier_alone_before_one_word_is_part_of_an_institutions_name(model):
    # "national" modifies roles ("National Security Adviser Ann Roe" is Ann Roe), but before one
    # word and no role it belongs to the name; after an honorific it is still a title
    text = ("Lights may fail\n\nNational Grid said in a statement that it had “tested procedures” for storms.\n\n"
            "Lord Justice Penrose said the appeal “must fail”.\n\n"
            "Chief Executive Mona Hale said the plan was “on track”.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["tested procedures"] == "National Grid"
    assert got["must fail"] == "Penrose"
    assert got["on track"] == "Mona Hale"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_places_police_in_lowercase_are_the_speaker_not_the_place(model):
    text = ("Man held after race\n\nCleveland police said a man was arrested near mile 20.\n\n"
            "Port Amaro police said the road “will stay closed”.\n\n"
            "Inspector Jana Vuk of Tolen police said lorries were turned back.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["a man was arrested near "] == "Cleveland police"
    assert got["will stay closed"] == "Port Amaro police"
    assert got["lorries were turned back"] == "Jana Vuk"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_ampersand_inside_an_institutions_name_keeps_the_name_whole(model):
    text = "Dog seized\n\nTelford & Wrekin Council said it would “review the warnings”.\n"
    assert speakers_by_opening(text, "en", model)["review the warnings"] == "Telford & Wrekin Council"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_firm_named_without_its_legal_suffix_is_the_firm_named_with_it(model):
    text = ("Whistleblower wins\n\nShe was dismissed by Orrin Rail Services Ltd in 2021.\n\n"
            "Orrin Rail Services said it was “disappointed” by the ruling.\n")
    assert speakers_by_opening(text, "en", model)["disappointed"] == "Orrin Rail Services Ltd"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_capitalised_name_ending_in_a_role_like_institution_word_is_a_firm(model):
    # "Group" is also a role ("the group said"); capitalised at the end of a name it is a firm's;
    # "Embassy" before "in" still takes its seat
    text = ("Brewery sold\n\nThe board accepted an offer. Morrow Drinks Group bought the site last year. "
            "Morrow said the deal was “good for both”.\n\n"
            "The U.S. Embassy in Belgrade said in a post that the deal was “a humanitarian step”.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["good for both"] == "Morrow Drinks Group"
    assert got["a humanitarian step"] == "U.S. Embassy in Belgrade"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_company_is_the_firm_named_before_without_an_institution_word(model):
    # "Norwell Foods" holds no institution word; it is nobody's name, so "the company" is it,
    # and a person named in full before ("Ann Blake") is not
    text = ("Norwell Foods cuts outlook\n\nNorwell Foods on Thursday cut its forecast. Ann Blake, an analyst, "
            "called the cut “overdue”. Blake said shares would fall.\n\n"
            "Sales will drop by 2% this year, the company said.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["Sales will drop by 2% th"] == "Norwell Foods"
    assert got["overdue"] == "Ann Blake"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_role_with_an_age_describes_the_person_named_before(model):
    # "58-letni hodowca" after "Stanisław Fedak ma stado": the breeder named before, though no
    # age was given with his name; a role with its own complement and no name before stays
    text = ("Wilki zagryzły owce\n\nStanisław Fedak od trzydziestu lat hoduje owce w Rzepedzi.\n\n"
            "– Wyszedłem o piątej rano i myślałem, że to zły sen – mówi 58-letni hodowca.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["Wyszedłem o piątej rano "] == "Stanisław Fedak"


_SCRIPT = ("Most zamknięty. Wójt: „Zostaliśmy sami”\n\n"
           "„Wieczór w Regionie”, wydanie główne. Materiał 3 z 9.\n\n"
           "PREZENTER (Adam Wrzos): Dobry wieczór. Od poniedziałku most na Głomi jest zamknięty. Z Zawad nasz reporter.\n\n"
           "REPORTER: Tak wygląda wjazd na most. Betonowe zapory i znak zakazu.\n\n"
           "MIESZKANIEC (bez podpisu): Mówili, że remont będzie w zeszłym roku. Ja już w nic nie wierzę.\n\n"
           "KIEROWCA BUSA (podpis: Zenon Grab, przewoźnik): Robię sześć kursów dziennie. Na każdym tracę kwadrans.\n\n"
           "PREZENTER: Starosta obiecał spotkanie w piątek. Czy coś z tego wyjdzie? Zobaczymy.\n")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_scripts_role_labels_take_the_name_given_in_parentheses_or_stay_roles(model):
    got = speakers_by_opening(_SCRIPT, "pl", model)
    assert got["Dobry wieczór. Od ponied"] == "Adam Wrzos"
    assert got["Robię sześć kursów dzien"] == "Zenon Grab"
    assert got["Starosta obiecał spotkan"] == "Adam Wrzos"  # the role labelled alone later
    assert got["Mówili, że remont będzie"] == "mieszkaniec"


def test_a_question_label_with_the_askers_name_in_parentheses_stays_a_question_label():
    from stance.extract.interview import interview_layout
    from stance.extract.words import function_words

    text = ("Briefing\n\nThe minister took questions.\n\nQ (Sara Moen, TV2): How do you respond?\n\n"
            "MS HALE: We have a majority.\n\nQ (Moen): Are you worried?\n\nMS HALE: No.\n")
    layout = interview_layout(text, function_words("en"))
    assert [t.label for t in layout.questions] == ["Q", "Q"]
    assert [t.label for t in layout.answers] == ["HALE", "HALE"]


@needs_morfeusz
def test_unmarked_speech_before_a_trailing_dash_attribution_runs_over_an_abbreviations_point():
    text = ("Wyciek gazu\n\nPogotowie gazowe zlokalizowało nieszczelność w piwnicy bloku przy ul. Wyścigowej "
            "w Radomiu, a dopływ gazu został odcięty – przekazał rzecznik straży Dariusz Pawlak.\n")
    got = found(text, "pl")
    assert got == [("Pogotowie gazowe zlokalizowało nieszczelność w piwnicy bloku przy ul. Wyścigowej w Radomiu, "
                    "a dopływ gazu został odcięty", "Dariusz Pawlak", "direct")]


@needs_morfeusz
def test_a_parenthetical_jak_frame_after_the_subject_reports_the_clause_after_its_second_dash():
    text = "Klinika\n\nKlinika – jak zapowiada jej kierowniczka Anna Lis – chce zaprosić ośrodki z Krakowa, Lublina i Warszawy.\n"
    assert found(text, "pl") == [("chce zaprosić ośrodki z Krakowa, Lublina i Warszawy", "Anna Lis", "indirect")]


@needs_morfeusz
def test_an_impersonal_cue_inside_a_reported_clause_does_not_end_it():
    text = ("Kontrola\n\nJak dodała Anna Lis, podczas kontroli stwierdzono, że na placu zgromadzono "
            "więcej odpadów, niż pozwalało zezwolenie.\n")
    assert found(text, "pl") == [("podczas kontroli stwierdzono, że na placu zgromadzono więcej odpadów, niż pozwalało zezwolenie",
                                  "Anna Lis", "indirect")]


def test_a_relative_clauses_report_runs_over_the_commas_of_a_list():
    text = ("Trial\n\nThe witness was Lena Castell, a musicologist called by the plaintiff, who testified that "
            "the contour, rhythm and setting of the two hooks matched.\n\nMarun, who said she had not crossed the bridge, walks home.\n")
    got = [(t, k) for t, _s, k in found(text, "en")]
    assert ("the contour, rhythm and setting of the two hooks matched", "indirect") in got
    assert ("she had not crossed the bridge", "indirect") in got


def test_a_clause_without_that_runs_over_the_commas_of_a_list():
    text = "Trial\n\nDerek Nolan said the contour, rhythm and setting matched.\n"
    assert found(text, "en") == [("the contour, rhythm and setting matched", "Derek Nolan", "indirect")]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_capitalised_name_ending_in_an_institution_word_after_a_role_noun_is_the_institution(model):
    # "Tenants" is a role noun and "Court" an institution's word, but the name ends in "Union":
    # the union speaks, not a person "Union"; a role after the institution is still read
    text = ("Rent strike ends\n\nThe Maple Court Tenants Union said the deal “belongs to every family”.\n\n"
            "European Union foreign ministers said the talks were “useful”.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["belongs to every family"] == "Maple Court Tenants Union"
    assert got["useful"] == "European Union foreign ministers"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_publishers_theatres_and_stations_named_at_a_sentence_start_are_institutions(model):
    text = ("Książka\n\nW poniedziałek było zimno. Wydawnictwo Przystań poinformowało, że książka „zostanie w sprzedaży”.\n\n"
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Zielnowie zaznacza, że osoby z gorączką „powinny zostać w domu”.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["zostanie w sprzedaży"] == "Wydawnictwo Przystań"
    assert got["powinny zostać w domu"] == "Powiatowa Stacja Sanitarno-Epidemiologiczna w Zielnowie"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_countrys_genitive_is_part_of_the_office_not_of_the_holders_name(model):
    # invented countries morfeusz2 does not know: "-ii" is a genitive, no nominative name's end
    text = ("Spór graniczny\n\nW poniedziałek było zimno. MSZ Dravonii poinformowało, że ambasada „pozostanie zamknięta”.\n\n"
            "Szef dyplomacji Tarwenii Goran Ostoja nazwał to „prowokacją”.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["pozostanie zamknięta"] == "MSZ Dravonii"
    assert got["prowokacją"] == "Goran Ostoja"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_prosecutors_rank_and_a_two_word_seat_lie_between_an_office_and_its_holder(model):
    text = ("Zarzuty\n\nRzeczniczka Prokuratury Okręgowej w Opolu prok. Marta Sobieraj poinformowała, że trzej usłyszeli zarzuty.\n\n"
            "– Wszyscy złożyli wyjaśnienia – przekazała rzeczniczka.\n\n"
            "Jak poinformował rzecznik Komendy Miejskiej Policji w Jeleniej Górze podkom. Grzegorz Sawicki, kierowca był trzeźwy.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["Wszyscy złożyli wyjaśnie"] == "Marta Sobieraj"
    assert got["kierowca był trzeźwy"] == "Grzegorz Sawicki"


@needs_morfeusz
def test_a_plural_role_in_the_genitive_is_named_in_its_common_nominative():
    from stance.extract.morph import plural_nominative

    assert plural_nominative("organizator") == "organizatorzy"
    assert plural_nominative("dyrektor") == "dyrektorzy"
    assert plural_nominative("członek") == "członkowie"
    text = "Dożynki\n\nWedług organizatorów na dożynkach bawiło się półtora tysiąca osób.\n"
    assert found(text, "pl")[0][1] == "organizatorzy"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_rank_abbreviated_before_a_name_is_a_role_a_later_mention_refers_back_by(model):
    text = ("Dożynki\n\nProboszcz ks. Stanisław Kubiak mówił o żniwach. Ksiądz przypomniał, że parafia „zebrała ziarno”.\n\n"
            "Ostrożniejszy jest prof. Andrzej Wolański, neurolog. Profesor uważa, że grupa „była za mała”.\n")
    got = speakers_by_opening(text, "pl", model)
    assert got["zebrała ziarno"] == "Stanisław Kubiak"
    assert got["była za mała"] == "Andrzej Wolański"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_lowercase_jurisdiction_before_an_institutions_name_belongs_to_it(model):
    text = ("Storm\n\nSeven shelters will open in Lafayette, according to the state Office of Emergency Management.\n\n"
            "The state senator said the vote was “close”.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["Seven shelters will open"] == "state Office of Emergency Management"
    assert got["close"] == "state senator"


def test_a_clocks_points_inside_the_cues_phrase_end_nothing():
    text = "Storm\n\nThe National Hurricane Center said in its 4 p.m. advisory that Ansel was moving north.\n"
    assert found(text, "en") == [("Ansel was moving north", "National Hurricane Center", "indirect")]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_english_roles_tail_holds_a_partitive_and_numbers(model):
    text = ("Talks\n\nA senior diplomat from one of the three delegations said the talks were “miles apart”.\n\n"
            "A volunteer at the mile 20 aid station, who declined to give her name, said runners were “soaked”.\n")
    got = speakers_by_opening(text, "en", model)
    assert got["miles apart"] == "senior diplomat from one of the three delegations"
    assert got["soaked"] == "volunteer at the mile 20 aid station"


@needs_morfeusz
def test_a_plural_role_shared_by_both_genders_is_named_in_the_masculine_personal_plural():
    # "radnych" is the genitive of both "radna" and "radny": a group is "radni", not "radne"
    text = "Nagłówek\n\nZdaniem radnych opozycyjnego klubu park jest potrzebny.\n"
    assert found(text, "pl") == [("park jest potrzebny", "radni opozycyjnego klubu", "indirect")]


def test_a_clause_whose_second_predicate_holds_a_quotation_reports_its_first_part():
    text = ("Trade\n\nLena Ferrat, the registrar, said the panel would hold its first hearing in May "
            "and did not expect a ruling \"before the spring\".\n\n"
            "He said the company would “engage constructively” with any proposals.\n")
    got = [(t, k) for t, _s, k in found(text, "en")]
    assert got == [("the panel would hold its first hearing in May", "indirect"), ("before the spring", "fragment"),
                   ("engage constructively", "fragment")]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_polish_verbs_of_saying_the_list_lacked(model):
    text = ("Strajk\n\nJan Bury jest operatorem od dwudziestu lat.\n\n– Jak strajk nic nie da, też odejdę – ucina Bury.\n\n"
            "Anna Lis obawia się, że szkoła stanie się filią.\n\n"
            "– Proszę o spokój na sali – upomniała Lis.\n\n"
            "Urząd odpisał, że wniosek jest niekompletny.\n")
    got = found(text, "pl", model)
    assert ("Jak strajk nic nie da, też odejdę", "Jan Bury", "direct") in got
    assert ("szkoła stanie się filią", "Anna Lis", "indirect") in got
    assert ("Proszę o spokój na sali", "Anna Lis", "direct") in got
    assert ("wniosek jest niekompletny", "urząd", "indirect") in got


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_second_role_before_a_name_is_a_role_a_later_mention_refers_back_by(model):
    text = ("Proces\n\nPrzewodniczący składu sędzia Ireneusz Madej wniosek oddalił. Prokurator Anna Lis protestowała.\n\n"
            "– Sąd nie dopuści do przewlekania postępowania – powiedział sędzia.\n")
    assert speakers_by_opening(text, "pl", model)["Sąd nie dopuści do przew"] == "Ireneusz Madej"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_english_verbs_of_saying_the_list_lacked(model):
    text = ("Tribunal\n\nThe tribunal ruled that the dismissal was unfair.\n\n"
            "Protesters chanted “Whose uni? Our uni!” outside the hall.\n\n"
            "Under cross-examination, Mark Hale accepted that the logs were wrong.\n\n"
            "Anna Bell said the overtime rules would stay.\n")
    got = [(t, k) for t, _s, k in found(text, "en", model)]
    assert ("the dismissal was unfair", "indirect") in got
    assert ("Whose uni? Our uni!", "direct") in got
    assert ("the logs were wrong", "indirect") in got
    assert ("the overtime rules would stay", "indirect") in got  # "rules" here is no verb


def test_a_name_after_a_role_and_at_is_the_employer_not_a_person():
    from stance.extract.pipeline import stages

    text = ("Glasses\n\n“I would wear them outside,” said Devin Osei, principal analyst at Meridian Insight. "
            "“But the price is high.”\n")
    _chosen, resolver = stages(text, "en")
    kinds = {m.speaker: m.kind for m in resolver.mentions.mentions}
    assert kinds["Meridian Insight"] == "inst"
    assert kinds["Devin Osei"] == "name"
    assert speakers_by_opening(text, "en", "ranker")["But the price is high."] == "Devin Osei"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_cue_noun_inside_an_opening_question_is_its_topic_not_the_answer(model):
    # "zarzuty" is a cue noun: "Pytany o zarzuty wojewody," is still the question, and the
    # voivode named in it is not who answers; his role named with him there still counts
    text = ("Most\n\nWojewoda lubuski Grzegorz Olszak skrytykował Niemców.\n\n"
            "Starosta Heiko Brandstätter zapowiedział, że powiat wystąpi o pieniądze. "
            "Pytany o zarzuty wojewody, odparł, że decyzja „należała do inżynierów”.\n")
    assert speakers_by_opening(text, "pl", model)["należała do inżynierów"] == "Heiko Brandstätter"


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_role_noun_in_the_possessive_is_no_head_and_gives_no_plural(model):
    # "Students’ union president Kwame Asante": the head is "president", one man, so the "he"
    # of the next paragraph is he, not the woman named before
    text = ("Courses cut\n\nThe principal, Alison Greaves, wrote that the numbers did not add up.\n\n"
            "Students’ union president Kwame Asante said the announcement had come as a shock.\n\n"
            "“We are talking about people who have moved across the country,” he said.\n")
    assert speakers_by_opening(text, "en", model)["We are talking about peo"] == "Kwame Asante"


def test_a_hyphenated_vice_role_is_no_part_of_the_name():
    text = "Head\n\nVice-chancellor Alison Greaves wrote that the numbers did not add up.\n"
    assert found(text, "en") == [("the numbers did not add up", "Alison Greaves", "indirect")]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_sentence_initial_role_modifier_the_text_also_writes_in_lowercase_stays_in_the_role(model):
    # "environment" is also written in lowercase, so the capitalised one opening the sentence is
    # no name; it still modifies the role, and "the environment secretary" later is Martin Sayle
    text = ("Dam\n\nEnvironment Secretary Martin Sayle, who chaired a meeting, said the dam was safe.\n\n"
            "Later the environment secretary said it was “too early to tell”.\n")
    assert speakers_by_opening(text, "en", model)["too early to tell"] == "Martin Sayle"
