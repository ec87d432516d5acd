"""What the command-line entry points share: one-line errors and non-zero exits."""

from __future__ import annotations

import contextlib
import sys

from stance.errors import StanceError


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 400 else text[:397] + "..."


@contextlib.contextmanager
def user_errors(program: str):
    """Turn errors the user can fix into ``<program>: error: <one line>`` and exit status 2."""
    try:
        yield
    except StanceError as exc:
        print(f"{program}: error: {_one_line(exc)}", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:
        from mlflow.exceptions import MlflowException

        if isinstance(exc, MlflowException):
            print(f"{program}: error: MLflow: {_one_line(exc.message)}", file=sys.stderr)
            sys.exit(2)
        raise
