"""Rules written after reading round 40 (its articles are tuning data now; rounds 41 and 42 stay
unread). Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, speakers_by_text


# -- Interviews: the guest is the one the standfirst and the lead both have as a subject ------------
STANDFIRST_GUEST = ("‘I never once missed a tide’: Harwick’s last ferryman ties up for good\n\n"
                    "As he retires from the river, Tobias Wren talks to Nora Quayle about floods, fog and the "
                    "night the engine died\n\n"
                    "Tobias ‘Toby’ Wren took over the Harwick ferry in 1979. The harbour master, Captain Elise "
                    "Dunmore, describes him as ‘the last of his kind’.\n\n"
                    "Q: Do you remember your first crossing?\n\n"
                    "A: Every minute of it. The fog was so thick I steered by the church bell.\n\n"
                    "Q: Will you miss it?\n\n"
                    "A: Only the mornings. Never the paperwork.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_guest_is_the_subject_the_standfirst_and_the_lead_share(model):
    got = speakers_by_text(STANDFIRST_GUEST, "en", model)
    assert got["Every minute of it. The fog was so thick I steered by the church bell."] == "Tobias Wren"
    assert got["Only the mornings. Never the paperwork."] == "Tobias Wren"
    assert got["the last of his kind"] == "Elise Dunmore"
