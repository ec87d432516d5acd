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
    assert speakers(text, "pl", model) == ["zawodnik", "lekarka z kilkunastoletnim stażem"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_nationality_noun_after_an_article_refers_back_to_the_person(model):
    text = ("Coach Anna Berg said the team had prepared well.\n\n"
            "\"We lost, and that is on me,\" the Swede said.\n\n"
            "Speaking to reporters outside a hotel, Marco Ferrante claimed his client had been promised a move.\n\n"
            "\"A promise is a promise,\" the Italian said.")
    assert speakers(text, "en", model) == ["Anna Berg", "Anna Berg", "Marco Ferrante", "Marco Ferrante"]


def test_nationality_nouns_that_are_also_plurals_are_no_epithets():
    from stance.extract.lexicon import load

    demonyms = load("en").demonyms
    assert {"Swede", "Italian", "Briton"} <= demonyms
    assert not {"Chinese", "Swiss", "Japanese"} & demonyms  # "the Chinese said": a side, not one person


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_company_is_the_firm_named_after_a_company_noun(model):
    text = ("Shares of chipmaker Orvane Systems fell 9% on Monday.\n\n"
            "The Financial Conduct Authority said it was monitoring trading in the stock.\n\n"
            "In a statement, the company said the cuts would be completed by March.")
    assert speakers(text, "en", model) == ["Financial Conduct Authority", "Orvane Systems"]
