"""Letters to the editor (stance/extract/letters.py): each paragraph of a letter signed on a line of
its own is its signer's ``direct`` statement. Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz

_PAGE = ("Letters: the library, the last bus and a thank-you\n\n"
         "Closing the library would cut off the people who need it most\n\n"
         "I was disappointed to read that the council intends to close the library at the end of the year.\n\n"
         "Councillor Webb told this paper that the branch was \"under-used\". On a Tuesday it is the only warm room "
         "my neighbour can reach.\n\n"
         "Margaret Oyelaran, Brackenfield\n\n"
         "The library's future is not a done deal\n\n"
         "Your correspondents are right to care, and so do I. But no decision has been taken.\n\n"
         "Cllr Tom Webb, Cabinet member for communities, Brackenfield Borough Council\n")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_each_paragraph_of_a_signed_letter_is_its_signers(model):
    got = found(_PAGE, "en", model)
    assert [(quote[:30], speaker, kind) for quote, speaker, kind in got] == [
        ("I was disappointed to read tha", "Margaret Oyelaran", "direct"),
        ("Councillor Webb told this pape", "Margaret Oyelaran", "direct"),  # the councillor's words stay in the letter
        ("Your correspondents are right ", "Tom Webb", "direct"),
    ]


@needs_morfeusz
def test_a_polish_letter_is_signed_the_same_way():
    text = ("Listy czytelników\n\nAutobus o szóstej\n\n"
            "Od maja ostatni autobus odjeżdża przed szóstą. Moja córka kończy pracę o szóstej i wraca pieszo.\n\n"
            "Jan Kowalski, Radom\n")
    assert found(text, "pl") == [("Od maja ostatni autobus odjeżdża przed szóstą. Moja córka kończy pracę o szóstej "
                                  "i wraca pieszo.", "Jan Kowalski", "direct")]


def test_a_byline_under_a_news_article_signs_no_letter():
    # narrative paragraphs in no one's voice: the name line under them is the reporter's
    text = ("Bridge to close for repairs\n\nRepairs\n\n"
            "The bridge will close for 14 months from March, the council said.\n\n"
            "Traffic will be diverted through the town centre.\n\n"
            "Jane Smith, Local Democracy Reporter\n")
    assert [(speaker, kind) for _quote, speaker, kind in found(text, "en")] == [("council", "indirect")]


def test_a_signed_line_with_no_heading_before_the_letter_is_no_letter():
    # (the text's first line is its headline: nothing sets the paragraph off as a letter)
    text = "I think the plan is wrong and I said so.\n\nMargaret Oyelaran, Brackenfield\n"
    assert [kind for _quote, _speaker, kind in found(text, "en") if kind == "direct"] == []


def test_signed_letters_returns_each_letters_paragraphs_and_signature():
    from stance.extract.letters import signed_letters
    from stance.extract.segment import segment

    seg = segment(_PAGE, "en")
    signatures = ("Margaret Oyelaran, Brackenfield", "Cllr Tom Webb, Cabinet member for communities, Brackenfield Borough Council")
    letters = signed_letters(seg, lambda a, b: _PAGE[a:b] if _PAGE[a:b] in signatures else None)
    assert [[_PAGE[a:b][:20] for a, b in letter.paragraphs] for letter in letters] == [
        ["I was disappointed t", "Councillor Webb told"], ["Your correspondents "]]
    assert [_PAGE[slice(*letter.signature)] for letter in letters] == list(signatures)
