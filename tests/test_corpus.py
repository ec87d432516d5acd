"""The corpus's promises, asserted on the real files so a later edit cannot quietly break them."""

import json
from collections import Counter

import pytest

from conftest import ROOT, read_jsonl
from stance.data import load_corpus
from stance.data.agreement import SECTIONS, agreement, markdown as agreement_markdown
from stance.data.build import build
from stance.data.splits import near_duplicate_pairs, normalise
from stance.data.stats import BEGIN, END, load_splits, markdown
from stance.labels import KINDS, LABELS

STATEMENTS = ROOT / "data/statements"
ARTICLES = ROOT / "data/articles"


@pytest.fixture(scope="module")
def records():
    return [r for recs in load_splits(STATEMENTS).values() for r in recs]


def test_size_and_languages(records):
    n = len(records)
    langs = Counter(r["lang"] for r in records)
    assert n >= 3000
    assert langs["pl"] / n >= 0.60
    assert langs["en"] / n >= 0.25


def test_every_label_pair_and_hard_cases(records):
    pairs = Counter((r["stance"], r["tone"]) for r in records)
    for s in LABELS["stance"]:
        for t in LABELS["tone"]:
            assert pairs[(s, t)] >= 80, (s, t, pairs[(s, t)])
    assert sum(1 for r in records if r.get("hard_case")) / len(records) >= 0.15
    assert set(Counter(r["kind"] for r in records)) == set(KINDS)


def test_fixed_splits_test_size_and_no_leakage():
    corpus = load_corpus(STATEMENTS)  # refuses identical texts across splits
    assert corpus.fixed_splits and len(corpus.splits["test"]) >= 500
    splits = load_splits(STATEMENTS)
    texts, owner = [], []
    for split, recs in splits.items():
        texts += [r["text"] for r in recs]
        owner += [split] * len(recs)
    crossing = [(texts[i], texts[j]) for i, j, _ in near_duplicate_pairs(texts, 0.8) if owner[i] != owner[j]]
    assert crossing == []


def test_split_files_are_what_the_builder_makes(tmp_path):
    counts = build(STATEMENTS / "sources", tmp_path, exclude=ROOT / "data" / "realistic")
    for split in ("train", "validation", "test"):
        assert (tmp_path / f"{split}.jsonl").read_bytes() == (STATEMENTS / f"{split}.jsonl").read_bytes(), split
    assert counts["test"] >= 500 and counts["dropped_in_evaluation_set"] > 0


def test_no_real_names_outside_the_example(records):
    # The only real, named speakers are those of the project's example article, whose words are its own.
    examples = {r["speaker"] for r in records if str(r.get("source", "")).startswith("data/examples/")}
    for r in records:
        if r["speaker"] in examples:
            assert str(r.get("source", "")).startswith("data/examples/"), r["id"]


def test_data_card_tables_are_generated(records):
    card = (ROOT / "data/DATACARD.md").read_text(encoding="utf-8")
    generated = card.split(BEGIN, 1)[1].split(END, 1)[0]
    assert generated.strip() == markdown(load_splits(STATEMENTS)).strip(), "run: python -m stance.data.stats --update-card data/DATACARD.md"


def test_second_annotation_is_blind_and_large_enough():
    second = read_jsonl(ROOT / "data/annotation/second_annotator.jsonl")
    assert len(second) >= 300 and len({r["id"] for r in second}) == len(second)
    assert all(set(r) <= {"id", "stance", "tone", "note"} for r in second)
    report = json.loads((ROOT / "data/annotation/agreement.json").read_text())
    assert report["n"] == len(second)
    for task in ("stance", "tone"):
        assert -1 <= report[task]["kappa"] <= 1


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s[0])
def test_agreement_figures_are_generated_and_adjudication_applied(records, section):
    name, begin, end, wording = section
    folder = ROOT / name
    report = agreement(folder) | {"folder": name}
    assert json.loads((folder / "agreement.json").read_text()) == report, "run: python -m stance.data.agreement --update-card data/DATACARD.md"
    card = (ROOT / "data/DATACARD.md").read_text(encoding="utf-8")
    assert card.split(begin, 1)[1].split(end, 1)[0].strip() == agreement_markdown(report, **wording).strip()
    # The corpus carries the adjudicated label of every disagreement.
    by_id = {r["id"]: r for r in records}
    for row in read_jsonl(folder / "adjudicated.jsonl"):
        assert (by_id[row["id"]]["stance"], by_id[row["id"]]["tone"]) == (row["stance"], row["tone"]), row["id"]


# -- annotated articles --------------------------------------------------------------
def articles():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.json"))]


def test_article_counts():
    arts = articles()
    langs = Counter(a["lang"] for a in arts)
    assert len(arts) >= 50 and langs["pl"] >= 35 and langs["en"] >= 10
    assert any(a["id"] == "pl-davos" for a in arts)
    davos = next(a for a in arts if a["id"] == "pl-davos")
    assert davos["text"] == (ROOT / "data/examples/davos-talks-pl.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("article", articles(), ids=lambda a: a["id"])
def test_article_offsets_and_labels(article):
    text = article["text"]
    last_end = -1
    for st in article["statements"]:
        assert text[st["start"] : st["end"]] == st["text"]
        assert st["start"] >= last_end, "statements overlap or are out of order"
        last_end = st["end"]
        assert st["kind"] in KINDS and st["stance"] in LABELS["stance"] and st["tone"] in LABELS["tone"]
        assert st["speaker"]
    for ns in article.get("non_statements", []):
        assert text[ns["start"] : ns["end"]] == ns["text"]


def test_realistic_set_is_current_and_blind(records):
    """validation/test are what the builder makes from the sources and the two blind annotations
    (agreed label, else the adjudicated one); halves never share a text; no realistic statement
    is in the training corpus; the data card's section is current."""
    from stance.data.realistic import BEGIN as R_BEGIN, END as R_END, HALVES, card_markdown, gold_records

    folder = ROOT / "data" / "realistic"
    gold = {r["id"]: r for r in gold_records(folder)}
    first = {r["id"]: r for r in map(json.loads, (folder / "annotation/first_pass.jsonl").read_text().splitlines())}
    halves = {h: [json.loads(line) for line in (folder / f"{h}.jsonl").read_text().splitlines()] for h in HALVES}
    assert sorted(r["id"] for h in HALVES for r in halves[h]) == sorted(gold)
    assert len(gold) >= 600 and min(len(v) for v in halves.values()) >= 280
    for h in HALVES:
        for r in halves[h]:
            assert r == gold[r["id"]] and "writer_stance" not in r
    agreed = [i for i in gold if all(first[i][t] == gold[i][t] for t in ("stance", "tone"))]
    assert len(agreed) >= 0.9 * len(gold)
    assert not {normalise(r["text"]) for r in halves["validation"]} & {normalise(r["text"]) for r in halves["test"]}
    # independent writers meet on stock fragments ("nie do przyjęcia", "non-negotiable"): the corpus
    # builder drops them from training, so no realistic statement is ever trained on
    corpus = {normalise(r["text"]) for r in records}
    assert not corpus & {normalise(r["text"]) for r in gold.values()}
    # ... nor a near-duplicate of one ("ostatnią szansę" in training, "ostatnią szansą" in the set)
    texts = [r["text"] for r in records]
    assert [(texts[i], list(gold.values())[j - len(texts)]["text"])
            for i, j, _ in near_duplicate_pairs(texts + [r["text"] for r in gold.values()], 0.8) if i < len(texts) <= j] == []
    card = (ROOT / "data" / "DATACARD.md").read_text(encoding="utf-8")
    section = card.split(R_BEGIN, 1)[1].split(R_END, 1)[0]
    assert section.strip() == card_markdown(folder, agreement(folder / "annotation")).strip(), \
        "run: python -m stance.data.realistic --update-card data/DATACARD.md"


def test_heldout_articles_are_valid_and_halved():
    """Each half holds one article of every genre pair (odd / even numbers), spans match the text,
    and every file passes the build scripts' validation."""
    import subprocess
    import sys

    halves = {h: sorted((ROOT / "data/heldout/articles" / h).glob("*.json")) for h in ("validation", "test")}
    assert len(halves["validation"]) == len(halves["test"]) == 16
    for h, files in halves.items():
        for f in files:
            art = json.loads(f.read_text(encoding="utf-8"))
            assert int(art["id"].rsplit("-h", 1)[1]) % 2 == (1 if h == "validation" else 0)
            for st in art["statements"]:
                assert art["text"][st["start"]:st["end"]] == st["text"]
    for lang in ("pl", "en"):
        proc = subprocess.run([sys.executable, str(ROOT / f"data/articles/_tools/build_{lang}.py"), "--check", "--heldout",
                               "--out", str(ROOT / "data/heldout/articles")], capture_output=True, text=True)
        assert proc.returncode == 0 and "ERROR" not in proc.stdout, proc.stdout[-2000:]
