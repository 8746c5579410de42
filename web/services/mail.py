"""Outgoing e-mail: queued as a row with an idempotency key, delivered once by a task.

``send_mail`` records an :class:`OutgoingMail` row and enqueues the send task. Delivery claims
the row with a conditional update (queued → sending), so a task delivered twice, or a second
worker, sends nothing the second time. Delivery goes through SMTP when ``MAIL_SERVER`` is set,
otherwise into ``.eml`` files in ``MAIL_OUTBOX_DIR`` (the embedded demo); the consultant's
outbox page lists the rows either way.
"""
import logging
import re
import smtplib
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

from flask import current_app
from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError

from web.extensions import db
from web.models import MailStatus, OutgoingMail
from web.services.task_queue import TASK_SEND_MAIL, enqueue
from web.timeutil import now_utc

log = logging.getLogger(__name__)


class MailError(Exception):
    """Delivery failed; the row says whether it will be tried again."""


def queue_mail(to: str, subject: str, body: str, *, key: str, cc: str | None = None):
    """Add an :class:`OutgoingMail` row to the session (no commit); an existing key is reused.

    Use this inside a larger transaction, then call :func:`enqueue_mail` after the commit.
    """
    existing = db.session.scalar(select(OutgoingMail).where(OutgoingMail.key == key))
    if existing is not None:
        return existing
    mail = OutgoingMail(key=key, to=to, cc=cc or None, subject=subject, body=body)
    db.session.add(mail)
    return mail


def send_mail(to: str, subject: str, body: str, *, key: str, cc: str | None = None):
    """Record the mail under ``key`` (once), commit, and enqueue its delivery.

    Commits the session. Calling it again with the same key sends nothing new.
    """
    mail = queue_mail(to, subject, body, key=key, cc=cc)
    try:
        db.session.commit()
    except IntegrityError:  # the same key queued at the same moment elsewhere
        db.session.rollback()
        return db.session.scalar(select(OutgoingMail).where(OutgoingMail.key == key))
    enqueue_mail([mail.id])
    return mail


def enqueue_mail(mail_ids) -> None:
    """Start delivery of committed mail rows (in-process when tasks run eagerly)."""
    for mail_id in mail_ids:
        try:
            enqueue(TASK_SEND_MAIL, mail_id)
        except MailError:
            # In-process delivery failed; the row stays queued and the sweeper retries it.
            log.warning("mail %s not delivered yet", mail_id, exc_info=True)


def deliver_mail(mail_id: int) -> str:
    """Send one queued mail; returns its status. Raises :class:`MailError` to ask for a retry."""
    now = now_utc()
    claimed = db.session.execute(
        update(OutgoingMail)
        .where(OutgoingMail.id == mail_id, OutgoingMail.status == MailStatus.QUEUED)
        .values(status=MailStatus.SENDING, attempts=OutgoingMail.attempts + 1, claimed_at=now)
    ).rowcount
    db.session.commit()
    mail = db.session.get(OutgoingMail, mail_id)
    if mail is None:
        return "missing"
    if not claimed:
        return mail.status  # sent already, or another delivery is on it
    try:
        transport(mail)
    except (OSError, smtplib.SMTPException) as error:
        final = mail.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]
        mail.status = MailStatus.FAILED if final else MailStatus.QUEUED
        mail.last_error = f"{error.__class__.__name__}: {error}"[:2000]
        db.session.commit()
        if final:
            log.error("mail %s failed for good: %s", mail_id, mail.last_error)
            return mail.status
        raise MailError(mail.last_error) from error
    mail.status = MailStatus.SENT
    mail.sent_at = now_utc()
    mail.last_error = None
    db.session.commit()
    return mail.status


def build_message(mail: OutgoingMail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = mail.to
    if mail.cc:
        message["Cc"] = mail.cc
    message["Subject"] = mail.subject
    # Derived from the key, so a receiving system can drop a duplicate.
    message["Message-ID"] = f"<{re.sub(r'[^A-Za-z0-9._-]', '-', mail.key)}@jobbro.local>"
    message.set_content(mail.body)
    return message


def transport(mail: OutgoingMail) -> None:
    """SMTP when ``MAIL_SERVER`` is set, else an ``.eml`` file in ``MAIL_OUTBOX_DIR``."""
    config = current_app.config
    message = build_message(mail)
    if not config.get("MAIL_SERVER"):
        outbox = Path(config["MAIL_OUTBOX_DIR"])
        outbox.mkdir(parents=True, exist_ok=True)
        (outbox / f"{mail.id:06d}.eml").write_bytes(bytes(message))
        return
    with smtplib.SMTP(config["MAIL_SERVER"], int(config["MAIL_PORT"]), timeout=30) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        smtp.send_message(message)


def resend_stuck(older_than_seconds: int = 600) -> list[int]:
    """Queued mail whose enqueue got lost, and sending claims whose worker died: enqueue again.

    A mail claimed but never marked sent may have left already; it is retried (at least once
    beats never), and its Message-ID lets the receiver spot the duplicate.
    """
    cutoff = now_utc() - timedelta(seconds=older_than_seconds)
    db.session.execute(
        update(OutgoingMail)
        .where(OutgoingMail.status == MailStatus.SENDING, OutgoingMail.claimed_at < cutoff)
        .values(status=MailStatus.QUEUED)
    )
    db.session.commit()
    ids = list(
        db.session.scalars(
            select(OutgoingMail.id).where(
                OutgoingMail.status == MailStatus.QUEUED,
                or_(OutgoingMail.claimed_at < cutoff, OutgoingMail.created_at < cutoff),
            )
        )
    )
    enqueue_mail(ids)
    return ids


def outbox(limit: int = 200) -> list[OutgoingMail]:
    """The newest mail first, for the outbox page."""
    return list(
        db.session.scalars(
            select(OutgoingMail).order_by(OutgoingMail.id.desc()).limit(limit)
        )
    )
