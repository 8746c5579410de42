"""The public pages in a real browser: accessible, announced errors, keyboard, zoom, English."""
from playwright.sync_api import expect

from tests.browser.helpers import assert_no_horizontal_scroll, check


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
