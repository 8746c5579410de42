"""The admin's programme settings: defaults, saving in øre and minutes, validation, next year."""
import pytest
from sqlalchemy import func, select

from tests import factories
from tests.web.consultant.helpers import field_errors, flashes, text
from web.models import Programme
from web.timeutil import today

GOOD = {
    "name": "Fritidsjob og elevpladser",
    "leisure_target": "110",
    "apprenticeship_target": "60",
    "min_private_share_pct": "50",
    "refund_budget": "600.000",
    "refund_hours_per_week": "5",
    "refund_weeks_cap": "22",
    "age_min": "15",
    "age_max": "24",
    "offer_days": "5",
}


def programme_count(db) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(Programme.id)))


def saved(db, year=None) -> Programme:
    db.session.expire_all()
    return db.session.scalar(select(Programme).where(Programme.year == (year or today().year)))


def test_an_unsaved_year_shows_the_default_settings(db, browser, login_as):
    """Does the settings page show the defaults before anything is saved, without saving?"""
    login_as("admin")

    page = text(browser.get("/admin/"))

    assert 'value="110"' in page and 'value="60"' in page and 'value="600000"' in page
    assert 'value="5"' in page and 'value="22"' in page
    assert "Året er ikke gemt endnu." in page
    assert programme_count(db) == 0


def test_saving_creates_this_years_programme_in_ore_and_minutes(db, browser, login_as):
    """Does saving store the budget in øre and the weekly cap in minutes?"""
    login_as("admin")

    response = browser.submit("/admin/", GOOD)

    assert response.status_code == 302
    programme = saved(db)
    assert programme.name == "Fritidsjob og elevpladser"
    assert programme.leisure_target == 110
    assert programme.apprenticeship_target == 60
    assert programme.min_private_share_pct == 50
    assert programme.refund_budget_ore == 60_000_000
    assert programme.refund_minutes_cap == 300
    assert programme.refund_weeks_cap == 22
    assert (programme.age_min, programme.age_max) == (15, 24)
    assert programme.offer_days == 5


def test_saving_again_updates_the_same_row(db, browser, login_as):
    """Does a second save update this year's row instead of adding one?"""
    login_as("admin")
    browser.submit("/admin/", GOOD)

    browser.submit("/admin/", GOOD | {"leisure_target": "120", "refund_budget": "650000,50"})

    assert programme_count(db) == 1
    programme = saved(db)
    assert programme.leisure_target == 120
    assert programme.refund_budget_ore == 65_000_050


@pytest.mark.parametrize(
    ("typed", "ore"),
    [("600000", 60_000_000), ("600.000", 60_000_000), ("600 000 kr.", 60_000_000),
     ("98,50", 9850), ("98.50", 9850), ("1.234.567,89", 123_456_789), ("0", 0)],
)
def test_the_budget_is_read_the_way_people_type_kroner(db, browser, login_as, typed, ore):
    """Are kroner with thousands dots, spaces, 'kr.' and decimal commas read exactly?"""
    login_as("admin")

    browser.submit("/admin/", GOOD | {"refund_budget": typed})

    assert saved(db).refund_budget_ore == ore


def test_half_hours_per_week_become_minutes(db, browser, login_as):
    """Is a cap of 2,5 hours a week stored as 150 minutes?"""
    login_as("admin")

    browser.submit("/admin/", GOOD | {"refund_hours_per_week": "2,5"})

    assert saved(db).refund_minutes_cap == 150


BAD = [
    ({"name": ""}, "Giv programmet et navn."),
    ({"leisure_target": ""}, "Skal udfyldes."),
    ({"leisure_target": "mange"}, "Skriv et helt tal, fx 5."),
    ({"apprenticeship_target": "-1"}, "Skriv et tal fra 0 og op."),
    ({"min_private_share_pct": "101"}, "Skriv en procent mellem 0 og 100."),
    ({"min_private_share_pct": "-1"}, "Skriv en procent mellem 0 og 100."),
    ({"refund_budget": "-5"}, "Budgettet kan ikke være negativt."),
    ({"refund_budget": "seks hundrede"}, "Skriv et beløb i kroner, f.eks. 600.000 eller 600000,50."),
    ({"refund_budget": "600,000"}, "Skriv et beløb i kroner, f.eks. 600.000 eller 600000,50."),
    ({"refund_budget": "98,505"}, "Skriv et beløb i kroner, f.eks. 600.000 eller 600000,50."),
    ({"refund_budget": "5000000000"}, "Det beløb er for stort. Tjek antallet af nuller."),
    ({"refund_hours_per_week": "fem"}, "Skriv et tal, fx 10 eller 7,5."),
    ({"refund_hours_per_week": "41"}, "Skriv mellem 0 og 40 timer om ugen."),
    ({"refund_hours_per_week": "0,01"}, "Skriv timerne i hele minutter, f.eks. 2,5."),
    ({"refund_weeks_cap": "0"}, "Skriv et antal uger mellem 1 og 104."),
    ({"age_min": "12"}, "Alderen skal være mellem 13 og 30 år."),
    ({"age_max": "31"}, "Alderen skal være mellem 13 og 30 år."),
    ({"age_min": "20", "age_max": "18"}, "Ældste alder skal være mindst den yngste alder."),
    ({"offer_days": "0"}, "Skriv et antal dage mellem 1 og 30."),
]


@pytest.mark.parametrize(("change", "message"), BAD)
def test_bad_settings_are_explained_and_nothing_is_saved(db, browser, login_as, change, message):
    """Does each bad value get its message next to the field, with nothing saved?"""
    login_as("admin")

    page = browser.submit("/admin/", GOOD | change)

    assert page.status_code == 200
    assert message in field_errors(page)
    assert programme_count(db) == 0


def test_bad_settings_do_not_change_a_saved_programme(db, browser, login_as):
    """Does a bad save leave the saved programme exactly as it was?"""
    factories.make_programme(leisure_target=100, refund_budget_ore=1_000)
    db.session.commit()
    login_as("admin")

    browser.submit("/admin/", GOOD | {"leisure_target": "200", "age_min": "40"})

    programme = saved(db)
    assert programme.leisure_target == 100
    assert programme.refund_budget_ore == 1_000


def test_what_was_typed_is_shown_again_after_an_error(db, browser, login_as):
    """After an error, does the form show exactly what the admin typed?"""
    login_as("admin")

    typed = {"refund_budget": "600.000,5x", "leisure_target": "115"}
    page = text(browser.submit("/admin/", GOOD | typed))

    assert 'value="600.000,5x"' in page
    assert 'value="115"' in page


def test_starting_next_year_copies_this_years_settings(db, browser, login_as):
    """Does 'start next year' create next year's programme with this year's settings?"""
    factories.make_programme(name=f"Fritidsjob {today().year}", leisure_target=130,
                             refund_budget_ore=70_000_000)
    db.session.commit()
    login_as("admin")

    response = browser.submit("/admin/programmes/next", {}, form_url="/admin/")

    next_year = today().year + 1
    assert response.headers["Location"].endswith(f"/admin/programmes/{next_year}")
    programme = saved(db, next_year)
    assert programme.name == f"Fritidsjob {next_year}"
    assert programme.leisure_target == 130
    assert programme.refund_budget_ore == 70_000_000


def test_starting_next_year_twice_is_harmless(db, browser, login_as):
    """Does a second 'start next year' keep the one programme and say it exists?"""
    login_as("admin")
    browser.submit("/admin/programmes/next", {}, form_url="/admin/")

    page = browser.submit("/admin/programmes/next", {}, form_url="/admin/", follow_redirects=True)

    assert any("findes allerede" in message for message in flashes(page))
    assert programme_count(db) == 1


def test_next_years_programme_can_be_edited(db, browser, login_as):
    """Can the admin change next year's settings on its own page?"""
    login_as("admin")
    browser.submit("/admin/programmes/next", {}, form_url="/admin/")
    next_year = today().year + 1

    browser.submit(f"/admin/programmes/{next_year}", GOOD | {"apprenticeship_target": "75"})

    assert saved(db, next_year).apprenticeship_target == 75
    assert saved(db) is None  # this year is untouched (still unsaved)


def test_a_past_programme_is_read_only(db, browser, login_as):
    """Is a past year's programme shown but not changed by a POST?"""
    factories.make_programme(year=today().year - 1, leisure_target=90)
    db.session.commit()
    login_as("admin")
    url = f"/admin/programmes/{today().year - 1}"

    page = browser.get(url)
    response = browser.submit(url, GOOD, form_url="/admin/")

    assert "Året er slut." in text(page)
    assert response.status_code == 403
    assert saved(db, today().year - 1).leisure_target == 90


def test_a_year_without_programme_is_404(db, browser, login_as):
    """Is a year with no programme (other than this one) 404?"""
    login_as("admin")

    assert browser.get("/admin/programmes/1999").status_code == 404


def test_the_admin_page_shows_programme_progress(db, browser, login_as):
    """Does the admin front page show the programme's progress?"""
    login_as("admin")

    assert 'id="progress-leisure_placements"' in text(browser.get("/admin/"))


def test_settings_are_for_admins_only(app):
    """Do all other roles get 403 on the admin pages?"""
    from tests.conftest import Browser
    from web.extensions import db as _db

    with app.app_context():
        logins = {role: factories.make_user(role).login
                  for role in ("youth", "partner", "employer", "consultant")}
        _db.session.commit()
    for role, login in logins.items():
        browser = Browser(app.test_client())
        browser.login(login)
        for url in ("/admin/", "/admin/users", "/admin/users/new"):
            assert browser.get(url).status_code == 403, (role, url)
