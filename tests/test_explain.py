"""Explanations (word occlusion, linear n-gram weights) and risk–coverage, on real small models."""

import numpy as np
import pytest

from stance.explain import deletion_gain, delete_spans, explain, explanations_html, word_spans
from stance.labels import LABELS, TASKS
from stance.models.tfidf import TfidfClassifier
from stance.risk_coverage import confidence, risk_coverage_table


def xy(records):
    return [r["text"] for r in records], {t: [r[t] for r in records] for t in TASKS}


@pytest.fixture(scope="module")
def tfidf(corpus_records):
    x, y = xy(corpus_records["train"][:1200])
    return TfidfClassifier(C=5).fit(x, y)


def test_explanation_matches_the_prediction_and_covers_every_word(tfidf):
    text = "Nie zgodzimy się na żadne ustępstwa, to jest skandal."
    explained = tfidf.explain(text)
    predicted = tfidf.predict(text)
    assert set(explained) == set(TASKS)
    for task, exp in explained.items():
        assert exp.label == predicted[task]
        assert exp.probability == pytest.approx(predicted[f"{task}_p_{exp.label}"])
        assert [w for w, *_ in exp.words] == ["Nie", "zgodzimy", "się", "na", "żadne", "ustępstwa", "to", "jest", "skandal"]
        assert all(text[s:e] == w for w, s, e, _ in exp.words)
        assert exp.ngrams and all(isinstance(g, str) for g, _ in exp.ngrams)  # the linear family's weighted n-grams
        assert exp.top(3) == sorted(exp.top(3), key=lambda t: -t[1])
    assert explain(tfidf, text, ["tone"]).keys() == {"tone"}


def test_linear_ngram_weights_are_the_logit_shares(tfidf):
    """The n-gram weights sum to the label's centred logit: their exact share of the decision."""
    text = "Zaproszenie do rozmów przyjmujemy z zadowoleniem."
    head = tfidf.heads_["stance"]
    j = int(tfidf.predict_proba([text], "stance")[0].argmax())
    _, weights = tfidf.ngram_weights(text, "stance", j)
    logits = head.decision_function(tfidf.transform([text]))[0]
    row = list(head.classes_).index(j)
    centred = logits[row] - logits.mean()
    assert weights.sum() == pytest.approx(centred - (head.intercept_[row] - head.intercept_.mean()), abs=1e-9)


def test_deleting_top_words_moves_the_probability_more_than_random_words(tfidf, corpus_records):
    """Faithfulness over the test split: the top-3 attributed words, deleted, lower the predicted
    label's probability far more than 3 random words of the same statements."""
    texts = [r["text"] for r in corpus_records["test"][:300]]
    check = deletion_gain(tfidf, texts, k=3, seed=0)
    assert check["n"] > 400  # both tasks, statements longer than 3 words
    assert check["top"] > 2 * check["random"] and check["gain"] > 0.1
    assert deletion_gain(tfidf, texts[:50], k=3, seed=0) == deletion_gain(tfidf, texts[:50], k=3, seed=0)


def test_edges_of_explain(tfidf):
    one = tfidf.explain("Skandal")  # deleting the only word leaves no text: no evidence, uniform
    assert [w for w, *_ in one["stance"].words] == ["Skandal"]
    assert one["stance"].words[0][3] == pytest.approx(one["stance"].probability - 1 / len(LABELS["stance"]))
    with pytest.raises(TypeError, match="one statement as a str"):
        tfidf.explain(["a", "b"])
    with pytest.raises(TypeError):
        tfidf.explain(b"bytes")
    for blank in ("   ", "\u200b\u200b"):
        with pytest.raises(ValueError, match="empty"):
            tfidf.explain(blank)
    with pytest.raises(ValueError, match="unknown task"):
        tfidf.explain("Nie zgodzimy się.", ["sentiment"])
    long = " ".join(["słowo"] * 1000)
    assert len(word_spans(long)) <= 200 and word_spans(long)[-1][1] == len(long)
    page = explanations_html(tfidf, ["<script>alert(1)</script> Nie zgodzimy się."])
    assert "<script>" not in page and "&lt;/" in page  # the text is escaped, words and all


def test_delete_spans_keeps_words_apart():
    text = "a bb c dd"
    assert delete_spans(text, [(2, 4)]) == "a c dd"
    assert delete_spans(text, [(0, 1), (7, 9)]) == "bb c "
    assert delete_spans("Nie, nigdy.", [(0, 3)]) == ", nigdy."


def test_risk_coverage_table():
    rng = np.random.default_rng(0)
    labels = {"stance": LABELS["stance"]}
    gold = rng.choice(LABELS["stance"], size=400)
    correct = rng.random(400) < 0.6
    pred = np.where(correct, gold, np.roll(gold, 1))
    conf = np.where(correct, 0.6, 0.4) + rng.random(400) * 0.3  # confident predictions tend to be right
    table = risk_coverage_table({"stance": gold}, {"stance": pred}, conf, labels)
    assert table["coverage"].iloc[0] == 1.0 and table["n"].iloc[0] == 400
    assert list(table["coverage"]) == sorted(table["coverage"], reverse=True)
    assert list(table["min_confidence"]) == sorted(table["min_confidence"])
    assert table["stance_macro_f1"].iloc[-1] > table["stance_macro_f1"].iloc[0] + 0.2
    # the threshold keeps exactly that share: predict(min_confidence=p) reproduces the row
    row = table.iloc[10]
    assert (conf >= row["min_confidence"]).sum() == row["n"]
    assert confidence({"a": np.array([[0.7, 0.3]]), "b": np.array([[0.2, 0.5, 0.3]])}).tolist() == [0.5]
