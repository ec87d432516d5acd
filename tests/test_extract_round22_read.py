"""Rules written after reading round 22 (its articles are tuning data now; round 23 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, speakers_by_opening


_APPEAL = ("The appeal was heard by Lady Justice Iris Carrow, Lord Justice Owain Pell and Mr Justice Ned Vance.\n\n"
           "Giving the lead judgment, Lady Justice Carrow said the tribunal had “weighed the evidence with care”.\n\n"
           "Lord Justice Pell, agreeing, added that the rule “would mean nothing otherwise”.\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_lord_and_lady_justice_are_forms_of_address_before_a_judges_name(model):
    got = speakers_by_opening(_APPEAL, "en", model)
    assert got["weighed the evidence wit"] == "Iris Carrow"
    assert got["would mean nothing other"] == "Owain Pell"
