"""Journey 1: a young person on a phone signs up in Danish, builds the profile, logs out and in."""
import re
from datetime import date

from playwright.sync_api import Page, expect

from tests.browser.helpers import assert_no_horizontal_scroll, check, log_in, log_out, open_menu

ZOOM_200_ON_A_PHONE = {"width": 180, "height": 370}
EMAIL = "amina@example.dk"
PASSWORD = "min-hemmelige-kode"


def sixteen_years_ago() -> str:
    today = date.today()
    return date(today.year - 16, 3 if today.month != 3 else 4, 14).isoformat()


def fill_signup(page: Page, *, first_name: str, login: str, password: str) -> None:
    page.get_by_label("Fornavn").fill(first_name)
    page.get_by_label("E-mail eller mobilnummer").fill(login)
    page.get_by_label("Vælg en adgangskode").fill(password)
    page.get_by_label("Gentag adgangskoden").fill(password)
    page.get_by_role("checkbox", name=re.compile("Jeg giver samtykke")).check()


def fill_profile_steps(page: Page, shots: str | None = None) -> None:
    """The four wizard steps, as a 16-year-old on Nørrebro who wants a leisure job."""
    expect(page.get_by_text("Trin 1 af 4")).to_be_visible()
    check(page, shots and f"{shots}-step-1")
    page.get_by_label("Efternavn").fill("Hassan")
    page.get_by_label("Fødselsdato").fill(sixteen_years_ago())
    page.get_by_label("Postnummer").fill("2200")
    expect(page.locator("#postcode-district")).not_to_be_empty()
    page.get_by_role("group", name="Er du færdig med 9. klasse?").get_by_label("Ja").check()
    page.get_by_role("button", name="Næste").click()

    expect(page.get_by_text("Trin 2 af 4")).to_be_visible()
    check(page, shots and f"{shots}-step-2")
    page.get_by_role("group", name="Hvad søger du?").get_by_label("Fritidsjob").check()
    page.get_by_role("group", name="Butik og detailhandel").get_by_label("Meget interesseret").check()
    page.get_by_role("group", name="Café, restaurant og hotel").get_by_label("Interesseret", exact=True).check()
    languages = page.get_by_role("group", name="Hvilke sprog kan du tale?")
    languages.get_by_label("Dansk").check()
    languages.get_by_label("Arabisk").check()
    page.get_by_role("button", name="Næste").click()

    expect(page.get_by_text("Trin 3 af 4")).to_be_visible()
    check(page, shots and f"{shots}-step-3")
    # The free-time rows are the widest form: at 200 % zoom (180 CSS px) they still fit.
    size = page.viewport_size
    page.set_viewport_size(ZOOM_200_ON_A_PHONE)
    check(page, shots and f"{shots}-step-3-zoom")
    page.set_viewport_size(size)
    rows = page.locator(".window-row")
    for index, (day, start, end) in enumerate(
        (("mandag", "15:00", "20:00"), ("torsdag", "15:00", "20:00"))
    ):
        row = rows.nth(index)
        row.get_by_label("Dag").select_option(label=day)
        row.get_by_label("Fra").fill(start)
        row.get_by_label("Til").fill(end)
    page.get_by_label("Hvor mange timer om ugen vil du højst arbejde?").fill("8")
    page.get_by_label("Hvor langt vil du højst rejse til jobbet?").fill("6")
    page.get_by_role("button", name="Næste").click()

    expect(page.get_by_text("Trin 4 af 4")).to_be_visible()
    check(page, shots and f"{shots}-step-4")
    page.get_by_label("Navn på forælder eller værge").fill("Fatima Hassan")
    page.get_by_label("Forælderens telefonnummer").fill("20 30 40 50")
    page.get_by_label(re.compile("alment boligområde")).check()
    page.get_by_role("button", name="Send min profil").click()


def test_a_young_person_signs_up_and_builds_a_profile_on_a_phone(phone, live):
    """Can a 16-year-old sign up on a phone, fill the four steps, log out and log in again?"""
    phone.goto("/")
    check(phone)
    phone.get_by_role("link", name="Opret profil").click()
    expect(phone.get_by_role("heading", name="Opret din profil")).to_be_visible()
    check(phone, "01-youth-signup")
    assert_no_horizontal_scroll(phone)
    fill_signup(phone, first_name="Amina", login=EMAIL, password=PASSWORD)
    phone.get_by_role("button", name="Opret profil").click()
    expect(phone.get_by_text("Velkommen til Jobbro!")).to_be_visible()

    fill_profile_steps(phone, shots="01-youth")

    expect(phone.get_by_text("Din profil er sendt til jobcentret")).to_be_visible()
    expect(phone.get_by_role("heading", name="Hej Amina")).to_be_visible()
    expect(phone.get_by_text("Venter på jobcentret")).to_be_visible()
    check(phone, "01-youth-home")
    assert_no_horizontal_scroll(phone)

    open_menu(phone)
    phone.get_by_role("link", name="Min profil").click()
    expect(phone.get_by_text("Hassan").first).to_be_visible()
    check(phone, "01-youth-profile")
    assert_no_horizontal_scroll(phone)

    log_out(phone)
    check(phone)
    log_in(phone, EMAIL, PASSWORD)
    expect(phone.get_by_role("heading", name="Hej Amina")).to_be_visible()
    check(phone)

    # With English chosen the signed-in pages still work (and remember the choice).
    phone.get_by_role("button", name="In English").click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    check(phone, "01-youth-home-english")
    open_menu(phone)
    phone.locator("nav").get_by_role("link").nth(1).click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    check(phone)
    phone.get_by_role("button", name="På dansk").click()
    expect(phone.locator("html")).to_have_attribute("lang", "da")
    check(phone)
