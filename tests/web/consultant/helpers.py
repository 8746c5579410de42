"""Small helpers for the consultant tests: post a button, read the messages on a page."""
import re
from html import unescape

HOME = "/consultant/"


def post(browser, url: str, data: dict | None = None, **kwargs):
    """Press a button: POST with the CSRF token from the work list (any page of the session)."""
    return browser.submit(url, data or {}, form_url=HOME, **kwargs)


def field_errors(page) -> list[str]:
    html = page.get_data(as_text=True)
    return [unescape(text).strip() for text in re.findall(r'class="error"[^>]*>([^<]*)<', html)]


def flashes(page) -> list[str]:
    html = page.get_data(as_text=True)
    return [unescape(text).strip() for text in re.findall(r'class="flash[^"]*">([^<]*)<', html)]


def text(page) -> str:
    return unescape(page.get_data(as_text=True))


def reload(db, record):
    db.session.expire_all()
    return db.session.get(type(record), record.id)
