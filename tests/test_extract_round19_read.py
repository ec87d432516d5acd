"""Rules written after reading round 19 (its articles are tuning data now; round 20 stays unread).
Texts are invented for the tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, found, needs_morfeusz, speakers



_RADIO = ("Gościem porannej rozmowy był wiceminister rolnictwa Edward Zalewski.\n\n"
          "Prowadzący: Dzień dobry, Karol Wiatr. Moim gościem jest wiceminister rolnictwa Edward Zalewski.\n\n"
          "Gość: Dzień dobry panu, dzień dobry państwu.\n\n"
          "Prowadzący: Czy skup zboża ruszy w lipcu?\n\n"
          "Gość: Ruszy. Rozmawiamy z rolnikami i jestem spokojny.\n\n"
          "Prowadzący: A jeśli rolnicy odrzucą ofertę?\n\n"
          "Gość: Wtedy będziemy rozmawiać dalej, ale cena bazowa jest zamknięta.\n\n"
          "Prowadzący: Pojedzie pan na dożynki?\n\n"
          "Gość: Pojadę, jak co roku od dziesięciu lat.\n\n"
          "Prowadzący: Dziękuję za rozmowę.\n\n"
          "Gość: Dziękuję.")


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_guest_label_is_the_interviewee_and_courtesies_are_no_statements(model):
    # CONVENTIONS: "Prowadząca:" / "Gość:" read like "Q:" / "A:"; a turn that only greets or
    # thanks says nothing
    got = found(_RADIO, "pl", model)
    assert [t for t, _s, _k in got] == ["Ruszy. Rozmawiamy z rolnikami i jestem spokojny.",
                                          "Wtedy będziemy rozmawiać dalej, ale cena bazowa jest zamknięta.",
                                          "Pojadę, jak co roku od dziesięciu lat."]
    assert {s for _t, s, _k in got} == {"Edward Zalewski"}


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_english_guest_label_is_the_interviewee(model):
    text = ("Our guest this week is harbour master Colin Ferrand.\n\n"
            "HOST: Welcome to the show.\n\n"
            "GUEST: Thanks for having me, guys.\n\n"
            "HOST: Will the ferries run on Monday?\n\n"
            "GUEST: They will. The crews are ready and the forecast is calm.\n\n"
            "HOST: And if the wind picks up?\n\n"
            "GUEST: Then we wait a day, as we always have.\n\n"
            "HOST: Will you be on the first crossing?\n\n"
            "GUEST: I will, with my grandson.")
    got = found(text, "en", model)
    assert [t for t, _s, _k in got] == ["They will. The crews are ready and the forecast is calm.",
                                          "Then we wait a day, as we always have.", "I will, with my grandson."]
    assert {s for _t, s, _k in got} == {"Colin Ferrand"}


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_body_named_with_of_keeps_its_whole_name_and_its_short_form_points_to_it(model):
    text = ("Rates were cut on Tuesday.\n\n"
            "In its statement, the Reserve Bank of Tarvenia said inflation had continued to moderate.\n\n"
            "In a statement, the Northern Journal of Joint Surgery said the authors had declared the funding.\n\n"
            "In a post on its website, the Town of Ellesmoor said residents must leave by the eastern road.\n\n"
            "Later, the Reserve Bank said the next meeting would be in May.")
    assert speakers(text, "en", model) == ["Reserve Bank of Tarvenia", "Northern Journal of Joint Surgery",
                                           "Town of Ellesmoor", "Reserve Bank of Tarvenia"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_honorific_of_respect_is_dropped(model):
    text = ("The market leader, Alhaja Risikat Olaniyan, who addressed the traders, said the fire began at night.")
    assert speakers(text, "en", model) == ["Risikat Olaniyan"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_as_is_no_name_particle_and_no_role_modifier(model):
    # "Arhin-Walsh as Petrescu" is no name; "slide as CEO" is no role
    text = ("Kestrel reject third bid for Mensah-Clarke as Dobrescu insists: 'He stays with us'\n\n"
            "Kestrel United have rejected a third offer for midfielder Ato Mensah-Clarke.\n\n"
            "Kestrel boss Radu Dobrescu was less guarded an hour later. \"My position has not changed,\" the Romanian said.\n\n"
            "Dobrescu added that he had spoken to the player on Thursday.")
    assert speakers(text, "en", model) == ["Radu Dobrescu"] * 3
    headline = ("Harrow Foods shares slide as CEO warns second half will be 'tougher still'\n\n"
                "Shares in Harrow Foods fell on Thursday, chief executive Mirela Danes said.")
    assert speakers(headline, "en", model)[0] == "Mirela Danes"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_relative_clause_after_a_described_person_refers_to_the_person(model):
    # the description's noun is missing from the lexicon; the body after "z" is not the subject
    text = ("Wilki wróciły w Beskid Niski.\n\n"
            "Dr Marianna Kowalczyk, zoolożka z Uniwersytetu Podkarpackiego, która od lat bada wilki w regionie, "
            "tłumaczy, że ataki zdarzają się tam, gdzie stada zostają na noc bez ogrodzenia.")
    assert speakers(text, "pl", model) == ["Marianna Kowalczyk"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_body_named_before_its_seat_is_the_body_with_its_seat(model):
    text = ("Kamienica przy Rynku\n\n"
            "Wniosek rozpatrzy Wojewódzki Urząd Ochrony Zabytków w Kielcach.\n\n"
            "Jak poinformował Wojewódzki Urząd Ochrony Zabytków, oględziny odbędą się w przyszłym tygodniu.")
    assert speakers(text, "pl", model) == ["Wojewódzki Urząd Ochrony Zabytków w Kielcach"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_parent_is_a_role(model):
    # CONVENTIONS: one of a group is its singular, anonymous by request or not
    text = ("Szkoła w Borkach\n\n"
            "Na sesję przyszli rodzice z Borek.\n\n"
            "Jeden z ojców, który prosił, by nie podawać jego nazwiska, mówi wprost, że w gminie chodzi o budynek.\n\n"
            "Matka jednej z uczennic powiedziała, że dzieci będą dojeżdżać godzinę.")
    assert speakers(text, "pl", model) == ["ojciec", "matka uczennicy"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_place_after_an_aged_description_is_no_name(model):
    # "mieszkanka Barda": the village in the genitive, not a second person
    text = ("Woda w Nysie rośnie.\n\n"
            "Halina Kurek, 71-letnia mieszkanka Barda, której dom stoi nad rzeką, od rana pakuje dokumenty.\n\n"
            "– W 2024 roku woda stała u mnie w kuchni. Teraz już nie czekam – mówi.")
    assert speakers(text, "pl", model) == ["Halina Kurek"]
