"""The one error type of the forecast engine, so callers (the CLI, the brief) catch one thing."""

from dualtrack.errors import DualtrackError


class InputError(DualtrackError, ValueError):
    """A bad forecast input (case parameter, lever, date, run count): the message says which."""
