import numpy as np
import pytest

from stance.labels import LABELS, TASKS, output_columns
from stance.models import QuoteClassifier, load_model
from stance.models.majority import MajorityClassifier
from stance.models.tfidf import TfidfClassifier

FAMILIES = {
    "majority": lambda: MajorityClassifier(),
    "tfidf_logreg": lambda: TfidfClassifier(classifier="logreg", seed=1),
    "tfidf_svm": lambda: TfidfClassifier(classifier="svm", calibration_cv=3, seed=1),
    "tfidf_lemmas": lambda: TfidfClassifier(lemmatize=True, char_ngrams=None, seed=1),
}


def xy(records):
    return [r["text"] for r in records], {t: [r[t] for r in records] for t in TASKS}


@pytest.fixture(scope="module")
def train_test(corpus_records):
    # every 13th statement: both languages and every part of the corpus (files are sorted by id)
    return xy(corpus_records["train"][::13][:300]), xy(corpus_records["test"][::13][:80])


@pytest.mark.parametrize("family", FAMILIES)
def test_fit_predict_save_load(family, train_test, tmp_path):
    (x, y), (xt, _) = train_test
    model = FAMILIES[family]().fit(x, y)
    frame = model.predict_frame(xt)
    assert list(frame.columns) == output_columns()
    assert len(frame) == len(xt)
    for task in TASKS:
        proba = model.predict_proba(xt, task)
        assert proba.shape == (len(xt), len(LABELS[task]))
        np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)
        assert set(frame[task]) <= set(LABELS[task])
    path = model.save(tmp_path / "m")
    again = load_model(path)
    assert type(again) is type(model) and again.get_params() == model.get_params()
    for task in TASKS:
        np.testing.assert_allclose(again.predict_proba(xt, task), model.predict_proba(xt, task))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary folders left behind"


def test_single_string_gives_single_answer(train_test):
    (x, y), _ = train_test
    model = TfidfClassifier(seed=0).fit(x, y)
    one = model.predict("Nie oddamy ani metra naszej ziemi.")
    assert isinstance(one, dict) and set(one) == set(output_columns())
    many = model.predict(["Nie oddamy ani metra naszej ziemi.", "Spotkanie odbędzie się w czwartek."])
    assert isinstance(many, list) and len(many) == 2 and many[0] == one


def test_tfidf_learns_something(train_test, corpus_records):
    (x, y), _ = train_test
    xt, yt = xy(corpus_records["test"])
    model = TfidfClassifier(seed=0).fit(x, y)
    pred = model.predict_frame(xt)
    # better than always answering the majority label of the test set
    for task in TASKS:
        acc = np.mean(pred[task].to_numpy() == np.asarray(yt[task]))
        majority = max(yt[task].count(lab) for lab in LABELS[task]) / len(yt[task])
        assert acc > majority + 0.1


def test_same_seed_same_numbers(train_test):
    (x, y), (xt, _) = train_test
    a = TfidfClassifier(classifier="svm", calibration_cv=3, seed=5).fit(x, y).predict_proba(xt, "stance")
    b = TfidfClassifier(classifier="svm", calibration_cv=3, seed=5).fit(x, y).predict_proba(xt, "stance")
    np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("bad, message", [([""], "position 0 is empty"), (["ok", None], "position 1 is NoneType"), ("just a string", "single string")])
def test_bad_inputs_are_clear_errors(train_test, bad, message):
    (x, y), _ = train_test
    model = MajorityClassifier().fit(x, y)
    with pytest.raises(ValueError, match=message):
        model.predict_probas(bad)


def test_fit_checks_labels():
    with pytest.raises(ValueError, match="unknown stance labels"):
        MajorityClassifier().fit(["a"], {"stance": ["angry"], "tone": ["neutral"]})
    with pytest.raises(ValueError, match="labels for task 'tone' are missing"):
        MajorityClassifier().fit(["a"], {"stance": ["neutral"]})


def test_load_refuses_foreign_classes(tmp_path, train_test):
    (x, y), _ = train_test
    path = MajorityClassifier().fit(x, y).save(tmp_path / "m")
    meta = (path / "stance_model.json").read_text().replace("stance.models.majority.MajorityClassifier", "os.system")
    (path / "stance_model.json").write_text(meta)
    with pytest.raises(Exception, match="refusing model class .os.system."):
        QuoteClassifier.load(path)


def test_interrupted_save_leaves_previous_model(tmp_path, train_test, monkeypatch):
    (x, y), (xt, _) = train_test
    model = MajorityClassifier().fit(x, y)
    path = model.save(tmp_path / "m")

    def boom(self, p):
        (p / "partial").write_text("half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(MajorityClassifier, "_save_state", boom)
    with pytest.raises(RuntimeError):
        model.save(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]
    assert not (path / "partial").exists()
    load_model(path)


def test_calibration_is_saved_and_keeps_labels(train_test, corpus_records, tmp_path):
    (x, y), (xt, _) = train_test
    xv, yv = xy(corpus_records["validation"][:120])
    model = TfidfClassifier(C=100.0, seed=1).fit(x, y)  # weakly regularised: overconfident
    raw = model.predict_frame(xt)
    model.calibrate(xv, yv)
    assert set(model.temperatures_) == set(TASKS) and all(t > 0 for t in model.temperatures_.values())
    calibrated = model.predict_frame(xt)
    for task in TASKS:
        assert (raw[task] == calibrated[task]).all()
    assert not np.allclose(raw.iloc[:, 2:].to_numpy(), calibrated.iloc[:, 2:].to_numpy())
    again = load_model(model.save(tmp_path / "m"))
    assert again.temperatures_ == model.temperatures_
    assert np.allclose(again.predict_frame(xt).iloc[:, 2:].to_numpy(float), calibrated.iloc[:, 2:].to_numpy(float))


@pytest.fixture(scope="module")
def tfidf(train_test):
    (x, y), _ = train_test
    return TfidfClassifier(seed=1).fit(x, y)


def test_dataframe_and_series_inputs_keep_rows_and_index(tfidf, train_test):
    """A DataFrame gives one row per input row (never a prediction per column name), with its
    own columns and index beside the predictions; a Series keeps its index for ``join``."""
    import pandas as pd

    _, (xt, _) = train_test
    df = pd.DataFrame({"text": xt[:5], "source": list("abcde")}, index=[10, 3, 7, 42, 5])
    out = tfidf.predict_frame(df)
    assert list(out.index) == [10, 3, 7, 42, 5] and list(out["source"]) == list("abcde")
    direct = tfidf.predict_frame(xt[:5])
    assert list(out["stance"]) == list(direct["stance"])
    np.testing.assert_allclose(out["stance_p_hardline"].to_numpy(), direct["stance_p_hardline"].to_numpy())
    assert len(tfidf.predict(df)) == 5
    filtered = df[df["source"] != "b"]
    joined = filtered.join(tfidf.predict_frame(filtered["text"]))
    assert list(joined.index) == [10, 7, 42, 5] and joined["stance"].notna().all()
    with pytest.raises(ValueError, match="a DataFrame needs a 'text' column; it has \\['tekst'\\]"):
        tfidf.predict(pd.DataFrame({"tekst": xt[:3]}))


@pytest.mark.parametrize("bad, error, message", [
    (None, TypeError, "got None"),
    (b"Rozmowy", TypeError, "got bytes; decode them first"),
    (["Rozmowy", "\u200b\u200b \ufeff"], ValueError, "text at position 1 is empty \\(or only spaces and invisible"),
    (["x" * 20_001], ValueError, "20,001 characters, over the limit of 20,000"),
    ({"text": "a"}, TypeError, "got a dict"),
])
def test_api_edges_are_one_line_errors(tfidf, bad, error, message):
    with pytest.raises(error, match=message):
        tfidf.predict(bad)


def test_empty_input_gives_an_empty_result(tfidf):
    assert tfidf.predict([]) == []
    frame = tfidf.predict_frame([])
    assert list(frame.columns) == output_columns() and len(frame) == 0


def test_long_text_limit_is_configurable(tfidf):
    long = "Rozmowy były konstruktywne. " * 1000  # 28,000 characters
    with pytest.raises(ValueError, match="over the limit"):
        tfidf.predict(long)
    tfidf.max_text_chars = 50_000
    try:
        assert tfidf.predict(long)["stance"] in LABELS["stance"]
    finally:
        del tfidf.max_text_chars


def test_single_class_training_data_is_a_data_error():
    from stance.errors import DataError

    texts = ["Rozmowy były konstruktywne.", "Nie oddamy ani metra.", "Spotkanie w czwartek."]
    with pytest.raises(DataError, match="only one stance label \\(neutral\\); a classifier needs statements of at least two"):
        TfidfClassifier().fit(texts, {"stance": ["neutral"] * 3, "tone": ["positive", "negative", "neutral"]})


def test_abstention_marks_low_confidence(tfidf, train_test):
    _, (xt, _) = train_test
    plain = tfidf.predict_frame(xt)
    frame = tfidf.predict_frame(xt, min_confidence=0.6)
    conf = np.minimum(*(plain[[c for c in plain.columns if c.startswith(f"{t}_p_")]].max(axis=1) for t in TASKS))
    np.testing.assert_allclose(frame["confidence"].to_numpy(), conf.to_numpy())
    assert (frame["abstained"] == (conf < 0.6)).all() and list(frame["stance"]) == list(plain["stance"])
    assert frame["abstained"].any() and not frame["abstained"].all()
    assert set(tfidf.predict(xt[0], min_confidence=0.0)) == set(output_columns()) | {"confidence", "abstained"}
    with pytest.raises(ValueError, match="between 0 and 1"):
        tfidf.predict(xt, min_confidence=2)
