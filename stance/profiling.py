"""Peak resident memory of this process while a block runs, sampled in a thread.

``resource.getrusage`` gives the peak over the process's whole life, which is useless when
a Hydra launcher runs several jobs in one process; sampling gives the peak of this job.
"""

from __future__ import annotations

import threading


class PeakMemory:
    """``with PeakMemory() as mem: ...`` then ``mem.peak_mb`` (and ``mem.start_mb``)."""

    def __init__(self, interval: float = 0.02):
        self.interval = interval
        self.start_mb = self.peak_mb = 0.0
        self._stop = threading.Event()

    def _rss_mb(self) -> float:
        return self._proc.memory_info().rss / 2**20

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_mb = max(self.peak_mb, self._rss_mb())

    def __enter__(self) -> "PeakMemory":
        import psutil

        self._proc = psutil.Process()
        self.start_mb = self.peak_mb = self._rss_mb()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, self._rss_mb())
