"""Searching young people, openings and organisations, with filters and pages."""
import re

from tests import factories
from tests.web.consultant.helpers import field_errors, text
from web.models import OpeningStatus, OrganisationKind, ProfileStatus, ReviewStatus


def names_in(page) -> set[str]:
    return set(re.findall(r'/consultant/youth/\d+">([^<]+)<', text(page)))


def titles_in(page) -> set[str]:
    return set(re.findall(r'/consultant/openings/\d+">([^<]+)<', text(page)))


def test_search_young_people_by_name(db, browser, login_as):
    """Does the name search find first and last names, case-insensitive?"""
    factories.make_youth(first_name="Amira", last_name="Hassan")
    factories.make_youth(first_name="Jonas", last_name="Berg")
    db.session.commit()
    login_as("consultant")

    assert names_in(browser.get("/consultant/youth?q=amira+has")) == {"Amira Hassan"}
    assert names_in(browser.get("/consultant/youth?q=BERG")) == {"Jonas Berg"}


def test_search_young_people_by_contact(db, browser, login_as):
    """Can a consultant find a young person by e-mail?"""
    factories.make_youth(first_name="Sara", last_name="Ali", contact_email="sara@example.dk")
    factories.make_youth(first_name="Omar", last_name="Ali")
    db.session.commit()
    login_as("consultant")

    assert names_in(browser.get("/consultant/youth?q=sara@")) == {"Sara Ali"}


def test_search_young_people_by_postcode_and_district(db, browser, login_as):
    """Does the area filter take a postcode or a district name?"""
    factories.make_youth(first_name="Nørrebro", last_name="Ung", postcode="2200")
    factories.make_youth(first_name="Amager", last_name="Ung", postcode="2300")
    factories.make_youth(first_name="Indre", last_name="By", postcode="1050")
    db.session.commit()
    login_as("consultant")

    assert names_in(browser.get("/consultant/youth?area=2300")) == {"Amager Ung"}
    assert names_in(browser.get("/consultant/youth?area=n%C3%B8rrebro")) == {"Nørrebro Ung"}
    assert names_in(browser.get("/consultant/youth?area=indre+by")) == {"Indre By"}


def test_search_young_people_by_status_and_track(db, browser, login_as):
    """Do the status and track filters narrow the list?"""
    factories.make_youth(first_name="Aktiv", last_name="Fritid")
    factories.make_youth(first_name="Venter", last_name="Fritid", status=ProfileStatus.PENDING)
    factories.make_youth(
        first_name="Aktiv", last_name="Elev", wants_leisure=False, wants_apprenticeship=True
    )
    db.session.commit()
    login_as("consultant")

    page = browser.get("/consultant/youth?status=active&track=leisure")

    assert names_in(page) == {"Aktiv Fritid"}
    assert names_in(browser.get("/consultant/youth?track=apprenticeship")) == {"Aktiv Elev"}


def test_search_young_people_by_age(db, browser, login_as):
    """Does the age range count whole years today, both ends included?"""
    factories.make_youth(first_name="Femten", last_name="År", birth_date=factories.years_ago(15))
    factories.make_youth(
        first_name="Næsten", last_name="Sytten", birth_date=factories.years_ago(17, days=-1)
    )
    factories.make_youth(first_name="Sytten", last_name="År", birth_date=factories.years_ago(17))
    factories.make_youth(first_name="Tyve", last_name="År", birth_date=factories.years_ago(20))
    db.session.commit()
    login_as("consultant")

    page = browser.get("/consultant/youth?age_min=16&age_max=17")

    assert names_in(page) == {"Næsten Sytten", "Sytten År"}


def test_an_age_that_is_not_a_number_is_explained(db, browser, login_as):
    """Does a non-number age get a Danish message next to the field, and keep what was typed?"""
    login_as("consultant")

    page = browser.get("/consultant/youth?age_min=sytten")

    assert field_errors(page) == ["Skriv et helt tal, fx 5."]
    assert 'value="sytten"' in text(page)


def test_an_upside_down_age_range_is_explained(db, browser, login_as):
    """Is 'age to' below 'age from' refused with a message?"""
    login_as("consultant")

    page = browser.get("/consultant/youth?age_min=18&age_max=16")

    assert "'Alder til' skal være mindst 'Alder fra'." in field_errors(page)


def test_young_people_are_listed_in_pages(db, browser, login_as):
    """Are long result lists split into pages of 25 with a link to the next?"""
    for n in range(30):
        factories.make_youth(first_name=f"Ung{n:02d}", last_name="Side")
    db.session.commit()
    login_as("consultant")

    first = browser.get("/consultant/youth?q=side")
    second = browser.get("/consultant/youth?q=side&page=2")

    assert len(names_in(first)) == 25
    assert len(names_in(second)) == 5
    assert "page=2" in text(first) and "q=side" in text(first)
    assert "30 resultater" in text(first)


def test_search_openings_by_title_employer_and_filters(db, browser, login_as):
    """Do the opening filters (title, employer, sector, track, status) each narrow the list?"""
    bakery = factories.make_organisation(name="Bageriet Brød")
    shop = factories.make_organisation(name="Kiosken")
    factories.make_opening(employer=bakery, title="Bagerlærling", track="apprenticeship",
                           sector="food", education="baker")
    factories.make_opening(employer=shop, title="Kioskhjælper", sector="retail")
    factories.make_opening(employer=shop, title="Lagerhjælper", sector="logistics",
                           status=OpeningStatus.PAUSED)
    db.session.commit()
    login_as("consultant")

    assert titles_in(browser.get("/consultant/openings?q=kiosk")) == {"Kioskhjælper"}
    assert titles_in(browser.get("/consultant/openings?employer=bager")) == {"Bagerlærling"}
    assert titles_in(browser.get("/consultant/openings?sector=logistics")) == {"Lagerhjælper"}
    assert titles_in(browser.get("/consultant/openings?track=apprenticeship")) == {"Bagerlærling"}
    assert titles_in(browser.get("/consultant/openings?status=paused")) == {"Lagerhjælper"}


def test_an_unknown_filter_value_finds_nothing(db, browser, login_as):
    """Does a made-up status match nothing instead of failing?"""
    factories.make_opening()
    db.session.commit()
    login_as("consultant")

    page = browser.get("/consultant/openings?status=nonsense")

    assert page.status_code == 200
    assert titles_in(page) == set()


def test_search_organisations_by_name_kind_and_status(db, browser, login_as):
    """Can a consultant find organisations by name, kind and status?"""
    factories.make_organisation(OrganisationKind.PARTNER, name="Klub Mjølnerparken")
    factories.make_organisation(name="Netto Nørrebro", status=ReviewStatus.PENDING)
    db.session.commit()
    login_as("consultant")

    page = text(browser.get("/consultant/organisations?q=mjølner"))
    assert "Klub Mjølnerparken" in page and "Netto Nørrebro" not in page
    page = text(browser.get("/consultant/organisations?kind=employer&status=pending"))
    assert "Netto Nørrebro" in page and "Klub Mjølnerparken" not in page
