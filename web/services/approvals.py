"""A consultant's decisions on proposals: approve (an offer, a refund reserved) or reject.

Approving re-checks the snapshot under row locks: the seat is still free, the young person is
still in the pool, the refund fits the ledger's budget, and a non-private leisure offer keeps
the worst case at the private share (see :mod:`web.services.snapshot`).
"""
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from web.extensions import db
from web.models import (
    ExcludedPair,
    MatchRun,
    Offer,
    OfferStatus,
    Opening,
    OpeningStatus,
    ProfileStatus,
    Proposal,
    ProposalStatus,
    RunKind,
    RunStatus,
    Track,
    User,
    YouthProfile,
)
from web.services import ledger
from web.services import offers as offer_service
from web.services.snapshot import free_seats, is_private, refund_for, share_counts, youth_is_busy
from web.timeutil import now_utc


class ApprovalRefused(Exception):
    """The proposal cannot become an offer now; ``str(error)`` says why, for the consultant."""


def _lock(model, row_id):
    return db.session.execute(
        select(model).where(model.id == row_id).with_for_update()
    ).scalar_one_or_none()


def approve_proposal(proposal: Proposal, user: User | None) -> Offer:
    """Re-check the snapshot, reserve the refund, make the offer, queue the mails; commits.

    Locks the programme, the opening and the young person in that order (PostgreSQL), so
    concurrent approvals cannot oversell a seat, the budget or the private share.
    """
    proposal_id = proposal.id
    try:
        offer, mail_ids = _approve(proposal_id, user)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ApprovalRefused(_("Den unge har allerede et tilbud, der venter på svar.")) from None
    except (ApprovalRefused, ledger.BudgetExceeded):
        db.session.rollback()
        raise
    offer_service.deliver_after_commit(mail_ids)
    return offer


def _approve(proposal_id: int, user: User | None):
    proposal = db.session.get(Proposal, proposal_id)
    run = proposal.run
    if run.kind == RunKind.PREVIEW or run.status != RunStatus.DONE:
        raise ApprovalRefused(_("Forslag fra en prøvekørsel kan ikke godkendes."))
    if proposal.status != ProposalStatus.PROPOSED:
        raise ApprovalRefused(_("Forslaget er allerede behandlet."))
    programme = ledger.lock_programme(run.programme_id)
    opening = _lock(Opening, proposal.opening_id)
    youth = _lock(YouthProfile, proposal.youth_id)
    if opening.status != OpeningStatus.OPEN or not opening.employer.is_approved:
        raise ApprovalRefused(_("Jobbet er ikke længere åbent."))
    if free_seats(opening) <= 0:
        raise ApprovalRefused(_("Der er ikke flere ledige pladser i jobbet."))
    if youth.status != ProfileStatus.ACTIVE or not youth.has_consent:
        raise ApprovalRefused(_("Den unge er ikke længere aktiv i puljen."))
    if youth_is_busy(youth.id):
        raise ApprovalRefused(_("Den unge har allerede et tilbud eller et job."))
    excluded = db.session.scalar(
        select(ExcludedPair.id).where(
            ExcludedPair.youth_id == youth.id, ExcludedPair.opening_id == opening.id
        )
    )
    if excluded is not None:
        raise ApprovalRefused(_("Den unge har tidligere sagt nej til eller mistet dette job."))
    private = is_private(opening.employer)
    if opening.track == Track.LEISURE and not private:
        counts = share_counts(programme.id)
        if not counts.allows_other(programme.min_private_share_pct):
            raise ApprovalRefused(
                _(
                    "Et kommunalt eller offentligt fritidsjob nu ville kunne bringe andelen af "
                    "private job under %(pct)s %%. Det kan godkendes, når flere private job er "
                    "startet.",
                    pct=programme.min_private_share_pct,
                )
            )
    refund = refund_for(opening, programme)
    now = now_utc()
    offer = Offer(
        programme_id=programme.id,
        proposal_id=proposal.id,
        youth_id=youth.id,
        opening_id=opening.id,
        track=opening.track,
        private=private,
        refund_ore=refund,
        status=OfferStatus.PENDING,
        created_at=now,
        expires_at=now + timedelta(days=programme.offer_days or 5),
    )
    db.session.add(offer)
    db.session.flush()
    try:
        ledger.reserve(programme.id, offer, refund)
    except ledger.BudgetExceeded:
        raise ApprovalRefused(
            _("Der er ikke penge nok tilbage i puljen til lønrefusion til dette job.")
        ) from None
    proposal.status = ProposalStatus.APPROVED
    proposal.decided_by_id = user.id if user else None
    proposal.decided_at = now
    mails = offer_service.queue_offer_mails(offer)
    db.session.flush()
    return offer, [mail.id for mail in mails]


def approve_all(run: MatchRun, user: User | None) -> tuple[int, list[tuple[Proposal, str]]]:
    """Approve every open proposal of the run; returns (approved, [(proposal, why refused)])."""
    approved, refused = 0, []
    ids = list(
        db.session.scalars(
            select(Proposal.id)
            .where(Proposal.run_id == run.id, Proposal.status == ProposalStatus.PROPOSED)
            .order_by(Proposal.id)
        )
    )
    for proposal_id in ids:
        proposal = db.session.get(Proposal, proposal_id)
        try:
            approve_proposal(proposal, user)
            approved += 1
        except ApprovalRefused as why:
            refused.append((db.session.get(Proposal, proposal_id), str(why)))
    return approved, refused


def reject_proposal(proposal: Proposal, user: User | None, note: str | None = None) -> None:
    if proposal.status != ProposalStatus.PROPOSED:
        raise ApprovalRefused(_("Forslaget er allerede behandlet."))
    proposal.status = ProposalStatus.REJECTED
    proposal.decided_by_id = user.id if user else None
    proposal.decided_at = now_utc()
    proposal.decision_note = note
    db.session.commit()
