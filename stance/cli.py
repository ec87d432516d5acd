"""What the command-line entry points share: one-line errors and non-zero exits."""

from __future__ import annotations

import contextlib
import sys

from stance.errors import StanceError


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 400 else text[:397] + "..."


class Terminated(KeyboardInterrupt):
    """SIGTERM (what SLURM and Kubernetes send before SIGKILL), handled like Ctrl-C."""


def _raise_terminated(signum, frame):
    raise Terminated(f"signal {signum}")


@contextlib.contextmanager
def user_errors(program: str, interrupted: str | None = None):
    """Turn errors the user can fix into ``<program>: error: <one line>`` and exit status 2;
    SIGTERM and Ctrl-C end the job's run as KILLED and exit 143 / 130 with one line
    (``interrupted``: what that line says instead, for a program that tracks no run)."""
    import signal
    import threading

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    except KeyboardInterrupt as exc:
        name = "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
        what = "the run was ended as KILLED and nothing was registered" if interrupted is None else interrupted
        print(f"{program}: {name}; {what}", file=sys.stderr)
        sys.exit(143 if isinstance(exc, Terminated) else 130)
    except StanceError as exc:
        print(f"{program}: error: {_one_line(exc)}", file=sys.stderr)
        sys.exit(2)
    except OSError as exc:
        import errno

        if exc.errno not in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            raise
        print(f"{program}: error: no space to write {exc.filename or 'an output file'} ({exc.strerror}); "
              "free disk space or point the store elsewhere (tracking.uri); the run was ended as FAILED",
              file=sys.stderr)
        sys.exit(2)
    except Exception as exc:
        from mlflow.exceptions import MlflowException

        if isinstance(exc, MlflowException):
            print(f"{program}: error: MLflow: {_one_line(exc.message)}", file=sys.stderr)
            sys.exit(2)
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
