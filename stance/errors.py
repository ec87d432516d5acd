"""Errors the user can fix. Entry points print them as one line and exit non-zero."""


class StanceError(Exception):
    """Base class: something the user can fix; the message says what."""


class DataError(StanceError, ValueError):
    """A labelled file is missing or malformed. ``problems`` lists every problem found."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        first = self.problems[0] if self.problems else "invalid data"
        more = len(self.problems) - 1
        super().__init__(first + (f" (and {more} more problem{'s' * (more > 1)})" if more > 0 else ""))


class ConfigError(StanceError, ValueError):
    """A configuration value is wrong."""


class TrackingError(StanceError):
    """The MLflow tracking store cannot be reached or used."""


class ModelNotFoundError(StanceError, LookupError):
    """A model URI or directory does not point at a stance model."""
