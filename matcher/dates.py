"""Clock times, dates and ages, all in exact integers."""

from __future__ import annotations

import datetime as _dt

import numpy as np

__all__ = ["DAYS", "WEEKEND", "age_on", "ages_on", "parse_date", "parse_hhmm"]

#: Day codes in week order; index 0..4 are school days.
DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Day codes that are not school days.
WEEKEND: frozenset[str] = frozenset({"sat", "sun"})


def parse_hhmm(text: str, *, allow_24: bool = True) -> int:
    """Return minutes from midnight for a clock time ``"HH:MM"``.

    Parameters
    ----------
    text : str
        A time such as ``"09:30"``; ``"24:00"`` (the end of the day) is allowed
        when `allow_24` is true.
    allow_24 : bool, optional
        Accept ``"24:00"``. Start times should pass ``False``.

    Returns
    -------
    int
        Minutes in ``0..1440``.

    Raises
    ------
    ValueError
        If `text` is not a valid clock time.

    Examples
    --------
    >>> parse_hhmm("20:00")
    1200
    >>> parse_hhmm("24:00")
    1440
    >>> parse_hhmm("7:5")
    Traceback (most recent call last):
    ...
    ValueError: not a time 'HH:MM': '7:5'
    """
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        raise ValueError(f"not a time 'HH:MM': {text!r}")
    hh, mm = text[:2], text[3:]
    if not (hh.isdigit() and mm.isdigit() and hh.isascii() and mm.isascii()):
        raise ValueError(f"not a time 'HH:MM': {text!r}")
    hours, minutes = int(hh), int(mm)
    if hours == 24 and minutes == 0 and allow_24:
        return 1440
    if hours > 23 or minutes > 59:
        raise ValueError(f"not a time 'HH:MM': {text!r}")
    return hours * 60 + minutes


def parse_date(text: str) -> _dt.date:
    """Return the date for an ISO ``"YYYY-MM-DD"`` string.

    Parameters
    ----------
    text : str
        The date, exactly ten characters.

    Returns
    -------
    datetime.date

    Raises
    ------
    ValueError
        If `text` is not a valid calendar date in that form.

    Examples
    --------
    >>> parse_date("2008-02-29")
    datetime.date(2008, 2, 29)
    >>> parse_date("2009-02-29")
    Traceback (most recent call last):
    ...
    ValueError: not a date 'YYYY-MM-DD': '2009-02-29'
    """
    if not isinstance(text, str) or len(text) != 10:
        raise ValueError(f"not a date 'YYYY-MM-DD': {text!r}")
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date 'YYYY-MM-DD': {text!r}") from None


def age_on(birth_date: _dt.date, on: _dt.date) -> int:
    """Return the age in whole years on a given day.

    Someone born on 29 February turns a year older on 1 March in a non-leap
    year (the Danish reading, and what comparing (month, day) gives).

    Parameters
    ----------
    birth_date : datetime.date
        Day of birth.
    on : datetime.date
        The day the age is counted on.

    Returns
    -------
    int
        Completed years; negative if `on` is before `birth_date`.

    Examples
    --------
    >>> from datetime import date
    >>> age_on(date(2011, 12, 1), date(2026, 12, 1))
    15
    >>> age_on(date(2008, 2, 29), date(2026, 2, 28))
    17
    >>> age_on(date(2008, 2, 29), date(2026, 3, 1))
    18
    """
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return on.year - birth_date.year - int(before_birthday)


def ages_on(birth_year, birth_monthday, on_year, on_monthday):
    """Vectorised `age_on` over broadcastable integer arrays.

    Parameters
    ----------
    birth_year, on_year : array_like of int
        Years.
    birth_monthday, on_monthday : array_like of int
        ``100 * month + day``.

    Returns
    -------
    numpy.ndarray of int
        Ages in whole years, broadcast over the inputs.

    Examples
    --------
    >>> ages_on([2008, 2011], [229, 1201], 2026, 301).tolist()
    [18, 14]
    """
    birth_year = np.asarray(birth_year)
    on_year = np.asarray(on_year)
    before = np.asarray(on_monthday) < np.asarray(birth_monthday)
    return on_year - birth_year - before.astype(np.int64)
