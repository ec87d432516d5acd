"""The Python API around a saved model: label_article(s), the per-URI model cache, input checks."""

from __future__ import annotations

import pytest

import stance
from stance.labels import LABELS, TASKS

ARTICLES = {
    "a1": "– Nie oddamy ani metra naszej ziemi – powiedział minister obrony. Rzecznik rządu dodał, że rozmowy "
          "odbędą się w czwartek.",
    "a2": "\u201cWe are ready to sign the framework this week,\u201d the foreign minister said on Tuesday.",
    "a3": "Bez cytatów: rynek zamknął się na plusie.",
}


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory, corpus_records):
    from stance.models.tfidf import TfidfClassifier

    recs = corpus_records["train"][::10]
    model = TfidfClassifier(seed=0).fit([r["text"] for r in recs], {t: [r[t] for r in recs] for t in TASKS})
    return model.save(tmp_path_factory.mktemp("api") / "model")


def test_label_article_records(model_dir):
    stance.clear_model_cache()
    records = stance.label_article(ARTICLES["a1"], model=str(model_dir), article_id="a1")
    assert len(records) == 2
    for r in records:
        assert list(r)[:2] == ["article_id", "text"] and r["article_id"] == "a1" and r["lang"] == "pl"
        assert r["stance"] in LABELS["stance"] and r["tone"] in LABELS["tone"]
        assert r["confidence"] == pytest.approx(min(r[f"{t}_p_{r[t]}"] for t in TASKS))
        assert ARTICLES["a1"][r["start"]:r["end"]] == r["text"]
    assert stance.label_article(ARTICLES["a3"], model=str(model_dir)) == []


def test_model_uri_is_loaded_once(model_dir):
    from stance.api import _load_cached

    stance.clear_model_cache()
    for text in ARTICLES.values():
        stance.label_article(text, model=str(model_dir))
    info = _load_cached.cache_info()
    assert info.misses == 1 and info.hits == 2


@pytest.mark.parametrize("batch_size", [1, 256])
def test_label_articles_matches_label_article(model_dir, batch_size):
    one_by_one = [r for key, text in ARTICLES.items() for r in stance.label_article(text, model=str(model_dir), article_id=key)]
    assert stance.label_articles(ARTICLES, model=str(model_dir), batch_size=batch_size) == one_by_one
    by_position = stance.label_articles(list(ARTICLES.values()), model=str(model_dir))
    assert [r["article_id"] for r in by_position] == [0, 0, 1]


def test_records_and_quotes_to_a_frame(model_dir):
    records = stance.label_article(ARTICLES["a1"], model=str(model_dir), article_id="a1")
    frame = stance.to_frame(records)
    assert list(frame.columns) == list(records[0]) and len(frame) == len(records)
    quotes = stance.extract_quotes(ARTICLES["a1"])
    assert stance.to_frame(quotes).to_dict(orient="records") == [q.to_dict() for q in quotes]
    assert stance.to_frame([]).empty
    for bad in (None, "text", records[0], [1, 2]):
        with pytest.raises(TypeError, match="to_frame takes"):
            stance.to_frame(bad)


def test_label_article_gives_a_model_the_input_it_was_trained_on(model_dir):
    """A model trained with data.input=speaker/context reads "speaker | quote" or "quote |
    sentence around it" from label_article, as in training; a direct quote has no context."""
    from stance.api import _model_inputs
    from stance.extract import extract_quotes
    from stance.models import load_model

    clf = load_model(model_dir)
    quotes = extract_quotes(ARTICLES["a1"], lang="pl")
    assert _model_inputs(clf, ARTICLES["a1"], quotes) == [q.text for q in quotes]
    clf.input_mode = "speaker"
    assert _model_inputs(clf, ARTICLES["a1"], quotes) == [f"{q.speaker} | {q.text}" for q in quotes]
    clf.input_mode = "context"
    direct, indirect = quotes
    assert direct.kind == "direct" and indirect.kind == "indirect"
    assert _model_inputs(clf, ARTICLES["a1"], quotes) == [
        direct.text, f"{indirect.text} | Rzecznik rządu dodał, że rozmowy odbędą się w czwartek."]
    saved = clf.save(model_dir.parent / "context-model")
    assert load_model(saved).input_mode == "context"  # saved with the model
    records = stance.label_article(ARTICLES["a1"], model=clf)
    expected = clf.predict(_model_inputs(clf, ARTICLES["a1"], quotes))
    assert [r["stance_p_hardline"] for r in records] == [e["stance_p_hardline"] for e in expected]
    assert [r["text"] for r in records] == [q.text for q in quotes]  # records show the quote, not the input


@pytest.mark.parametrize("call, error, message", [
    (lambda m: stance.extract_quotes(None), TypeError, "text must be a str, not NoneType"),
    (lambda m: stance.extract_quotes(b"abc"), TypeError, "decode bytes first"),
    (lambda m: stance.extract_quotes("Tekst.", lang="de"), ValueError, "lang must be one of pl, en or None"),
    (lambda m: stance.extract_quotes("Text.", lang="english"), ValueError, "got 'english'"),
    (lambda m: stance.label_articles("one article", model=m), TypeError, "use label_article for one"),
    (lambda m: stance.label_article("Tekst.", model=None), ValueError, "pass model="),
])
def test_bad_api_input_is_one_line(model_dir, call, error, message):
    with pytest.raises(error, match=message):
        call(str(model_dir))


def test_summarise_per_speaker(model_dir):
    records = stance.label_articles(ARTICLES, model=str(model_dir))
    table = stance.summarise(records)
    assert table["statements"].sum() == len(records) and table["statements"].is_monotonic_decreasing
    for task in TASKS:
        shares = table[[f"{task}_{lab}_share" for lab in LABELS[task]]].sum(axis=1)
        assert (abs(shares - 1) < 1e-9).all()
    speaker = records[0]["speaker"]
    mine = [r for r in records if r["speaker"] == speaker]
    assert table.loc[speaker, "mean_stance_p_hardline"] == pytest.approx(sum(r["stance_p_hardline"] for r in mine) / len(mine))
    assert stance.summarise([]).empty
    with pytest.raises(ValueError, match="records need the columns"):
        stance.summarise([{"text": "x"}])
