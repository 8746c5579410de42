"""Journey 2: a partner registers, is approved, registers a young person and sends the
invitation; the young person opens the link on a phone and takes over the login."""
import re
from datetime import date

from playwright.sync_api import expect

from tests.browser.helpers import (
    CONSULTANT_EMAIL,
    check,
    consultant_approves,
    log_in,
    log_out,
)

ORGANISATION = "Boligsocialt Hus Mjølnerparken"
STAFF_EMAIL = "sara@mjolnerparken.dk"
STAFF_PASSWORD = "helhedsplan-2024"
YOUTH_EMAIL = "yusuf@example.dk"


def nineteen_years_ago() -> str:
    today = date.today()
    return date(today.year - 19, 1, 20).isoformat()


def test_a_partner_registers_a_young_person_who_takes_over_the_login(new_laptop, new_phone, live):
    """Can a partner sign up, be approved, register a young person and hand over the login?"""
    with new_laptop() as partner, new_laptop() as consultant:
        partner.goto("/")
        check(partner)
        partner.get_by_role("link", name="Registrér jeres organisation").click()
        check(partner, "02-partner-register")
        partner.get_by_label("Organisationens navn").fill(ORGANISATION)
        partner.get_by_label("Hvilken slags organisation?").select_option(index=1)
        partner.get_by_label("Postnummer").fill("2200")
        partner.get_by_label("Organisationens telefonnummer").fill("33 44 55 66")
        partner.get_by_label("Dit navn").fill("Sara Nielsen")
        partner.get_by_label("Din e-mail").fill(STAFF_EMAIL)
        partner.get_by_label("Vælg en adgangskode").fill(STAFF_PASSWORD)
        partner.get_by_label("Gentag adgangskoden").fill(STAFF_PASSWORD)
        partner.get_by_role("button", name="Registrér").click()
        expect(partner.get_by_text("venter på godkendelse fra jobcentret")).to_be_visible()
        check(partner, "02-partner-awaiting")

        log_in(consultant, CONSULTANT_EMAIL)
        check(consultant)
        consultant_approves(consultant, ORGANISATION, shot_name="02-consultant-work-list")

        partner.reload()
        expect(partner.get_by_role("heading", name="Vores unge")).to_be_visible()
        check(partner)
        partner.get_by_role("link", name="Tilmeld en ung").click()
        expect(partner.get_by_role("heading", name="Tilmeld en ung")).to_be_visible()
        check(partner)
        partner.get_by_label("Fornavn").fill("Yusuf")
        partner.get_by_label("Efternavn").fill("Ali")
        partner.get_by_label("Den unges e-mail").fill(YOUTH_EMAIL)
        partner.get_by_label("Fødselsdato").fill(nineteen_years_ago())
        partner.get_by_label("Postnummer").fill("2200")
        partner.get_by_role("group", name="Er du færdig med 9. klasse?").get_by_label("Ja").check()
        partner.get_by_role("group", name="Hvad søger du?").get_by_label("Fritidsjob").check()
        partner.get_by_role("group", name="Lager, logistik og transport").get_by_label("Meget interesseret").check()
        partner.get_by_role("group", name="Hvilke sprog kan du tale?").get_by_label("Dansk").check()
        row = partner.locator(".window-row").first
        row.get_by_label("Dag").select_option(label="lørdag")
        row.get_by_label("Fra").fill("09:00")
        row.get_by_label("Til").fill("16:00")
        partner.get_by_label("Hvor mange timer om ugen vil du højst arbejde?").fill("7")
        partner.get_by_label("Hvor langt vil du højst rejse til jobbet?").fill("10")
        partner.get_by_role("checkbox", name=re.compile("Den unge har givet samtykke")).check()
        partner.get_by_role("group", name="Hvordan gav den unge samtykke?").get_by_label("Mundtligt").check()
        partner.get_by_role("button", name="Tilmeld").click()
        expect(partner.get_by_text("Yusuf Ali er tilmeldt")).to_be_visible()
        check(partner, "02-partner-youth-detail")

        partner.get_by_role("button", name="Lav et invitationslink").click()
        link = partner.get_by_label("Linket").input_value()
        assert link.startswith(live.url + "/auth/invitation/"), link
        expect(partner.get_by_text(f"sendt linket på e-mail til {YOUTH_EMAIL}")).to_be_visible()
        check(partner, "02-partner-invitation")
        assert any(YOUTH_EMAIL in mail for mail in live.mails()), "no invitation mail was written"

    with new_phone() as youth:
        youth.goto(link)
        expect(youth.get_by_role("heading", name="Hej Yusuf")).to_be_visible()
        check(youth, "02-youth-invitation")
        expect(youth.get_by_label("E-mail eller mobilnummer")).to_have_value(YOUTH_EMAIL)
        youth.get_by_label("Vælg en adgangskode").fill("yusuf-kode-123")
        youth.get_by_label("Gentag adgangskoden").fill("yusuf-kode-123")
        youth.get_by_role("button", name="Gem og log ind").click()
        expect(youth.get_by_text("Nu er profilen din")).to_be_visible()
        expect(youth.get_by_role("heading", name="Hej Yusuf")).to_be_visible()
        check(youth, "02-youth-home-after-invitation")
        log_out(youth)
        check(youth)
        log_in(youth, YOUTH_EMAIL, "yusuf-kode-123")
        expect(youth.get_by_role("heading", name="Hej Yusuf")).to_be_visible()
        check(youth)
        # The link works once only.
        youth.goto(link)
        check(youth)
