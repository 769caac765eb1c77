"""The one base of every error a user may read, and the one ``Cancelled``.

``message`` is French and says what happened (and what to do next); ``code`` is stable, for
programs and logs (the API's error codes where there is one). The UI shows
:func:`user_message` of whatever a task raised, so a new error needs no new handler.
"""

from __future__ import annotations


class OffaError(Exception):
    """Base of the errors a person reads: ``message`` in French, ``code`` stable. An error that
    always says the same declares its ``code`` and ``says`` and is raised with no argument."""

    code = "error"
    says = "Une erreur est survenue."

    def __init__(self, message: str | None = None, *, code: str | None = None) -> None:
        self.message = self.says if message is None else message
        super().__init__(self.message)
        if code is not None:
            self.code = code


class Cancelled(OffaError):
    """A person cancelled a long task (a sync, a batch); raised between two steps, after which
    nothing is half done."""

    code = "cancelled"
    says = "Opération annulée."


def user_message(error: BaseException) -> str:
    """What to show a person for ``error``: an :class:`OffaError`'s French message, else the
    error's own text (an ``OSError`` names its file), else its type."""
    if isinstance(error, OffaError):
        return error.message
    return str(error) or type(error).__name__
