"""A disk cache of sentence embeddings: ``CachedEncoder``.

Layout (one folder per encoder, under ``<cache_dir>/embeddings/``)::

    <slug>-<sha1(name)[:12]>/
        NAME                           the encoder's name and dim (for people)
        shard-<ns>-<pid>-<rand>-<sha>.npy  one per encode() call that had misses; <sha>: the first
                                       16 hex digits of the file's sha256, checked on load

Each shard is one ``.npy`` structured array of rows ``(key: 32 bytes = sha256 of
the UTF-8 text, vec: float32[dim])``; the index is the union of the shards'
keys, rebuilt in memory when the folder is first used and refreshed with
``os.scandir`` before any miss is encoded.

Why shards rather than one file per text or one growing file:

* atomic for free: a shard is written to a temporary name, fsynced, then
  ``os.replace``-d into place, so a crash leaves either the whole shard or
  nothing; there is no index file that could disagree with the data;
* safe for parallel sweep jobs: writers never touch the same file (no locks);
  a job picks up the shards of others on its next miss;
* fast: a warm lookup is one sha256 per text, a dict lookup and one fancy-index
  read per shard from a memory map; a per-text file layout costs a file open per
  text (~20-50 us each) and thousands of inodes; a single growing file needs a
  lock and breaks atomicity;
* shards are merged into one when more than ``max_shards`` pile up (the merge is
  itself an atomic write; old shards are removed after it).

A cache directory that cannot be written falls back to an in-memory cache, with
a warning.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import time
import uuid
import warnings
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from .base import Encoder, check_texts
from .paths import cache_root, is_writable_dir


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _slug(name: str) -> str:
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")[:60]
    return "%s-%s" % (s or "encoder", hashlib.sha1(name.encode("utf-8")).hexdigest()[:12])


class CachedEncoder(Encoder):
    """Wraps an :class:`Encoder`; vectors are stored on disk keyed by
    ``(encoder.name, sha256(text))`` and never computed twice.

    ``cache_dir`` defaults to ``$STANCE_CACHE_DIR`` or ``~/.cache/stance``.
    """

    def __init__(self, encoder: Encoder, cache_dir: Optional[os.PathLike] = None, max_shards: int = 64):
        self.encoder = encoder
        self.name = encoder.name
        self.default_batch_size = encoder.default_batch_size
        self.max_shards = int(max_shards)
        root = Path(cache_dir) if cache_dir is not None else cache_root()
        self.dir: Optional[Path] = root / "embeddings" / _slug(encoder.name)
        self._rowtype = np.dtype([("key", "u1", (32,)), ("vec", "<f4", (encoder.dim,))])
        self._index: Dict[bytes, Tuple[int, int]] = {}   # key -> (shard number, row)
        self._shards: List[np.ndarray] = []               # vec arrays (memory-mapped)
        self._seen: set = set()                           # shard file names loaded
        self._mem: Dict[bytes, np.ndarray] = {}           # memory-only fallback
        self.hits = 0
        self.misses = 0
        if not is_writable_dir(self.dir):
            warnings.warn("stance: embedding cache directory %s is not writable; caching %s "
                          "embeddings in memory only" % (self.dir, encoder.name),
                          RuntimeWarning, stacklevel=2)
            self.dir = None
        else:
            name_file = self.dir / "NAME"
            if not name_file.exists():
                self._atomic_write_bytes(name_file, ("%s\ndim=%d\n" % (encoder.name, encoder.dim)).encode())

    @property
    def dim(self) -> int:
        return self.encoder.dim

    @property
    def persistent(self) -> bool:
        return self.dir is not None

    def __len__(self) -> int:
        self._refresh()
        return len(self._index) + len(self._mem)

    # ------------------------------------------------------------ disk ----
    def _atomic_write_bytes(self, path: Path, data: bytes) -> None:
        tmp = path.with_name(".tmp-%s-%s" % (uuid.uuid4().hex, path.name))
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()

    def _shard_names(self) -> List[str]:
        try:
            return sorted(e.name for e in os.scandir(self.dir)
                          if e.name.startswith("shard-") and e.name.endswith(".npy"))
        except OSError:
            return []

    def _refresh(self) -> None:
        """Load shards written since the last look (by this or another process)."""
        if self.dir is None:
            return
        for fname in self._shard_names():
            if fname in self._seen:
                continue
            self._seen.add(fname)
            if not self._content_ok(self.dir / fname):
                continue
            try:
                arr = np.load(self.dir / fname, mmap_mode="r", allow_pickle=False)
            except FileNotFoundError:        # merged away by another process meanwhile
                continue
            except (OSError, ValueError) as exc:
                warnings.warn("stance: ignoring unreadable embedding cache shard %s (%s)"
                              % (self.dir / fname, exc), RuntimeWarning, stacklevel=3)
                continue
            if arr.dtype != self._rowtype or arr.ndim != 1:
                warnings.warn("stance: ignoring embedding cache shard %s with unexpected layout %s"
                              % (self.dir / fname, arr.dtype), RuntimeWarning, stacklevel=3)
                continue
            sid = len(self._shards)
            self._shards.append(arr["vec"])
            keys = np.ascontiguousarray(arr["key"]).tobytes()
            for row in range(arr.shape[0]):
                self._index[keys[32 * row:32 * row + 32]] = (sid, row)

    @staticmethod
    def _content_ok(path: Path) -> bool:
        """False (with a warning, and the shard removed so its texts are encoded again) when a
        shard's bytes do not match the hash in its name; shards named before hashes pass."""
        parts = path.stem.split("-")
        if len(parts) < 5:
            return True
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        except FileNotFoundError:
            return False
        if digest == parts[-1]:
            return True
        warnings.warn("stance: embedding cache shard %s is damaged (content hash mismatch); removing it, "
                      "its statements will be encoded again" % path, RuntimeWarning, stacklevel=4)
        try:
            path.unlink()
        except OSError:
            pass
        return False

    def _write_shard(self, keys: List[bytes], vecs: np.ndarray) -> None:
        rows = np.empty(len(keys), dtype=self._rowtype)
        rows["key"] = np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(len(keys), 32)
        rows["vec"] = vecs
        buf = io.BytesIO()
        np.save(buf, rows, allow_pickle=False)
        data = buf.getvalue()
        # the name carries the content's hash: a shard truncated or altered on disk is detected on load
        fname = "shard-%d-%d-%s-%s.npy" % (time.time_ns(), os.getpid(), uuid.uuid4().hex[:8],
                                            hashlib.sha256(data).hexdigest()[:16])
        tmp = self.dir / (".tmp-" + fname)
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.dir / fname)
        except OSError as exc:
            warnings.warn("stance: could not write embedding cache shard in %s (%s); keeping these "
                          "vectors in memory" % (self.dir, exc), RuntimeWarning, stacklevel=3)
            for k, v in zip(keys, vecs):
                self._mem[k] = v
            return
        finally:
            if tmp.exists():
                tmp.unlink()
        self._refresh()

    def compact(self) -> None:
        """Merge all shards into one (atomic), then delete the merged ones."""
        if self.dir is None:
            return
        self._refresh()
        names = [n for n in self._shard_names() if n in self._seen]
        if len(names) < 2:
            return
        keys = list(self._index)
        vecs = self._lookup(keys)
        self._write_shard(keys, vecs)
        for n in names:
            try:
                os.unlink(self.dir / n)
            except OSError:
                pass
        self._seen.difference_update(names)

    # ---------------------------------------------------------- lookup ----
    def _lookup(self, keys: Sequence[bytes]) -> np.ndarray:
        out = np.empty((len(keys), self.dim), dtype=np.float32)
        by_shard: Dict[int, Tuple[List[int], List[int]]] = {}
        for i, k in enumerate(keys):
            m = self._mem.get(k)
            if m is not None:
                out[i] = m
                continue
            sid, row = self._index[k]
            pos, rows = by_shard.setdefault(sid, ([], []))
            pos.append(i)
            rows.append(row)
        for sid, (pos, rows) in by_shard.items():
            out[pos] = self._shards[sid][rows]
        return out

    def _has(self, k: bytes) -> bool:
        return k in self._index or k in self._mem

    def encode(self, texts: Sequence[str], batch_size: Optional[int] = None) -> np.ndarray:
        texts = check_texts(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if not self._seen and self.dir is not None:
            self._refresh()
        keys = [_digest(t) for t in texts]
        missing: Dict[bytes, str] = {k: t for k, t in zip(keys, texts) if not self._has(k)}
        if missing:
            self._refresh()                      # another job may have written them
            missing = {k: t for k, t in missing.items() if not self._has(k)}
        self.misses += len(missing)
        self.hits += len(texts) - len(missing)
        if missing:
            mk = list(missing)
            vecs = self.encoder.encode([missing[k] for k in mk], batch_size=batch_size)
            if self.dir is None:
                for k, v in zip(mk, vecs):
                    self._mem[k] = v
            else:
                self._write_shard(mk, vecs)
                if len(self._shard_names()) > self.max_shards:
                    self.compact()
        return self._lookup(keys)

    def _encode(self, texts: List[str]) -> np.ndarray:  # not used: encode() is overridden
        return self.encoder.encode(texts)
