"""Rules written in the session that read round 17, before it was read (round 17 was scored blind
at this session's start and at its last rule; round 18 stays unread). Texts are invented for the
tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_relative_clause_with_its_own_subordinate_clause_still_encloses_the_subject(model):
    # the comma before "by"/"żeby"/"bo" goes on with the relative clause; the subject is the
    # phrase before "który", not the person named in the sentence before
    text = ("Dyrektor Marek Szafran to potwierdził. "
            "Jeden z zawodników, który prosi, by nie podawać jego nazwiska, twierdzi, że kilku piłkarzy odejdzie.\n\n"
            "Ordynator Piotr Lis milczy. Lekarka z kilkunastoletnim stażem, która prosi, żeby nie podawać jej nazwiska, bo boi się zwolnienia, "
            "mówi, że nikt nie chce odchodzić.")
    assert speakers(text, "pl", model) == ["jeden z zawodników", "lekarka z kilkunastoletnim stażem"]
