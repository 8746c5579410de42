from datetime import date

import pytest

from matcher import age_on, parse_date, parse_hhmm


def test_turns_fifteen_on_the_day():
    """Is someone 15 on their 15th birthday, not the day after?"""
    assert age_on(date(2011, 12, 1), date(2026, 12, 1)) == 15
    assert age_on(date(2011, 12, 2), date(2026, 12, 1)) == 14


def test_turns_eighteen_on_the_day():
    """Is someone 18 on their 18th birthday and 17 the day before?"""
    assert age_on(date(2008, 12, 1), date(2026, 12, 1)) == 18
    assert age_on(date(2008, 12, 1), date(2026, 11, 30)) == 17


def test_leap_day_birthday_ages_on_first_of_march_in_common_year():
    """Does a 29 February baby turn older on 1 March in a non-leap year?"""
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


def test_leap_day_birthday_ages_on_the_day_in_leap_year():
    """Does a 29 February baby turn older on 29 February in a leap year?"""
    assert age_on(date(2012, 2, 29), date(2028, 2, 28)) == 15
    assert age_on(date(2012, 2, 29), date(2028, 2, 29)) == 16


def test_parse_hhmm_allows_end_of_day():
    """Is 24:00 the end of the day (1440) but not a valid start?"""
    assert parse_hhmm("24:00") == 1440
    with pytest.raises(ValueError):
        parse_hhmm("24:00", allow_24=False)


@pytest.mark.parametrize("text", ["20:60", "25:00", "2000", "8:00", "ab:cd", "24:01", None])
def test_parse_hhmm_rejects_bad_times(text):
    """Are malformed clock times refused?"""
    with pytest.raises(ValueError):
        parse_hhmm(text)


def test_parse_date_rejects_impossible_day():
    """Is 29 February refused in a common year?"""
    with pytest.raises(ValueError):
        parse_date("2026-02-29")
