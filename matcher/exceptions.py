"""Errors raised by the matcher."""

__all__ = ["InvalidInstanceError"]


class InvalidInstanceError(ValueError):
    """An instance breaks the exchange format; the message names the record and the field.

    It is a ``ValueError``, so callers that only know the documented contract
    (``solve`` raises ``ValueError`` on bad input) still catch it.

    Examples
    --------
    >>> err = InvalidInstanceError("candidate 'c-1': birth_date: not a date: '2010-13-01'")
    >>> isinstance(err, ValueError)
    True
    """
