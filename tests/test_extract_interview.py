"""The interview stage (``stance/extract/interview.py``): the turns of a Q&A in the plain-text
presentations outlets use, and who answers. Texts are invented for the tests."""

from __future__ import annotations

from conftest import found, needs_morfeusz
from stance.extract.interview import interview_layout, interviewer_names
from stance.extract.words import function_words

PL_LEAD = ("„Nie podpiszemy niczego pod presją”. Rozmowa z Martą Kowal, wiceministrą\n\n"
           "Marta Kowal od roku kieruje delegacją na rozmowy w Genewie. Rozmawia z nią Jan Nowak.\n\n")
ANSWERS = ("Mają, ale tylko wtedy, gdy druga strona przestanie stawiać ultimatum.",
           "Wtedy wstaniemy od stołu. Mamy cierpliwość, ale ona ma granice.")


def layout(text: str, lang: str = "pl"):
    lay = interview_layout(text, function_words(lang))
    return [text[t.body:t.end] for t in lay.questions], [text[t.body:t.end] for t in lay.answers]


def test_name_labels_and_initials_are_one_person_each_side():
    text = (PL_LEAD + "Jan Nowak: Czy rozmowy mają jeszcze sens?\n\nMarta Kowal: " + ANSWERS[0] + "\n\n"
            "JN: A jeśli nie przestanie?\n\nMK: " + ANSWERS[1])
    questions, answers = layout(text)
    assert questions == ["Czy rozmowy mają jeszcze sens?", "A jeśli nie przestanie?"]
    assert answers == list(ANSWERS)


def test_bare_questions_after_an_interview_lead_and_a_closing_byline():
    text = (PL_LEAD + "Czy rozmowy mają jeszcze sens?\n\n" + ANSWERS[0] + "\n\nA jeśli nie przestanie?\n\n"
            + ANSWERS[1] + "\n\nTo nasza ostatnia propozycja.\n\nRozmawiał Jan Nowak")
    questions, answers = layout(text)
    assert len(questions) == 2
    assert answers == [ANSWERS[0], ANSWERS[1], "To nasza ostatnia propozycja."]


def test_dash_dialogue_interview():
    text = (PL_LEAD + "– Czy rozmowy mają jeszcze sens?\n\n– " + ANSWERS[0] + "\n\n– A jeśli nie przestanie?\n\n– "
            + ANSWERS[1])
    assert layout(text) == (["Czy rozmowy mają jeszcze sens?", "A jeśli nie przestanie?"], list(ANSWERS))


def test_only_the_questions_labelled():
    text = ("'We will not sign under pressure': an interview with envoy Mara Quist\n\n"
            "Q: Do the talks still make sense?\n\nOnly if the other side stops issuing ultimatums.\n\n"
            "Q: And if it does not?\n\nThen we leave the table.")
    assert layout(text, "en")[1] == ["Only if the other side stops issuing ultimatums.", "Then we leave the table."]


def test_rhetorical_questions_in_an_opinion_piece_are_no_interview():
    text = ("Pokój na raty\n\nGenewa znów kończy się komunikatem. Co z tego wynika?\n\n"
            "Niewiele. Strony powtarzają stare formuły.\n\nCzy ktoś jeszcze wierzy w rozejm?\n\n"
            "Dyplomaci mówią, że tak, ale ich zapewnienia brzmią coraz ciszej.")
    assert layout(text) == ([], [])


def test_a_bare_question_without_an_interview_word_is_no_interview():
    text = ("Talks stall in Geneva\n\nWhat happens next?\n\nThe envoys will meet again.\n\n"
            "Will the ceasefire hold?\n\nThe minister said it would.")
    assert layout(text, "en") == ([], [])


def test_the_interviewer_is_named_after_its_cue_not_after_with():
    fw = function_words("pl")
    assert interviewer_names("Rozmawia z nią Jan Nowak. Rozmowa z Martą Kowal.", fw) == {"Jan Nowak"}
    assert interviewer_names("Interview by Ann Lee", function_words("en")) == {"Ann Lee"}


@needs_morfeusz
def test_every_answer_is_the_guests_and_no_question_is_a_statement():
    bare = PL_LEAD + "Czy rozmowy mają jeszcze sens?\n\n" + ANSWERS[0] + "\n\nA jeśli nie przestanie?\n\n" + ANSWERS[1]
    labelled = (PL_LEAD + "Jan Nowak: Czy rozmowy mają jeszcze sens?\n\nMarta Kowal: " + ANSWERS[0] + "\n\n"
                "JN: A jeśli nie przestanie?\n\nMK: " + ANSWERS[1])
    for text in (bare, labelled):
        got = found(text, "pl")
        assert [t for t, _s, _k in got] == ["Nie podpiszemy niczego pod presją", *ANSWERS]
        assert {s for _t, s, _k in got} == {"Marta Kowal"}


def test_initials_of_the_guest_in_english():
    text = ("Port chief on the strike\n\nHarbour master Lena Ortiz spoke to Tom Reyes about the dispute.\n\n"
            "TR: Will the port reopen this week?\n\nLO: Not before the unions sign.\n\n"
            "TR: Is that your last word?\n\nLO: It is the law, not my word.")
    assert found(text, "en") == [("Not before the unions sign.", "Lena Ortiz", "direct"),
                                 ("It is the law, not my word.", "Lena Ortiz", "direct")]


def test_a_transcript_with_two_guests_in_capitals_gives_each_answer_to_its_label():
    text = ("The Ledger, episode 112\n\n"
            "Host Maya Lind talks to Ben Archer, the council's finance chair, and Dana Kovacs, the union's president.\n\n"
            "[00:06:41]\n\n"
            "MAYA LIND: Ben, where does the gap come from?\n\n"
            "BEN ARCHER: Half of it is the pension bill.\n\n"
            "MAYA LIND: Dana, is that fair?\n\n"
            "DANA KOVACS: It is a fair description of the bill.\n\n"
            "Look, we can do a deal, but not by email.\n\n"
            "[00:08:02]\n\n"
            "MAYA LIND: Ben, will you talk on Monday?\n\n"
            "BEN ARCHER: If there is a room, I will be in it.")
    assert [(t, s) for t, s, _k in found(text, "en")] == [
        ("Half of it is the pension bill.", "Ben Archer"),
        ("It is a fair description of the bill.", "Dana Kovacs"),
        ("Look, we can do a deal, but not by email.", "Dana Kovacs"),
        ("If there is a room, I will be in it.", "Ben Archer")]


def test_the_guests_biography_and_the_publication_note_after_an_interview_are_no_answers():
    text = (PL_LEAD + "Czy rozmowy mają jeszcze sens?\n\n" + ANSWERS[0] + "\n\nA jeśli nie przestanie?\n\n" + ANSWERS[1]
            + "\n\nMarta Kowal – ekonomistka, od 2024 r. wiceministra spraw zagranicznych. Mieszka w Płocku.\n\n"
            "Tekst ukazał się w wydaniu papierowym tygodnika.")
    assert layout(text)[1] == list(ANSWERS)
