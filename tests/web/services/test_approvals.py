"""Approving proposals: re-checks, the refund reservation, the offer and its mails."""
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from web.models import Offer, OrganisationKind, OutgoingMail, RefundEntry
from web.services import approvals
from web.timeutil import now_utc

from tests import factories as f


@pytest.fixture
def programme(db):
    programme = f.make_programme(offer_days=5, min_private_share_pct=50, refund_budget_ore=10_000_000)
    db.session.commit()
    return programme


def municipal_opening(**fields):
    employer = f.make_organisation(OrganisationKind.EMPLOYER, employer_kind="municipal")
    return f.make_opening(employer=employer, refund_requested=True, **fields)


def test_approval_makes_a_pending_offer_that_expires_after_the_offer_days(db, programme):
    """Does approval create a pending offer with the programme's deadline and mark the proposal?"""
    proposal = f.make_proposal(f.make_youth(), f.make_opening(), programme=programme)
    user = f.make_user("consultant")
    db.session.commit()
    offer = approvals.approve_proposal(proposal, user)
    assert offer.status == "pending"
    assert offer.private is True
    assert timedelta(days=4, hours=23) < offer.expires_at - now_utc() <= timedelta(days=5)
    assert proposal.status == "approved" and proposal.decided_by_id == user.id


def test_approval_mails_the_young_person_and_the_guardian_of_an_under_18(db, programme, app):
    """Do an under-18 and their guardian both get the offer mail, delivered to the outbox?"""
    youth = f.make_youth(contact_email="ung@example.dk", guardian_email="mor@example.dk")
    proposal = f.make_proposal(youth, f.make_opening(), programme=programme)
    db.session.commit()
    offer = approvals.approve_proposal(proposal, None)
    mails = {m.to: m for m in db.session.query(OutgoingMail)}
    assert set(mails) == {"ung@example.dk", "mor@example.dk"}
    assert all(m.status == "sent" for m in mails.values())
    assert f"/youth/offers/{offer.id}" in mails["ung@example.dk"].body
    from pathlib import Path

    assert len(list(Path(app.config["MAIL_OUTBOX_DIR"]).glob("*.eml"))) == 2


def test_adult_gets_no_guardian_copy(db, programme):
    """Is the guardian left out when the young person is 18 or older?"""
    youth = f.make_youth(
        birth_date=f.years_ago(19), contact_email="ung@example.dk", guardian_email="mor@example.dk"
    )
    proposal = f.make_proposal(youth, f.make_opening(), programme=programme)
    db.session.commit()
    approvals.approve_proposal(proposal, None)
    assert [m.to for m in db.session.query(OutgoingMail)] == ["ung@example.dk"]


def test_approval_reserves_the_refund_of_a_municipal_job(db, programme):
    """Is the refund of a municipal leisure job reserved in the ledger at approval?"""
    f.make_placement(f.make_youth(), f.make_opening(), programme)  # one private job started
    f.make_placement(f.make_youth(), f.make_opening(), programme)
    opening = municipal_opening()
    proposal = f.make_proposal(f.make_youth(), opening, programme=programme)
    db.session.commit()
    offer = approvals.approve_proposal(proposal, None)
    entry = db.session.query(RefundEntry).one()
    assert entry.offer_id == offer.id and entry.state == "reserved"
    # 98.50 kr. × 5 h (300 min cap of 360) × 20 weeks
    assert entry.amount_ore == offer.refund_ore == 9850 * 300 * 20 // 60


def test_approval_past_the_refund_budget_is_refused_and_saves_nothing(db):
    """Is a municipal job refused when its refund does not fit, with no offer made?"""
    programme = f.make_programme(refund_budget_ore=1000, min_private_share_pct=0)
    proposal = f.make_proposal(f.make_youth(), municipal_opening(), programme=programme)
    db.session.commit()
    with pytest.raises(approvals.ApprovalRefused, match="lønrefusion"):
        approvals.approve_proposal(proposal, None)
    assert db.session.query(Offer).count() == 0
    assert db.session.query(RefundEntry).count() == 0
    assert proposal.status == "proposed"


def test_municipal_job_waits_until_enough_private_jobs_have_started(db, programme):
    """Is a public leisure offer refused while it could tip the private share below 50 %?"""
    f.make_offer(f.make_youth(), f.make_opening(), programme)  # private, not started yet
    proposal = f.make_proposal(f.make_youth(), municipal_opening(), programme=programme)
    db.session.commit()
    with pytest.raises(approvals.ApprovalRefused, match="private job"):
        approvals.approve_proposal(proposal, None)
    assert db.session.query(Offer).count() == 1


def test_municipal_job_is_approved_when_the_share_holds_in_the_worst_case(db, programme):
    """With one private job started, may one public offer be made (1 of 2 = 50 %)?"""
    f.make_placement(f.make_youth(), f.make_opening(), programme)
    proposal = f.make_proposal(f.make_youth(), municipal_opening(), programme=programme)
    db.session.commit()
    assert approvals.approve_proposal(proposal, None).private is False


def test_young_person_with_a_live_offer_is_refused_a_second(db, programme):
    """Is a second offer refused while the young person has one waiting?"""
    youth = f.make_youth()
    f.make_offer(youth, f.make_opening(), programme)
    proposal = f.make_proposal(youth, f.make_opening(), programme=programme)
    db.session.commit()
    with pytest.raises(approvals.ApprovalRefused):
        approvals.approve_proposal(proposal, None)
    assert db.session.query(Offer).count() == 1


def test_database_refuses_two_pending_offers_for_one_young_person(db, programme):
    """Does the partial unique index stop two pending offers even past the service?"""
    youth = f.make_youth()
    f.make_offer(youth, f.make_opening(), programme)
    db.session.commit()
    f.make_offer(youth, f.make_opening(), programme)
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_full_seat_gets_no_more_offers(db, programme):
    """Is approval refused when live offers already hold every seat?"""
    opening = f.make_opening(seats=1)
    first = f.make_proposal(f.make_youth(), opening, programme=programme)
    second = f.make_proposal(f.make_youth(), opening, run=first.run)
    db.session.commit()
    approvals.approve_proposal(first, None)
    with pytest.raises(approvals.ApprovalRefused, match="ledige pladser"):
        approvals.approve_proposal(second, None)
    assert db.session.query(Offer).filter_by(opening_id=opening.id).count() == 1


def test_approve_all_approves_what_fits_and_reports_the_rest(db, programme):
    """Does approve-all make the offers that fit and say why the others did not?"""
    opening = f.make_opening(seats=1)
    run = f.make_run(programme)
    for _ in range(2):
        f.make_proposal(f.make_youth(), opening, run=run)
    f.make_proposal(f.make_youth(), f.make_opening(), run=run)
    db.session.commit()
    approved, refused = approvals.approve_all(run, None)
    assert approved == 2
    assert len(refused) == 1 and "pladser" in refused[0][1]


def test_proposal_of_a_preview_run_cannot_be_approved(db, programme):
    """Are proposals of a preview run refused?"""
    run = f.make_run(programme, kind="preview")
    proposal = f.make_proposal(f.make_youth(), f.make_opening(), run=run)
    db.session.commit()
    with pytest.raises(approvals.ApprovalRefused):
        approvals.approve_proposal(proposal, None)


def test_previously_declined_pair_is_not_offered_again(db, programme):
    """Is a pair excluded by a decline refused even from an old proposal?"""
    from web.models import ExcludedPair

    youth, opening = f.make_youth(), f.make_opening()
    proposal = f.make_proposal(youth, opening, programme=programme)
    db.session.flush()
    db.session.add(ExcludedPair(youth_id=youth.id, opening_id=opening.id, reason="declined"))
    db.session.commit()
    with pytest.raises(approvals.ApprovalRefused):
        approvals.approve_proposal(proposal, None)


def test_reject_marks_the_proposal_and_makes_no_offer(db, programme):
    """Does rejecting a proposal record the decision and nothing else?"""
    proposal = f.make_proposal(f.make_youth(), f.make_opening(), programme=programme)
    db.session.commit()
    approvals.reject_proposal(proposal, None, "passer ikke")
    assert proposal.status == "rejected" and proposal.decision_note == "passer ikke"
    assert db.session.query(Offer).count() == 0
