import json

import pytest

from conftest import write_jsonl
from stance.data import load_corpus, load_eval_set, read_records
from stance.data.splits import assign_splits, duplicate_groups, near_duplicate_pairs, normalise
from stance.errors import DataError
from stance.labels import LABELS

GOOD = {"id": "a1", "text": "Rozmowy były konstruktywne.", "speaker": "rzecznik", "lang": "pl", "kind": "direct", "stance": "conciliatory", "tone": "positive"}


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_valid_records_and_keeps_every_row(tmp_path):
    recs = [dict(GOOD, id=f"a{i}", text=f"Zdanie numer {i}.") for i in range(5)]
    got = read_records(write_jsonl(tmp_path / "x.jsonl", recs))
    assert [r["id"] for r in got] == [f"a{i}" for i in range(5)]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("{not json", "x.jsonl:2: bad JSON"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "text"} | {"id": "b"}), "x.jsonl:2: missing field 'text'"),
        (json.dumps(GOOD | {"id": "b", "stance": None, "tone": ""}), "x.jsonl:2: no label in 'stance', 'tone'"),
        (json.dumps(GOOD | {"id": "b", "text": "   "}), "x.jsonl:2: column 'text' is empty"),
        (json.dumps(GOOD | {"id": "b", "stance": "angry"}), "unknown stance label 'angry'; allowed: conciliatory, hardline, neutral; "
                                                            "to learn other labels set labels={stance:[...]}"),
        (json.dumps(GOOD | {"id": "b", "kind": "rumour"}), "column 'kind' has unknown value 'rumour'"),
        (json.dumps(GOOD), "x.jsonl:2: duplicate id 'a1' (first at"),
        (json.dumps(GOOD | {"id": "b", "text": 5}), "column 'text' (text) must be a string"),
        ("[1, 2]", "x.jsonl:2: expected a JSON object"),
    ],
)
def test_each_problem_names_file_line_and_field(tmp_path, line, expected):
    path = write_lines(tmp_path / "x.jsonl", [json.dumps(GOOD), line])
    with pytest.raises(DataError) as err:
        read_records(path)
    assert expected in str(err.value)
    assert "\n" not in str(err.value)


def test_all_problems_are_collected(tmp_path):
    path = write_lines(tmp_path / "x.jsonl", ["{bad", json.dumps(GOOD | {"stance": "x"}), json.dumps(GOOD | {"id": "c", "tone": "y"})])
    with pytest.raises(DataError) as err:
        read_records(path)
    assert len(err.value.problems) == 3
    assert "(and 2 more problems)" in str(err.value)


def test_missing_and_empty_inputs(tmp_path):
    with pytest.raises(DataError, match="no such file or folder"):
        read_records(tmp_path / "nope.jsonl")
    with pytest.raises(DataError, match="no statements in file"):
        read_records(write_lines(tmp_path / "empty.jsonl", [""]))
    (tmp_path / "dir").mkdir()
    with pytest.raises(DataError, match="folder has no .jsonl, .csv, .tsv, .parquet files"):
        read_records(tmp_path / "dir")


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(json.dumps(GOOD, ensure_ascii=False).replace("były", "by\u0142y").encode("utf-8").replace(b"\xc5\x82", b"\xb3"))
    with pytest.raises(DataError, match="not UTF-8"):
        read_records(path)


def test_class_label_features_and_deterministic_splits(tmp_path, corpus_records):
    recs = [r for s in corpus_records.values() for r in s][:400]
    path = write_jsonl(tmp_path / "all.jsonl", recs)
    a = load_corpus(path, split_seed=1)
    b = load_corpus(path, split_seed=1)
    for split in ("train", "validation", "test"):
        assert a.splits[split]["id"] == b.splits[split]["id"]
        assert a.splits[split].features["stance"].names == list(LABELS["stance"])
        assert a.splits[split].features["tone"].names == list(LABELS["tone"])
    assert sum(len(d) for d in a.splits.values()) == len(recs)
    assert a.fingerprint == b.fingerprint
    # no normalised text in two splits
    seen = {}
    for split, ds in a.splits.items():
        for t in ds["text"]:
            assert seen.setdefault(normalise(t), split) == split
    # hash-based, not stratified, but each split's stance distribution is still close to the whole
    whole = [r["stance"] for r in recs]
    for ds in a.splits.values():
        names = ds.features["stance"].names
        share = sum(names[v] == "hardline" for v in ds["stance"]) / len(ds)
        assert abs(share - whole.count("hardline") / len(whole)) < 0.08


def test_split_ignores_input_order():
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split()
    texts = [f"{words[i % 12]} {words[(i * 5) % 12]} {i * 7919}" for i in range(60)] + ["zupełnie inne zdanie"] * 2
    first = dict(zip(texts, assign_splits(texts, seed=3)))
    rev = dict(zip(texts[::-1], assign_splits(texts[::-1], seed=3)))
    assert first == rev


def test_editing_labels_or_adding_statements_moves_nothing(tmp_path):
    """A statement's split depends on its text (and near-duplicates) only: relabelling every
    statement, or adding new unrelated ones, leaves every split assignment as it was."""
    from stance.data.build import build

    import itertools

    places = ("Genewie", "Kairze", "Dosze", "Ankarze", "Rijadzie")
    labels = list(itertools.product(("conciliatory", "hardline", "neutral"), ("positive", "negative", "neutral")))
    recs = [GOOD | {"id": f"s{i}", "text": f"{i * 7919} {places[i % 5]} {i * i} rozmowy {(i * 37) % 101}.",
                    "stance": labels[i % 9][0], "tone": labels[i % 9][1]} for i in range(45)]
    write_jsonl(tmp_path / "src" / "a.jsonl", recs)

    def owners(out):
        build(tmp_path / "src", out)
        return {r["id"]: split for split in ("train", "validation", "test")
                for r in map(json.loads, (out / f"{split}.jsonl").read_text().splitlines())}

    before = owners(tmp_path / "before")
    flip = {"conciliatory": "hardline", "hardline": "neutral", "neutral": "conciliatory"}
    write_jsonl(tmp_path / "src" / "a.jsonl", [r | {"stance": flip[r["stance"]], "tone": "neutral"} for r in recs])
    write_jsonl(tmp_path / "src" / "b.jsonl", [GOOD | {"id": f"n{i}", "text": f"Całkiem nowe zdanie {i * 31}."} for i in range(40)])
    after = owners(tmp_path / "after")
    assert set(before.values()) == {"train", "validation", "test"}
    assert {k: after[k] for k in before} == before


def test_builder_drops_evaluation_statements_and_their_near_duplicates(tmp_path):
    """No training statement is an evaluation statement, exactly or nearly (5-gram Jaccard > 0.8);
    ``exclude_near=None`` is the older builder (exact matches only)."""
    from stance.data.build import build

    recs = [GOOD | {"id": "a", "text": "To dla nas ostatnią szansę na porozumienie w tej sprawie."},
            GOOD | {"id": "b", "text": "Nie do przyjęcia!"},
            GOOD | {"id": "c", "text": "Spotkanie odbędzie się w czwartek w Moskwie."}]
    write_jsonl(tmp_path / "src" / "a.jsonl", recs)
    write_jsonl(tmp_path / "eval" / "validation.jsonl",
                [GOOD | {"id": "e1", "text": "To dla nas ostatnią szansą na porozumienie w tej sprawie"},
                 GOOD | {"id": "e2", "text": "nie do przyjęcia"}])

    def kept(out, **kw):
        counts = build(tmp_path / "src", out, exclude=tmp_path / "eval", **kw)
        ids = sorted(r["id"] for split in ("train", "validation", "test")
                     for r in map(json.loads, (out / f"{split}.jsonl").read_text().splitlines()))
        return ids, counts["dropped_in_evaluation_set"]

    assert kept(tmp_path / "near") == (["c"], 2)
    assert kept(tmp_path / "exact", exclude_near=None) == (["a", "c"], 1)


def test_near_duplicates_share_a_group():
    texts = [
        "Nie oddamy ani metra naszej ziemi, to nasze ostatnie słowo.",
        "Nie oddamy ani metra naszej ziemi, to nasze ostatnie słowo!",
        "Spotkanie odbędzie się w czwartek w Moskwie.",
    ]
    pairs = near_duplicate_pairs(texts)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]
    groups = duplicate_groups(texts)
    assert groups[0] == groups[1] != groups[2]


def test_fixed_splits_refuse_leaks(tmp_path):
    write_jsonl(tmp_path / "train.jsonl", [GOOD])
    write_jsonl(tmp_path / "validation.jsonl", [GOOD | {"id": "v"}])
    write_jsonl(tmp_path / "test.jsonl", [GOOD | {"id": "t", "text": "Inne zdanie."}])
    with pytest.raises(DataError, match="also appears in train"):
        load_corpus(tmp_path)


def test_partial_split_folder_is_an_error(tmp_path):
    write_jsonl(tmp_path / "train.jsonl", [GOOD])
    with pytest.raises(DataError, match="has train.jsonl but no file for test, validation"):
        load_corpus(tmp_path)


def test_eval_set_from_file_or_split_folder(small_corpus):
    ds, split, fp = load_eval_set(small_corpus, "validation")
    assert split == "validation" and len(ds) == 60 and len(fp) == 16
    ds, split, _ = load_eval_set(small_corpus / "test.jsonl")
    assert split == "eval" and len(ds) == 60
