"""Managing an opening: list, pause and resume, close, and re-vetting after a material edit."""
from datetime import timedelta

import pytest

from tests.factories import make_opening, make_organisation
from tests.web.employer.helpers import opening_data, text
from web.extensions import db
from web.models import OpeningStatus, Role
from web.numbers import format_kroner_input
from web.openings.shifts import rows_from_shifts
from web.timeutil import today


@pytest.fixture
def employer(login_as):
    return login_as(Role.EMPLOYER)


def opening_of(employer, **fields):
    opening = make_opening(employer=employer.organisation, **fields)
    db.session.commit()
    return opening


def press(browser, opening, action: str):
    """Press a button on the opening's page (the token comes from that page)."""
    page = f"/employer/openings/{opening.id}"
    return browser.submit(f"{page}/{action}", {}, form_url=page)


def as_typed(opening, **changes) -> dict:
    """The edit form for ``opening`` as it would be posted unchanged, plus ``changes``."""
    shifts = tuple((row["day"], row["start"], row["end"]) for row in rows_from_shifts(opening.shifts))
    return opening_data(
        shifts=shifts,
        track=opening.track,
        title=opening.title,
        sector=opening.sector,
        description=opening.description,
        postcode=opening.postcode,
        seats=str(opening.seats),
        start_date=opening.start_date.isoformat(),
        weeks=str(opening.weeks),
        hourly_wage=format_kroner_input(opening.hourly_wage_ore),
        min_age=str(opening.min_age),
        legal_category=opening.legal_category,
        education=opening.education or "",
    ) | changes


def test_home_lists_my_openings_with_status_and_seats(db, browser, employer):
    """Does the home page list my openings with their status badge, seats and start?"""
    opening_of(employer, title="Kasseassistent", seats=3, status=OpeningStatus.PAUSED)
    other = make_organisation()
    make_opening(employer=other, title="Andres opslag")
    db.session.commit()
    page = text(browser.get("/employer/"))
    assert "Kasseassistent" in page
    assert 'class="badge paused"' in page
    assert "Sat på pause" in page
    assert "Andres opslag" not in page


def test_pausing_an_open_opening(db, browser, employer):
    """Does pausing an open opening take it out of matching?"""
    opening = opening_of(employer)
    press(browser, opening, "pause")
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PAUSED


def test_resuming_a_paused_opening(db, browser, employer):
    """Does resuming a paused opening open it again?"""
    opening = opening_of(employer, status=OpeningStatus.PAUSED)
    press(browser, opening, "resume")
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.OPEN


def test_a_pending_opening_cannot_be_resumed_into_open(db, browser, employer):
    """Can an employer skip the vetting by "resuming" a pending opening? (No.)"""
    opening = opening_of(employer, status=OpeningStatus.PENDING)
    press(browser, opening, "resume")
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PENDING


def test_closing_asks_first(db, browser, employer):
    """Does the close link show a confirmation and leave the opening open?"""
    opening = opening_of(employer)
    page = browser.get(f"/employer/openings/{opening.id}/close")
    assert "Ja, luk opslaget" in text(page)
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.OPEN


def test_confirming_closes_the_opening(db, browser, employer):
    """Does confirming close the opening for good?"""
    opening = opening_of(employer)
    url = f"/employer/openings/{opening.id}/close"
    response = browser.submit(url, {})
    assert response.status_code == 302
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.CLOSED


def test_a_closed_opening_cannot_be_edited(db, browser, employer):
    """Is the edit page of a closed opening refused?"""
    opening = opening_of(employer, status=OpeningStatus.CLOSED)
    response = browser.get(f"/employer/openings/{opening.id}/edit")
    assert response.status_code == 302
    assert response.location.endswith(f"/employer/openings/{opening.id}")


def test_edit_form_says_material_changes_need_new_approval(db, browser, employer):
    """Does the edit form of an approved opening say what sends it back for approval?"""
    opening = opening_of(employer)
    page = text(browser.get(f"/employer/openings/{opening.id}/edit"))
    assert "skal jobcentret godkende det igen" in page


def test_edit_form_is_filled_with_the_opening(db, browser, employer):
    """Does the edit form show the stored values, wage in kroner and shifts as rows?"""
    opening = opening_of(employer, hourly_wage_ore=10050)
    page = text(browser.get(f"/employer/openings/{opening.id}/edit"))
    assert 'value="100,50"' in page
    assert 'value="16:00"' in page and 'value="19:00"' in page
    assert 'name="shifts-6-start"' in page


def test_fixing_the_title_keeps_an_open_opening_approved(db, browser, employer):
    """Does a title or description fix keep the opening open?"""
    opening = opening_of(employer, shifts=[(0, 16 * 60, 18 * 60)])
    url = f"/employer/openings/{opening.id}/edit"
    response = browser.submit(url, as_typed(opening, title="Kassemedarbejder", description="Ny tekst"))
    assert response.status_code == 302
    db.session.refresh(opening)
    assert (opening.title, opening.status) == ("Kassemedarbejder", OpeningStatus.OPEN)


@pytest.mark.parametrize(
    "change",
    [
        {"hourly_wage": "110"},
        {"min_age": "16"},
        {"shifts-0-end": "17:30"},
        {"track": "apprenticeship", "education": "retail"},
        {"seats": "4"},
    ],
    ids=["wage", "min age", "shifts", "track", "seats"],
)
def test_a_material_edit_sends_an_open_opening_back_for_vetting(db, browser, employer, change):
    """Does changing what young people are matched on send an open opening back to pending?"""
    opening = opening_of(employer, shifts=[(0, 16 * 60, 18 * 60)])
    url = f"/employer/openings/{opening.id}/edit"
    response = browser.submit(url, as_typed(opening, **change), follow_redirects=True)
    assert "skal godkendes igen" in text(response)
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PENDING
    assert opening.reviewed_at is None


def test_editing_a_rejected_opening_sends_it_back_to_the_consultant(db, browser, employer):
    """Does fixing a rejected opening put it back in the consultant's queue?"""
    opening = opening_of(
        employer,
        shifts=[(0, 16 * 60, 18 * 60)],
        status=OpeningStatus.REJECTED,
        review_reason="Lønnen er for lav.",
    )
    url = f"/employer/openings/{opening.id}/edit"
    browser.submit(url, as_typed(opening, hourly_wage="105"))
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PENDING
    assert opening.review_reason is None


def test_a_bad_edit_changes_nothing(db, browser, employer):
    """Is a refused edit (bad wage) left unsaved, the opening still open and unchanged?"""
    opening = opening_of(employer, shifts=[(0, 16 * 60, 18 * 60)])
    url = f"/employer/openings/{opening.id}/edit"
    response = browser.submit(url, as_typed(opening, hourly_wage="10", title="Ændret"))
    assert "Et fritidsjob skal mindst give 60 kr. i timen." in text(response)
    db.session.refresh(opening)
    assert (opening.hourly_wage_ore, opening.title, opening.status) == (
        9850,
        opening.title,
        OpeningStatus.OPEN,
    )
    assert opening.title != "Ændret"


def test_an_opening_that_has_started_keeps_its_start_date_when_edited(db, browser, employer):
    """Can an opening that started last month still get its title fixed?"""
    opening = opening_of(employer, shifts=[(0, 16 * 60, 18 * 60)], start_date=today() - timedelta(days=30))
    url = f"/employer/openings/{opening.id}/edit"
    response = browser.submit(url, as_typed(opening, title="Rettet titel"))
    assert response.status_code == 302
    db.session.refresh(opening)
    assert (opening.title, opening.status) == ("Rettet titel", OpeningStatus.OPEN)


def test_an_edit_cannot_move_the_start_into_the_past(db, browser, employer):
    """Is a new start date in the past refused on an edit too?"""
    opening = opening_of(employer, shifts=[(0, 16 * 60, 18 * 60)])
    url = f"/employer/openings/{opening.id}/edit"
    past = (today() - timedelta(days=3)).isoformat()
    response = browser.submit(url, as_typed(opening, start_date=past))
    assert "Startdatoen må ikke ligge i fortiden." in text(response)
    db.session.refresh(opening)
    assert opening.start_date > today()
