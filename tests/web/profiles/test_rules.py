"""The profile rules as plain functions."""
from datetime import timedelta

from tests.factories import make_programme, years_ago
from web.profiles import rules
from web.timeutil import today
from web.validators import normalise_email


def test_windows_overlap_flags_the_later_window_on_the_same_day():
    """Is a window that starts before an earlier one on the same day ends reported?"""
    windows = [(0, 15 * 60, 18 * 60), (0, 17 * 60, 20 * 60), (1, 17 * 60, 20 * 60)]
    assert rules.windows_overlap(windows) == [1]


def test_windows_that_touch_do_not_overlap():
    """May one window end exactly when the next begins?"""
    assert rules.windows_overlap([(2, 16 * 60, 18 * 60), (2, 18 * 60, 20 * 60)]) == []


def test_window_inside_a_long_window_overlaps():
    """Is a short window inside a longer one on the same day caught, whatever the order?"""
    assert rules.windows_overlap([(3, 16 * 60, 17 * 60), (3, 10 * 60, 20 * 60)]) == [0]


def test_guardian_needed_only_under_18():
    """Do only under-18s need a guardian's contact?"""
    assert rules.needs_guardian(years_ago(17, days=364))
    assert not rules.needs_guardian(years_ago(18))
    assert not rules.needs_guardian(None)


def test_birth_date_in_the_future_is_refused(app):
    """Is a birth date after today refused?"""
    with app.test_request_context():
        assert "fremtiden" in rules.birth_date_problem(today() + timedelta(days=1))


def test_age_band_comes_from_the_saved_programme(db, app):
    """Does the age rule use this year's saved programme band, and say the band?"""
    make_programme(age_min=16, age_max=20)
    db.session.commit()
    with app.test_request_context():
        problem = rules.birth_date_problem(years_ago(15))
        assert "16" in problem and "20" in problem
        assert rules.birth_date_problem(years_ago(16)) is None
        assert rules.birth_date_problem(years_ago(21)) is not None


def test_email_is_normalised_or_refused():
    """Are valid e-mails lower-cased and invalid ones refused?"""
    assert normalise_email(" Sara@Mail.DK ") == "sara@mail.dk"
    assert normalise_email("sara@mail") is None
    assert normalise_email("") is None
