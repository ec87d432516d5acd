"""The fine-tuned transformer family with a tiny randomly initialised BERT (no download).

The tiny model (hidden 32, 2 layers, 2 heads) and its WordPiece tokenizer are built from
the corpus texts into a temporary folder once per module; every test trains it for
1-2 epochs on a small real slice, so the file runs in well under a minute on 2 cores.
"""

from __future__ import annotations

import importlib.util
import warnings

from pathlib import Path

import numpy as np
import pytest

from conftest import error_lines, run_module
from stance.labels import LABELS, TASKS, output_columns

pytestmark = pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("torch", "transformers", "tokenizers", "safetensors", "accelerate")),
    reason="needs torch, transformers, tokenizers, safetensors and accelerate")

TINY = dict(max_length=96, epochs=2, batch_size=16, learning_rate=1e-3, warmup_ratio=0.0, threads=1,
            predict_batch_size=32, patience=1)


@pytest.fixture(scope="module", autouse=True)
def keep_torch_threads():
    """The models here set torch's (process-wide) thread count; restore it for later tests."""
    import torch

    before = torch.get_num_threads()
    yield
    torch.set_num_threads(before)


def xy(records):
    return [r["text"] for r in records], {t: [r[t] for r in records] for t in TASKS}


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory, corpus_records):
    """A tiny BERT + WordPiece tokenizer trained on the corpus texts, saved like a hub model."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast, set_seed

    out = tmp_path_factory.mktemp("tiny-bert")
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok.train_from_iterator([r["text"] for r in corpus_records["train"]],
                            trainers.WordPieceTrainer(vocab_size=1500, special_tokens=specials))
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", tok.token_to_id("[CLS]")), ("[SEP]", tok.token_to_id("[SEP]"))])
    tok.decoder = decoders.WordPiece()
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                   sep_token="[SEP]", mask_token="[MASK]", model_max_length=128)
    fast.save_pretrained(out)
    set_seed(0)
    config = BertConfig(vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128)
    BertModel(config, add_pooling_layer=False).save_pretrained(out)
    return out


@pytest.fixture(scope="module")
def data(corpus_records):
    return xy(corpus_records["train"][:160]), xy(corpus_records["validation"][:48]), xy(corpus_records["test"][:40])[0]


def make(tiny_model_dir, **kw):
    from stance.models.transformer import TransformerClassifier

    return TransformerClassifier(pretrained=str(tiny_model_dir), **{**TINY, **kw})


@pytest.fixture(scope="module")
def fitted(tiny_model_dir, data):
    (x, y), val, _ = data
    return make(tiny_model_dir, seed=3).fit(x, y, validation=val)


def test_fit_predict_shapes_and_history(fitted, data):
    _, _, xt = data
    probas = fitted.predict_probas(xt)
    for task in TASKS:
        assert probas[task].shape == (len(xt), len(LABELS[task]))
        np.testing.assert_allclose(probas[task].sum(axis=1), 1.0, atol=1e-6)
        np.testing.assert_array_equal(fitted.predict_proba(xt, task), probas[task])
    frame = fitted.predict_frame(xt)
    assert list(frame.columns) == output_columns() and len(frame) == len(xt)
    one = fitted.predict(xt[0])
    assert isinstance(one, dict) and one["stance"] in LABELS["stance"]
    # one row per epoch run, with the validation figures early stopping watched
    assert [h["epoch"] for h in fitted.history_] == list(range(1, len(fitted.history_) + 1))
    assert 1 <= len(fitted.history_) <= TINY["epochs"]
    assert {"stance_validation_macro_f1", "tone_validation_macro_f1", "validation_loss", "train_loss"} <= set(fitted.history_[0])


def test_save_load_round_trip(fitted, data, tmp_path):
    from stance.models import load_model

    _, _, xt = data
    path = fitted.save(tmp_path / "m")
    files = {p.name for p in path.iterdir()}
    assert {"model.safetensors", "config.json", "tokenizer.json", "stance_model.json"} <= files
    assert not [f for f in files if f.endswith((".bin", ".pkl", ".pt", ".pickle"))], files
    again = load_model(path)
    assert type(again) is type(fitted) and again.get_params() == fitted.get_params()
    a, b = fitted.predict_probas(xt), again.predict_probas(xt)
    for task in TASKS:
        np.testing.assert_array_equal(a[task], b[task])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary folders left behind"


def test_same_seed_same_probabilities(tiny_model_dir, data, fitted):
    (x, y), val, xt = data
    again = make(tiny_model_dir, seed=3).fit(x, y, validation=val)
    for task in TASKS:
        np.testing.assert_array_equal(again.predict_proba(xt, task), fitted.predict_proba(xt, task))
    other = make(tiny_model_dir, seed=4, epochs=1).fit(x, y)
    assert not np.array_equal(other.predict_proba(xt, "stance"), fitted.predict_proba(xt, "stance"))


def test_missing_model_fails_fast_with_one_line(tmp_path):
    from stance.encoders.base import EncoderUnavailable
    from stance.models.transformer import TransformerClassifier

    with pytest.raises(EncoderUnavailable) as err:
        TransformerClassifier(pretrained="no-such-org/no-such-model-xyz")
    message = str(err.value)
    assert "\n" not in message and "no-such-org/no-such-model-xyz" in message
    assert "copy it into that cache" in message and "local directory" in message


def test_truncation_is_counted_and_warned(fitted, tiny_model_dir):
    from stance.models.transformer import TruncationWarning

    short = "Rozmowy były konstruktywne."
    long = " ".join(["Nie oddamy ani metra naszej ziemi, niezależnie od presji z zewnątrz."] * 12)
    with warnings.catch_warnings():
        warnings.simplefilter("error", TruncationWarning)
        fitted.predict_probas([short])
    assert fitted.n_truncated_ == 0
    with pytest.warns(TruncationWarning, match=r"2 of 3 statements .*max_length=96"):
        probas = fitted.predict_probas([long, short, long + " Tak."])
    assert fitted.n_truncated_ == 2
    np.testing.assert_allclose(probas["tone"].sum(axis=1), 1.0, atol=1e-6)


def test_train_entry_point_logs_epochs_into_its_own_run(tiny_model_dir, small_corpus, tracking_uri, hydra_outputs):
    import mlflow
    import pandas as pd

    import stance

    proc = run_module(
        "stance.train", "model=transformer", f"model.pretrained={tiny_model_dir}", "model.epochs=2", "model.max_length=96",
        "model.learning_rate=1e-3", "model.threads=1", "model.patience=0", f"data.path={small_corpus}",
        f"tracking.uri={tracking_uri}", "n_boot=20", *hydra_outputs, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    mlflow.set_tracking_uri(tracking_uri)
    client = mlflow.MlflowClient()
    runs = [r for e in client.search_experiments() for r in client.search_runs([e.experiment_id])]
    assert len(runs) == 1, "the Trainer must not start a run of its own"
    (run,) = runs
    assert run.info.status == "FINISHED" and run.data.params["model.pretrained"] == str(tiny_model_dir)
    for name in ("epoch_stance_validation_macro_f1", "epoch_tone_validation_macro_f1", "epoch_validation_loss", "epoch_train_loss"):
        history = client.get_metric_history(run.info.run_id, name)
        assert sorted(m.step for m in history) == [1, 2], name
    assert "stance_test_macro_f1" in run.data.metrics
    uri = f"runs:/{run.info.run_id}/model"
    texts = ["Rozmowy były konstruktywne.", "Nie oddamy ani metra naszej ziemi."]
    model = stance.load(uri, tracking_uri=tracking_uri)
    pyfunc = mlflow.pyfunc.load_model(uri)
    out = pyfunc.predict(pd.DataFrame({"text": texts}))
    assert list(out.columns) == output_columns()
    np.testing.assert_allclose(out["stance_p_hardline"].to_numpy(), model.predict_frame(texts)["stance_p_hardline"].to_numpy())
    reqs = (Path(mlflow.artifacts.download_artifacts(uri)) / "requirements.txt").read_text()
    assert "torch==" in reqs and "transformers==" in reqs and "safetensors==" in reqs


def test_train_entry_point_missing_model_is_one_line(small_corpus, tracking_uri, hydra_outputs):
    proc = run_module("stance.train", "model=transformer", "model.pretrained=no-such-org/no-such-model-xyz",
                      f"data.path={small_corpus}", f"tracking.uri={tracking_uri}", *hydra_outputs, timeout=120)
    assert proc.returncode == 2, proc.stderr[-2000:]
    (line,) = error_lines(proc)
    assert "no-such-org/no-such-model-xyz" in line and "copy it into that cache" in line
    assert "Traceback" not in proc.stderr
    store = tracking_uri[len("sqlite:///"):]
    import mlflow

    mlflow.set_tracking_uri(tracking_uri)
    client = mlflow.MlflowClient()
    assert not [r for e in client.search_experiments() for r in client.search_runs([e.experiment_id])], \
        f"no run should be opened for a model that is not there ({store})"


def test_fragment_augmentation_adds_labelled_pieces():
    from stance.models.transformer_training import fragment_augment

    texts = ["Nie oddamy ani metra naszej ziemi, to jest nasze ostatnie słowo w tej sprawie.", "Krótko."]
    labels = {"stance": ["hardline", "neutral"], "tone": ["negative", "neutral"]}
    out, out_labels = fragment_augment(texts, labels, 1.0, seed=0)
    assert out[:2] == texts and len(out) == 3  # the short statement gets no piece
    assert out[2] in texts[0] and 3 <= len(out[2].split()) < len(texts[0].split())
    assert out_labels == {"stance": ["hardline", "neutral", "hardline"], "tone": ["negative", "neutral", "negative"]}
    assert fragment_augment(texts, labels, 1.0, seed=0) == (out, out_labels)  # seeded
    assert fragment_augment(texts, labels, 0.0, seed=0) == (texts, labels)


def test_label_smoothing_and_augmentation_train(tiny_model_dir, data):
    (x, y), _, xt = data
    model = make(tiny_model_dir, epochs=1, label_smoothing=0.1, fragment_augmentation=0.5).fit(x, y)
    assert len(model.predict(xt)) == len(xt)
    assert model.get_params()["label_smoothing"] == 0.1


def test_explain_occludes_words_of_the_fine_tuned_model(fitted, data):
    """Occlusion on the transformer: one weight per word, equal to the fall in P(label) when the
    word is deleted, the label and probability those of ``predict``."""
    from stance.explain import delete_spans

    text = data[2][0]
    explained = fitted.explain(text)
    predicted = fitted.predict(text)
    for task, exp in explained.items():
        assert exp.label == predicted[task]
        assert exp.probability == pytest.approx(predicted[f"{task}_p_{exp.label}"], abs=1e-6)
        word, start, end, weight = exp.words[0]
        without = fitted.predict(delete_spans(text, [(start, end)]))[f"{task}_p_{exp.label}"]
        assert weight == pytest.approx(exp.probability - without, abs=1e-5)


def test_partial_labels_mask_the_loss_and_other_label_sets_round_trip(tiny_model_dir, data, tmp_path):
    """A statement without a label for a task adds nothing to that task's loss (a batch with none
    adds zero, never NaN); a one-task model with other labels trains, saves and loads."""
    import torch

    from stance.labels import LabelSpace
    from stance.models import load_model
    from stance.models.transformer_training import NO_LABEL, _build_net

    from transformers import AutoModel

    torch.manual_seed(0)
    net = _build_net(AutoModel.from_pretrained(tiny_model_dir), "mean", 0.0, {}, sizes={"stance": 3, "tone": 3}).eval()
    ids = torch.randint(5, 100, (4, 7))
    mask = torch.ones_like(ids)
    stance, tone = torch.tensor([0, NO_LABEL, 2, 1]), torch.tensor([NO_LABEL] * 4)
    out = net(ids, mask, labels_stance=stance, labels_tone=tone)
    keep = stance != NO_LABEL
    expected = torch.nn.functional.cross_entropy(out["logits_stance"][keep], stance[keep])
    assert torch.isfinite(out["loss"]) and torch.allclose(out["loss"], expected)

    (x, y), (vx, vy), xt = data
    names = {"conciliatory": "favor", "hardline": "against", "neutral": "none"}
    space = LabelSpace.from_config({"stance": ["favor", "against", "none"]})
    partial = [None if i % 3 == 0 else names[v] for i, v in enumerate(y["stance"])]
    val = [None if i % 2 else names[v] for i, v in enumerate(vy["stance"])]
    model = make(tiny_model_dir, seed=1, epochs=1).fit(x, {"stance": partial}, validation=(vx, {"stance": val}), label_space=space)
    assert "stance_validation_macro_f1" in model.history_[0] and "tone_validation_macro_f1" not in model.history_[0]
    again = load_model(model.save(tmp_path / "m"))
    assert again.label_space == space
    assert list(again.predict_frame(xt[:3]).columns) == ["stance", "stance_p_favor", "stance_p_against", "stance_p_none"]
    np.testing.assert_array_equal(again.predict_probas(xt)["stance"], model.predict_probas(xt)["stance"])


def test_fine_tuning_shows_a_batch_bar_on_a_terminal_only(tiny_model_dir, data, monkeypatch):
    import io
    import sys

    from stance import progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(progress, "DELAY", 0)
    (x, y), _, xt = data
    for stream, shown in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stream)
        make(tiny_model_dir, epochs=1).fit(x[:64], {t: v[:64] for t, v in y.items()}).predict_probas(xt)
        text = stream.getvalue()
        assert ("fine-tuning" in text and "batches/s" in text and "epoch=" in text and "predicting" in text) is shown, text
