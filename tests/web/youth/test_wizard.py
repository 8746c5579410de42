"""The young person's first trip through the profile steps, on the way to a consultant."""
from datetime import timedelta

from tests.factories import make_programme, years_ago
from tests.web.profiles.data import step_data
from web.models import ProfileStatus
from web.timeutil import today

STEP = "/youth/profile/step/{}"


def test_signup_leads_to_step_one(new_youth, browser):
    """Does a new young person land on step 1 of a draft profile with consent?"""
    assert new_youth.status == ProfileStatus.DRAFT
    assert new_youth.consent_at is not None
    page = browser.get(STEP.format(1)).get_data(as_text=True)
    assert 'class="steps"' in page
    assert "Trin 1 af 4" in page


def test_no_step_asks_for_a_cpr_number(new_youth, browser, fill_steps):
    """Is a CPR number never asked for on any step?"""
    pages = []
    for step in (1, 2, 3, 4):
        pages.append(browser.get(STEP.format(step)).get_data(as_text=True).lower())
        if step < 4:
            fill_steps(step)
    assert not any('name="cpr' in page for page in pages)


def test_step_one_offers_postcodes_with_districts(new_youth, browser):
    """Does the postcode input have a suggestion list that names the district?"""
    page = browser.get(STEP.format(1)).get_data(as_text=True)
    assert 'list="postcodes"' in page
    assert "Nørrebro" in page


def test_whole_wizard_sends_profile_to_consultant(new_youth, fill_steps, browser, reload):
    """After the last step, is the profile pending and does the home page say so?"""
    response = fill_steps(4)
    assert response.headers["Location"].endswith("/youth/")
    profile = reload(new_youth)
    assert profile.status == ProfileStatus.PENDING
    assert profile.postcode == "2200" and profile.school_finished is True
    assert profile.interests == {"retail": 1.0, "care": 0.5}
    assert profile.languages == ["da", "ar"]
    assert [(w.day_index, w.start_minute, w.end_minute) for w in profile.availability] == [
        (0, 900, 1140)
    ]
    assert profile.max_weekly_minutes == 480 and profile.max_commute_km == 5
    assert profile.guardian_phone == "+4520304050"
    assert profile.lives_in_housing_area and not profile.newly_arrived
    home = browser.get("/youth/").get_data(as_text=True)
    assert "venter på, at en konsulent" in home


def test_cannot_skip_ahead(new_youth, browser):
    """Does opening step 3 before step 1 is saved send the young person to step 1?"""
    response = browser.get(STEP.format(3))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(STEP.format(1))


def test_going_back_shows_saved_answers(new_youth, fill_steps, browser):
    """When going back to step 1, are the saved answers filled in?"""
    fill_steps(2)
    page = browser.get(STEP.format(1)).get_data(as_text=True)
    assert 'value="Hassan"' in page
    assert 'value="2200"' in page
    assert f'value="{years_ago(16).isoformat()}"' in page


def test_draft_home_lists_what_is_missing(new_youth, fill_steps, browser):
    """Does the home page of an unfinished profile say what is missing and where to go on?"""
    fill_steps(2)
    home = browser.get("/youth/").get_data(as_text=True)
    assert "Hvornår du har tid" in home
    assert STEP.format(3) in home


def test_step_four_skips_guardian_for_adults(new_youth, fill_steps, browser, reload):
    """Is an 18-year-old not asked about a guardian, and can they finish without one?"""
    fill_steps(3, {1: {"birth_date": years_ago(18).isoformat()}})
    page = browser.get(STEP.format(4)).get_data(as_text=True)
    assert "guardian_name" not in page
    response = browser.submit(STEP.format(4), {})
    assert response.status_code == 302
    assert reload(new_youth).status == ProfileStatus.PENDING


def test_more_rows_button_adds_a_row_and_saves_nothing(new_youth, fill_steps, browser, reload):
    """Does "more rows" show another empty row, keep the typed rows and save nothing?"""
    fill_steps(2)
    data = step_data(3, add_window="1")
    page = browser.submit(STEP.format(3), data).get_data(as_text=True)
    assert 'name="windows-2-day"' in page
    assert 'value="15:00"' in page
    assert reload(new_youth).availability == []


def test_several_windows_on_one_day_are_allowed(new_youth, fill_steps, browser, reload):
    """May a young person be free twice on the same day?"""
    fill_steps(2)
    data = step_data(
        3,
        **{"windows-1-day": "mon", "windows-1-start": "19:30", "windows-1-end": "21:00"},
    )
    assert browser.submit(STEP.format(3), data).status_code == 302
    assert len(reload(new_youth).availability) == 2


def test_saved_age_band_is_used(db, new_youth, browser):
    """Does the wizard use the programme's own age band, not a fixed one?"""
    make_programme(age_min=17, age_max=22)
    db.session.commit()
    page = browser.submit(STEP.format(1), step_data(1)).get_data(as_text=True)
    assert "mellem 17 og 22 år" in page


def test_future_birth_date_is_refused(new_youth, browser, reload):
    """Is a birth date in the future refused with a message and nothing saved?"""
    future = (today() + timedelta(days=3)).isoformat()
    page = browser.submit(STEP.format(1), step_data(1, birth_date=future)).get_data(as_text=True)
    assert "kan ikke ligge i fremtiden" in page
    assert reload(new_youth).birth_date is None
