"""Every rule on the profile steps: bad input gives a message, saves nothing, keeps the text."""
from datetime import timedelta

import pytest

from tests.factories import years_ago
from tests.web.profiles.data import step_data
from web.timeutil import today

STEP = "/youth/profile/step/{}"


def submit_step(browser, step, **changes):
    response = browser.submit(STEP.format(step), step_data(step, **changes))
    assert response.status_code == 200, "the bad input was accepted"
    page = response.get_data(as_text=True)
    assert "Intet er gemt endnu" in page
    return page


STEP_ONE_CASES = {
    "birth date missing": ({"birth_date": ""}, "Skriv fødselsdatoen."),
    "birth date unreadable": ({"birth_date": "31-02-2009"}, "Skriv datoen som dag-måned-år"),
    "birth date in the future": (
        {"birth_date": (today() + timedelta(days=1)).isoformat()},
        "kan ikke ligge i fremtiden",
    ),
    "too young for the band": ({"birth_date": years_ago(14).isoformat()}, "mellem 15 og 24 år"),
    "too old for the band": ({"birth_date": years_ago(25).isoformat()}, "mellem 15 og 24 år"),
    "postcode missing": ({"postcode": ""}, "Skriv postnummeret"),
    "postcode unknown": ({"postcode": "9000"}, "Vi kender ikke postnummeret 9000"),
    "postcode not digits": ({"postcode": "abcd"}, "Vi kender ikke postnummeret abcd"),
    "school not answered": ({"school_finished": ""}, "Svar ja eller nej."),
    "first name missing": ({"first_name": " "}, "Skriv fornavnet."),
    "last name missing": ({"last_name": ""}, "Skriv efternavnet."),
}


@pytest.mark.parametrize("changes,message", STEP_ONE_CASES.values(), ids=STEP_ONE_CASES.keys())
def test_step_one_rule(new_youth, browser, reload, changes, message):
    """Does step 1 refuse this input with its message and save nothing?"""
    page = submit_step(browser, 1, **changes)
    assert message in page
    profile = reload(new_youth)
    assert profile.birth_date is None and profile.postcode is None
    assert profile.last_name == "" and profile.profile_step == 1


def test_step_one_shows_typed_values_again(new_youth, browser):
    """When a rule fails, is everything the young person typed shown again?"""
    page = submit_step(browser, 1, postcode="9000", birth_date="17-05-2009", last_name="Nour")
    assert 'value="9000"' in page
    assert 'value="17-05-2009"' in page
    assert 'value="Nour"' in page
    assert '<input checked id="school_finished-0"' in page


STEP_TWO_CASES = {
    "no track": ({"track": ""}, "Vælg fritidsjob, elevplads eller begge dele."),
    "apprenticeship without education": (
        {"track": "apprenticeship", "education": ""},
        "Vælg den uddannelse, elevpladsen skal høre til.",
    ),
    "both without education": ({"track": "both"}, "Vælg den uddannelse"),
    "education not in the list": (
        {"track": "apprenticeship", "education": "astronaut"},
        "Vælg en uddannelse fra listen.",
    ),
}


@pytest.mark.parametrize("changes,message", STEP_TWO_CASES.values(), ids=STEP_TWO_CASES.keys())
def test_step_two_rule(new_youth, fill_steps, browser, reload, changes, message):
    """Does step 2 refuse this input with its message and save nothing?"""
    fill_steps(1)
    page = submit_step(browser, 2, **changes)
    assert message in page
    profile = reload(new_youth)
    assert profile.tracks == [] and profile.interests == {} and profile.languages == []


def test_step_two_keeps_ticked_interests_on_error(new_youth, fill_steps, browser):
    """Are the interests and languages ticked still ticked when the track is missing?"""
    fill_steps(1)
    page = submit_step(browser, 2, track="")
    assert 'id="interest_retail-2" name="interest_retail" type="radio" value="1"' in page
    checked_retail = page.split('id="interest_retail-2"')[0].rsplit("<input", 1)[1]
    assert "checked" in checked_retail
    arabic = page.split('value="ar"')[0].rsplit("<input", 1)[1]
    assert "checked" in arabic


def test_education_is_saved_only_for_apprenticeships(new_youth, fill_steps, browser, reload):
    """Is an education chosen with a leisure-job-only track left out?"""
    fill_steps(1)
    browser.submit(STEP.format(2), step_data(2, track="leisure", education="chef"))
    assert reload(new_youth).education is None
    browser.submit(STEP.format(2), step_data(2, track="both", education="chef"))
    profile = reload(new_youth)
    assert profile.education == "chef" and profile.tracks == ["leisure", "apprenticeship"]


STEP_THREE_CASES = {
    "end before start": ({"windows-0-end": "14:00"}, "Til-tidspunktet skal være senere"),
    "end equal to start": ({"windows-0-end": "15:00"}, "Til-tidspunktet skal være senere"),
    "across midnight": (
        {"windows-0-start": "22:00", "windows-0-end": "02:00"},
        "Til-tidspunktet skal være senere",
    ),
    "time outside the day": ({"windows-0-end": "25:00"}, "Skriv et klokkeslæt som 16:30"),
    "time unreadable": ({"windows-0-start": "efter skole"}, "Skriv et klokkeslæt som 16:30"),
    "row without a day": ({"windows-0-day": ""}, "Vælg en dag."),
    "row without an end": ({"windows-0-end": ""}, "Skriv hvornår du har tid til."),
    "no rows at all": (
        {"windows-0-day": "", "windows-0-start": "", "windows-0-end": ""},
        "Skriv mindst ét tidsrum",
    ),
    "overlapping windows": (
        {"windows-1-day": "mon", "windows-1-start": "18:00", "windows-1-end": "20:00"},
        "Overlapper med et andet tidsrum samme dag",
    ),
    "hours missing": ({"max_hours": ""}, "Skriv hvor mange timer om ugen."),
    "hours zero": ({"max_hours": "0"}, "Skriv et antal timer mellem 1 og 37."),
    "hours above 37": ({"max_hours": "38"}, "Skriv et antal timer mellem 1 og 37."),
    "hours unreadable": ({"max_hours": "mange"}, "Skriv et tal, fx 10 eller 7,5."),
    "distance zero": ({"max_commute_km": "0"}, "Skriv et antal kilometer mellem 1 og 50."),
    "distance unreadable": ({"max_commute_km": "5,5"}, "Skriv et helt tal, fx 5."),
    "distance missing": ({"max_commute_km": ""}, "Skriv hvor mange kilometer."),
}


@pytest.mark.parametrize(
    "changes,message", STEP_THREE_CASES.values(), ids=STEP_THREE_CASES.keys()
)
def test_step_three_rule(new_youth, fill_steps, browser, reload, changes, message):
    """Does step 3 refuse this input with its message and save nothing?"""
    fill_steps(2)
    page = submit_step(browser, 3, **changes)
    assert message in page
    profile = reload(new_youth)
    assert profile.availability == [] and profile.profile_step == 3


def test_step_three_keeps_rows_on_error(new_youth, fill_steps, browser):
    """Are all typed rows shown again, in place, when one row is wrong?"""
    fill_steps(2)
    changes = {
        "windows-1-day": "wed",
        "windows-1-start": "16:00",
        "windows-1-end": "15:00",
        "max_hours": "7,5",
    }
    page = submit_step(browser, 3, **changes)
    assert 'name="windows-0-start" type="time" value="15:00"' in page
    assert 'name="windows-1-end" type="time" value="15:00"' in page
    assert '<option selected value="wed">' in page
    assert 'value="7,5"' in page
    assert 'id="windows-1-end-error"' in page


STEP_FOUR_CASES = {
    "guardian name missing under 18": ({"guardian_name": ""}, "Skriv navnet på en forælder"),
    "guardian contact missing under 18": (
        {"guardian_phone": "", "guardian_email": ""},
        "Skriv forælderens e-mail eller telefonnummer.",
    ),
    "guardian phone not Danish": ({"guardian_phone": "12345"}, "Skriv et dansk telefonnummer"),
    "guardian e-mail invalid": (
        {"guardian_email": "mor@mail", "guardian_phone": ""},
        "Skriv en gyldig e-mail",
    ),
}


@pytest.mark.parametrize("changes,message", STEP_FOUR_CASES.values(), ids=STEP_FOUR_CASES.keys())
def test_step_four_rule(new_youth, fill_steps, browser, reload, changes, message):
    """Does step 4 refuse this input for a 16-year-old, save nothing and keep the draft?"""
    fill_steps(3)
    page = submit_step(browser, 4, **changes)
    assert message in page
    profile = reload(new_youth)
    assert profile.guardian_name is None and profile.status == "draft"


def test_guardian_by_email_only_is_enough(new_youth, fill_steps, browser, reload):
    """May a guardian be reached by e-mail alone?"""
    fill_steps(3)
    data = step_data(4, guardian_phone="", guardian_email="Mor@Mail.dk")
    assert browser.submit(STEP.format(4), data).status_code == 302
    assert reload(new_youth).guardian_email == "mor@mail.dk"
