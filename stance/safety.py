"""What loading a saved model may do, kept in one place (the contract is SECURITY.md).

Files are data. A model folder names its family and its encoder; both are looked up in the
exact allow-lists below (full dotted names, no prefixes), and nothing from a file reaches
``hydra.utils.instantiate`` or ``importlib`` with a name the file chose. Saved configs may not
carry Hydra's instantiation keys. skops files may hold only the types scikit-learn's own
estimators are made of, plus the exact extra type names listed here. A refusal is an
``UnsafeModelError`` whose one line names the file and the offending type, key or path.
"""

from __future__ import annotations

import importlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any, Mapping

from stance.errors import ModelNotFoundError

# Saved "class" → (module, attribute). Only these are ever built from a model folder.
MODEL_FAMILIES: dict[str, tuple[str, str]] = {
    "stance.models.majority.MajorityClassifier": ("stance.models.majority", "MajorityClassifier"),
    "stance.models.tfidf.TfidfClassifier": ("stance.models.tfidf", "TfidfClassifier"),
    "stance.models.encoder_head.EncoderHeadClassifier": ("stance.models.encoder_head", "EncoderHeadClassifier"),
    "stance.models.zeroshot.ZeroShotClassifier": ("stance.models.zeroshot", "ZeroShotClassifier"),
    "stance.models.ensemble.EnsembleClassifier": ("stance.models.ensemble", "EnsembleClassifier"),
    "stance.models.transformer.TransformerClassifier": ("stance.models.transformer", "TransformerClassifier"),
}

# An encoder config's ``_target_`` → (module, attribute).
ENCODERS: dict[str, tuple[str, str]] = {
    "stance.encoders.use.USEEncoder": ("stance.encoders.use", "USEEncoder"),
    "stance.encoders.e5.E5Encoder": ("stance.encoders.e5", "E5Encoder"),
    "stance.encoders.hf.HFEncoder": ("stance.encoders.hf", "HFEncoder"),
}

# Types skops does not trust by default but the project's heads are made of (found by dumping
# every family's fitted state: calibrated SVM, MLP head). Exact names: nothing else is loaded.
SKOPS_TYPES = frozenset({
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.neural_network._stochastic_optimizers.AdamOptimizer",
})

# Hydra's instantiation keys: in a file they could make a loader build nested objects.
RESERVED_KEYS = frozenset({"_recursive_", "_convert_", "_args_", "_partial_"})

# Bounds on what a model folder may declare, far above anything the project writes.
MAX_FOLDER_ENTRIES = 10_000
MAX_JSON_BYTES = 16 * 2**20
MAX_SKOPS_UNCOMPRESSED = 4 * 2**30


class UnsafeModelError(ModelNotFoundError, ValueError):
    """A model file asks for something loading must never do (a type, key or path outside the contract)."""


def locate(allowed: Mapping[str, tuple[str, str]], name: Any, what: str, where: str) -> type:
    """The class ``allowed`` maps ``name`` to; anything else is refused before an import happens."""
    if not isinstance(name, str) or name not in allowed:
        raise UnsafeModelError(f"{where}: refusing {what} {name!r}; allowed: {', '.join(sorted(allowed))}")
    module, attr = allowed[name]
    return getattr(importlib.import_module(module), attr)


def check_plain(value: Any, where: str, path: str = "") -> None:
    """Refuse Hydra instantiation keys anywhere in data read from a file (dicts, lists, scalars)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise UnsafeModelError(f"{where}: key {key!r} at {path or 'top level'} is not a string")
            if key in RESERVED_KEYS:
                raise UnsafeModelError(f"{where}: refusing key {key!r} at {path or 'top level'} (saved configs are data)")
            check_plain(item, where, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_plain(item, where, f"{path}[{i}]")
    elif not (value is None or isinstance(value, (str, int, float, bool))):
        raise UnsafeModelError(f"{where}: value of type {type(value).__name__} at {path} is not plain data")


def read_json(file: Path) -> Any:
    """A JSON file of a model folder, bounded in size and checked with ``check_plain``."""
    try:
        if file.stat().st_size > MAX_JSON_BYTES:
            raise UnsafeModelError(f"{file}: {file.stat().st_size} bytes is too large for a model's JSON file")
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelNotFoundError(f"{file}: not readable as JSON ({exc})") from None
    check_plain(data, str(file))
    return data


def check_folder(root: Path) -> None:
    """A model folder holds plain files and folders only: no symbolic links (which could lead
    outside it), and a bounded number of entries."""
    if root.is_symlink():
        raise UnsafeModelError(f"{root}: a model folder may not be a symbolic link")
    count = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            count += 1
            entry = Path(dirpath) / name
            if entry.is_symlink():
                raise UnsafeModelError(f"{entry}: refusing a symbolic link inside a model folder")
            if count > MAX_FOLDER_ENTRIES:
                raise UnsafeModelError(f"{root}: more than {MAX_FOLDER_ENTRIES} entries; not a model folder")


def inside(path: Path, root: Path) -> Path:
    """``path`` resolved, refused unless it lies in ``root`` (after resolving both)."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise UnsafeModelError(f"{path}: points outside its model folder {root}")
    return resolved


def _check_skops_archive(file: Path) -> None:
    """Refuse a skops archive whose arrays declare more data than they hold (a huge allocation
    on load) or whose members unpack past a bound (a zip bomb)."""
    import numpy as np

    try:
        archive = zipfile.ZipFile(file)
    except (OSError, zipfile.BadZipFile) as exc:
        raise UnsafeModelError(f"{file}: not a skops archive ({exc})") from None
    with archive:
        total = 0
        for info in archive.infolist():
            total += info.file_size
            if total > MAX_SKOPS_UNCOMPRESSED:
                raise UnsafeModelError(f"{file}: unpacks to more than {MAX_SKOPS_UNCOMPRESSED} bytes")
            if not info.filename.endswith(".npy"):
                continue
            with archive.open(info) as member:
                try:
                    version = np.lib.format.read_magic(member)
                    if version == (1, 0):
                        shape, _, dtype = np.lib.format.read_array_header_1_0(member)
                    else:
                        shape, _, dtype = np.lib.format.read_array_header_2_0(member)
                except ValueError as exc:
                    raise UnsafeModelError(f"{file}: array {info.filename} has a bad header ({exc})") from None
            if dtype.hasobject:
                raise UnsafeModelError(f"{file}: array {info.filename} holds Python objects (dtype {dtype})")
            declared = int(np.prod(shape, dtype=np.float64)) * dtype.itemsize
            if declared > info.file_size:
                raise UnsafeModelError(
                    f"{file}: array {info.filename} declares shape {shape} ({declared} bytes) "
                    f"but holds {info.file_size} bytes"
                )


def load_skops(file: Path):
    """An estimator from a skops file, refusing any type outside skops' defaults and ``SKOPS_TYPES``."""
    import skops.io as sio

    if file.is_symlink() or not file.is_file():
        raise ModelNotFoundError(f"{file}: missing (or not a plain file)")
    _check_skops_archive(file)
    try:
        untrusted = sio.get_untrusted_types(file=file)
    except Exception as exc:  # skops raises several types for a malformed schema
        raise UnsafeModelError(f"{file}: not a valid skops file ({type(exc).__name__}: {exc})") from None
    refused = sorted(set(untrusted) - SKOPS_TYPES)
    if refused:
        raise UnsafeModelError(f"{file}: refusing to load type(s) {', '.join(refused)}")
    try:
        return sio.load(file, trusted=list(untrusted))
    except Exception as exc:
        raise UnsafeModelError(f"{file}: could not be loaded ({type(exc).__name__}: {exc})") from None
