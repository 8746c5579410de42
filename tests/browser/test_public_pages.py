"""The public pages in a real browser: accessible, announced errors, keyboard, zoom, English."""
import re

from playwright.sync_api import expect

from tests import factories
from tests.browser.helpers import PASSWORD, assert_no_horizontal_scroll, check


def test_front_page_is_accessible_on_a_phone(phone):
    """Does the front page pass axe-core on a 360 px phone without sideways scrolling?"""
    phone.goto("/")
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    check(phone, "00-front-page")
    assert_no_horizontal_scroll(phone)


def test_empty_signup_announces_each_error_next_to_its_field(phone):
    """Does an empty sign-up show an alert tied to each field it concerns?"""
    phone.goto("/auth/signup")
    check(phone)
    phone.get_by_role("button", name="Opret profil").click()
    check(phone, "00-signup-errors")
    first_name = phone.get_by_label("Fornavn")
    expect(first_name).to_have_attribute("aria-invalid", "true")
    error_id = first_name.get_attribute("aria-describedby").split()[-1]
    error = phone.locator(f"#{error_id}")
    expect(error).to_have_attribute("role", "alert")
    expect(error).to_have_text("Skriv dit fornavn.", use_inner_text=True)
    expect(phone.get_by_role("alert").first).to_be_visible()


ZOOM_200_ON_A_PHONE = {"width": 180, "height": 370}


def test_public_pages_reflow_at_200_percent_zoom(phone):
    """At 200 % zoom on a 360 px phone (180 CSS px), do the public pages fit without sideways scrolling?"""
    phone.set_viewport_size(ZOOM_200_ON_A_PHONE)
    for path, name in (("/", "00-zoom-front-page"), ("/auth/signup", "00-zoom-signup"),
                       ("/auth/login", None)):
        phone.goto(path)
        check(phone, name)
        assert_no_horizontal_scroll(phone)


def test_choosing_english_changes_the_page_language(phone):
    """Does the footer's language button switch the page to English and back, still accessible?"""
    phone.goto("/auth/login")
    check(phone)
    expect(phone.locator("html")).to_have_attribute("lang", "da")
    phone.get_by_role("button", name="In English").click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    assert phone.url.endswith("/auth/login"), "the language switch should stay on the page"
    check(phone, "00-login-english")
    phone.goto("/")
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    check(phone)
    phone.get_by_role("button", name="På dansk").click()
    expect(phone.locator("html")).to_have_attribute("lang", "da")
    check(phone)


def _focused_label(page) -> str:
    """The accessible name of whatever has the keyboard focus (label text, or the text)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (el.labels && el.labels.length) return el.labels[0].innerText.trim();
            return (el.getAttribute('aria-label') || el.innerText || el.value || el.tagName).trim();
        }"""
    )


def _tab_to(page, name: str, limit: int = 25) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _focused_label(page) == name:
            return
    raise AssertionError(f"Tab never reached {name!r} (stuck at {_focused_label(page)!r})")


def test_logging_in_works_with_the_keyboard_alone(laptop, live):
    """Can someone log in using only Tab, typing, Space and Enter, seeing where the focus is?"""
    from web.models import Role

    with live.db():
        factories.make_user(Role.YOUTH, email="tastatur@example.dk")
    laptop.goto("/auth/login")
    check(laptop)
    laptop.keyboard.press("Tab")
    assert _focused_label(laptop) == "Spring til indhold", "the first Tab should reach the skip link"
    expect(laptop.get_by_role("link", name="Spring til indhold")).to_be_visible()
    laptop.keyboard.press("Enter")
    _tab_to(laptop, "E-mail eller telefonnummer")
    outline = laptop.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused field should show a visible outline"
    laptop.keyboard.type("tastatur@example.dk")
    _tab_to(laptop, "Adgangskode")
    laptop.keyboard.type(PASSWORD)
    _tab_to(laptop, "Husk mig på denne enhed")
    laptop.keyboard.press("Space")
    expect(laptop.get_by_label("Husk mig på denne enhed")).to_be_checked()
    _tab_to(laptop, "Log ind")
    laptop.keyboard.press("Enter")
    expect(laptop).to_have_url(re.compile(r"/youth/(#main)?$"))
    check(laptop)
    # The menu is a <details>: Enter on its summary opens it, and the items are reachable.
    _tab_to(laptop, "Menu")
    laptop.keyboard.press("Enter")
    expect(laptop.get_by_role("button", name="Log ud")).to_be_visible()
    _tab_to(laptop, "Log ud")
    laptop.keyboard.press("Enter")
    expect(laptop.get_by_text("Du er logget ud.")).to_be_visible()
    check(laptop)
