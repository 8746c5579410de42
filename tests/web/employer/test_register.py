"""An employer registers the organisation and its first user; a consultant approves it later."""
from sqlalchemy import func, select

from tests.factories import make_organisation, make_user, valid_cvr
from tests.web.employer.helpers import text
from web.models import Organisation, ReviewStatus, Role, User

URL = "/employer/register"


def registration(**fields) -> dict:
    data = {
        "name": "Bageriet Brød & Co",
        "cvr": valid_cvr(901),
        "employer_kind": "private",
        "postcode": "2200",
        "contact_phone": "31 23 45 67",
        "contact_name": "Mette Jensen",
        "email": "mette@broed.dk",
        "password": "en god adgangskode",
        "password_again": "en god adgangskode",
    }
    return data | fields


def counts(db) -> tuple[int, int]:
    return (
        db.session.scalar(select(func.count(Organisation.id))),
        db.session.scalar(select(func.count(User.id))),
    )


def spaced(cvr: str) -> str:
    return f"DK {cvr[:4]} {cvr[4:]}"


def test_registration_creates_pending_employer_and_logs_in(db, browser):
    """Does a valid registration make a pending organisation and a signed-in employer user?"""
    response = browser.submit(URL, registration())
    assert response.status_code == 302
    organisation = db.session.scalar(select(Organisation))
    assert organisation.status == ReviewStatus.PENDING
    assert organisation.kind == "employer"
    assert organisation.employer_kind == "private"
    assert organisation.contact_phone == "+4531234567"
    user = db.session.scalar(select(User))
    assert (user.role, user.email, user.name) == (Role.EMPLOYER, "mette@broed.dk", "Mette Jensen")
    assert user.organisation_id == organisation.id
    home = browser.get("/employer/")
    assert home.status_code == 200
    assert "venter på godkendelse" in text(home)


def test_registration_normalises_a_spaced_cvr_with_dk_prefix(db, browser):
    """Is "DK 1234 5678" stored as eight digits?"""
    cvr = valid_cvr(902)
    browser.submit(URL, registration(cvr=spaced(cvr)))
    assert db.session.scalar(select(Organisation.cvr)) == cvr


def test_registration_rejects_a_cvr_failing_modulus_11(db, browser):
    """Is a CVR number with a wrong check digit refused, nothing saved and the input kept?"""
    good = valid_cvr(903)
    bad = good[:7] + str((int(good[7]) + 1) % 10)
    response = browser.submit(URL, registration(cvr=bad))
    assert response.status_code == 200
    assert "Det er ikke et gyldigt CVR-nummer" in text(response)
    assert "Bageriet Brød &amp; Co" in text(response)
    assert counts(db) == (0, 0)


def test_registration_rejects_a_cvr_registered_already(db, browser):
    """Does a CVR number that is registered already get a clear message and save nothing?"""
    cvr = valid_cvr(904)
    make_organisation(cvr=cvr)
    db.session.commit()
    response = browser.submit(URL, registration(cvr=spaced(cvr)))
    assert f"CVR-nummer {cvr} er allerede registreret" in text(response)
    assert counts(db) == (1, 0)


def test_social_economy_is_refused_for_a_municipal_workplace(db, browser):
    """Is "social-economy firm" refused unless the kind is private?"""
    response = browser.submit(URL, registration(employer_kind="municipal", social_economy="y"))
    assert "En socialøkonomisk virksomhed tæller som privat" in text(response)
    assert counts(db) == (0, 0)


def test_social_economy_firm_is_saved_as_private(db, browser):
    """Is a social-economy firm registered as a private employer?"""
    browser.submit(URL, registration(social_economy="y"))
    organisation = db.session.scalar(select(Organisation))
    assert (organisation.employer_kind, organisation.social_economy) == ("private", True)
    assert organisation.is_private_employer


def test_registration_needs_a_kind(db, browser):
    """Is a registration without a kind refused with a message?"""
    data = registration()
    del data["employer_kind"]
    response = browser.submit(URL, data)
    assert "Vælg hvilken slags arbejdsplads I er." in text(response)
    assert counts(db) == (0, 0)


def test_registration_rejects_an_unknown_postcode(db, browser):
    """Is a postcode outside the Copenhagen area refused?"""
    response = browser.submit(URL, registration(postcode="9999"))
    assert "Vi kender ikke postnummeret" in text(response)
    assert counts(db) == (0, 0)


def test_registration_rejects_a_phone_that_is_not_danish(db, browser):
    """Is a contact phone that is not eight Danish digits refused?"""
    response = browser.submit(URL, registration(contact_phone="123"))
    assert "Skriv et dansk telefonnummer med 8 cifre." in text(response)
    assert counts(db) == (0, 0)


def test_registration_rejects_an_email_in_use(db, browser):
    """Is an e-mail that already has a user refused?"""
    make_user(Role.YOUTH, email="mette@broed.dk")
    db.session.commit()
    response = browser.submit(URL, registration())
    assert "Der findes allerede en bruger med den e-mail" in text(response)
    assert db.session.scalar(select(func.count(Organisation.id))) == 0


def test_registration_rejects_mismatched_passwords(db, browser):
    """Are two different passwords refused, with nothing saved?"""
    response = browser.submit(URL, registration(password_again="noget helt andet"))
    assert "De to adgangskoder er ikke ens." in text(response)
    assert counts(db) == (0, 0)


def test_signed_in_user_is_sent_home_from_registration(db, browser, login_as):
    """Does a signed-in user who opens the registration page go to their own home page?"""
    login_as(Role.YOUTH)
    response = browser.get(URL)
    assert response.status_code == 302
    assert "/employer" not in response.location
