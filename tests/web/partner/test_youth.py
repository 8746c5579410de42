"""Partner staff register young people with consent, and see and change only their own."""
import pytest
from sqlalchemy import func, select

from tests.factories import make_organisation, years_ago
from tests.web.profiles.data import partner_youth_data
from web.models import OrganisationKind, ProfileStatus, YouthProfile

NEW = "/partner/youth/new"


def count_profiles(db) -> int:
    return db.session.scalar(select(func.count(YouthProfile.id)))


def test_register_young_person_goes_straight_to_pending(staff, browser, db):
    """Does a complete registration with consent become a pending profile of our organisation?"""
    response = browser.submit(NEW, partner_youth_data())
    assert response.status_code == 302
    profile = db.session.scalar(select(YouthProfile))
    assert profile.status == ProfileStatus.PENDING
    assert profile.registered_by_org_id == staff.organisation_id
    assert profile.registered_by_user_id == staff.id
    assert profile.user_id is None
    assert profile.consent_at is not None
    assert profile.consent_recorded_by_id == staff.id
    assert profile.consent_method == "verbal"
    assert profile.full_name == "Sara Hassan" and profile.contact_email == "sara@mail.dk"
    assert profile.interests == {"retail": 1.0, "care": 0.5}
    assert len(profile.availability) == 1


def test_registration_page_has_every_profile_question(staff, browser):
    """Does the staff page ask the same questions as the young person's steps, on one page?"""
    page = browser.get(NEW).get_data(as_text=True)
    for name in (
        "birth_date", "postcode", "school_finished", "track", "education", "interest_retail",
        "languages", "windows-0-day", "max_hours", "max_commute_km", "guardian_name",
        "lives_in_housing_area", "newly_arrived", "consent", "consent_method",
    ):
        assert f'name="{name}"' in page, name


BAD = {
    "no consent": ({"consent": ""}, "Den unge skal have givet samtykke"),
    "no consent method": ({"consent_method": ""}, "Vælg mundtligt eller skriftligt."),
    "no way to reach the young person": (
        {"contact_email": "", "contact_phone": ""},
        "Skriv den unges e-mail eller mobilnummer.",
    ),
    "young person's phone not Danish": ({"contact_phone": "555"}, "Skriv et dansk mobilnummer"),
    "young person's e-mail invalid": ({"contact_email": "sara@"}, "Skriv en gyldig e-mail"),
    "too young": ({"birth_date": years_ago(14).isoformat()}, "mellem 15 og 24 år"),
    "postcode unknown": ({"postcode": "5000"}, "Vi kender ikke postnummeret 5000"),
    "no track": ({"track": ""}, "Vælg fritidsjob, elevplads eller begge dele."),
    "apprenticeship without education": ({"track": "apprenticeship"}, "Vælg den uddannelse"),
    "overlapping windows": (
        {"windows-1-day": "mon", "windows-1-start": "16:00", "windows-1-end": "17:00"},
        "Overlapper med et andet tidsrum",
    ),
    "hours too many": ({"max_hours": "40"}, "mellem 1 og 37"),
    "guardian missing under 18": (
        {"guardian_name": "", "guardian_phone": ""},
        "Skriv navnet på en forælder",
    ),
}


@pytest.mark.parametrize("changes,message", BAD.values(), ids=BAD.keys())
def test_registration_rule(staff, browser, db, changes, message):
    """Is this bad input refused with its message and no profile saved?"""
    page = browser.submit(NEW, partner_youth_data(**changes)).get_data(as_text=True)
    assert message in page
    assert 'value="Hassan"' in page
    assert count_profiles(db) == 0


def test_adult_needs_no_guardian(staff, browser, db):
    """Can a 19-year-old be registered without a guardian (and none is kept)?"""
    data = partner_youth_data(birth_date=years_ago(19).isoformat())
    assert browser.submit(NEW, data).status_code == 302
    profile = db.session.scalar(select(YouthProfile))
    assert profile.guardian_name is None and profile.status == ProfileStatus.PENDING


def test_list_shows_only_our_young_people(staff, make_registered_youth, other_partners_youth, browser):
    """Does the partner's list show its own young people and not another partner's?"""
    make_registered_youth(staff.organisation, first_name="Leila")
    page = browser.get("/partner/").get_data(as_text=True)
    assert "Leila" in page
    assert "Omar" not in page


def test_detail_shows_profile_and_consent(staff, make_registered_youth, browser):
    """Does the detail page show the profile and how consent was given?"""
    profile = make_registered_youth(staff.organisation, first_name="Leila", consent_method="written")
    page = browser.get(f"/partner/youth/{profile.id}").get_data(as_text=True)
    assert "Leila" in page and "Skriftligt" in page
    assert "2200 København N (Nørrebro)" in page


@pytest.mark.parametrize("path", ["", "/edit"])
def test_other_partners_young_person_is_not_found(staff, other_partners_youth, browser, path):
    """Does another organisation's young person give 404 on view and edit?"""
    assert browser.get(f"/partner/youth/{other_partners_youth.id}{path}").status_code == 404


def test_other_partners_young_person_cannot_be_changed(staff, other_partners_youth, browser, db, reload):
    """Is a posted edit of another organisation's young person 404, with nothing changed?"""
    response = browser.submit(
        f"/partner/youth/{other_partners_youth.id}/edit",
        partner_youth_data(postcode="2100"),
        form_url=NEW,
    )
    assert response.status_code == 404
    assert reload(other_partners_youth).postcode == "2200"


def test_young_person_without_a_partner_is_not_found(staff, db, browser):
    """Does a young person who signed up alone give 404 to a partner?"""
    from tests.factories import make_youth

    profile = make_youth()
    db.session.commit()
    assert browser.get(f"/partner/youth/{profile.id}").status_code == 404


def test_edit_saves_and_keeps_status(staff, make_registered_youth, browser, reload):
    """Does editing our young person save the change and keep an active profile active?"""
    profile = make_registered_youth(staff.organisation, status=ProfileStatus.ACTIVE)
    url = f"/partner/youth/{profile.id}/edit"
    page = browser.get(url).get_data(as_text=True)
    assert 'value="2200"' in page
    data = partner_youth_data(postcode="2100")
    del data["consent"], data["consent_method"]
    assert browser.submit(url, data).status_code == 302
    profile = reload(profile)
    assert profile.postcode == "2100" and profile.status == ProfileStatus.ACTIVE


def test_bad_edit_saves_nothing(staff, make_registered_youth, browser, reload):
    """Does a bad edit show the message and leave the profile unchanged?"""
    profile = make_registered_youth(staff.organisation)
    url = f"/partner/youth/{profile.id}/edit"
    page = browser.submit(url, partner_youth_data(postcode="2100", max_hours="0")).get_data(as_text=True)
    assert "mellem 1 og 37" in page and 'value="2100"' in page
    assert reload(profile).postcode == "2200"


def test_unapproved_partner_cannot_open_young_people(login_as, make_registered_youth, browser, db):
    """Does a partner whose organisation is pending get 403 on the young people's pages?"""
    user = login_as("partner", organisation=make_organisation(OrganisationKind.PARTNER, status="pending"))
    profile = make_registered_youth(user.organisation)
    assert browser.get(NEW).status_code == 403
    assert browser.get(f"/partner/youth/{profile.id}").status_code == 403


@pytest.mark.parametrize("role", ["youth", "employer", "consultant", "admin"])
def test_other_roles_cannot_open_partner_pages(login_as, make_registered_youth, browser, db, role):
    """Does every other role get 403 on every partner page?"""
    user = login_as(role)
    profile = make_registered_youth(make_organisation(OrganisationKind.PARTNER))
    urls = ["/partner/", NEW, f"/partner/youth/{profile.id}", f"/partner/youth/{profile.id}/edit"]
    assert {url: browser.get(url).status_code for url in urls} == {url: 403 for url in urls}
    assert user.role == role


def test_anonymous_is_sent_to_login(client, db):
    """Is someone not logged in sent to log in from a partner page?"""
    response = client.get(NEW)
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
