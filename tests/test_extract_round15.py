"""Rules for shapes read in the round-15 tuning articles (after round 15 was scored blind at this
session's start and at its last rule from round 14; round 16 stays unread). Texts are invented
for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz, speakers


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_police_and_county_ranks_are_titles_not_names(model):
    text = ("At a press conference, Chief Constable Helen Marwick of West Mercia Police said the search would go on.\n\n"
            "Detective Superintendent Sanjay Mistry told reporters that two men had been arrested.\n\n"
            "Chelan County Sheriff Dale Voss said the fire had spread.")
    assert speakers(text, "en", model) == ["Helen Marwick", "Sanjay Mistry", "Dale Voss"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_possessive_before_a_full_name_is_not_part_of_it(model):
    text = "Labour’s Sunil Bhattacharya congratulated the winner from the stage and said the result was fair."
    assert speakers(text, "en", model) == ["Sunil Bhattacharya"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_capitalised_form_of_address_is_no_given_name(model):
    # morfeusz2 lists "Pan" as a given name too; opening the sentence it is still "Mr"
    assert speakers("Pan Tadeusz napisał do redakcji, że woda stoi od tygodnia.", "pl", model) == ["Tadeusz"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_one_of_several_in_a_roles_complement(model):
    text = "Dyplomata jednego z państw nadbałtyckich powiedział, że rozmowy trwają."
    # the role and its complement stay one speaker; one of several states is named in the singular
    # (CONVENTIONS: `Pracownik jednego z wydziałów` is `pracownik wydziału`)
    assert speakers(text, "pl", model) == ["dyplomata państwa nadbałtyckiego"]


@needs_morfeusz
def test_one_person_in_a_role_is_none_of_a_group_in_that_role():
    # "lekarka" and "lekarzy" share the head "lekarz"; the group named before is plural
    text = ("Domagają się, by szpital zatrudnił czterech dodatkowych lekarzy.\n\n"
            "Lekarka z kilkunastoletnim stażem, która podpisała list, mówi, że nikt nie chce odchodzić.")
    assert speakers(text, "pl", "rules")[-1] == "lekarka z kilkunastoletnim stażem"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_groups_genitive_before_a_role_ends_its_phrase(model):
    text = "Pytana o zarzuty związkowców wiceminister odpowiedziała, że ministerstwo jest gotowe do rozmów."
    assert speakers(text, "pl", model) == ["wiceminister"]


_HEARING = ("Water bosses questioned by MPs\n\n"
            "The chief executive of Marcher Water, Martin Kell, apologised to MPs on Tuesday.\n\n"
            "THE CHAIR: Mr Kell, why did spills rise?\n\n"
            "MARTIN KELL: We underestimated the groundwater. I am sorry.\n\n"
            "ANGUS McVEIGH (CONSERVATIVE, WEST MERCIA): In 2022 you told this committee the Teme would be "
            "your flagship. It now has the worst record of any river. Was that promise worth anything?\n\n"
            "MARTIN KELL: It was made in good faith.\n\n"
            "HELEN ASHDOWN, DIRECTOR OF ENFORCEMENT, OFWAT: If I may, Chair, we expect findings soon.\n\n"
            "THE CHAIR: This year?\n\n"
            "HELEN ASHDOWN: This year.")


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_hearing_labels_with_a_scottish_prefix_and_an_office(model):
    # "McVEIGH" is a label in capitals; a member who states and then asks makes a statement;
    # the name before the office is the speaker, under the ranker too
    assert speakers(_HEARING, "en", model) == ["Martin Kell", "Angus McVeigh", "Martin Kell", "Helen Ashdown",
                                              "Helen Ashdown"]


def test_a_hosts_greeting_before_a_question_is_no_statement():
    text = ("Nurses' strike: the interview\n\n"
            "MAYA LUND, HOST: Good morning to you both. Renee Halvorsen, let me start with you. What would it take?\n\n"
            "RENEE HALVORSEN, UNION PRESIDENT: A contract that puts enough nurses on every ward.\n\n"
            "THOMAS ABARA, HOSPITAL: We have offered that. We are waiting.\n\n"
            "MAYA LUND, HOST: Is there a meeting on the calendar?\n\n"
            "RENEE HALVORSEN, UNION PRESIDENT: Not yet.")
    assert speakers(text, "en", "rules") == ["Renee Halvorsen", "Thomas Abara", "Renee Halvorsen"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_verb_opening_the_sentence_is_no_surname(model):
    # morfeusz2 also lists "Pamięta" as a surname; before a comma it is the verb
    text = ("Halina Kruk uczy fizyki w miejscowej szkole. Pamięta, jak uczniowie pytali ją o kierunek. "
            "– Powiedziałam im, że nie wiem – wspomina.")
    assert speakers(text, "pl", model) == ["Halina Kruk"]


@needs_morfeusz
def test_a_participle_phrase_naming_a_title_does_not_hide_the_subject():
    # the participle describes the letter (inside "w liście … do dyrekcji i wojewody"), its
    # quotation is the letter's title, and the doctors write
    text = ("Lekarze z SOR w liście otwartym do dyrekcji i wojewody, zatytułowanym „Ratunkowy nie znaczy "
            "bez dna”, piszą, że dalsza praca w obecnych warunkach jest niemożliwa.")
    assert found(text, "pl", "rules") == [("dalsza praca w obecnych warunkach jest niemożliwa", "lekarze", "indirect")]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institution_speaks_in_a_statement_sent_to_the_paper(model):
    # "w przesłanym redakcji oświadczeniu": the statement noun is inside a phrase (with its
    # hearer), no clause boundary; "Spółdzielnia" is the cooperative named before
    text = ("Spółdzielnia Mieszkaniowa „Zielone Osiedle” pozwała lokatorów. – Zarząd nie odpisał – mówi Leszek Mroczek.\n\n"
            "Spółdzielnia w przesłanym redakcji oświadczeniu podkreśla, że pozostaje otwarta na rozmowy.\n\n"
            "Urząd Miejski w Łomży milczał. Zarząd klubu prosi miasto o pomoc, ratusz odpowiada, że bez audytu nie da pieniędzy.")
    assert speakers(text, "pl", model) == ["Leszek Mroczek", "Spółdzielnia Mieszkaniowa „Zielone Osiedle”",
                                           "Urząd Miejski w Łomży"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_count_before_a_role_is_left_out(model):
    # CONVENTIONS (settled after round 15): groups and anonymous sources without their quantifier
    text = ("Outside the auditorium, some parents said they would look elsewhere.\n\n"
            "Two officials said the talks were close.\n\n"
            "“We will move on,” said one Castlegate insider.")
    assert speakers(text, "en", model) == ["parents", "officials", "Castlegate insider"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_office_or_campaign_speaks_for_its_person(model):
    text = ("Mayor Carol Denholm left the chamber early.\n\n"
            "In a statement, the mayor's office said Denholm would review the amendments.\n\n"
            "The Pellegrino campaign said in a statement that the councilman had called his rival.")
    assert speakers(text, "en", model) == ["mayor's office", "Pellegrino campaign"]


def test_a_dateline_with_a_hyphen_opens_no_subject():
    from stance.extract.words import _after_stamp
    text = "CHELAN, Wash. - A wind-driven wildfire burned through more than 20 homes."
    assert text[_after_stamp(text, 0, len(text)):].startswith("A wind-driven")
    assert _after_stamp("US - China talks resumed.", 0, 10) == 0


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institutions_capitalised_name_up_to_its_verb(model):
    # an adjective or a word morfeusz2 reads otherwise opens the name all the same, when an
    # institution's word is among the capitalised words before the verb; a role and its
    # holder, or a medium, are no such name
    text = ("Mazowiecki Oddział Wojewódzki NFZ przekazał nam, że nie otrzymał dokumentów.\n\n"
            "Łódzka Kolej Aglomeracyjna zapowiedziała, że uruchomi dodatkowe pociągi.\n\n"
            "Sekcja Krajowa Pracowników Poczty NSZZ „Solidarność” poinformowała, że jej członkowie przyłączą się.\n\n"
            "Prezes Związku Nauczycieli Roman Kuc powiedział, że strajk jest możliwy.")
    assert speakers(text, "pl", model) == ["Mazowiecki Oddział Wojewódzki NFZ", "Łódzka Kolej Aglomeracyjna",
                                           "Sekcja Krajowa Pracowników Poczty NSZZ „Solidarność”", "Roman Kuc"]
    assert found("Agencja Reuters podała w poniedziałek, że podobne rozwiązania przygotowują Czechy.", "pl", model) == []


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_spokespersons_institution_with_and_or_an_adjective(model):
    text = ("Harbourline said it had held informal talks with the regulator.\n\n"
            "A spokesperson for the Competition and Markets Authority said the regulator would consider the deal.\n\n"
            "In an email, a spokesperson for the provincial Ministry of Mining said the permit was valid.")
    assert speakers(text, "en", model) == ["Harbourline", "spokesperson for the Competition and Markets Authority",
                                           "spokesperson for the provincial Ministry of Mining"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_institutions_seat_between_the_role_and_its_holder(model):
    text = ("Projekt skrytykował prezes Okręgowej Izby Lekarskiej w Krakowie Tadeusz Hajduk. Ostrzegł, że lekarze mogą odejść.\n\n"
            "Rektor Akademii Nauk Stosowanych w Koninie prof. Leszek Baran nie kryje, że o planach dowiedział się z mediów.")
    assert speakers(text, "pl", model) == ["Tadeusz Hajduk", "Leszek Baran"]


def test_the_ranker_leaves_a_described_anonymous_source_alone():
    # the cue's own subject describes a source nobody names: no person near it is meant,
    # whatever the ranker's weights say ("Anna Vell" was the packaged ranker's answer)
    text = ("The minister, Anna Vell, met Kasimir Dobrev on Monday. “We are close,” Dobrev said.\n\n"
            "A person familiar with the discussions in Vell said the deal was not close. Dobrev declined to comment.")
    assert speakers(text, "en", "ranker")[-1] == "person familiar with the discussions in Vell"


@pytest.mark.parametrize("text,lang,kept", [
    ("A senior Treasury official, who asked not to be named, said the department had warned against the plan.", "en", True),
    ("A Broadsea spokesperson said the cable corridor had been moved.", "en", True),
    ("The spokesperson said the cable corridor had been moved.", "en", False),  # bare: someone named before may be meant
    ("Jeden z niemieckich dyplomatów przyznał, że Berlin był zaskoczony.", "pl", True),
    ("Rozmówca przyznał, że Berlin był zaskoczony.", "pl", False),
])
def test_which_explicit_subjects_the_ranker_may_not_overrule(text, lang, kept):
    from stance.extract.pipeline import stages
    from stance.extract.ranker import names_a_body
    if lang == "pl":
        pytest.importorskip("morfeusz2")
    chosen, resolver = stages(text, lang)
    assert [names_a_body(resolver, c) for c in chosen] == [kept]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_role_and_its_holder_after_an_institutions_word(model):
    text = ("The board voted 4-3 on Monday.\n\n"
            "Board President Linda Okafor, who voted for the closure, said that the district could not keep "
            "heating three half-empty buildings.\n\n"
            "\"Nobody up here ran for this board to close a school,\" Okafor said.")
    assert speakers(text, "en", model) == ["Linda Okafor", "Linda Okafor"]
