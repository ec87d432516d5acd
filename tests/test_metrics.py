import numpy as np
import pytest
from sklearn.metrics import accuracy_score, confusion_matrix as sk_confusion, f1_score, precision_recall_fscore_support

from stance import metrics
from stance.labels import LABELS, POLAR

LAB = LABELS["stance"]


@pytest.fixture
def pair():
    rng = np.random.default_rng(7)
    y = rng.choice(LAB, size=300, p=[0.3, 0.3, 0.4])
    p = np.where(rng.random(300) < 0.7, y, rng.choice(LAB, size=300))
    return list(y), list(p)


def test_against_scikit_learn(pair):
    y, p = pair
    assert metrics.macro_f1(y, p, LAB) == pytest.approx(f1_score(y, p, labels=LAB, average="macro"))
    assert metrics.accuracy(y, p) == pytest.approx(accuracy_score(y, p))
    assert metrics.f_avg(y, p, LAB, POLAR["stance"]) == pytest.approx(f1_score(y, p, labels=list(POLAR["stance"]), average="macro"))
    np.testing.assert_array_equal(metrics.confusion_matrix(y, p, LAB), sk_confusion(y, p, labels=LAB))
    rep = metrics.task_report("stance", y, p, n_boot=50)
    prec, rec, f1, _ = precision_recall_fscore_support(y, p, labels=LAB, zero_division=0)
    for i, lab in enumerate(LAB):
        assert rep[f"precision_{lab}"] == pytest.approx(prec[i])
        assert rep[f"recall_{lab}"] == pytest.approx(rec[i])
        assert rep[f"f1_{lab}"] == pytest.approx(f1[i])


def test_absent_label_scores_zero_like_scikit_learn():
    y = ["hardline", "hardline", "neutral"]
    p = ["hardline", "neutral", "neutral"]
    assert metrics.macro_f1(y, p, LAB) == pytest.approx(f1_score(y, p, labels=LAB, average="macro", zero_division=0))


def test_bootstrap_interval_is_deterministic_and_brackets_the_estimate(pair):
    y, p = pair
    lo, hi = metrics.bootstrap_ci(y, p, LAB, n_boot=300, seed=1)
    assert (lo, hi) == metrics.bootstrap_ci(y, p, LAB, n_boot=300, seed=1)
    assert lo < metrics.macro_f1(y, p, LAB) < hi
    assert 0.02 < hi - lo < 0.25


def test_paired_bootstrap(pair):
    y, p = pair
    same = metrics.paired_bootstrap(y, p, p, LAB, n_boot=200)
    assert same.delta == 0 and same.ci_low == 0 and same.ci_high == 0
    better = metrics.paired_bootstrap(y, p, y, LAB, n_boot=200)
    assert better.delta > 0.2 and better.ci_low > 0 and better.p_value < 0.01


def test_expected_calibration_error():
    y = ["hardline"] * 50 + ["neutral"] * 50
    sure_right = np.array([[0, 1, 0]] * 50 + [[0, 0, 1]] * 50, dtype=float)
    assert metrics.expected_calibration_error(y, sure_right, LAB) == pytest.approx(0.0)
    sure_wrong = sure_right[:, [0, 2, 1]]
    assert metrics.expected_calibration_error(y, sure_wrong, LAB) == pytest.approx(1.0)


def test_unknown_label_is_a_clear_error():
    with pytest.raises(ValueError, match="'angry' is not one of"):
        metrics.macro_f1(["angry"], ["neutral"], LAB)


def test_temperature_scaling_recovers_the_temperature_and_keeps_labels():
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(2000, 3)) * 2
    true_p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    y = np.array([rng.choice(3, p=row) for row in true_p])
    overconfident = metrics.apply_temperature(true_p, 0.4)  # what an overconfident model would say
    t = metrics.fit_temperature(overconfident, y)
    assert 2.0 < t < 3.1  # undoing p ** (1 / 0.4) needs T close to 2.5
    fixed = metrics.apply_temperature(overconfident, t)
    assert np.allclose(fixed, true_p, atol=0.05)
    assert (fixed.argmax(1) == overconfident.argmax(1)).all()
    labels = [LAB[i] for i in y]
    assert metrics.expected_calibration_error(labels, fixed, LAB) < metrics.expected_calibration_error(labels, overconfident, LAB)
