"""Progress bars for the long steps (fine-tuning, encoding, e5 conversion, bootstrap, labelling).

One place decides how they look: tqdm with ``disable=None``, so a bar shows on a terminal and
nothing is written when stderr is a log file or a CI pipe; ``TQDM_DISABLE=1`` turns them off
everywhere. Steps shorter than ``DELAY`` seconds never show one (a bar that flashes for a tenth of
a second is noise in a training log).
"""

from __future__ import annotations

DELAY = 1.0


def progress(iterable=None, **kwargs):
    """``tqdm`` over ``iterable`` (or a manual bar: ``total=``, ``.update(n)``), quiet off a terminal."""
    from tqdm.auto import tqdm

    kwargs.setdefault("delay", DELAY)
    kwargs.setdefault("dynamic_ncols", True)
    return tqdm(iterable, disable=None, **kwargs)


def trainer_callback():
    """A Hugging Face ``TrainerCallback`` with one bar over the training batches: steps, steps/s,
    ETA, the epoch and the last logged loss. (The Trainer's own bars ignore whether stderr is a
    terminal, so the transformer family turns them off and uses this one.)"""
    from transformers import TrainerCallback

    class TrainingProgress(TrainerCallback):
        bar = None

        def on_train_begin(self, args, state, control, **kwargs):
            self.bar = progress(total=state.max_steps, desc="fine-tuning", unit=" batches")

        def on_step_end(self, args, state, control, **kwargs):
            if self.bar is not None:
                self.bar.update(1)
                self.bar.set_postfix(epoch=f"{state.epoch or 0:.2f}", **self.loss, refresh=False)

        loss: dict = {}

        def on_log(self, args, state, control, logs=None, **kwargs):
            if logs and "loss" in logs:
                self.loss = {"loss": f"{logs['loss']:.4f}"}

        def on_train_end(self, args, state, control, **kwargs):
            if self.bar is not None:
                self.bar.close()
                self.bar = None

    return TrainingProgress()
