"""The job centre's own pages in a real browser: every page in the consultant's and the admin's
menus, and a record of each kind, pass axe-core; a rejection without a reason is announced."""
import re

import pytest
from playwright.sync_api import Page, expect

from tests import factories
from tests.browser.helpers import ADMIN_EMAIL, CONSULTANT_EMAIL, check, log_in, open_menu
from web.models import OpeningStatus, OrganisationKind, ProfileStatus, ReviewStatus


@pytest.fixture(scope="module")
def records(live):
    """One record of each kind, some waiting for a decision."""
    with live.db():
        employer = factories.make_organisation(
            OrganisationKind.EMPLOYER, name="Plejecenter Solgården", employer_kind="municipal",
            status=ReviewStatus.APPROVED,
        )
        factories.make_opening(employer, title="Hjælper i cafeen på plejecentret",
                               status=OpeningStatus.PENDING, refund_requested=True)
        factories.make_organisation(OrganisationKind.PARTNER, name="Ungdomsklubben Bispebjerg",
                                    status=ReviewStatus.PENDING)
        factories.make_youth(first_name="Sofie", last_name="Larsen", status=ProfileStatus.PENDING,
                             vetted_at=None)


def visit_menu(page: Page, prefix: str) -> list[str]:
    """Open every link in the main menu in turn, checking each page; returns their names."""
    open_menu(page)
    links = page.get_by_role("navigation", name="Hovedmenu").get_by_role("link")
    names = [name.strip() for name in links.all_inner_texts()]
    for index, name in enumerate(names):
        open_menu(page)
        page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name=name, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        check(page, f"{prefix}-{index + 1}")
    return names


def test_every_consultant_page_passes_axe(records, new_laptop):
    """Do the consultant's menu pages, search pages and records pass axe-core?"""
    with new_laptop() as page:
        log_in(page, CONSULTANT_EMAIL)
        check(page)
        names = visit_menu(page, "06-consultant-menu")
        assert "Arbejdsliste" in names and "Matchning" in names
        for button, record in (
            ("Søg unge", "Sofie Larsen"),
            ("Søg opslag", "Hjælper i cafeen på plejecentret"),
            ("Organisationer", "Ungdomsklubben Bispebjerg"),
        ):
            page.goto("/consultant/")
            page.get_by_role("link", name=button).click()
            check(page)
            page.get_by_role("main").get_by_role("link", name=record).first.click()
            expect(page.get_by_role("heading", level=1)).to_contain_text(record.split()[0])
            check(page)
        page.goto("/consultant/runs/preview")
        check(page, "06-consultant-run-preview")


def test_rejecting_without_a_reason_is_announced_next_to_the_reason(records, new_laptop):
    """Does rejecting without a reason show an alert tied to the reason box, keeping the page?"""
    with new_laptop() as page:
        log_in(page, CONSULTANT_EMAIL)
        page.goto("/consultant/")
        check(page)
        page.get_by_role("main").get_by_role("link", name="Ungdomsklubben Bispebjerg").click()
        check(page)
        page.get_by_text("Afvis …").click()
        page.get_by_role("button", name="Afvis med begrundelse").click()
        reason = page.get_by_label("Begrundelse")
        expect(reason).to_have_attribute("aria-invalid", "true")
        described = reason.get_attribute("aria-describedby").split()
        error = page.locator(f"#{described[-1]}")
        expect(error).to_have_attribute("role", "alert")
        expect(error).not_to_be_empty()
        check(page, "06-consultant-reject-without-reason")


def test_every_admin_page_passes_axe_and_creates_a_consultant(records, new_laptop):
    """Do the admin's pages pass axe-core, and can an admin make a consultant account?"""
    with new_laptop() as page:
        log_in(page, ADMIN_EMAIL)
        check(page)
        visit_menu(page, "07-admin-menu")
        page.goto("/admin/users/new")
        check(page)
        page.get_by_role("button", name="Opret konsulent").click()
        expect(page.get_by_role("alert").first).to_be_visible()
        check(page)
        invalid = page.locator("[aria-invalid=true]").first
        error_id = invalid.get_attribute("aria-describedby").split()[-1]
        expect(page.locator(f"#{error_id}")).to_have_attribute("role", "alert")
        assert re.search("konsulent", page.title(), re.I)
