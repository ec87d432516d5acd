"""Crafted malicious model folders, loaded through every entry point (SECURITY.md).

Each payload is first shown to be live (loaded without the package's checks it creates a
sentinel file or would allocate without bound); then every entry point (``stance.load``, the
MLflow pyfunc, ``python -m stance.evaluate``, an ensemble holding the folder as a member) must
refuse it in one line naming the file and the offending type, key or path, and the sentinel
must not exist afterwards.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import error_lines, run_module, write_jsonl
from stance.labels import TASKS

TEXTS = ["Rozmowy były konstruktywne.", "Nie oddamy ani metra.", "Spotkanie odbędzie się w czwartek.",
         "We welcome the proposal.", "We reject this ultimatum.", "The meeting is at noon."] * 3
LABELS = {"stance": ["conciliatory", "hardline", "neutral"] * 6, "tone": ["positive", "negative", "neutral"] * 6}


@pytest.fixture(scope="module")
def clean_tfidf(tmp_path_factory) -> Path:
    from stance.models.tfidf import TfidfClassifier

    return TfidfClassifier(C=1.0).fit(TEXTS, LABELS).save(tmp_path_factory.mktemp("clean") / "tfidf")


# -- payloads: each mutates a saved tf-idf model folder in place ------------------------------
def _dump(obj, file: Path) -> None:
    import skops.io as sio

    file.unlink()
    sio.dump(obj, file)


def skops_builtins_eval(folder: Path, sentinel: Path) -> str:
    from sklearn.preprocessing import FunctionTransformer

    _dump(FunctionTransformer(func=eval), folder / "features.skops")
    return r"features\.skops: refusing to load type\(s\) builtins\.eval"


def skops_shell(folder: Path, sentinel: Path) -> str:
    # a "vectoriser" that hands the statements to a shell: predict(["touch <sentinel>"]) runs it
    from sklearn.preprocessing import FunctionTransformer

    _dump(FunctionTransformer(func=subprocess.getoutput), folder / "head_stance.skops")
    _dump(FunctionTransformer(func=subprocess.getoutput), folder / "features.skops")
    return r"refusing to load type\(s\) subprocess\.getoutput"


def encoder_target(folder: Path, sentinel: Path) -> str:
    meta = json.loads((folder / "stance_model.json").read_text())
    meta["class"] = "stance.models.encoder_head.EncoderHeadClassifier"
    meta["params"] = {"encoder": {"_target_": "os.system", "command": f"touch {sentinel}"}, "cache": False}
    (folder / "stance_model.json").write_text(json.dumps(meta))
    return r"encoder _target_ 'os\.system' is not one of the package's encoders"


def hydra_recursive(folder: Path, sentinel: Path) -> str:
    meta = json.loads((folder / "stance_model.json").read_text())
    meta["class"] = "stance.models.ensemble.EnsembleClassifier"
    meta["params"] = {"members": {"a": {"_target_": "stance.models.majority.MajorityClassifier", "_recursive_": True,
                                        "x": {"_target_": "os.system", "command": f"touch {sentinel}"}}}}
    (folder / "stance_model.json").write_text(json.dumps(meta))
    return r"stance_model\.json: refusing key '_recursive_' at params\.members\.a"


def card_with_code(folder: Path, sentinel: Path) -> str:
    # the model card and input mode are data: an input mode that is not one of the known names
    # (here an expression) is refused, and the card is never built into anything
    meta = json.loads((folder / "stance_model.json").read_text())
    meta["input"] = f"__import__('os').system('touch {sentinel}')"
    meta["info"] = {"_target_": "os.system", "command": f"touch {sentinel}"}
    (folder / "stance_model.json").write_text(json.dumps(meta))
    return r"stance_model\.json: 'input' must be one of text, speaker, context"


def prefixed_class(folder: Path, sentinel: Path) -> str:
    # a name that starts like the project's own but is not on the list
    meta = json.loads((folder / "stance_model.json").read_text())
    meta["class"] = "stance.models.base.QuoteClassifier"
    (folder / "stance_model.json").write_text(json.dumps(meta))
    return r"refusing model class 'stance\.models\.base\.QuoteClassifier'"


class _Payload:
    def __init__(self, sentinel: str):
        self.sentinel = sentinel

    def __reduce__(self):
        return (os.system, (f"touch {self.sentinel}",))


def pickled_weights(folder: Path, sentinel: Path) -> str:
    # a transformer folder whose weights file (and a .bin beside it) is a pickle that runs a command
    from transformers import BertConfig, BertTokenizerFast

    meta = json.loads((folder / "stance_model.json").read_text())
    meta["class"] = "stance.models.transformer.TransformerClassifier"
    meta["params"] = {"pretrained": "tiny", "threads": 1, "_saved_model": True}
    (folder / "stance_model.json").write_text(json.dumps(meta))
    BertConfig(vocab_size=16, hidden_size=8, num_hidden_layers=1, num_attention_heads=2, intermediate_size=8,
               max_position_embeddings=32).save_pretrained(folder)
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b"]) + "\n")
    BertTokenizerFast(vocab_file=str(vocab)).save_pretrained(folder)
    payload = pickle.dumps(_Payload(str(sentinel)))
    (folder / "model.safetensors").write_bytes(payload)
    (folder / "pytorch_model.bin").write_bytes(payload)
    return r"model_dir|tfidf|not a loadable transformer model"


def symlink_inside(folder: Path, sentinel: Path) -> str:
    target = folder.parent / "elsewhere.skops"
    shutil.move(folder / "features.skops", target)
    (folder / "features.skops").symlink_to(target)
    return r"features\.skops: refusing a symbolic link inside a model folder"


def huge_array(folder: Path, sentinel: Path) -> str:
    # one array of the vectoriser declares 10^12 float64s while holding a few bytes
    import numpy as np

    file = folder / "features.skops"
    with zipfile.ZipFile(file) as zin:
        members = {i.filename: zin.read(i) for i in zin.infolist()}
    name = next(n for n in members if n.endswith(".npy"))
    head = io.BytesIO()
    np.lib.format.write_array_header_1_0(head, {"descr": "<f8", "fortran_order": False, "shape": (10**12,)})
    members[name] = head.getvalue() + b"\0" * 64
    with zipfile.ZipFile(file, "w") as zout:
        for n, data in members.items():
            zout.writestr(n, data)
    return r"features\.skops: array .* declares shape \(1000000000000,\)"


PAYLOADS = [skops_builtins_eval, skops_shell, encoder_target, hydra_recursive, card_with_code, prefixed_class, pickled_weights,
            symlink_inside, huge_array]


def _crafted(tmp_path: Path, clean: Path, payload, where: str) -> tuple[Path, Path, str]:
    """(what to load, sentinel, expected message) with the payload planted ``where``."""
    sentinel = tmp_path / "SENTINEL"
    if where == "ensemble":
        from stance.models import load_model
        from stance.models.ensemble import EnsembleClassifier

        root = EnsembleClassifier(members={"a": load_model(clean)}).save(tmp_path / "ensemble")
        folder = root / "members" / "a"
    elif where == "pyfunc":
        import mlflow

        from stance.tracking import PYFUNC_CODE, _requirements

        root = tmp_path / "mlflow-model"
        source = shutil.copytree(clean, tmp_path / "src" / "model_dir")  # as tracking.log_model names it
        mlflow.pyfunc.save_model(root, python_model=str(PYFUNC_CODE), artifacts={"model_dir": str(source)},
                             pip_requirements=_requirements())  # as log_model: inferring them is slow
        folder = root / "artifacts" / "model_dir"
    else:
        root = folder = Path(shutil.copytree(clean, tmp_path / "model"))
    message = payload(folder, sentinel)
    return root, sentinel, message


def _refused(load, root: Path, sentinel: Path, message: str) -> None:
    from stance.errors import ModelNotFoundError

    try:
        model = load(root)
    except (ModelNotFoundError, ValueError, Exception) as exc:  # noqa: B014 - any error is a refusal
        text = " ".join(str(exc).split())
        assert isinstance(exc, ModelNotFoundError), f"refused with {type(exc).__name__}, not a one-line error: {text}"
        assert "\n" not in str(exc).strip()
        import re

        assert re.search(message, text), text
    else:  # loaded: the payload must at least not have run when used
        try:
            model.predict([f"touch {sentinel}"])
        except Exception:
            pass
        pytest.fail(f"{root} was loaded")
    finally:
        assert not sentinel.exists(), "the payload ran"


def test_payloads_are_live(tmp_path, clean_tfidf):
    """Without the package's checks each skops and pickle payload does run (so the tests below mean something)."""
    import skops.io as sio

    sentinel = tmp_path / "LIVE"
    folder = Path(shutil.copytree(clean_tfidf, tmp_path / "m"))
    skops_shell(folder, sentinel)
    file = folder / "features.skops"
    sio.load(file, trusted=sio.get_untrusted_types(file=file)).transform([f"touch {sentinel}"])
    assert sentinel.exists()
    sentinel.unlink()
    pickle.loads(pickle.dumps(_Payload(str(sentinel))))
    assert sentinel.exists()


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.__name__)
@pytest.mark.parametrize("where", ["load", "ensemble"])
def test_stance_load_refuses(tmp_path, clean_tfidf, payload, where):
    import stance

    root, sentinel, message = _crafted(tmp_path, clean_tfidf, payload, where)
    _refused(stance.load, root, sentinel, message)


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.__name__)
def test_pyfunc_refuses(tmp_path, clean_tfidf, payload):
    import mlflow

    root, sentinel, message = _crafted(tmp_path, clean_tfidf, payload, "pyfunc")
    _refused(mlflow.pyfunc.load_model, root, sentinel, message)
    # stance.load of the same MLflow folder refuses too
    import stance

    _refused(stance.load, root, sentinel, message)


def test_mlmodel_pointing_outside_is_refused(tmp_path, clean_tfidf):
    import mlflow

    from stance.tracking import PYFUNC_CODE, _requirements

    root = tmp_path / "mlflow-model"
    source = shutil.copytree(clean_tfidf, tmp_path / "src" / "model_dir")
    mlflow.pyfunc.save_model(root, python_model=str(PYFUNC_CODE), artifacts={"model_dir": str(source)},
                             pip_requirements=_requirements())  # as log_model: inferring them is slow
    elsewhere = Path(shutil.copytree(clean_tfidf, tmp_path / "outside" / "artifacts" / "model_dir"))
    mlmodel = (root / "MLmodel").read_text()
    rel = os.path.relpath(elsewhere, root)
    (root / "MLmodel").write_text(mlmodel.replace("path: artifacts/model_dir", f"path: {rel}"))
    assert rel in (root / "MLmodel").read_text()
    _refused(mlflow.pyfunc.load_model, root, tmp_path / "S", r"points outside the model's artifacts folder")


def test_evaluate_cli_refuses(tmp_path, clean_tfidf):
    """``python -m stance.evaluate`` on crafted folders: exit 2, one line naming the problem, no run left RUNNING.
    One payload of each family (code in a skops file, a config that builds objects, a file that
    escapes the folder): every payload's refusal by the loader the CLI calls is
    ``test_pyfunc_refuses``; a subprocess each for all of them cost most of a minute."""
    import re

    data = write_jsonl(tmp_path / "eval.jsonl", [
        {"text": t, "speaker": "x", "lang": "pl", "kind": "direct", **{k: LABELS[k][i] for k in TASKS}}
        for i, t in enumerate(TEXTS)])
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    for payload in (skops_shell, hydra_recursive, symlink_inside):
        case = tmp_path / payload.__name__
        case.mkdir()
        root, sentinel, message = _crafted(case, clean_tfidf, payload, "load")
        proc = run_module("stance.evaluate", f"model_uri={root}", f"data.path={data}", f"tracking.uri={uri}",
                          f"hydra.run.dir={case}/out")
        lines = error_lines(proc)
        assert proc.returncode == 2, (payload.__name__, proc.stderr[-2000:])
        assert len(lines) == 1 and re.search(message, lines[0]), (payload.__name__, lines)
        assert not sentinel.exists()
    import mlflow

    client = mlflow.MlflowClient(uri)
    running = [r for e in client.search_experiments() for r in client.search_runs([e.experiment_id])
               if r.info.status == "RUNNING"]
    assert not running


def test_not_a_model_folder_is_not_searched(tmp_path, clean_tfidf):
    """A folder is a model only if its own root says so: a model further down is not picked up."""
    import stance
    from stance.errors import ModelNotFoundError

    shutil.copytree(clean_tfidf, tmp_path / "deep" / "below" / "model_dir")
    with pytest.raises(ModelNotFoundError, match="not a model folder"):
        stance.load(tmp_path)
    with pytest.raises(ModelNotFoundError, match="not a model folder"):
        stance.load(f"file://{tmp_path}")
    with pytest.raises(ModelNotFoundError, match="not a model folder"):
        stance.load("file:///usr/share")
    assert stance.load(f"file://{clean_tfidf}").predict("Rozmowy były konstruktywne.")["stance"]
