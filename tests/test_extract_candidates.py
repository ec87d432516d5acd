"""Stage 3, candidates: direct, fragment, indirect and headline spans, and their selection."""

from __future__ import annotations

from stance.extract.candidates import Candidate, find_candidates, select
from stance.extract.cues import find_cues
from stance.extract.segment import segment


def spans(text: str, lang: str = "pl"):
    found = find_candidates(find_cues(segment(text, lang)))
    return [(text[c.start:c.end], c.kind, c.cue) for c in select(found.candidates)]


def test_direct_quotation_with_a_tail_attribution():
    assert spans("„Nie oddamy ziemi” – powiedział Jan Lis.") == [("Nie oddamy ziemi", "direct", "powiedział")]


def test_quotation_after_a_colon_names_its_speaker():
    assert spans("Jan Lis: „Nie oddamy ziemi”.") == [("Nie oddamy ziemi", "direct", ":")]


def test_fragment_inside_a_reported_clause():
    assert spans("Jan Lis mówił o „konstruktywnym dialogu” z rolnikami.") == [
        ("konstruktywnym dialogu", "fragment", "mówił o")]


def test_titles_and_names_in_quotes_are_no_statements():
    assert spans("Minister czytał książkę „Ziemia obiecana” w pociągu.") == []
    assert spans('He read the newspaper "Evening Star" on the train.', "en") == []


def test_indirect_clause_is_cut_before_a_source_tail_and_a_second_attribution():
    got = spans("Jan Lis powiedział, że rozmowy potrwają – podaje PAP.")
    assert got == [("rozmowy potrwają", "indirect", "powiedział")]
    got = spans("Jan Lis powiedział, że rozmowy potrwają, a Anna Wrona dodała, że to dobrze.")
    assert got == [("rozmowy potrwają", "indirect", "powiedział"), ("to dobrze", "indirect", "dodała")]


def test_dash_speech_and_headline():
    text = "Lis: Nie oddamy ziemi\n\n– Nie ustąpimy – powiedział Jan Lis."
    assert spans(text) == [("Nie oddamy ziemi", "direct", "headline"), ("Nie ustąpimy", "direct", "powiedział")]


def test_select_prefers_direct_then_earlier_and_longer_and_drops_media():
    a = Candidate(0, 10, "indirect", None, 3)
    b = Candidate(2, 8, "direct", None, 1)
    c = Candidate(12, 20, "fragment", None, 2)
    d = Candidate(12, 14, "fragment", None, 2)
    assert select([a, b, c, d]) == [b, c]
