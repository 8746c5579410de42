"""Offers to placements: accept, decline, expire, confirm the start, report an end.

Every change is a conditional update on the offer's status, so a double tap, two tabs or a
task that runs twice changes an offer once. Declines, expiries and withdrawals release the
refund, put the young person back in the pool and exclude the pair from later runs.
"""
import logging
import math
from datetime import date

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select, update

from web.extensions import db
from web.models import (
    ExcludedPair,
    Offer,
    OfferStatus,
    OutgoingMail,
    Placement,
    PlacementStatus,
    Role,
    User,
)
from web.services import ledger
from web.services.mail import enqueue_mail, queue_mail
from web.timeutil import COPENHAGEN, age_on, now_utc, today

log = logging.getLogger(__name__)


class OfferRefused(Exception):
    """The change is not possible now; ``str(error)`` says why."""


def _link(endpoint_path: str) -> str:
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + endpoint_path


def youth_email(youth) -> str | None:
    if youth.user is not None and youth.user.email:
        return youth.user.email
    return youth.contact_email


def queue_offer_mails(offer: Offer) -> list[OutgoingMail]:
    """The young person's mail, and a guardian's copy for under-18s when an address is given."""
    youth, opening = offer.youth, offer.opening
    deadline = offer.expires_at.astimezone(COPENHAGEN).strftime("%d.%m.%Y kl. %H:%M")
    subject = _("Du har fået et jobtilbud: %(title)s", title=opening.title)
    body = _(
        "Hej %(name)s\n\nDu har fået et tilbud om et job som %(title)s hos %(employer)s.\n"
        "Se tilbuddet og svar ja eller nej inden %(deadline)s:\n%(link)s\n\n"
        "Venlig hilsen\nJobbro",
        name=youth.first_name,
        title=opening.title,
        employer=opening.employer.name,
        deadline=deadline,
        link=_link(f"/youth/offers/{offer.id}"),
    )
    mails = []
    to = youth_email(youth)
    if to:
        mails.append(queue_mail(to, subject, body, key=f"offer-{offer.id}-youth"))
    under_18 = youth.birth_date is not None and age_on(youth.birth_date, today()) < 18
    if under_18 and youth.guardian_email:
        guardian_body = _(
            "Kære forælder\n\n%(name)s har fået et tilbud om et fritidsjob eller en "
            "læreplads. Dette er en kopi til dig.\n\n%(body)s",
            name=youth.first_name,
            body=body,
        )
        mails.append(
            queue_mail(
                youth.guardian_email, subject, guardian_body, key=f"offer-{offer.id}-guardian"
            )
        )
    return mails


def deliver_after_commit(mail_ids: list[int]) -> None:
    enqueue_mail(mail_ids)


def _employer_emails(offer: Offer) -> list[User]:
    return list(
        db.session.scalars(
            select(User).where(
                User.organisation_id == offer.opening.employer_id,
                User.role == Role.EMPLOYER,
                User.active.is_(True),
                User.email.is_not(None),
            )
        )
    )


def _change(offer: Offer, new_status: str, *, only_from=(OfferStatus.PENDING,)) -> bool:
    """Move the offer from one of ``only_from`` to ``new_status``; False if it moved already."""
    changed = db.session.execute(
        update(Offer)
        .where(Offer.id == offer.id, Offer.status.in_(list(only_from)))
        .values(status=new_status, answered_at=now_utc())
    ).rowcount
    db.session.refresh(offer)
    return bool(changed)


def exclude_pair(youth_id: int, opening_id: int, reason: str) -> None:
    exists = db.session.scalar(
        select(ExcludedPair.id).where(
            ExcludedPair.youth_id == youth_id, ExcludedPair.opening_id == opening_id
        )
    )
    if exists is None:
        db.session.add(ExcludedPair(youth_id=youth_id, opening_id=opening_id, reason=reason))


def accept_offer(offer: Offer) -> None:
    """The young person says yes: the employer may now see who it is and confirm the start."""
    if offer.status == OfferStatus.PENDING and offer.expires_at <= now_utc():
        raise OfferRefused(_("Tilbuddet er udløbet."))
    if not _change(offer, OfferStatus.ACCEPTED):
        if offer.status == OfferStatus.ACCEPTED:
            return
        raise OfferRefused(_("Tilbuddet kan ikke længere besvares."))
    mails = [
        queue_mail(
            user.email,
            _("En ung har sagt ja til jobbet %(title)s", title=offer.opening.title),
            _(
                "%(name)s har sagt ja til jobbet %(title)s.\n"
                "Se kontaktoplysningerne og bekræft startdatoen her:\n%(link)s\n\n"
                "Venlig hilsen\nJobbro",
                name=offer.youth.full_name,
                title=offer.opening.title,
                link=_link(f"/employer/offers/{offer.id}"),
            ),
            key=f"offer-{offer.id}-accepted-{user.id}",
        )
        for user in _employer_emails(offer)
    ]
    db.session.commit()
    enqueue_mail([mail.id for mail in mails])


def _close(offer: Offer, status: str, reason: str, only_from=(OfferStatus.PENDING,)) -> bool:
    if not _change(offer, status, only_from=only_from):
        return False
    ledger.release(offer, note=reason)
    exclude_pair(offer.youth_id, offer.opening_id, reason)
    return True


def decline_offer(offer: Offer) -> None:
    if not _close(offer, OfferStatus.DECLINED, "declined"):
        if offer.status == OfferStatus.DECLINED:
            return
        raise OfferRefused(_("Tilbuddet kan ikke længere besvares."))
    db.session.commit()


def withdraw_offer(offer: Offer) -> None:
    """A consultant takes back a pending offer, or an accepted one whose start never came."""
    if offer.placement is not None or not _close(
        offer,
        OfferStatus.WITHDRAWN,
        "withdrawn",
        only_from=(OfferStatus.PENDING, OfferStatus.ACCEPTED),
    ):
        raise OfferRefused(_("Tilbuddet kan ikke trækkes tilbage."))
    db.session.commit()


def expire_offers(now=None) -> int:
    """Expire pending offers past their deadline; each in its own transaction."""
    now = now or now_utc()
    ids = list(
        db.session.scalars(
            select(Offer.id).where(Offer.status == OfferStatus.PENDING, Offer.expires_at <= now)
        )
    )
    expired = 0
    for offer_id in ids:
        offer = db.session.get(Offer, offer_id)
        if _close(offer, OfferStatus.EXPIRED, "expired"):
            expired += 1
        db.session.commit()
    return expired


def confirm_start(offer: Offer, start_date: date, user: User | None) -> Placement:
    """The employer confirms the start: a placement, and the refund is committed."""
    if offer.status != OfferStatus.ACCEPTED or offer.placement is not None:
        raise OfferRefused(_("Starten kan kun bekræftes for et tilbud, den unge har sagt ja til."))
    placement = Placement(
        programme_id=offer.programme_id,
        offer_id=offer.id,
        youth_id=offer.youth_id,
        opening_id=offer.opening_id,
        track=offer.track,
        private=offer.private,
        start_date=start_date,
        status=PlacementStatus.ACTIVE,
        confirmed_by_id=user.id if user else None,
    )
    db.session.add(placement)
    ledger.commit(offer)
    db.session.commit()
    return placement


def end_placement(placement: Placement, *, no_show: bool, end_date: date, reason: str) -> None:
    """A no-show or an early end: the seat reopens and the pair is not proposed again.

    Refund: a no-show releases all of it; an early end keeps the weeks begun (pro rata of
    the committed amount) and gives the rest back.
    """
    if placement.status != PlacementStatus.ACTIVE:
        raise OfferRefused(_("Jobbet er allerede afsluttet."))
    placement.status = PlacementStatus.NO_SHOW if no_show else PlacementStatus.ENDED
    placement.end_date = end_date
    placement.end_reason = reason
    offer = placement.offer
    if no_show:
        ledger.release(offer, note="no_show")
    else:
        entry = ledger.entry_for(offer)
        if entry is not None:
            weeks = max(1, offer.opening.weeks)
            paid_weeks = min(weeks, math.ceil(max(0, (end_date - placement.start_date).days) / 7))
            kept = entry.amount_ore * paid_weeks // weeks
            ledger.settle_early_end(offer, kept, note="ended")
    exclude_pair(placement.youth_id, placement.opening_id, "no_show" if no_show else "ended")
    db.session.commit()


def sweep() -> dict:
    """The beat's housekeeping: expire offers, fail dead runs, re-send lost mail."""
    from web.services.mail import resend_stuck
    from web.services.match_runs import fail_stale_runs

    return {
        "expired": expire_offers(),
        "failed_runs": fail_stale_runs(),
        "mail": len(resend_stuck()),
    }
