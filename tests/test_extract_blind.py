"""Rules for shapes the blind-written tuning articles (pl-b01 … en-b08) showed: each failed before its rule.
Texts here are invented for the tests (no article text is copied)."""

from __future__ import annotations


from conftest import found, needs_morfeusz
from stance.extract.segment import segment


# -- words: the speaker's own voice is never a name -------------------------------------------
def test_first_person_words_are_never_names():
    toks = segment("Mayor Ann Lee spoke. He agreed, I'll admit that. But I will go, she said.", "en").tokens
    kinds = {w: toks.kind(i) for i, w in enumerate(toks.words)}
    assert kinds["I'll"] != "name" and kinds["I"] not in ("name", "inst", "cap")
    assert segment("The US said no.", "en").tokens.kind(1) != "stop"  # "US" is not "us"


# -- candidates: unmarked speech before a trailing ", X said." --------------------------------
def test_trailing_attribution_in_own_voice_is_direct_from_the_paragraph_start():
    text = ("Farmer Ruth Oyelaran keeps a map in her truck.\n\n"
            "Nobody here wants a fight. We want our water back, Oyelaran said.")
    assert found(text, "en")[-1] == ("Nobody here wants a fight. We want our water back", "Ruth Oyelaran", "direct")


def test_trailing_attribution_of_a_third_person_clause_stays_indirect():
    text = "Minister Tom Grady spoke on Monday.\n\nThe ministry will review the deal next year, Grady said."
    assert found(text, "en")[-1] == ("The ministry will review the deal next year", "Tom Grady", "indirect")


def test_narration_earlier_in_the_paragraph_is_not_speech():
    text = ("Minister Tom Grady spoke on Monday.\n\n"
            "Grady told MPs that the pipeline was safe. We will not stop the works, he said.")
    out = found(text, "en")
    assert ("We will not stop the works", "Tom Grady", "direct") in out
    assert all(not t.startswith("Grady told") for t, _s, _k in out)


def test_as_before_a_trailing_cue_is_a_frame_not_speech():
    text = "Minister Tom Grady spoke on Monday.\n\nWe face a hard winter, as Grady said."
    assert all(k != "direct" for _t, _s, k in found(text, "en"))


def test_trailing_attribution_with_inverted_subject_and_hearer():
    text = ("Mayor Sandra Kilby and union leader Tom Reed met on Friday.\n\n"
            "We will build the ponds by spring, said Sandra Kilby, the mayor.\n\n"
            "The valley will survive this, and so will we, Reed told reporters.")
    out = found(text, "en")
    assert ("We will build the ponds by spring", "Sandra Kilby", "direct") in out
    assert ("The valley will survive this, and so will we", "Tom Reed", "direct") in out


def test_an_inverted_subject_is_not_the_subject_of_a_bare_clause():
    text = ("Minister Eva Stone spoke.\n\nA senior official at the ministry, speaking on condition of "
            "anonymity, said the government could accept a lower rate.")
    assert found(text, "en")[-1][1] == "senior official at the ministry"


# -- candidates: interviews ---------------------------------------------------------------------
def test_questions_are_no_interviewers_statements_and_answers_go_on_until_the_next_label():
    text = ("Union leader Dana Whitby: 'We are ready'\n\n"
            "We spoke to Dana Whitby about the strike.\n\n"
            "Q: The secretary says the offer is final. Is it?\n\n"
            "A: Nothing is final until it is signed.\n\n"
            "And I would say that to his face.\n\n"
            "Q: What next?\n\n"
            "A: We wait.\n\n"
            "This interview has been edited.")
    out = found(text, "en")
    # a third person's words a question reports are that person's (CONVENTIONS), never the interviewer's
    assert [(t, s) for t, s, _k in out if "offer is final" in t] == [("the offer is final", "secretary")]
    assert ("And I would say that to his face.", "Dana Whitby", "direct") in out
    assert all("edited" not in t for t, _s, _k in out)  # after the last label: an editor's note


def test_polish_question_labels_are_data_too():
    text = ("Rozmowa z Haliną Borowską, przewodniczącą związku rolników.\n\n"
            "Pytanie: Ekonomiści ostrzegają, że blokada uderzy w eksport.\n\n"
            "Odp.: Ekonomiści nie muszą sprzedawać zboża poniżej kosztów.\n\n"
            "Jesteśmy gotowi rozmawiać choćby jutro.\n\n"
            "Pytanie: A jeśli minister odmówi?\n\n"
            "Odp.: Przyjedziemy do Warszawy.")
    out = found(text, "pl")
    assert [(t, s.lower()) for t, s, _k in out if "blokada" in t] == [("blokada uderzy w eksport", "ekonomiści")]
    assert ("Jesteśmy gotowi rozmawiać choćby jutro.", None, "direct") in [(t, None, k) for t, _s, k in out]


# -- words / subject: live blogs and abbreviations ----------------------------------------------
@needs_morfeusz
def test_a_role_after_a_time_stamp_is_read_as_at_a_sentence_start():
    text = ("Rozmowy w Genewie\n\n"
            "12:20 Źródło w delegacji ukraińskiej przekazało korespondentowi, że rozmowy utknęły.")
    assert found(text, "pl")[-1] == ("rozmowy utknęły", "źródło w delegacji ukraińskiej", "indirect")


@needs_morfeusz
def test_an_abbreviation_point_does_not_end_a_dash_attribution():
    text = ("Cła na auta\n\n"
            "– Różnice wciąż są znaczne – przyznał unijny komisarz ds. handlu Lukas Brennecke.\n\n"
            "Trasa jest przesądzona. Możemy rozmawiać o przystankach – powiedział wiceprezydent miasta "
            "ds. inwestycji Krystian Osiński.")
    out = found(text, "pl")
    assert [s for _t, s, _k in out] == ["Lukas Brennecke", "Krystian Osiński"]


@needs_morfeusz
def test_a_role_noun_in_the_dative_is_the_hearer():
    text = ("Spór płacowy\n\n"
            "Wiceminister infrastruktury Tomasz Wrzosek odpowiedział, że drzwi resortu są otwarte.\n\n"
            "– Rozmawiamy do skutku – mówił wiceminister dziennikarzom w Sejmie.")
    assert found(text, "pl")[-1] == ("Rozmawiamy do skutku", "Tomasz Wrzosek", "direct")


@needs_morfeusz
def test_head_of_the_department_alone_is_the_minister():
    text = ("Strajk nauczycieli\n\nMinister edukacji Anna Zielonka spotkała się ze związkowcami.\n\n"
            "Szefowa resortu zapowiedziała, że rząd jest gotów zwiększyć subwencję.")
    assert found(text, "pl")[-1][1] == "Anna Zielonka"


def test_that_inside_the_speakers_own_words_does_not_block_a_trailing_attribution():
    text = ("Mayor Sandra Kilby spoke on Tuesday.\n\n"
            "Last August we were days from empty taps. I will not apologise for making sure that never "
            "happens again, Kilby said.")
    assert found(text, "en")[-1] == ("Last August we were days from empty taps. I will not apologise for making sure "
                                     "that never happens again", "Sandra Kilby", "direct")
