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
