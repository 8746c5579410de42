"""The young person's offer on the phone: the facts, and yes or no with one tap."""
from sqlalchemy import select

from web.models import Offer, YouthProfile

from tests import factories as f


def offer_for(db, user, **fields):
    youth = db.session.scalar(select(YouthProfile).where(YouthProfile.user_id == user.id))
    programme = f.make_programme()
    opening = f.make_opening(title="Opfylder i Netto", hourly_wage_ore=9850)
    offer = f.make_offer(youth, opening, programme, **fields)
    db.session.commit()
    return offer


def test_offer_shows_job_employer_shifts_wage_and_place(login_as, browser, db):
    """Does the offer page show what the young person needs to decide?"""
    user = login_as("youth")
    offer = offer_for(db, user)
    page = browser.get(f"/youth/offers/{offer.id}").get_data(as_text=True)
    assert "Opfylder i Netto" in page
    assert offer.opening.employer.name in page
    assert "98,50" in page
    assert "16:00–19:00" in page
    assert "Ja tak" in page and "Nej tak" in page


def test_one_tap_accepts(login_as, browser, db):
    """Does one tap on yes accept the offer?"""
    user = login_as("youth")
    offer = offer_for(db, user)
    response = browser.post_with_token(f"/youth/offers/{offer.id}/accept")
    assert response.status_code == 302
    db.session.refresh(offer)
    assert offer.status == "accepted"


def test_one_tap_declines(login_as, browser, db):
    """Does one tap on no decline the offer?"""
    user = login_as("youth")
    offer = offer_for(db, user)
    browser.post_with_token(f"/youth/offers/{offer.id}/decline")
    db.session.refresh(offer)
    assert offer.status == "declined"


def test_expired_offer_shows_a_message_instead_of_accepting(login_as, browser, db):
    """Is a late yes refused with a message?"""
    from datetime import timedelta

    from web.timeutil import now_utc

    user = login_as("youth")
    offer = offer_for(db, user, expires_at=now_utc() - timedelta(minutes=1))
    response = browser.post_with_token(f"/youth/offers/{offer.id}/accept", follow_redirects=True)
    assert "udløbet" in response.get_data(as_text=True)
    db.session.refresh(offer)
    assert offer.status == "pending"


def test_someone_elses_offer_is_not_found(login_as, browser, db):
    """Is another young person's offer a 404, for viewing and answering?"""
    login_as("youth")
    other = f.make_user("youth")
    db.session.commit()
    offer = offer_for(db, other)
    assert browser.get(f"/youth/offers/{offer.id}").status_code == 404
    assert browser.post_with_token(f"/youth/offers/{offer.id}/accept").status_code == 404
    assert db.session.get(Offer, offer.id).status == "pending"


def test_offer_list_shows_offers(login_as, browser, db):
    """Does the list show the offer and its state?"""
    user = login_as("youth")
    offer_for(db, user)
    page = browser.get("/youth/offers").get_data(as_text=True)
    assert "Opfylder i Netto" in page and "Venter på svar" in page
