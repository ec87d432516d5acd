"""Stage 2, cues: events with their subject (subject.py) and reported clause (clauses.py)."""

from __future__ import annotations

import dataclasses

import pytest

from stance.extract.cues import find_cues
from stance.extract.segment import segment


def events(text: str, lang: str):
    seg = segment(text, lang)
    return seg, find_cues(seg).events


def clause_of(seg, ev) -> str:
    if ev.clause_kind == "trailing":
        return seg.text[ev.clause_start:ev.trailing_end]
    return seg.text[ev.clause_start:].rstrip(".")


def test_verb_with_nominative_subject_and_complement_clause():
    seg, (ev,) = events("Minister Jan Lis powiedział, że rozmowy potrwają.", "pl")
    assert (ev.cue, ev.cls, ev.mode, ev.speaker, ev.clause_kind) == ("powiedział", "praet", "explicit", "Jan Lis", "comp")
    assert clause_of(seg, ev) == "rozmowy potrwają"


def test_genitive_complement_is_part_of_the_role_not_the_speaker():
    _seg, (ev,) = events("Wysłannik prezydenta powiedział, że rozmowy potrwają.", "pl")
    assert ev.speaker == "wysłannik prezydenta"


def test_inverted_subject_after_the_verb():
    _seg, (ev,) = events("– Tak – powiedział wicepremier Adam Bury.", "pl")
    assert ev.speaker == "Adam Bury"


def test_pronoun_and_omitted_subject_carry():
    _seg, evs = events("Anna Wrona przyjechała. Dodała, że zostanie. Ona też mówiła, że tak.", "pl")
    assert [(e.cue, e.mode, e.gender) for e in evs] == [("Dodała", "carry", "f"), ("mówiła", "carry", "f")]


def test_participle_inherits_the_main_verbs_subject():
    _seg, evs = events("Podkreślając, że czas ucieka, minister Ewa Bury zapowiedziała zmiany.", "pl")
    pcon, main = evs
    assert pcon.mode == "inherit" and pcon.parent == main.index and main.speaker == "Ewa Bury"


def test_frames_before_and_after_the_clause():
    seg, (ev,) = events("Według ministra finansów budżet jest bezpieczny.", "pl")
    assert (ev.cls, ev.clause_kind, clause_of(seg, ev)) == ("frame", "frame", "budżet jest bezpieczny")
    seg, (ev,) = events("Budżet jest bezpieczny, jak zapewnił minister.", "pl")
    assert (ev.clause_kind, clause_of(seg, ev)) == ("trailing", "Budżet jest bezpieczny")


def test_possessive_frame_carries_its_gender():
    _seg, (ev,) = events("Jej zdaniem to błąd.", "pl")
    assert (ev.mode, ev.gender) == ("carry", "f")


def test_cue_noun_needs_a_speaker_and_a_clause():
    _seg, evs = events("Zapowiedź Witkoffa, że przyjedzie, ucieszyła Kijów. Zapowiedź była krótka.", "pl")
    assert [(e.cue, e.speaker, e.clause_kind) for e in evs] == [("Zapowiedź", "Witkoff", "comp")]


@pytest.mark.parametrize("text, kind, clause", [
    ("The minister said the talks were useful.", "zero", "the talks were useful"),
    ("Talks will resume next week, the minister said.", "trailing", "Talks will resume next week"),
    ("Ridgeway's announcement that talks will resume came late.", "comp", "talks will resume came late"),
])
def test_english_clauses(text, kind, clause):
    seg, evs = events(text, "en")
    assert (evs[0].clause_kind, clause_of(seg, evs[0])) == (kind, clause)


def test_media_and_impersonal_cues_name_no_speaker():
    _seg, evs = events("Agencja Reuters podała, że rozmowy trwają. Przekazano, że nie.", "pl")
    assert [e.mode for e in evs] == ["media", "impersonal"]


def test_events_are_frozen_and_indexed():
    _seg, evs = events("Jan Lis powiedział, że tak. Anna Wrona dodała, że nie.", "pl")
    assert [e.index for e in evs] == [0, 1] and [e.sent for e in evs] == [0, 1]
    with pytest.raises(dataclasses.FrozenInstanceError):
        evs[0].mode = "carry"  # type: ignore[misc]
