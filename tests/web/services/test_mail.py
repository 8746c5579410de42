"""Outgoing mail: one row per key, delivered once, to an SMTP server or the outbox folder."""
import socket
from pathlib import Path

import pytest

from web.models import OutgoingMail
from web.services import mail



def outbox_files(app):
    return sorted(Path(app.config["MAIL_OUTBOX_DIR"]).glob("*.eml"))


def test_mail_without_a_server_lands_in_the_outbox_folder(db, app):
    """With no MAIL_SERVER, is the mail written as an .eml file and marked sent?"""
    row = mail.send_mail("ung@example.dk", "Hej", "Et job til dig", key="test-1")
    assert row.status == "sent" and row.attempts == 1
    [file] = outbox_files(app)
    text = file.read_text()
    assert "To: ung@example.dk" in text and "Et job til dig" in text


def test_same_key_is_sent_once(db, app):
    """Does sending twice with the same key make one row and one file?"""
    mail.send_mail("ung@example.dk", "Hej", "1", key="same")
    mail.send_mail("ung@example.dk", "Hej", "2", key="same")
    assert db.session.query(OutgoingMail).count() == 1
    assert len(outbox_files(app)) == 1


def test_delivering_a_sent_mail_again_sends_nothing(db, app):
    """Is a redelivered send task a no-op once the mail is sent?"""
    row = mail.send_mail("ung@example.dk", "Hej", "x", key="k")
    assert mail.deliver_mail(row.id) == "sent"
    assert len(outbox_files(app)) == 1


@pytest.fixture
def app_overrides(request):
    if "smtp_server" in request.fixturenames:
        server = request.getfixturevalue("smtp_server")
        return {"MAIL_SERVER": server.hostname, "MAIL_PORT": server.port}
    if "dead_port" in request.fixturenames:
        return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": request.getfixturevalue("dead_port"),
                "MAIL_MAX_ATTEMPTS": 2}
    return {}


@pytest.fixture
def dead_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_mail_goes_through_a_real_smtp_server(db, smtp_server):
    """With MAIL_SERVER set, does the message reach the SMTP server with its key as Message-ID?"""
    mail.send_mail("ung@example.dk", "Jobtilbud", "Svar inden fredag", key="offer-1-youth")
    [message] = smtp_server.messages
    assert message["To"] == "ung@example.dk"
    assert message["Subject"] == "Jobtilbud"
    assert message["Message-ID"] == "<offer-1-youth@jobbro.local>"


def test_unreachable_server_leaves_the_mail_queued_then_failed(db, dead_port):
    """Does a failed delivery stay queued for a retry, and fail after the last attempt?"""
    row = mail.send_mail("ung@example.dk", "Hej", "x", key="k")
    assert row.status == "queued" and row.attempts == 1 and row.last_error
    assert mail.deliver_mail(row.id) == "failed"
    assert row.attempts == 2
