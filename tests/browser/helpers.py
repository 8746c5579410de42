"""What every journey does on each page: check it with axe-core, take its screenshot, and the
small moves a person makes (log in, log out, open the menu)."""
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
from playwright.sync_api import Page, expect

from tests import factories

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
CONSULTANT_EMAIL = "konsulent@jobcenter-test.dk"
ADMIN_EMAIL = "admin@jobcenter-test.dk"
PASSWORD = factories.PASSWORD
BLOCKING_IMPACTS = ("serious", "critical")


class Visits:
    """Which pages a browser tab loaded and which of them were checked with axe.

    A journey that loads a page and never checks it fails: every page a journey visits is
    scanned, not only the ones someone remembered.
    """

    def __init__(self) -> None:
        self.loaded: list[str] = []
        self.scanned: set[str] = set()

    @classmethod
    def attach(cls, page: Page) -> "Visits":
        visits = cls()
        page._jobbro_visits = visits
        page.on("load", lambda p: visits.loaded.append(_page_key(p.url)))
        return visits

    def assert_all_scanned(self) -> None:
        missed = [url for url in dict.fromkeys(self.loaded) if url not in self.scanned]
        assert not missed, "pages loaded but never checked with axe: " + ", ".join(missed)


def _page_key(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _report_all(page: Page, violations: list[dict]) -> None:
    """With JOBBRO_AXE_REPORT=<file>, append every violation (any impact) to that file."""
    target = os.environ.get("JOBBRO_AXE_REPORT")
    if target and violations:
        with open(target, "a", encoding="utf-8") as out:
            out.write(f"{_page_key(page.url)}\n{describe_violations(violations)}\n")


def axe_violations(page: Page, impacts=BLOCKING_IMPACTS) -> list[dict]:
    """Run axe-core (WCAG 2.1 A/AA and best practices) on the page; the violations at ``impacts``."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        """async () => {
            const r = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                 'wcag22aa', 'best-practice']},
                resultTypes: ['violations'],
            });
            return r.violations;
        }"""
    )
    _report_all(page, results)
    return [v for v in results if v.get("impact") in impacts]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:8]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}: {summary[:300]}")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """No serious or critical axe-core violation on the page as it is now."""
    violations = axe_violations(page)
    visits = getattr(page, "_jobbro_visits", None)
    if visits is not None:
        visits.scanned.add(_page_key(page.url))
    assert not violations, (
        f"axe-core found serious/critical problems on {page.url}:\n" + describe_violations(violations)
    )


def shot(page: Page, name: str) -> Path:
    """Save a full-page screenshot of the step as test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def check(page: Page, name: str | None = None) -> None:
    """The step's page is accessible (and fits a phone's width); with ``name`` its screenshot is
    saved too."""
    page.wait_for_load_state("load")
    assert_accessible(page)
    if page.viewport_size and page.viewport_size["width"] <= 480:
        assert_no_horizontal_scroll(page)
    if name:
        shot(page, name)


def assert_no_horizontal_scroll(page: Page) -> None:
    """Nothing sticks out sideways. Compared with the configured viewport, because a mobile
    browser widens its layout viewport (and ``innerWidth``) to fit content that overflows."""
    width = page.viewport_size["width"]
    content, widest = page.evaluate(
        """(limit) => {
            const width = document.scrollingElement.scrollWidth;
            const culprits = [];
            for (const el of document.body.querySelectorAll('*')) {
                const box = el.getBoundingClientRect();
                const right = Math.max(box.right, box.left + el.scrollWidth);
                if (right > limit + 1 && box.width > 0) {
                    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                        + (typeof el.className === 'string' && el.className.trim()
                           ? '.' + el.className.trim().split(/ +/).join('.') : '');
                    culprits.push(`${name} to ${Math.round(right)} px`
                        + ` ("${(el.innerText || '').trim().slice(0, 30)}")`);
                }
            }
            return [width, culprits.slice(-4).join('; ')];
        }""",
        width,
    )
    assert content <= width, (
        f"{page.url} scrolls sideways: content {content} px wide in a {width} px window; "
        f"sticking out: {widest}"
    )


def open_menu(page: Page) -> None:
    """Open the header's disclosure menu (a <details>), if it is closed."""
    menu = page.locator("details.menu")
    if menu.get_attribute("open") is None:
        page.get_by_text("Menu", exact=True).click()


def log_in(page: Page, login: str, password: str = PASSWORD) -> None:
    page.goto("/auth/login")
    check(page)
    page.get_by_label("E-mail eller telefonnummer").fill(login)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("button", name="Menu").or_(page.locator("summary", has_text="Menu"))).to_be_visible()


def log_out(page: Page) -> None:
    open_menu(page)
    page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_text("Du er logget ud.")).to_be_visible()


def work_item(page: Page, name: str):
    """The consultant work list's entry whose heading is ``name``."""
    return page.locator("li.work-item").filter(has=page.get_by_role("heading", name=name, exact=True))


def consultant_approves(page: Page, *names: str, shot_name: str | None = None) -> None:
    """On the consultant's work list, press "Godkend" on each named entry in turn."""
    page.goto("/consultant/")
    check(page, shot_name)
    for name in names:
        item = work_item(page, name)
        expect(item).to_be_visible()
        item.get_by_role("button", name="Godkend").click()
        expect(page.locator(".flashes")).to_contain_text(name)
        expect(work_item(page, name)).to_have_count(0)
        check(page)
