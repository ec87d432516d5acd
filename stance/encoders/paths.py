"""Where the encoders keep things on disk (never inside the repository)."""
from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "STANCE_CACHE_DIR"


def cache_root() -> Path:
    """``$STANCE_CACHE_DIR``, else ``$XDG_CACHE_HOME/stance``, else ``~/.cache/stance``."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "stance"


def is_writable_dir(path: Path) -> bool:
    """Create ``path`` if needed and check that a file can be written there."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / (".write-probe-%d" % os.getpid())
        with open(probe, "wb") as fh:
            fh.write(b"ok")
        probe.unlink()
        return True
    except OSError:
        return False
