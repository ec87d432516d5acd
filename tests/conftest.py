"""Shared fixtures: real MLflow stores in temporary folders, small real data slices,
Hydra composition and subprocess runners for the entry points."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STATEMENTS = ROOT / "data" / "statements"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, records) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def corpus_records() -> dict[str, list[dict]]:
    """The project's real statements, per split."""
    return {s: read_jsonl(STATEMENTS / f"{s}.jsonl") for s in ("train", "validation", "test")}


@pytest.fixture
def small_corpus(tmp_path, corpus_records) -> Path:
    """A folder with small real train/validation/test files: every label, half Polish, half English."""
    out = tmp_path / "corpus"
    sizes = {"train": 240, "validation": 60, "test": 60}
    for split, n in sizes.items():
        by_lang = [[r for r in corpus_records[split] if r["lang"] == lang][: n // 2] for lang in ("pl", "en")]
        write_jsonl(out / f"{split}.jsonl", [r for pair in zip(*by_lang) for r in pair])
    return out


@pytest.fixture
def tracking_uri(tmp_path, monkeypatch) -> str:
    """A fresh SQLite MLflow store; also the process default through MLFLOW_TRACKING_URI."""
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    monkeypatch.setenv("MLFLOW_TRACKING_URI", uri)
    return uri


def run_module(module: str, *args: str, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run ``python -m module args`` in the project root, as a user would."""
    full_env = {**os.environ, **(env or {}), "PYTHONHASHSEED": "0"}
    if module == "stance.train" and not any(a.startswith(("eval_sets", "+eval_sets", "~eval_sets", "--")) for a in args):
        # the realistic set (1,220 statements) is scored by the tests that name eval_sets only:
        # encoding it with a real encoder in every training test would double the suite's time
        args = (*args, "~eval_sets.realistic")
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def hydra_outputs(tmp_path) -> list[str]:
    """Overrides that keep Hydra's output folders inside the test's temporary folder."""
    return [f"hydra.run.dir={tmp_path}/outputs/run", f"hydra.sweep.dir={tmp_path}/multirun"]


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [line for line in proc.stderr.splitlines() if "error:" in line]


def found(text: str, lang: str, speaker_model: str | None = None) -> list[tuple[str, str | None, str]]:
    """``(text, speaker, kind)`` of each extracted quote (default speaker model unless one is
    named), after checking its offsets."""
    from stance.extract import extract_quotes

    qs = extract_quotes(text, lang) if speaker_model is None else extract_quotes(text, lang, speaker_model=speaker_model)
    for q in qs:
        assert text[q.start:q.end] == q.text
    return [(q.text, q.speaker, q.kind) for q in qs]


SPEAKER_MODELS = ("rules", "ranker")  # the two speaker models a rule's test runs with


def speakers(text: str, lang: str, speaker_model: str | None = None) -> list[str | None]:
    """The speaker of each statement ``found`` extracts, in order."""
    return [s for _t, s, _k in found(text, lang, speaker_model)]


def speakers_by_text(text: str, lang: str, speaker_model: str | None = None) -> dict[str, str | None]:
    """Each statement's whole text -> its speaker."""
    return {t: s for t, s, _k in found(text, lang, speaker_model)}


def speakers_by_opening(text: str, lang: str, speaker_model: str | None = None) -> dict[str, str | None]:
    """Each statement's first 24 characters -> its speaker."""
    return {t[:24]: s for t, s, _k in found(text, lang, speaker_model)}


def _has_morfeusz() -> bool:
    from stance.extract.morph import morfeusz

    return morfeusz() is not None


needs_morfeusz = pytest.mark.skipif(not _has_morfeusz(), reason="morfeusz2 not installed")
