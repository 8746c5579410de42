"""An opening as a page shows it: worded once, for employers and consultants."""
from datetime import date

from tests.factories import make_opening, make_organisation
from web.models import OpeningStatus, ReviewStatus
from web.openings.display import opening_view


def test_view_words_status_wage_hours_and_shifts(app, db):
    """Does the view give the status label, wage in kroner, weekly hours and shift lines?"""
    opening = make_opening(
        hourly_wage_ore=9850,
        start_date=date(2099, 3, 1),
        shifts=[(0, 16 * 60, 18 * 60), (5, 10 * 60, 13 * 60 + 30)],
        required_languages=["da", "en"],
    )
    db.session.commit()
    with app.test_request_context():
        view = opening_view(opening)
    assert view.status_label == "Åben"
    assert view.wage == "98,50 kr."
    assert view.weekly_hours == "5,5 t"
    assert [(s.day, s.start, s.end) for s in view.shifts] == [
        ("mandag", "16:00", "18:00"),
        ("lørdag", "10:00", "13:30"),
    ]
    assert view.languages == "Dansk, Engelsk"
    assert view.start_date == "1. marts 2099"
    assert view.live


def test_an_open_opening_of_a_pending_employer_is_not_live(app, db):
    """Is an approved opening still not live while its employer awaits approval?"""
    opening = make_opening(
        employer=make_organisation(status=ReviewStatus.PENDING), status=OpeningStatus.OPEN
    )
    db.session.commit()
    with app.test_request_context():
        view = opening_view(opening)
    assert not view.live
    assert view.waiting_for_employer
