"""Weekly shifts on the opening form: rows, times inside a day, no overlaps, at least one."""
import pytest
from sqlalchemy import select

from tests.web.employer.helpers import count_openings, opening_data, text
from web.models import Opening, Role

NEW = "/employer/openings/new"


@pytest.fixture
def employer(login_as):
    return login_as(Role.EMPLOYER)


def stored_shifts(db):
    opening = db.session.scalar(select(Opening))
    return [(s.day_index, s.start_minute, s.end_minute) for s in opening.shifts]


BAD_SHIFTS = {
    "end before start": ((("mon", "18:00", "16:00"),), "Vagten skal slutte efter den starter"),
    "end equal to start": ((("mon", "16:00", "16:00"),), "Vagten skal slutte efter den starter"),
    "hour 25": ((("mon", "16:00", "25:00"),), "Skriv tiderne som TT:MM"),
    "minute 60": ((("mon", "16:60", "18:00"),), "Skriv tiderne som TT:MM"),
    "words for a time": ((("mon", "efter skole", "18:00"),), "Skriv tiderne som TT:MM"),
    "start at 24:00": ((("mon", "24:00", "24:00"),), "En vagt kan ikke starte kl. 24:00."),
    "times without a day": ((("", "16:00", "18:00"),), "Vælg hvilken dag vagten er."),
    "a day without times": ((("tue", "", ""),), "Skriv både start og slut"),
    "only a start": ((("tue", "16:00", ""),), "Skriv både start og slut"),
    "overlapping shifts": (
        (("mon", "16:00", "18:00"), ("mon", "17:00", "19:00")),
        "Vagten overlapper en anden vagt: mandag 16:00–18:00.",
    ),
    "no shifts": ((), "Skriv mindst én vagt"),
}


@pytest.mark.parametrize("shifts, message", BAD_SHIFTS.values(), ids=BAD_SHIFTS.keys())
def test_bad_shifts_are_refused_and_the_rows_kept(db, browser, employer, shifts, message):
    """Is each bad shift refused with its message next to it, nothing saved, the rows kept?"""
    response = browser.submit(NEW, opening_data(shifts=shifts))
    page = text(response)
    assert response.status_code == 200
    assert message in page
    assert count_openings() == 0
    for day, start, end in shifts:
        if start:
            assert f'value="{start}"' in page


def test_a_shift_may_end_at_midnight(db, browser, employer):
    """Is "24:00" accepted as the end of a shift?"""
    response = browser.submit(
        NEW, opening_data(shifts=(("sat", "18:00", "24:00"),), min_age="18")
    )
    assert response.status_code == 302
    assert stored_shifts(db) == [(5, 1080, 1440)]


def test_two_shifts_back_to_back_on_one_day_are_allowed(db, browser, employer):
    """May two shifts on the same day touch without overlapping?"""
    response = browser.submit(
        NEW,
        opening_data(shifts=(("sat", "12:00", "14:00"), ("sat", "10:00", "12:00"))),
    )
    assert response.status_code == 302
    assert stored_shifts(db) == [(5, 600, 720), (5, 720, 840)]


def test_blank_rows_between_shifts_are_ignored(db, browser, employer):
    """Are blank rows skipped, wherever they are?"""
    shifts = (("", "", ""), ("wed", "16:00", "18:00"), ("", "", ""), ("fri", "15.00", "17"))
    response = browser.submit(NEW, opening_data(shifts=shifts))
    assert response.status_code == 302
    assert stored_shifts(db) == [(2, 960, 1080), (4, 900, 1020)]


def test_rows_added_by_script_beyond_seven_are_read(db, browser, employer):
    """Are more than seven rows (added with JavaScript) all saved?"""
    shifts = tuple((day, "16:00", "17:00") for day in ("mon", "tue", "wed", "thu", "fri")) + (
        ("sat", "10:00", "11:00"),
        ("sun", "10:00", "11:00"),
        ("sat", "13:00", "14:00"),
        ("sun", "13:00", "14:00"),
    )
    response = browser.submit(NEW, opening_data(shifts=shifts))
    assert response.status_code == 302
    assert len(stored_shifts(db)) == 9


def test_the_form_shows_the_weekly_total_after_an_error(db, browser, employer):
    """Is the total of valid shifts shown again when another field has an error?"""
    response = browser.submit(
        NEW,
        opening_data(title="", shifts=(("mon", "16:00", "18:00"), ("sat", "10:00", "13:30"))),
    )
    assert "5,5 t" in text(response)
    assert count_openings() == 0
