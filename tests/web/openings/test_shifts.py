"""Shift rows as typed: the rules a week of shifts must obey (clock parsing: tests/web/test_numbers.py)."""
from web.openings.shifts import ShiftTimes, check_rows


def test_rows_become_sorted_shifts_with_a_weekly_total():
    """Do valid rows become shifts in week order, with their total minutes?"""
    check = check_rows([("sat", "10:00", "12:00"), ("mon", "16:00", "18:30"), ("", "", "")])
    assert check.ok
    assert check.shifts == [ShiftTimes(0, 960, 1110), ShiftTimes(5, 600, 720)]
    assert check.weekly_minutes == 270


def test_errors_are_reported_on_the_row_that_has_them():
    """Is each error kept with the position of its row?"""
    check = check_rows([("mon", "16:00", "18:00"), ("", "", ""), ("tue", "18:00", "17:00")])
    assert not check.ok
    assert list(check.row_errors) == [2]
    assert check.shifts == []


def test_overlap_is_reported_on_the_later_row_naming_the_earlier_shift():
    """Does an overlap name the shift it clashes with?"""
    check = check_rows([("wed", "16:00", "19:00"), ("wed", "18:00", "20:00")])
    assert check.row_errors == {1: "Vagten overlapper en anden vagt: onsdag 16:00–19:00."}


def test_same_times_on_different_days_do_not_overlap():
    """Are equal times on two different days fine?"""
    assert check_rows([("mon", "16:00", "18:00"), ("tue", "16:00", "18:00")]).ok


def test_an_empty_week_needs_at_least_one_shift():
    """Is a week with only blank rows refused?"""
    check = check_rows([("", "", "")] * 7)
    assert check.error and "mindst én vagt" in check.error


def test_more_than_28_shifts_are_refused():
    """Is a week of more than 28 shifts refused?"""
    rows = [(day, f"{hour:02d}:00", f"{hour:02d}:30") for day in ("mon", "tue", "wed", "thu", "fri") for hour in range(8, 14)]
    assert len(rows) == 30
    check = check_rows(rows)
    assert check.error and "Højst 28 vagter" in check.error
