"""Journey 3: an employer registers, is approved, and posts a leisure job and an apprenticeship."""
from datetime import timedelta

from playwright.sync_api import Page, expect

from tests import factories
from tests.browser.helpers import CONSULTANT_EMAIL, check, consultant_approves, log_in, open_menu
from web.timeutil import today

COMPANY = "Nørrebro Cykler ApS"
EMAIL = "mette@norrebrocykler.dk"
PASSWORD = "cykler-og-boller"


def post_opening(page: Page, *, track: str, title: str, sector: str, shifts, wage: str,
                 education: str | None = None, weeks: str = "20", shot_name: str | None = None,
                 expect_warning: bool = False):
    """Fill the opening form as an employer would and save it (past a young-workers' warning)."""
    page.get_by_role("link", name="Lav et nyt opslag").click()
    expect(page.get_by_role("heading", name="Nyt opslag")).to_be_visible()
    check(page, shot_name)
    page.get_by_role("group", name="Hvilken slags job?").get_by_label(track, exact=True).check()
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Branche").select_option(label=sector)
    page.get_by_label("Hvad skal man lave?").fill("Du hjælper kunderne og lærer værkstedet at kende.")
    if education:
        page.get_by_label("Uddannelse (kun elevpladser)").select_option(label=education)
    page.get_by_label("Startdato").fill((today() + timedelta(days=21)).isoformat())
    page.get_by_label("Antal uger").fill(weeks)
    for index, (day, start, end) in enumerate(shifts, start=1):
        page.get_by_label(f"Dag (vagt {index})").select_option(label=day)
        page.get_by_label(f"Fra (vagt {index})").fill(start)
        page.get_by_label(f"Til (vagt {index})").fill(end)
    page.get_by_label("Timeløn i kroner").fill(wage)
    page.get_by_role("group", name="Hvilken slags arbejdsplads?").get_by_label("Butik eller kontor").check()
    page.get_by_role("button", name="Gem opslaget").click()
    save_anyway = page.get_by_role("button", name="Gem alligevel")
    expect(page.get_by_role("heading", name=title).or_(save_anyway)).to_be_visible()
    if expect_warning:
        expect(save_anyway).to_be_visible()
    if save_anyway.count():
        expect(page.get_by_text("Advarsel om unges arbejdstid")).to_be_visible()
        check(page, shot_name and f"{shot_name}-warning")
        save_anyway.click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    check(page)


def test_an_employer_registers_is_approved_and_posts_two_openings(new_laptop, live):
    """Can an employer register, get approved, and post a leisure job and an apprenticeship?"""
    with new_laptop() as employer, new_laptop() as consultant:
        employer.goto("/")
        check(employer)
        employer.get_by_role("link", name="Registrér jeres virksomhed").click()
        expect(employer.get_by_role("heading", name="Registrér jeres virksomhed")).to_be_visible()
        check(employer, "03-employer-register")
        employer.get_by_label("Virksomhedens navn").fill(COMPANY)
        employer.get_by_label("CVR-nummer").fill(factories.valid_cvr(4242))
        employer.get_by_role("group", name="Hvilken slags arbejdsplads er I?").get_by_label(
            "Privat virksomhed (også socialøkonomisk)").check()
        employer.get_by_label("Postnummer").fill("2200")
        employer.get_by_label("Telefonnummer til jeres kontaktperson").fill("35 36 37 38")
        employer.get_by_label("Dit navn").fill("Mette Jensen")
        employer.get_by_label("Din e-mail").fill(EMAIL)
        employer.get_by_label("Vælg en adgangskode").fill(PASSWORD)
        employer.get_by_label("Gentag adgangskoden").fill(PASSWORD)
        employer.get_by_role("button", name="Registrér virksomheden").click()
        expect(employer.get_by_text("Jeres virksomhed venter på godkendelse")).to_be_visible()
        check(employer, "03-employer-awaiting")

        log_in(consultant, CONSULTANT_EMAIL)
        check(consultant)
        consultant_approves(consultant, COMPANY)

        employer.reload()
        expect(employer.get_by_text("Jeres virksomhed venter på godkendelse")).to_have_count(0)
        check(employer)
        post_opening(
            employer, track="Fritidsjob", title="Hjælper i cykelbutikken", sector="Butik og detailhandel",
            shifts=[("tirsdag", "16:00", "19:00"), ("lørdag", "10:00", "14:00")], wage="98,50",
            shot_name="03-employer-new-opening", expect_warning=True,
        )
        open_menu(employer)
        employer.get_by_role("link", name="Vores opslag").click()
        check(employer)
        post_opening(
            employer, track="Elev- eller læreplads", title="Cykelmekanikerelev", sector="Håndværk og byggeri",
            education="Automekaniker", weeks="104",
            shifts=[(day, "07:30", "15:00") for day in ("mandag", "tirsdag", "onsdag", "torsdag", "fredag")],
            wage="75,00",
        )
        employer.goto("/employer/")
        expect(employer.get_by_text("Hjælper i cykelbutikken")).to_be_visible()
        expect(employer.get_by_text("Cykelmekanikerelev")).to_be_visible()
        check(employer, "03-employer-openings")
