"""Rules written after reading round 38 (its articles are tuning data now; rounds 39 and 40 stay
unread). Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, speakers_by_text


# -- English: plural groups the role lexicon lacked ------------------------------------------------
GROUPS = ("Harbour station turns 100\n\n"
          "The station has launched more than 2,000 times since 1926. The volunteers who crew it say the "
          "pagers still go off at the worst moments.\n\n"
          "After the final whistle several players complained the pitch was \"close to unplayable\".\n\n"
          "One reviewer called the novel \"a slow fuse of a book\".\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_plural_groups_head_their_own_statements(model):
    got = speakers_by_text(GROUPS, "en", model)
    assert got["the pagers still go off at the worst moments"] == "volunteers"
    assert got["close to unplayable"] == "players"
    assert got["a slow fuse of a book"] == "reviewer"
