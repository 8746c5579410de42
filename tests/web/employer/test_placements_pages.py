"""Employers: an anonymised profile until the young person says yes, then start and end."""
from datetime import timedelta

import pytest

from web.models import Placement
from web.services import offers as offer_service
from web.timeutil import today

from tests import factories as f


@pytest.fixture
def offer(db, login_as):
    user = login_as("employer")
    programme = f.make_programme()
    youth = f.make_youth(
        first_name="Amina",
        last_name="Yusuf",
        birth_date=f.years_ago(16, days=40),
        contact_email="amina@example.dk",
        contact_phone="20304050",
        postcode="2200",
        guardian_email="far@example.dk",
    )
    opening = f.make_opening(employer=user.organisation, title="Hjælper i café")
    proposal = f.make_proposal(youth, opening, programme=programme, why=["interesse: butik"])
    offer = f.make_offer(youth, opening, programme, proposal=proposal)
    db.session.commit()
    return offer


SECRETS = ("Amina", "Yusuf", "amina@example.dk", "20304050", "far@example.dk")


def test_pending_offer_is_anonymised(browser, offer):
    """Before a yes, do the list and the profile hide name, birth date and contact details?"""
    pages = [
        browser.get("/employer/offers").get_data(as_text=True),
        browser.get(f"/employer/offers/{offer.id}").get_data(as_text=True),
    ]
    birth = offer.youth.birth_date
    for page in pages:
        for secret in SECRETS:
            assert secret not in page
        assert birth.isoformat() not in page and birth.strftime("%d.%m.%Y") not in page
    assert "Opfylder kravene" in pages[1] and "Nørrebro" in pages[1]


def test_accepted_offer_shows_name_and_contact(browser, offer):
    """After a yes, does the employer see the name and contact details?"""
    offer_service.accept_offer(offer)
    page = browser.get(f"/employer/offers/{offer.id}").get_data(as_text=True)
    assert "Amina Yusuf" in page and "amina@example.dk" in page and "20304050" in page


def test_confirming_the_start_makes_a_placement(browser, offer, db):
    """Does confirming the start date create the placement?"""
    offer_service.accept_offer(offer)
    url = f"/employer/offers/{offer.id}"
    response = browser.submit(
        f"{url}/start", {"start_date": today().isoformat()}, form_url=url
    )
    assert response.status_code == 302
    placement = db.session.query(Placement).one()
    assert placement.start_date == today() and placement.status == "active"


def test_start_date_long_ago_is_refused_and_nothing_saved(browser, offer, db):
    """Is a start date far in the past refused next to the field, with nothing saved?"""
    offer_service.accept_offer(offer)
    url = f"/employer/offers/{offer.id}"
    old = (today() - timedelta(days=90)).isoformat()
    response = browser.submit(f"{url}/start", {"start_date": old}, form_url=url)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "for langt tilbage" in page and old in page
    assert db.session.query(Placement).count() == 0


def test_unreadable_start_date_is_explained_and_nothing_saved(browser, offer, db):
    """Is a start date that is no date refused in Danish next to the field, with nothing saved?"""
    offer_service.accept_offer(offer)
    url = f"/employer/offers/{offer.id}"
    response = browser.submit(f"{url}/start", {"start_date": "i morgen"}, form_url=url)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Skriv datoen som dag-måned-år" in page and 'value="i morgen"' in page
    assert db.session.query(Placement).count() == 0


def test_start_cannot_be_confirmed_before_a_yes(browser, offer, db):
    """Is the start refused while the offer waits for the young person?"""
    url = f"/employer/offers/{offer.id}"
    browser.post_with_token(f"{url}/start", {"start_date": today().isoformat()})
    assert db.session.query(Placement).count() == 0


def test_no_show_reopens_the_seat(browser, offer, db):
    """Does reporting a no-show end the placement so the seat is free again?"""
    offer_service.accept_offer(offer)
    placement = offer_service.confirm_start(offer, today(), None)
    url = f"/employer/offers/{offer.id}"
    response = browser.submit(
        f"/employer/placements/{placement.id}/end",
        {"outcome": "no_show", "end_date": today().isoformat(), "reason": "Kom ikke"},
        form_url=url,
    )
    assert response.status_code == 302
    db.session.refresh(placement)
    assert placement.status == "no_show"


def test_ending_without_a_reason_is_refused_and_nothing_saved(browser, offer, db):
    """Is an end report without a reason refused next to the field, keeping the input?"""
    offer_service.accept_offer(offer)
    placement = offer_service.confirm_start(offer, today(), None)
    url = f"/employer/offers/{offer.id}"
    response = browser.submit(
        f"/employer/placements/{placement.id}/end",
        {"outcome": "ended", "end_date": today().isoformat(), "reason": ""},
        form_url=url,
    )
    assert response.status_code == 422
    assert "Skriv kort hvorfor." in response.get_data(as_text=True)
    db.session.refresh(placement)
    assert placement.status == "active"


def test_other_employers_offer_is_not_found(login_as, browser, db):
    """Is another employer's offer a 404?"""
    login_as("employer")
    programme = f.make_programme()
    offer = f.make_offer(f.make_youth(), f.make_opening(), programme)
    db.session.commit()
    assert browser.get(f"/employer/offers/{offer.id}").status_code == 404
