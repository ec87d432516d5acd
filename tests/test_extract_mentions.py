"""Stages 4-5: mentions, coreference (coref.py) and speaker resolution (resolve.py)."""

from __future__ import annotations

from stance.extract import extract_quotes
from stance.extract.coref import Coreference
from stance.extract.cues import find_cues
from stance.extract.mentions import collect_mentions, make_ref
from stance.extract.segment import segment


def analyse(text: str, lang: str = "pl"):
    seg = segment(text, lang)
    cues = find_cues(seg)
    mentions = collect_mentions(seg, cues.events)
    return seg, cues, mentions, Coreference(seg, mentions, cues.events)


def test_make_ref_of_a_named_role():
    seg = segment("Minister finansów Jan Lis przyjechał.", "pl")
    toks = seg.tokens
    (np,) = [np for np in toks.chunks(0, len(toks.words)) if np.kind == "name"]
    ref = make_ref(toks, np, oblique=False)
    assert (ref.speaker, ref.kind, ref.head, ref.comp, ref.person, ref.role) == (
        "Jan Lis", "name", "minister", ("finansów",), "Jan Lis", "minister finansów")


def test_apposition_links_a_role_to_a_name():
    _seg, _cues, mentions, _coref = analyse("The fisheries minister, Alasdair Craigmyle, arrived.", "en")
    (link,) = mentions.links_by_head["minister"]
    assert link.person == "Alasdair Craigmyle"


def test_subjects_only_from_main_clauses():
    _seg, _cues, mentions, _coref = analyse("Jan Lis powiedział, że Anna Wrona przyjedzie.")
    assert [(m.speaker, m.subject) for m in mentions.mentions] == [("Jan Lis", True)]
    assert [m.speaker for m in mentions.content_names] == ["Anna Wrona"]


def test_fullest_name_and_inflected_surname():
    _seg, _cues, _mentions, coref = analyse("Daniel Hartwell przyjechał. Rozmawialiśmy z Hartwellem.")
    assert coref.name("Hartwell") == "Daniel Hartwell"
    _seg, _cues, _mentions, coref = analyse("Joanna Krzemińska przyjechała. Krzemińskiej nie było.")
    assert coref.name("Krzemińska") == "Joanna Krzemińska"


def test_acronym_introduced_in_parentheses():
    _seg, _cues, _mentions, coref = analyse("The European Border Agency (EBA) met. EBA said it was ready.", "en")
    assert coref.institution("EBA") == "European Border Agency"


def test_speaker_carried_to_a_pronoun_by_gender():
    text = "Jan Lis i Anna Wrona przyjechali. Wrona powiedziała, że tak. Potem dodała: „Nie”."
    assert [q.speaker for q in extract_quotes(text, "pl")] == ["Anna Wrona", "Anna Wrona"]


def test_the_latter():
    text = 'Jan Lis met Anna Wrona. The latter said "we agree".'
    assert [q.speaker for q in extract_quotes(text, "en")] == ["Anna Wrona"]
