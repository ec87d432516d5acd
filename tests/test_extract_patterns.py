"""The failure patterns of issue 12, on small invented sentences (people, places and words made
up for the tests; nothing copied from real articles). One test per shape, end to end."""

from __future__ import annotations

import pytest

from stance.extract import extract_quotes


def found(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    qs = extract_quotes(text, lang)
    for q in qs:
        assert text[q.start:q.end] == q.text
    return [(q.text, q.speaker, q.kind) for q in qs]


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
