"""The young-workers' warning: which ages the shifts exclude, and saving anyway."""
import pytest
from sqlalchemy import select

from tests.factories import make_opening
from tests.web.employer.helpers import count_openings, opening_data, text, warning_key_in
from web.models import Opening, OpeningStatus, Role

NEW = "/employer/openings/new"
LATE = (("mon", "16:00", "18:00"), ("sat", "14:00", "21:00"))  # saturday ends after 20:00


@pytest.fixture
def employer(login_as):
    return login_as(Role.EMPLOYER)


def test_late_shift_warns_which_ages_it_excludes(db, browser, employer):
    """Does a shift ending at 21:00 warn that it excludes 15–17-year-olds, and why?"""
    response = browser.submit(NEW, opening_data(shifts=LATE, legal_category="general"))
    page = text(response)
    assert "Vagterne udelukker 15–17-årige, der stadig går i skole" in page
    assert "Vagterne udelukker 15–17-årige, der er færdige med 9. klasse" in page
    assert "en vagt slutter efter kl. 20:00 (lørdag til kl. 21:00)" in page
    assert count_openings() == 0


def test_warning_keeps_everything_typed(db, browser, employer):
    """Is everything typed shown again with the warning, so nothing is lost?"""
    page = text(browser.submit(NEW, opening_data(shifts=LATE, title="Opvasker", hourly_wage="101,25")))
    assert 'value="Opvasker"' in page
    assert 'value="101,25"' in page
    assert 'value="21:00"' in page
    assert "Gem alligevel" in page


def test_warning_counts_ages_from_the_minimum_age(db, browser, employer):
    """With minimum age 16, does the warning name 16–17-year-olds rather than 15–17?"""
    page = text(browser.submit(NEW, opening_data(shifts=LATE, legal_category="general", min_age="16")))
    assert "16–17-årige" in page
    assert "15–17-årige" not in page


def test_shop_hours_exclude_only_pupils_after_eight(db, browser, employer):
    """In a shop (open until 22:00 for school leavers), are only pupils excluded by a 21:00 end?"""
    page = text(browser.submit(NEW, opening_data(shifts=LATE, legal_category="shop_office")))
    assert "der stadig går i skole" in page
    assert "der er færdige med 9. klasse" not in page


def test_alcohol_excludes_pupils(db, browser, employer):
    """Does serving alcohol warn that pupils under 18 are excluded?"""
    page = text(browser.submit(NEW, opening_data(serves_alcohol="y")))
    assert "der stadig går i skole" in page
    assert "der serveres alkohol" in page


def test_long_school_day_names_the_daily_limit(db, browser, employer):
    """Does a four-hour school-day shift warn about the two-hour limit for pupils?"""
    page = text(browser.submit(NEW, opening_data(shifts=(("tue", "14:00", "18:00"),))))
    assert "de må højst arbejde 2 timer om dagen på skoledage, men tirsdag er der 4 timer" in page


def test_no_warning_when_the_minimum_age_is_eighteen(db, browser, employer):
    """Is an opening for 18+ saved straight away, without a warning?"""
    response = browser.submit(NEW, opening_data(shifts=LATE, min_age="18", serves_alcohol="y"))
    assert response.status_code == 302
    assert count_openings() == 1


def test_save_anyway_saves_after_the_warning(db, browser, employer):
    """Does "save anyway" save the opening the employer was warned about?"""
    data = opening_data(shifts=LATE)
    key = warning_key_in(text(browser.submit(NEW, data)))
    response = browser.submit(NEW, data | {"warning_key": key, "save_anyway": "Gem alligevel"})
    assert response.status_code == 302
    opening = db.session.scalar(select(Opening))
    assert opening.status == OpeningStatus.PENDING
    assert max(s.end_minute for s in opening.shifts) == 21 * 60


def test_save_anyway_warns_again_when_the_shifts_changed_to_a_new_problem(db, browser, employer):
    """If the shifts change to break another rule, does "save anyway" warn again instead?"""
    key = warning_key_in(text(browser.submit(NEW, opening_data(shifts=LATE))))
    changed = opening_data(shifts=(("sat", "05:00", "08:00"),))
    response = browser.submit(NEW, changed | {"warning_key": key, "save_anyway": "Gem alligevel"})
    assert response.status_code == 200
    assert "en vagt starter før kl. 06:00" in text(response)
    assert count_openings() == 0


def test_opening_page_shows_the_warning(db, browser, employer):
    """Does the opening's own page repeat the warning?"""
    opening = make_opening(
        employer=employer.organisation,
        shifts=[(5, 14 * 60, 21 * 60)],
        legal_category="general",
    )
    db.session.commit()
    page = text(browser.get(f"/employer/openings/{opening.id}"))
    assert "Vagterne udelukker 15–17-årige" in page
    assert "Med disse vagter kan kun unge på 18 år eller mere få jobbet." in page


def test_editing_the_title_does_not_repeat_a_warning_already_accepted(db, browser, employer):
    """Once accepted, does a warning stay quiet when the employer only fixes the title?"""
    opening = make_opening(
        employer=employer.organisation,
        shifts=[(0, 16 * 60, 18 * 60), (5, 14 * 60, 21 * 60)],
        legal_category="general",
    )
    db.session.commit()
    url = f"/employer/openings/{opening.id}/edit"
    data = opening_data(shifts=LATE, legal_category="general", title="Ny titel")
    data |= {"start_date": opening.start_date.isoformat(), "seats": "1", "hourly_wage": "98,50"}
    response = browser.submit(url, data)
    assert response.status_code == 302
    db.session.refresh(opening)
    assert opening.title == "Ny titel"
