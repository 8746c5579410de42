"""Offers to placements: accept, decline, expire, confirm the start, end early."""
from datetime import timedelta

import pytest

from web.models import ExcludedPair, OrganisationKind, OutgoingMail, RefundEntry
from web.services import approvals, ledger, offers, snapshot
from web.timeutil import now_utc, today

from tests import factories as f


@pytest.fixture
def programme(db):
    programme = f.make_programme(min_private_share_pct=0, refund_budget_ore=10_000_000)
    db.session.commit()
    return programme


def approved_offer(db, programme, *, municipal=False, **youth_fields):
    employer = f.make_organisation(
        OrganisationKind.EMPLOYER, employer_kind="municipal" if municipal else "private"
    )
    f.make_user("employer", organisation=employer, email=f"chef{employer.cvr}@example.dk")
    opening = f.make_opening(employer=employer, refund_requested=municipal)
    proposal = f.make_proposal(f.make_youth(**youth_fields), opening, programme=programme)
    db.session.commit()
    return approvals.approve_proposal(proposal, None)


def test_accept_reveals_to_the_employer_by_mail(db, programme):
    """Does accepting change the offer and mail the employer a link to confirm the start?"""
    offer = approved_offer(db, programme)
    offers.accept_offer(offer)
    assert offer.status == "accepted" and offer.answered_at is not None
    mail = db.session.query(OutgoingMail).filter(OutgoingMail.key.like("%accepted%")).one()
    assert f"/employer/offers/{offer.id}" in mail.body


def test_accepting_twice_changes_nothing(db, programme):
    """Is a double tap on yes harmless?"""
    offer = approved_offer(db, programme)
    offers.accept_offer(offer)
    offers.accept_offer(offer)
    assert db.session.query(OutgoingMail).filter(OutgoingMail.key.like("%accepted%")).count() == 1


def test_decline_releases_refund_excludes_pair_and_returns_to_pool(db, programme):
    """After a no, is the refund back, the pair excluded and the young person a candidate?"""
    offer = approved_offer(db, programme, municipal=True)
    offers.decline_offer(offer)
    assert offer.status == "declined"
    assert db.session.query(RefundEntry).one().state == "released"
    assert db.session.query(ExcludedPair).filter_by(
        youth_id=offer.youth_id, opening_id=offer.opening_id, reason="declined"
    ).count() == 1
    instance = snapshot.build_instance(programme)
    assert f"y-{offer.youth_id}" in {c["id"] for c in instance["candidates"]}
    assert [f"y-{offer.youth_id}", f"o-{offer.opening_id}"] in instance["excluded_pairs"]


def test_expiry_closes_only_offers_past_their_deadline(db, programme):
    """Does the sweep expire overdue offers (releasing refunds) and leave fresh ones alone?"""
    old = approved_offer(db, programme, municipal=True)
    fresh = approved_offer(db, programme)
    old.expires_at = now_utc() - timedelta(minutes=1)
    db.session.commit()
    assert offers.expire_offers() == 1
    assert offers.expire_offers() == 0
    assert (old.status, fresh.status) == ("expired", "pending")
    assert ledger.entry_for(old).state == "released"
    assert db.session.query(ExcludedPair).filter_by(reason="expired").count() == 1


def test_expired_offer_cannot_be_accepted(db, programme):
    """Is a yes after the deadline refused?"""
    offer = approved_offer(db, programme)
    offer.expires_at = now_utc() - timedelta(seconds=1)
    db.session.commit()
    with pytest.raises(offers.OfferRefused):
        offers.accept_offer(offer)


def test_confirmed_start_makes_a_placement_and_commits_the_refund(db, programme):
    """Does confirming the start create an active placement and commit the refund?"""
    offer = approved_offer(db, programme, municipal=True)
    offers.accept_offer(offer)
    placement = offers.confirm_start(offer, today(), None)
    assert placement.status == "active" and placement.private is False
    assert ledger.entry_for(offer).state == "committed"
    assert snapshot.share_counts(programme.id).total_placed == 1


def test_start_cannot_be_confirmed_before_the_young_person_says_yes(db, programme):
    """Is a start refused while the offer is still pending?"""
    offer = approved_offer(db, programme)
    with pytest.raises(offers.OfferRefused):
        offers.confirm_start(offer, today(), None)


def test_no_show_reopens_the_seat_and_releases_the_refund(db, programme):
    """After a no-show, is the seat free, the refund released and the pair excluded?"""
    offer = approved_offer(db, programme, municipal=True)
    offers.accept_offer(offer)
    placement = offers.confirm_start(offer, today(), None)
    assert snapshot.free_seats(offer.opening) == 0
    offers.end_placement(placement, no_show=True, end_date=today(), reason="kom ikke")
    assert placement.status == "no_show"
    assert snapshot.free_seats(offer.opening) == 1
    assert ledger.entry_for(offer).state == "released"
    assert db.session.query(ExcludedPair).filter_by(reason="no_show").count() == 1


def test_early_end_keeps_the_refund_of_the_weeks_begun(db, programme):
    """Does an end after 3 weeks keep 3/20 of the committed refund?"""
    offer = approved_offer(db, programme, municipal=True)
    offers.accept_offer(offer)
    placement = offers.confirm_start(offer, today() - timedelta(days=21), None)
    full = ledger.entry_for(offer).amount_ore
    offers.end_placement(placement, no_show=False, end_date=today(), reason="stoppede")
    assert ledger.entry_for(offer).amount_ore == full * 3 // 20
    assert placement.status == "ended"


def test_withdrawn_offer_returns_the_young_person_to_the_pool(db, programme):
    """Can a consultant take back an accepted offer whose start never came?"""
    offer = approved_offer(db, programme)
    offers.accept_offer(offer)
    offers.withdraw_offer(offer)
    assert offer.status == "withdrawn"
    assert not snapshot.youth_is_busy(offer.youth_id)
