"""A real local SMTP server (aiosmtpd) for tests that check mail delivery."""
import socket
from email import message_from_bytes, policy

import pytest


class Inbox:
    """Collects every message the server receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    """An aiosmtpd server on 127.0.0.1 and a free port; ``.messages`` holds what arrived."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.hostname, inbox.port = controller.hostname, controller.port
    yield inbox
    controller.stop()
