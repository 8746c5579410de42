"""Consultants open any record in full: a young person, an organisation, an opening."""
from tests import factories
from tests.web.consultant.helpers import text
from web.models import OrganisationKind


def test_a_young_persons_full_profile_shows_name_and_contacts(db, browser, login_as):
    """Does the consultant see the name, contacts, guardian and free times?"""
    partner = factories.make_organisation(OrganisationKind.PARTNER, name="Klub Tingbjerg")
    profile = factories.make_youth(
        first_name="Amira", last_name="Hassan", contact_email="amira@example.dk",
        contact_phone="+4522334455", guardian_name="Fatima Hassan",
        guardian_phone="+4533445566", registered_by_org=partner,
        availability=[(0, 15 * 60, 19 * 60)],
    )
    db.session.commit()
    login_as("consultant")

    page = text(browser.get(f"/consultant/youth/{profile.id}"))

    for expected in ("Amira Hassan", "amira@example.dk", "+4522334455", "Fatima Hassan",
                     "+4533445566", "Klub Tingbjerg", "mandag 15:00–19:00"):
        assert expected in page, expected


def test_an_organisation_shows_its_users_openings_and_young_people(db, browser, login_as):
    """Does an organisation page list its users, openings and registered young people?"""
    employer = factories.make_organisation(name="Føtex Nørrebro")
    factories.make_user("employer", organisation=employer, name="Mette Jensen")
    factories.make_opening(employer=employer, title="Flaskedreng")
    partner = factories.make_organisation(OrganisationKind.PARTNER, name="FRAK")
    factories.make_youth(first_name="Yusuf", last_name="Ali", registered_by_org=partner)
    db.session.commit()
    login_as("consultant")

    employer_page = text(browser.get(f"/consultant/organisations/{employer.id}"))
    partner_page = text(browser.get(f"/consultant/organisations/{partner.id}"))

    assert "Mette Jensen" in employer_page and "Flaskedreng" in employer_page
    assert "Yusuf Ali" in partner_page


def test_an_opening_shows_its_shifts(db, browser, login_as):
    """Does an opening page show every weekly shift and the weekly hours?"""
    opening = factories.make_opening(
        title="Café-hjælper", shifts=[(1, 16 * 60, 19 * 60), (5, 10 * 60, 14 * 60 + 30)]
    )
    db.session.commit()
    login_as("consultant")

    page = text(browser.get(f"/consultant/openings/{opening.id}"))

    assert "Café-hjælper" in page
    assert "tirsdag" in page and "16:00" in page and "19:00" in page
    assert "lørdag" in page and "14:30" in page
    assert "7,5 t" in page


def test_a_record_that_does_not_exist_is_404(db, browser, login_as):
    """Do unknown ids give 404 on every record page?"""
    login_as("consultant")

    for url in ("/consultant/youth/999999", "/consultant/openings/999999",
                "/consultant/organisations/999999"):
        assert browser.get(url).status_code == 404, url
