"""Rules written in the session that read round 16, before it was read (round 16 was scored blind
at this session's start and at its last rule; round 17 stays unread). Texts are invented for the
tests."""

from __future__ import annotations

import pytest

from conftest import SPEAKER_MODELS, needs_morfeusz, speakers


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_describing_prepositional_phrase_stays_with_the_role(model):
    text = ("Kierowca ciężarówki z Sokółki mówi, że granica nikomu nie pomaga.\n\n"
            "Lekarka z kilkunastoletnim stażem, która podpisała list, mówi, że nikt nie chce odchodzić.\n\n"
            "Sprzedawca warzyw z jednego ze stoisk, który prosi o anonimowość, mówi, że miasto nic nie zrobiło.\n\n"
            "Ambasador Brazylii w Warszawie nazwał protesty „nieporozumieniem”.")
    assert speakers(text, "pl", model) == ["kierowca ciężarówki z Sokółki", "lekarka z kilkunastoletnim stażem",
                                           "sprzedawca warzyw ze stoiska", "ambasador Brazylii w Warszawie"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_adverbial_or_a_name_after_the_role_is_no_description(model):
    text = ("Rzecznik ministerstwa w rozmowie z PAP powiedział, że nic się nie stało.\n\n"
            "Rzecznik szpitala w piątek powiedział, że kolejki się skracają.\n\n"
            "Rolnik spod Malanowa Jan Maciejewski mówi, że susza zniszczyła zboże.\n\n"
            "Zarząd spółki w przesłanym mediom oświadczeniu napisał, że zwolnień nie będzie.")
    assert speakers(text, "pl", model) == ["rzecznik ministerstwa", "rzecznik szpitala", "Jan Maciejewski", "zarząd spółki"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_bodys_quoted_name_belongs_to_it(model):
    text = ("Radni klubu „Gorzów Plus” zapowiedzieli, że złożą wniosek.\n\n"
            "Stowarzyszenie „Czyste Niebo nad Malanowem” zapowiada, że zbierze podpisy.")
    assert speakers(text, "pl", model) == ["radni klubu „Gorzów Plus”", "Stowarzyszenie „Czyste Niebo nad Malanowem”"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_foreign_given_name_after_a_place_or_firm_name(model):
    # morfeusz2 knows neither "Jozef" nor "Dalia" as given names: the surname standing alone later
    # shows where the person's name starts
    text = ("Inaczej widzi to starosta słowackiej gminy Vyšné Kamence Jozef Hudák. W liście napisał, że „granica odcina region”.\n\n"
            "„Nie zgadzamy się” – dodał Hudák.\n\n"
            "Rzeczniczka LTG Cargo Dalia Petrauskienė odpowiada, że spółka nie ma wpływu na decyzje celników.\n\n"
            "„Wagony są bezpieczne” – zapewniła Petrauskienė.\n\n"
            "Ambasador Brazylii w Warszawie Ricardo Monteiro Lacerda powiedział, że umowa jest dobra. "
            "„To szansa” – dodał Lacerda.")
    assert speakers(text, "pl", model) == ["Jozef Hudák", "Jozef Hudák", "Dalia Petrauskienė", "Dalia Petrauskienė",
                                           "Ricardo Monteiro Lacerda", "Ricardo Monteiro Lacerda"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_company_noun_speaks_for_the_firm_named_after_one(model):
    text = ("Dane 180 tys. klientów warszawskiej spółki Splatio trafiły do sieci. Rzeczniczka spółki Marta Gajewska "
            "nie chciała tego komentować. Firma, która oferuje zakupy na raty, potwierdziła w czwartek, że doszło do "
            "„nieuprawnionego dostępu”.\n\n"
            "W oświadczeniu spółka poinformowała, że zawiadomiła prokuraturę.")
    assert speakers(text, "pl", model) == ["Splatio", "Splatio"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_nationality_epithet_is_the_person_whose_role_names_it(model):
    text = ("W opinii szefa islandzkiej delegacji Einara Thorsteinssona nie da się ustalić klucza podziału. "
            "Jak dodał minister Jan Lis, Thorshavn jest gotów do rozmów. "
            "Islandczyk zaproponował, by zebrała się grupa robocza.")
    assert speakers(text, "pl", model) == ["Einar Thorsteinsson", "Jan Lis", "Einar Thorsteinsson"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_capitalised_occupation_before_a_name_is_its_title(model):
    text = "Librarian Sue Barker said the cuts were unfair.\n\nCoroner Alan Pike said the death was accidental."
    assert speakers(text, "en", model) == ["Sue Barker", "Alan Pike"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_anonymous_sources_description_ends_at_the_verb(model):
    assert speakers("One union source has told the BBC that the offer was poor.", "en", model) == ["union source"]
    text = 'A source close to the Karsalian delegation disputed that account, saying the offer "was never on the table".'
    assert speakers(text, "en", model) == ["source close to the Karsalian delegation"]
    assert speakers("An official briefed on the talks said the offer was poor.", "en", model) == ["official briefed on the talks"]


@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_an_owners_surname_before_a_body_is_the_full_name(model):
    text = ("Prime Minister Henrik Aalto spoke on Monday. Aalto’s office said the talks would resume.\n\n"
            "Mexico City's mayor met him. Mexico's Economy Ministry said tariffs would stay.")
    assert speakers(text, "en", model) == ["Henrik Aalto’s office", "Mexico's Economy Ministry"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_synonym_role_with_a_nationality_adjective(model):
    text = ("Węgierski minister spraw zagranicznych Gábor Kertész odrzucił zarzuty. Premier Jan Lis mówił o sankcjach. "
            "„Nikt nie przedstawił alternatywy” – mówił szef węgierskiej dyplomacji.")
    assert speakers(text, "pl", model) == ["Gábor Kertész"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_foreign_surname_that_morfeusz_reads_as_a_given_names_dative(model):
    # morfeusz2 reads "Alemu" only as "Ali" in the dative, and does not know "Dawit"
    text = ("Minister spraw zagranicznych Etiopii Dawit Alemu powiedział, że tama jest gotowa. "
            "– Nikt nie będzie nam dyktował – mówił Alemu.")
    assert speakers(text, "pl", model) == ["Dawit Alemu", "Dawit Alemu"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_village_in_the_headline_is_no_speaker_of_its_unattributed_quote(model):
    text = ("Zalesie Wielkie nie chce fermy tuczu. „Nie damy się zasmrodzić”\n\n"
            "Na skraju wsi ma powstać ferma na cztery tysiące tuczników. Mieszkańcy zbierają podpisy.\n\n"
            "– Nie damy się zasmrodzić. Tu mieszkają nasze dzieci – mówi sołtyska Teresa Mazur.")
    assert speakers(text, "pl", model)[0] == "Teresa Mazur"


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_interrupting_is_a_cue(model):
    text = ("– Pan nie chce rozmawiać z radnymi, tylko z kamerami – przerwała Dudkowi Joanna Szczepańska-Kruk.\n\n"
            "Po konferencji Szczepańska-Kruk zapowiedziała, że jej klub złoży wniosek.\n\n"
            "Policja przerwała protest po godzinie.")
    assert speakers(text, "pl", model) == ["Joanna Szczepańska-Kruk", "Joanna Szczepańska-Kruk"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_the_papers_interlocutor_is_the_unnamed_source_that_spoke_last(model):
    text = ("Jeden z unijnych dyplomatów, z którym rozmawiała PAP, ocenił, że porozumienia nie będzie przed końcem prezydencji. "
            "– Na stole jest kilka wersji kompromisu – dodał rozmówca PAP.\n\n"
            "Rzecznik Komisji Jan Lis powiedział, że rozmowy trwają.\n\n"
            "Według naszego rozmówcy część państw może poprzeć kompromis.")
    assert speakers(text, "pl", model) == ["unijny dyplomata"] * 2 + ["Jan Lis", "unijny dyplomata"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_counted_group_speaks_without_its_count(model):
    text = ("Wielu klientów zapowiada, że zrezygnuje z usług.\n\n"
            "Kilku radnych opozycji zapowiedziało, że zagłosuje przeciw.\n\n"
            "Dwóch posłów PiS powiedziało, że to skandal.\n\n"
            "Kilku unijnych dyplomatów przyznało, że rozmowy utknęły.\n\n"
            "Pięć osób powiedziało, że nic nie widziało.")
    assert speakers(text, "pl", model) == ["klienci", "radni opozycji", "posłowie PiS", "unijni dyplomaci", "osoby"]


@needs_morfeusz
@pytest.mark.parametrize("model", SPEAKER_MODELS)
def test_a_coordinated_place_before_a_foreign_name(model):
    text = ("Szef serbskiego Biura ds. Kosowa i Metochii Nenad Vuksanović odpowiedział w wywiadzie, że Prisztina "
            "„bierze na zakładników zwykłych ludzi”. „To nie jest polityka celna” – powiedział Vuksanović.")
    assert speakers(text, "pl", model) == ["Nenad Vuksanović", "Nenad Vuksanović"]
