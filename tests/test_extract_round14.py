"""Rules for shapes read in the round-14 tuning articles (before round 15 was read; round 15 was
scored blind at this session's start and at its last rule). Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers


# -- names after an organisation's name --------------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_club_or_town_before_a_given_name_is_not_part_of_the_name(model):
    # "Piotrków" reads as many Piotreks and "Olimpii" as a woman's name in the genitive: neither
    # opens the person's name, which starts at the given name agreeing with the next one
    text = ("Radny opozycyjnego klubu Wspólny Piotrków Paweł Obara był przeciw. – Te liczby są wzięte "
            "z sufitu – ripostował.\n\n"
            "– Podaliśmy sobie ręce – mówił na konferencji trener Olimpii Mirosław Jurczyk.\n\n"
            "– Zgadzam się – powiedział poseł Jan Paweł Nowak.\n\n"
            "Według rzeczniczki Karpackiego Oddziału Straży Granicznej por. Magdaleny Fryc przejście "
            "jest otwarte.")
    assert speakers(text, "pl", model) == ["Paweł Obara", "Mirosław Jurczyk", "Jan Paweł Nowak", "Magdalena Fryc"]
