"""Creating an opening: every rule on the form, with bad input refused and nothing lost."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.factories import make_organisation, make_programme
from tests.web.employer.helpers import count_openings, opening_data, text
from web.models import Opening, OpeningStatus, ReviewStatus, Role
from web.timeutil import today

NEW = "/employer/openings/new"


@pytest.fixture
def employer(login_as):
    return login_as(Role.EMPLOYER)


@pytest.fixture
def municipal(db, login_as):
    return login_as(Role.EMPLOYER, organisation=make_organisation(employer_kind="municipal"))


def test_valid_opening_is_saved_pending_with_shifts_and_wage_in_ore(db, browser, employer):
    """Is a valid opening saved as pending, with its shifts in minutes and its wage in øre?"""
    response = browser.submit(NEW, opening_data(hourly_wage="98,50"))
    assert response.status_code == 302
    opening = db.session.scalar(select(Opening))
    assert opening.status == OpeningStatus.PENDING
    assert opening.employer_id == employer.organisation_id
    assert opening.hourly_wage_ore == 9850
    assert opening.seats == 2
    assert [(s.day_index, s.start_minute, s.end_minute) for s in opening.shifts] == [
        (0, 960, 1080),
        (3, 960, 1080),
    ]
    assert opening.weekly_minutes == 240
    assert response.location.endswith(f"/employer/openings/{opening.id}")


def test_wage_with_a_point_is_read_as_kroner(db, browser, employer):
    """Is "98.50" read as 98,50 kr.?"""
    browser.submit(NEW, opening_data(hourly_wage="98.50"))
    assert db.session.scalar(select(Opening.hourly_wage_ore)) == 9850


def test_pending_organisation_is_told_both_approvals_are_needed(db, browser, login_as):
    """Does an employer awaiting approval learn that the opening waits for both approvals?"""
    login_as(Role.EMPLOYER, organisation=make_organisation(status=ReviewStatus.PENDING))
    response = browser.submit(NEW, opening_data(), follow_redirects=True)
    assert "både jeres virksomhed og opslaget" in text(response)
    assert count_openings() == 1


def test_opening_page_shows_total_hours_a_week(db, browser, employer):
    """Does the opening's page show the weekly total of its shifts?"""
    response = browser.submit(NEW, opening_data(), follow_redirects=True)
    assert "4 t" in text(response)


BAD_INPUT = {
    "no title": ({"title": ""}, "Skriv en titel"),
    "no sector": ({"sector": ""}, "Vælg en branche."),
    "no track": ({"track": None}, "Vælg fritidsjob eller elevplads."),
    "zero seats": ({"seats": "0"}, "Skriv et tal fra 1 til 50."),
    "seats not a number": ({"seats": "to"}, "Skriv et helt tal"),
    "start in the past": (
        {"start_date": (today() - timedelta(days=1)).isoformat()},
        "Startdatoen må ikke ligge i fortiden.",
    ),
    "start not a date": ({"start_date": "i morgen"}, "Skriv datoen som dag-måned-år"),
    "zero weeks": ({"weeks": "0"}, "Skriv et tal fra 1 til 208."),
    "wage not a number": ({"hourly_wage": "godt"}, "Skriv timelønnen i kroner"),
    "wage with three decimals": ({"hourly_wage": "98,505"}, "Skriv timelønnen i kroner"),
    "wage under the leisure floor": (
        {"hourly_wage": "59,99"},
        "Et fritidsjob skal mindst give 60 kr. i timen.",
    ),
    "monthly wage typed as hourly": ({"hourly_wage": "24000"}, "Skriv timelønnen, ikke måneds"),
    "min age under the band": ({"min_age": "14"}, "Mindstealderen skal være mellem 15 og 24 år."),
    "min age over the band": ({"min_age": "25"}, "Mindstealderen skal være mellem 15 og 24 år."),
    "unknown postcode": ({"postcode": "9999"}, "Vi kender ikke postnummeret."),
    "apprenticeship without education": (
        {"track": "apprenticeship", "education": ""},
        "Vælg hvilken uddannelse elevpladsen hører til.",
    ),
    "leisure job with an education": (
        {"education": "electrician"},
        "Et fritidsjob hører ikke til en uddannelse.",
    ),
    "refund for a private employer": ({"refund_requested": "y"}, "Kun kommunale arbejdspladser kan få lønrefusion."),
}


@pytest.mark.parametrize("change, message", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_refused_with_a_message_and_kept(db, browser, employer, change, message):
    """Is each bad input refused with its message, nothing saved, and what was typed kept?"""
    data = opening_data(title="Kassemedarbejder i Netto", **{"shifts-0-start": "16:30"})
    for name, value in change.items():
        if value is None:
            data.pop(name)
        else:
            data[name] = value
    response = browser.submit(NEW, data)
    page = text(response)
    assert response.status_code == 200
    assert message in page
    assert count_openings() == 0
    if "title" not in change:
        assert 'value="Kassemedarbejder i Netto"' in page
    assert 'value="16:30"' in page


def test_apprentice_floor_is_lower_than_the_leisure_floor(db, browser, employer):
    """Is 45 kr./hour accepted for an apprenticeship, though it is below the leisure floor?"""
    response = browser.submit(
        NEW, opening_data(track="apprenticeship", education="electrician", hourly_wage="45")
    )
    assert response.status_code == 302
    opening = db.session.scalar(select(Opening))
    assert (opening.track, opening.education, opening.hourly_wage_ore) == (
        "apprenticeship",
        "electrician",
        4500,
    )


def test_apprentice_wage_under_its_floor_is_refused(db, browser, employer):
    """Is an apprenticeship under 40 kr./hour refused?"""
    response = browser.submit(
        NEW, opening_data(track="apprenticeship", education="electrician", hourly_wage="39,99")
    )
    assert "En elevplads skal mindst give 40 kr. i timen." in text(response)
    assert count_openings() == 0


def test_min_age_follows_the_programme_band(db, browser, login_as):
    """Does the minimum age follow this year's programme band, not a fixed 15–24?"""
    make_programme(age_min=16, age_max=22)
    db.session.commit()
    login_as(Role.EMPLOYER)
    response = browser.submit(NEW, opening_data(min_age="15"))
    assert "Mindstealderen skal være mellem 16 og 22 år." in text(response)
    assert count_openings() == 0


def test_municipal_leisure_job_may_ask_for_refund(db, browser, municipal):
    """May a municipal employer ask for wage refund on a leisure job?"""
    response = browser.submit(NEW, opening_data(refund_requested="y"))
    assert response.status_code == 302
    assert db.session.scalar(select(Opening.refund_requested)) is True


def test_municipal_apprenticeship_may_not_ask_for_refund(db, browser, municipal):
    """Is wage refund refused on a municipal apprenticeship?"""
    response = browser.submit(
        NEW,
        opening_data(track="apprenticeship", education="office", refund_requested="y"),
    )
    assert "Lønrefusion gælder kun fritidsjob, ikke elevpladser." in text(response)
    assert count_openings() == 0


def test_refund_checkbox_is_offered_to_a_municipal_employer(db, browser, municipal):
    """Is the refund checkbox shown to a municipal employer?"""
    assert 'name="refund_requested"' in text(browser.get(NEW))


def test_refund_checkbox_is_not_offered_to_a_private_employer(db, browser, employer):
    """Is the refund checkbox left out for a private employer?"""
    assert 'name="refund_requested"' not in text(browser.get(NEW))


def test_required_languages_are_saved(db, browser, employer):
    """Are the languages the job needs saved as codes?"""
    data = opening_data()
    response = browser.client.post(
        NEW,
        data={**data, "csrf_token": browser.token(NEW), "required_languages": ["en", "da"]},
    )
    assert response.status_code == 302
    assert db.session.scalar(select(Opening)).required_languages == ["da", "en"]


def test_new_form_shows_seven_shift_rows_without_javascript(db, browser, employer):
    """Does the empty form offer seven shift rows, so it works without JavaScript?"""
    page = text(browser.get(NEW))
    assert 'name="shifts-6-start"' in page
    assert 'name="shifts-7-start"' not in page
