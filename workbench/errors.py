"""Errors meant for the user: one clear line, never a traceback."""


class UserError(Exception):
    """A mistake the user can fix; the message says what is wrong and what to do."""
