"""Journeys 4 and 5, in order on the same data:

4. a consultant vets a new employer, its two openings and two young people, starts a match
   run, watches it finish and approves the proposals;
5. the young person accepts the offer on a phone; the employer then sees the name and
   confirms the start.
"""
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests import factories
from tests.browser.helpers import (
    CONSULTANT_EMAIL,
    PASSWORD,
    check,
    consultant_approves,
    log_in,
    open_menu,
    shot,
)
from web.models import (
    OpeningStatus,
    OrganisationKind,
    ProfileStatus,
    ReviewStatus,
    Role,
    YouthProfile,
)
from web.timeutil import today

EMPLOYER = "Blågård El & Butik ApS"
EMPLOYER_EMAIL = "jonas@blaagaard-el.dk"
LEISURE_JOB = "Butiksmedhjælper på Blågårds Plads"
APPRENTICESHIP = "Elektrikerelev"
LAYLA_EMAIL = "layla@example.dk"

# What journey 4 leaves for journey 5.
journey: dict = {}


def young_person(email: str, **profile_fields) -> YouthProfile:
    """A young person with a login whose finished profile waits for a consultant."""
    user = factories.make_user(Role.YOUTH, email=email, name=profile_fields["first_name"])
    factories.db.session.flush()
    profile = factories.db.session.scalar(select(YouthProfile).where(YouthProfile.user_id == user.id))
    availability = profile_fields.pop("availability", None)
    for name, value in profile_fields.items():
        setattr(profile, name, value)
    if availability is not None:
        from web.models import AvailabilityWindow

        profile.availability = [
            AvailabilityWindow(day_index=d, start_minute=s, end_minute=e) for d, s, e in availability
        ]
    profile.status = ProfileStatus.PENDING
    profile.vetted_at = None
    profile.pool_since = None
    return profile


@pytest.fixture(scope="module")
def waiting_for_the_consultant(live):
    """A new employer with a leisure job and an apprenticeship, and two young people, all
    waiting for the consultant (as journeys 1–3 leave them)."""
    with live.db() as session:
        # Nobody else may be in the pool: the run below is about these two.
        for profile in session.scalars(
            select(YouthProfile).where(YouthProfile.status == ProfileStatus.ACTIVE)
        ):
            profile.status = ProfileStatus.PAUSED
        employer = factories.make_organisation(
            OrganisationKind.EMPLOYER, name=EMPLOYER, status=ReviewStatus.PENDING, postcode="2200"
        )
        factories.make_user(Role.EMPLOYER, organisation=employer, email=EMPLOYER_EMAIL, name="Jonas Berg")
        factories.make_opening(
            employer, title=LEISURE_JOB, status=OpeningStatus.PENDING, sector="retail",
            shifts=[(0, 16 * 60, 19 * 60), (3, 16 * 60, 19 * 60)],
        )
        factories.make_opening(
            employer, title=APPRENTICESHIP, status=OpeningStatus.PENDING, track="apprenticeship",
            sector="trades", education="electrician", weeks=104, hourly_wage_ore=7500,
            min_age=17, legal_category="general", start_date=today() + timedelta(days=30),
            shifts=[(day, 7 * 60, 15 * 60) for day in range(5)],
        )
        young_person(LAYLA_EMAIL, first_name="Layla", last_name="Ahmed", interests={"retail": 1.0})
        young_person(
            "omar@example.dk", first_name="Omar", last_name="Khalil",
            birth_date=factories.years_ago(20), wants_leisure=False, wants_apprenticeship=True,
            education="electrician", interests={"trades": 1.0}, max_weekly_minutes=40 * 60,
            availability=[(day, 6 * 60, 17 * 60) for day in range(5)],
        )


def test_a_consultant_vets_runs_the_match_and_approves_proposals(
    waiting_for_the_consultant, new_laptop, live
):
    """Can a consultant approve the new employer, openings and profiles, run a match and
    approve what it proposes?"""
    with new_laptop() as consultant:
        log_in(consultant, CONSULTANT_EMAIL)
        check(consultant, "04-consultant-work-list")
        consultant_approves(
            consultant, EMPLOYER, LEISURE_JOB, APPRENTICESHIP, "Layla Ahmed", "Omar Khalil"
        )

        open_menu(consultant)
        consultant.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Matchning").click()
        expect(consultant.get_by_role("heading", name="Matchning", level=1)).to_be_visible()
        check(consultant, "04-consultant-runs")
        consultant.get_by_role("button", name="Start matchning nu").click()
        expect(consultant.get_by_role("heading", name=re.compile(r"^Kørsel \d+$"))).to_be_visible()
        expect(consultant.locator("#run-status-badge")).to_have_text("Færdig", timeout=60_000)
        expect(consultant.get_by_role("heading", name=f"Layla Ahmed → {LEISURE_JOB}")).to_be_visible()
        expect(consultant.get_by_role("heading", name=f"Omar Khalil → {APPRENTICESHIP}")).to_be_visible()
        expect(consultant.get_by_text("Meget interesseret i butik og detailhandel")).to_be_visible()
        check(consultant, "04-consultant-run-review")

        layla = consultant.locator("li[id^=proposal-]").filter(
            has=consultant.get_by_role("heading", name=f"Layla Ahmed → {LEISURE_JOB}"))
        layla.get_by_role("button", name="Godkend").click()
        expect(consultant.get_by_text("Forslaget er godkendt, og den unge har fået et tilbud.")).to_be_visible()
        check(consultant)
        consultant.get_by_role("button", name=re.compile(r"^Godkend alle 1 forslag$")).click()
        expect(consultant.get_by_text("1 forslag er godkendt og sendt som tilbud.")).to_be_visible()
        expect(consultant.get_by_role("button", name="Godkend", exact=True)).to_have_count(0)
        check(consultant, "04-consultant-run-approved")

    with new_laptop() as employer:
        log_in(employer, EMPLOYER_EMAIL)
        check(employer)
        open_menu(employer)
        employer.get_by_role("link", name="Tilbud og ansatte unge").click()
        expect(employer.get_by_role("link", name=re.compile(LEISURE_JOB))).to_be_visible()
        expect(employer.locator("main")).not_to_contain_text("Layla")
        check(employer, "04-employer-anonymous-offers")
        employer.get_by_role("link", name=re.compile(LEISURE_JOB)).click()
        expect(employer.get_by_role("heading", name=re.compile(r"^Ung #?\d+$"))).to_be_visible()
        expect(employer.get_by_text("Meget interesseret i butik og detailhandel")).to_be_visible()
        expect(employer.locator("main")).not_to_contain_text("Layla")
        expect(employer.locator("main")).not_to_contain_text(LAYLA_EMAIL)
        check(employer, "04-employer-anonymous-offer")
    journey["approved"] = True


def test_the_young_person_accepts_on_a_phone_and_the_employer_confirms_the_start(
    new_phone, new_laptop, live
):
    """Does the young person see the offer on a phone and accept it, and can the employer
    then see the name and confirm the first working day?"""
    if not journey.get("approved"):
        pytest.skip("needs journey 4's approved proposals")
    with new_phone() as phone:
        log_in(phone, LAYLA_EMAIL, PASSWORD)
        expect(phone.get_by_role("heading", name="Jobtilbud")).to_be_visible()
        expect(phone.get_by_text(LEISURE_JOB)).to_be_visible()
        check(phone, "05-youth-home-with-offer")
        phone.get_by_role("link", name="Se tilbuddet og svar").click()
        expect(phone.get_by_role("heading", name=LEISURE_JOB)).to_be_visible()
        check(phone, "05-youth-offer")
        size = phone.viewport_size
        phone.set_viewport_size({"width": 180, "height": 370})  # 200 % zoom on this phone
        check(phone, "05-youth-offer-zoom")
        open_menu(phone)
        menu = phone.get_by_role("navigation", name="Hovedmenu").bounding_box()
        assert menu["x"] >= 0 and menu["x"] + menu["width"] <= 180, f"the open menu is off screen: {menu}"
        shot(phone, "05-youth-menu-zoom")
        phone.locator("details.menu > summary").click()
        phone.set_viewport_size(size)
        phone.get_by_role("button", name="Ja tak, det vil jeg gerne").click()
        expect(phone.locator(".notice")).to_contain_text("Du har sagt ja.")
        check(phone, "05-youth-accepted")

    with new_laptop() as employer:
        log_in(employer, EMPLOYER_EMAIL)
        check(employer)
        open_menu(employer)
        employer.get_by_role("link", name="Tilbud og ansatte unge").click()
        check(employer)
        employer.get_by_role("link", name=re.compile(LEISURE_JOB)).click()
        expect(employer.get_by_role("heading", name="Layla Ahmed")).to_be_visible()
        expect(employer.get_by_role("link", name=LAYLA_EMAIL)).to_be_visible()
        check(employer, "05-employer-sees-the-name")
        employer.get_by_label("Første arbejdsdag").fill((today() + timedelta(days=7)).isoformat())
        employer.get_by_role("button", name="Bekræft start").click()
        expect(employer.get_by_text("Starten er bekræftet.")).to_be_visible()
        expect(employer.get_by_role("heading", name="Ansat")).to_be_visible()
        check(employer, "05-employer-confirmed-start")
