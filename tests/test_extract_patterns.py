"""The failure patterns of unseen news (trailing attribution, mid-sentence quotes, frames,
roles), on small invented sentences (people, places and words made up for the tests; nothing copied from real articles). One test per shape, end to end."""

from __future__ import annotations

import pytest

from conftest import found, speakers


# -- 1. unmarked speech attributed only by a trailing dash clause ------------------------
def test_unmarked_speech_with_trailing_attribution():
    text = ("Wiceminister Adam Wiśniewski odwiedził Lublin.\n\n"
            "Rząd nie zgodzi się na ustępstwa i tego nie zaakceptujemy – powiedział wiceminister.")
    assert found(text, "pl") == [("Rząd nie zgodzi się na ustępstwa i tego nie zaakceptujemy",
                                  "Adam Wiśniewski", "direct")]


def test_unmarked_speech_extends_over_sentences_in_the_speakers_voice():
    text = ("Posłanka Ewa Marczak przyjechała do Opola.\n\n"
            "Nie oddamy szpitala. Zrobimy wszystko, żeby go uratować – zapowiedziała Marczak.")
    assert found(text, "pl") == [("Nie oddamy szpitala. Zrobimy wszystko, żeby go uratować", "Ewa Marczak", "direct")]


def test_unmarked_speech_stops_at_a_narrators_sentence():
    text = "Minister Jan Lis spotkał się z rolnikami. Nie odpuścimy – zapowiedział."
    assert found(text, "pl") == [("Nie odpuścimy", "Jan Lis", "direct")]


def test_continuation_with_omitted_subject_carries_the_speaker():
    text = ("– Nie zgodzimy się na ustępstwa – mówił Adam Wiśniewski.\n\n"
            "Tego nie zaakceptujemy, bo to wbrew rolnikom — dodał, cytowany przez agencję.")
    assert found(text, "pl")[1] == ("Tego nie zaakceptujemy, bo to wbrew rolnikom", "Adam Wiśniewski", "direct")


def test_attribution_on_a_line_of_its_own_is_no_statement():
    text = "Rolnicy protestowali w Lublinie.\n\nNie zgodzimy się na to.\n– powiedział wiceminister Adam Wiśniewski."
    assert found(text, "pl") == [("Nie zgodzimy się na to.", "Adam Wiśniewski", "direct")]


@pytest.mark.parametrize("text", [
    "Prezes Olga Sęk zapewniła, że fabryka ruszy w maju – podaje PAP.",  # a source tail of a reported clause
    "Rząd przyjął projekt ustawy – podała agencja.",  # media report facts, they do not speak
    "Rząd – jak powiedział minister – przyjął projekt.",  # a parenthetical frame, not speech before a dash
])
def test_no_unmarked_speech_before_a_source_or_a_parenthesis(text):
    assert all(kind != "direct" for _t, _s, kind in found(text, "pl"))


# -- 2. English curly-quoted speech, mid-sentence or attributed after -------------------
def test_english_speech_introduced_mid_sentence():
    text = "The minister, Harold Pike, visited the port on Monday and said, “We will finish the work before winter.”"
    assert found(text, "en") == [("We will finish the work before winter.", "Harold Pike", "direct")]


def test_english_speech_attributed_after_the_quote():
    text = ("Harold Pike, the transport minister, visited the port. "
            "“We will finish the work before winter,” the minister said. “Nobody will be left behind.”")
    assert found(text, "en") == [("We will finish the work before winter,", "Harold Pike", "direct"),
                                 ("Nobody will be left behind.", "Harold Pike", "direct")]


# -- 3. reported speech and attributed opinion, the whole clause -----------------------
@pytest.mark.parametrize("lang, text, clause, speaker", [
    ("pl", "Minister Jan Lis był w Lublinie. Mówił, że rolnicy dostaną pomoc jeszcze w tym roku.",
     "rolnicy dostaną pomoc jeszcze w tym roku", "Jan Lis"),
    ("pl", "Posłanka Anna Wrona zabrała głos. Mówiła o tym, że szpitale nie mają pieniędzy na leki.",
     "szpitale nie mają pieniędzy na leki", "Anna Wrona"),
    ("pl", "Anna Wrona skrytykowała projekt. Jej zdaniem ustawa uderzy w małe firmy.",
     "ustawa uderzy w małe firmy", "Anna Wrona"),
    ("pl", "Ekonomista Marek Zięba uważa, że inflacja spadnie w przyszłym roku.",
     "inflacja spadnie w przyszłym roku", "Marek Zięba"),
    ("pl", "W ocenie posła Jana Lisa budżet wytrzyma te wydatki.", "budżet wytrzyma te wydatki", "Jan Lis"),
    ("en", "According to Mark Ziebe, inflation will fall next year.", "inflation will fall next year", "Mark Ziebe"),
    ("en", "In the view of the central bank governor, Mark Ziebe, inflation will fall next year.",
     "inflation will fall next year", "Mark Ziebe"),
    ("en", "After meeting the chancellor, Jan Lis said aid would arrive soon.", "aid would arrive soon", "Jan Lis"),
])
def test_reported_clause_is_captured_whole(lang, text, clause, speaker):
    assert found(text, lang) == [(clause, speaker, "indirect")]


# -- 4. a role resolves to the person named elsewhere in the article --------------------
@pytest.mark.parametrize("lang, text, speaker", [
    ("pl", "Prezydent Francji Jan Kowalski przyjechał do Warszawy. – Jesteśmy gotowi – powiedział prezydent Francji.",
     "Jan Kowalski"),
    ("pl", "Szef MSZ Tomasz Bury rozmawiał z ambasadorami. Później szef MSZ dodał, że rozmowy potrwają.", "Tomasz Bury"),
    ("pl", "Kanclerz Ewa Lange przyjechała do Paryża. Kanclerz powiedziała, że Europa musi się zbroić.", "Ewa Lange"),
    ("en", 'President Jean Dupont arrived on Monday. "We are ready to talk," the president said.', "Jean Dupont"),
    ("en", "Turkish President Kemal Arslan met the envoy. The Turkish leader said the talks had been useful.",
     "Kemal Arslan"),
    ("pl", "Turecki prezydent Kemal Arslan spotkał się z wysłannikiem. Turecki przywódca powiedział, że rozmowy były dobre.",
     "Kemal Arslan"),
])
def test_role_resolves_to_the_named_person(lang, text, speaker):
    assert speakers(text, lang) == [speaker]


# -- 5. the speaker is the nominative subject, not an object or a place ------------------
@pytest.mark.parametrize("text, speaker", [
    ("Wysłannik prezydenta powiedział, że rozmowy potrwają do piątku.", "wysłannik prezydenta"),
    ("Prezydenta Adama Wronę zapewnił premier Jan Lis, że rząd go poprze.", "Jan Lis"),
    ("Po rozmowie z kanclerzem Niemiec Jan Lis powiedział, że pomoc dotrze.", "Jan Lis"),
    ("W Warszawie minister Ewa Bury powiedziała, że rozmowy potrwają do piątku.", "Ewa Bury"),
    ("Dziennikarzom minister Jan Lis powiedział, że rozmowy potrwają.", "Jan Lis"),
])
def test_speaker_is_the_nominative_subject(text, speaker):
    assert speakers(text, "pl") == [speaker]


# -- 6. sources that are not people -------------------------------------------------------
@pytest.mark.parametrize("lang, text, speaker", [
    ("pl", "Źródło zbliżone do rządu powiedziało, że decyzja zapadnie w piątek.", "źródło zbliżone do rządu"),
    ("pl", "Jak przekazało agencji źródło w ministerstwie, decyzja zapadnie w piątek.", "źródło w ministerstwie"),
    ("en", "A source close to the government said the decision would come on Friday.", "source close to the government"),
    ("pl", "Ministerstwo Zdrowia poinformowało, że szczepionki trafią do aptek w marcu.", "Ministerstwo Zdrowia"),
    ("en", "The ministry said in a statement that the decision would come on Friday.", "ministry"),
])
def test_sources_and_institutions_are_named_as_such(lang, text, speaker):
    assert speakers(text, lang) == [speaker]


@pytest.mark.parametrize("lang, text", [
    ("pl", "Agencja Reuters podała, że decyzja zapadnie w piątek."),
    ("pl", "Jak donoszą media, decyzja zapadnie w piątek."),
    ("en", "The decision will come on Friday, according to Reuters."),
])
def test_media_reports_are_no_statements(lang, text):
    assert found(text, lang) == []


# -- genres the tuning articles lack: live blogs, interviews, wire copy --------------------
def test_live_blog_time_stamps_are_not_speakers():
    text = ("Relacja na żywo\n\n14:32 Minister Jan Lis: Nie ustąpimy w sprawie portu.\n\n"
            "14:45 Rzecznik rządu Piotr Malik powiedział, że rozmowy potrwają do wieczora.")
    assert found(text, "pl") == [("Nie ustąpimy w sprawie portu.", "Jan Lis", "direct"),
                                 ("rozmowy potrwają do wieczora", "Piotr Malik", "indirect")]


def test_english_live_blog():
    text = ('Live updates\n\n10:15 GMT - Harold Pike: "We are close to a deal."\n\n'
            "10:40 GMT - Pike later said talks would resume on Friday.")
    assert found(text, "en") == [("We are close to a deal.", "Harold Pike", "direct"),
                                 ("talks would resume on Friday", "Harold Pike", "indirect")]


def test_interview_answers_after_a_name_may_be_long():
    answer = "Nie ustąpimy. " + "Mamy plan i będziemy go realizować krok po kroku, bez względu na protesty. " * 4
    text = f"Rozmowa z ministrem.\n\nAnna Wrona: Czy rząd ustąpi rolnikom?\n\nJan Lis: {answer}"
    assert [(s, k) for _t, s, k in found(text, "pl")] == [("Anna Wrona", "direct"), ("Jan Lis", "direct")]


def test_long_paragraph_after_a_colon_is_no_answer_without_a_name():
    text = "Ministerstwo: " + "Program obejmie wszystkie gminy w regionie i potrwa do końca roku. " * 5
    assert found(text, "pl") == []


def test_wire_dateline_and_weekday_before_a_bare_clause():
    text = ("LONDON (Wire) - Britain's finance minister Harold Pike said on Tuesday the budget would be "
            'balanced by 2030.\n\n"We will not borrow more," Pike told reporters.')
    assert found(text, "en") == [("the budget would be balanced by 2030", "Harold Pike", "indirect"),
                                 ("We will not borrow more,", "Harold Pike", "direct")]


def test_british_single_quotes_new_sentence_after_the_attribution():
    text = "‘We have been clear from the start,’ Martin Keel said in a statement. ‘The budget is fixed.’"
    assert found(text, "en") == [("We have been clear from the start,", "Martin Keel", "direct"),
                                 ("The budget is fixed.", "Martin Keel", "direct")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Dock workers rejected the offer.\n\nPhoto: Dock workers at the terminal on Thursday."),
    ("pl", "Radni przyjęli budżet.\n\nFot: Radni podczas sesji w czwartek"),
    ("pl", "Radni przyjęli budżet.\n\nCzytaj także: Remont dworca potrwa dłużej"),
])
def test_web_page_labels_are_not_speakers(lang, text):
    assert found(text, lang) == []


def test_generic_role_in_a_headline_is_named_further_on():
    text = "‘No deal yet’, says Turkish leader\n\nTurkish President Kemal Arslan met the envoy on Monday."
    assert found(text, "en") == [("No deal yet", "Kemal Arslan", "direct")]


def test_a_broadcaster_is_no_antecedent_of_an_omitted_subject():
    text = ("– Rozumiemy rolników – powiedziała minister Ewa Bury w Polsat News. "
            "Wezwała też protestujących, by wrócili do rozmów.")
    assert speakers(text, "pl") == ["Ewa Bury", "Ewa Bury"]


def test_closing_frame_is_the_source_of_the_clause_not_part_of_it():
    text = "The port authority argues that costs have doubled since 2020, according to its annual report."
    assert found(text, "en") == [("costs have doubled since 2020", "port authority", "indirect")]


def test_section_labels_are_not_speakers():
    assert found("Opinion: The harbour deal is a mistake\n\nThe deal was signed.", "en") == []


@pytest.mark.parametrize("lang, text, speaker", [
    ("pl", "Minister Ewa Bury broniła reformy. – Nikt nas nie pytał – powiedziała pielęgniarka.", "pielęgniarka"),
    ("en", 'The minister defended the reform. "Nobody asked us," said a nurse.', "nurse"),
])
def test_people_in_the_street_speak_for_themselves(lang, text, speaker):
    """A quoted worker or nurse is the speaker, not the minister mentioned before: so say the
    rules. The default ranker gives the Polish one to the minister (it learnt that a bare role
    usually stands for the person named before it); a known cost of its gain, in the README."""
    assert speakers(text, lang, speaker_model="rules") == [speaker]
    ranked = speakers(text, lang)
    assert ranked == ([speaker] if lang == "en" else ["Ewa Bury"])


def test_interview_answers_after_a_label_are_the_guests():
    text = ("Minister Jan Lis: Nie oddamy portu\n\nZ ministrem rolnictwa Janem Lisem rozmawia Anna Wrona.\n\n"
            "Pytanie: Czy rząd ustąpi?\n\nOdp.: Nie ustąpimy. Mamy plan.")
    assert found(text, "pl") == [("Nie oddamy portu", "Jan Lis", "direct"), ("Nie ustąpimy. Mamy plan.", "Jan Lis", "direct")]
    text = ("Interview: Harold Pike on the harbour strike\n\nHarold Pike, the transport minister, spoke to Anna Wrona."
            "\n\nQ: Will the government give in?\n\nA: No. We have a plan and we will stick to it.")
    assert found(text, "en") == [("No. We have a plan and we will stick to it.", "Harold Pike", "direct")]
