"""Stage 1, segment: quotations, dash speech (marked and unmarked), sentences, tokens."""

from __future__ import annotations

import dataclasses

import pytest

from stance.extract.lexicon import load
from stance.extract.segment import (
    dash_attribution,
    dash_blocks,
    headline_parts,
    scan_quotes,
    segment,
    sentences,
    split_interrupted,
    unmarked_speech,
)

PL = load("pl")


def contents(text, spans):
    return [text[s.start:s.end] for s in spans]


def test_quotations_of_every_style_and_nesting():
    text = "Powiedział: „Mamy ‚dobry’ plan”. She said “yes” and «non»."
    top = [q for q in scan_quotes(text) if q.depth == 0]
    assert contents(text, top) == ["Mamy ‚dobry’ plan", "yes", "non"]
    assert [text[q.start:q.end] for q in scan_quotes(text) if q.depth == 1] == ["dobry"]


def test_missing_closing_mark_runs_to_the_paragraph_end():
    text = "Dodał: „Nie ustąpimy ani o krok.\n\nNastępny akapit."
    (q,) = [q for q in scan_quotes(text) if q.depth == 0]
    assert q.close == -1 and text[q.start:q.end] == "Nie ustąpimy ani o krok."


def test_interrupted_quotation_is_split_around_its_attribution():
    text = "„Nie oddamy – powiedział Tomasz Brzoza – ani metra ziemi”."
    parts = split_interrupted(text, PL, [q for q in scan_quotes(text) if q.depth == 0])
    assert contents(text, parts) == ["Nie oddamy", "ani metra ziemi"]


@pytest.mark.parametrize("after, expected", [
    (" powiedział Jan Lis.", True),
    (" dodała.", True),
    (" Jan Lis powiedział.", True),  # a name may stand first
    (" to nie jest prawda.", False),
    (" wtedy, gdy wszyscy.", False),
])
def test_dash_attribution(after, expected):
    assert dash_attribution("x –" + after, 3, PL) is expected


def test_dash_block_with_attribution_and_continuation():
    text = "– Nie ustąpimy – powiedział Jan Lis.\n– I nie oddamy ziemi."
    blocks = dash_blocks(text, [], lambda pos: dash_attribution(text, pos, PL))
    assert contents(text, blocks) == ["Nie ustąpimy", "I nie oddamy ziemi."]
    assert text[blocks[0].attr_start:blocks[0].attr_end] == "powiedział Jan Lis"


def test_attribution_line_is_not_dash_speech():
    text = "Nie zgodzimy się.\n– powiedział minister."
    assert dash_blocks(text, [], lambda pos: dash_attribution(text, pos, PL)) == []


def test_unmarked_speech_before_a_trailing_attribution():
    text = "Rolnik Piotr Maj był w Opolu. Nie oddamy ziemi – powiedział Maj."
    (block,) = unmarked_speech(text, PL, [], [])
    assert text[block.start:block.end] == "Nie oddamy ziemi"
    assert text[block.attr_start:block.attr_end] == "powiedział Maj"


def test_unmarked_speech_from_the_previous_paragraph():
    text = "Nie zgodzimy się na to.\n\n– powiedział Piotr Maj."
    (block,) = unmarked_speech(text, PL, [], [])
    assert text[block.start:block.end] == "Nie zgodzimy się na to."


def test_sentences_never_split_inside_quotations():
    text = "Powiedział: „Nie. Nigdy.” Potem wyszedł. Dr. Lis został."
    qs = [q for q in scan_quotes(text) if q.depth == 0]
    spans = sentences(text, [(q.open, q.close + 1) for q in qs], PL.abbreviations)
    assert [text[a:b] for a, b in spans] == ["Powiedział: „Nie. Nigdy.”", "Potem wyszedł.", "Dr. Lis został."]


def test_headline_parts():
    # a quotation after the colon is left to the quotation scanner; a time stamp is skipped and
    # its colon is no speaker's; a paragraph past ANSWER_MAX is neither headline nor answer
    text = "Lis: Nie ustąpimy\n\nMaj: „Tak”\n\n14:32 Wrona: Dobrze\n\nAkapit: " + "słowo " * 1000
    assert [(text[a:c], text[c + 1:b].strip()) for a, c, b in headline_parts(text)] == [
        ("Lis", "Nie ustąpimy"), ("Wrona", "Dobrze")]


def test_segments_are_final_and_immutable():
    seg = segment("Minister Jan Lis powiedział: „Tak”. Potem wyszedł.", "pl")
    toks = seg.tokens
    assert None not in toks.kinds  # every token classified in the constructor
    assert [toks.kind(t) for t in range(len(toks.words)) if toks.words[t] == "Tak"] == ["quoted"]
    assert [seg.text[s.start:s.end] for s in seg.sentences] == ["Minister Jan Lis powiedział: „Tak”.", "Potem wyszedł."]
    assert seg.sentence_of(seg.text.index("Potem")) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        seg.quotes = ()  # type: ignore[misc]
