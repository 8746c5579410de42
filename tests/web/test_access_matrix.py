"""The access matrix: every view that takes an id, tried by every role and every organisation.

The list of views comes from the app's URL map: every rule with an argument (``<int:...>``,
``<token>``, ...) must be classified in ``ACCESS`` below, or ``test_every_view_with_an_argument
_is_classified`` fails and names it. A classification says which URL arguments to fill from a
small world (two partners, two employers, each with a user and their own records) and which
*principals* may use the view on organisation A's records. Everyone else must get 403 or 404
(never 200, never a redirect that acts); anonymous visitors are sent to the login page, or get
401 when they ask for JSON.

To classify a new view, add one line to ``ACCESS``; if it needs a new kind of record, add it to
``build_world`` under a new key.
"""
import re
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests import factories
from web import create_app
from web.extensions import db
from web.models import Opening, OrganisationKind, OutgoingMail, Role, YouthProfile
from web.timeutil import now_utc, today

PRINCIPALS = (
    "anonymous",
    "youth_a",
    "youth_b",
    "partner_a",
    "partner_b",
    "employer_a",
    "employer_b",
    "consultant",
    "admin",
)


def only(*principals: str) -> frozenset[str]:
    unknown = set(principals) - set(PRINCIPALS)
    assert not unknown, f"unknown principals {unknown}"
    return frozenset(principals)


CONSULTANTS = only("consultant")
STAFF = only("consultant", "admin")  # the match-run pages let admins in too
ADMINS = only("admin")
ANY_YOUTH = only("youth_a", "youth_b")


@dataclass(frozen=True)
class Case:
    """A view on organisation A's records.

    ``args`` maps each URL argument to a key of the world (a record's id) or to a literal.
    ``allowed`` are the principals who may use it; all others must get 403/404.
    ``get_ok``: allowed principals get a page (< 400) on GET, which proves the world fits.
    """

    args: dict[str, object]
    allowed: frozenset[str]
    get_ok: bool = True
    note: str = ""


@dataclass(frozen=True)
class Public:
    """A view with an argument that is not a protected record (a language code, a file)."""

    reason: str


ACCESS: dict[str, Case | Public] = {
    # --- public and auth ---
    "static": Public("stylesheets, scripts and icons"),
    "public.set_language": Public("the language code is not a record"),
    "auth.accept_invitation": Public("whoever holds the secret link may take over the login; "
                                     "a wrong token is refused by the view"),
    # --- youth: their own profile steps and their own offers ---
    "youth.profile_step": Case({"step": 1}, ANY_YOUTH, note="a step number, own profile only"),
    "youth.edit_profile": Case({"step": 1}, ANY_YOUTH, note="a step number, own profile only"),
    "youth.offer_detail": Case({"offer_id": "offer"}, only("youth_a")),
    "youth.answer_offer": Case({"offer_id": "offer", "answer": "decline"}, only("youth_a")),
    # --- partner: the young people their organisation registered ---
    "partner.youth_detail": Case({"profile_id": "youth_a_profile"}, only("partner_a")),
    "partner.edit_youth": Case({"profile_id": "youth_a_profile"}, only("partner_a")),
    "partner.invite_youth": Case({"profile_id": "partner_only_profile"}, only("partner_a")),
    # --- employer: their own openings, offers and placements ---
    "employer.opening": Case({"opening_id": "opening"}, only("employer_a")),
    "employer.edit_opening": Case({"opening_id": "opening"}, only("employer_a")),
    "employer.close_opening": Case({"opening_id": "opening"}, only("employer_a")),
    "employer.pause_opening": Case({"opening_id": "opening"}, only("employer_a")),
    "employer.resume_opening": Case({"opening_id": "opening"}, only("employer_a")),
    "employer.offer_detail": Case({"offer_id": "offer"}, only("employer_a")),
    "employer.offer_start": Case({"offer_id": "offer"}, only("employer_a")),
    "employer.placement_end": Case({"placement_id": "placement"}, only("employer_a")),
    # --- consultant: any record, consultants only ---
    "consultant.youth_detail": Case({"profile_id": "youth_a_profile"}, CONSULTANTS),
    "consultant.youth_decision": Case({"profile_id": "youth_a_profile"}, CONSULTANTS),
    "consultant.youth_status": Case({"profile_id": "youth_a_profile"}, CONSULTANTS),
    "consultant.opening_detail": Case({"opening_id": "opening"}, CONSULTANTS),
    "consultant.opening_decision": Case({"opening_id": "opening"}, CONSULTANTS),
    "consultant.opening_status": Case({"opening_id": "opening"}, CONSULTANTS),
    "consultant.organisation_detail": Case({"org_id": "employer_a_org"}, CONSULTANTS),
    "consultant.organisation_decision": Case({"org_id": "partner_a_org"}, CONSULTANTS),
    # --- consultant: match runs, proposals, offers, outbox (consultants and admins) ---
    "consultant.run_detail": Case({"run_id": "run"}, STAFF),
    "consultant.run_status": Case({"run_id": "run"}, STAFF),
    "consultant.run_export": Case({"run_id": "run", "part": "instance"}, STAFF),
    "consultant.approve_all": Case({"run_id": "run"}, STAFF),
    "consultant.decide_proposal": Case({"proposal_id": "proposal", "decision": "reject"}, STAFF),
    "consultant.withdraw": Case({"offer_id": "offer"}, STAFF),
    "consultant.outbox_mail": Case({"mail_id": "mail"}, STAFF),
    # --- admin ---
    "admin.programme": Case({"year": "next_year"}, ADMINS),
    "admin.user_active": Case({"user_id": "employer_a_user"}, ADMINS),
}

_URL_MAP_APP = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
RULES = {
    rule.endpoint: rule for rule in _URL_MAP_APP.url_map.iter_rules() if rule.arguments
}
CASES = sorted(name for name, case in ACCESS.items() if isinstance(case, Case) and name in RULES)


# --- the world: organisation A's records, and a mirror B that must never see them ------------


@dataclass
class World:
    ids: dict[str, object] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)


def build_world() -> World:
    world = World()
    programme = factories.make_programme()
    factories.make_programme(year=today().year + 1)
    orgs = {}
    for side in ("a", "b"):
        orgs[f"partner_{side}"] = factories.make_organisation(OrganisationKind.PARTNER)
        orgs[f"employer_{side}"] = factories.make_organisation(OrganisationKind.EMPLOYER)
    users = {
        "consultant": factories.make_user(Role.CONSULTANT),
        "admin": factories.make_user(Role.ADMIN),
    }
    for side in ("a", "b"):
        users[f"partner_{side}"] = factories.make_user(
            Role.PARTNER, organisation=orgs[f"partner_{side}"]
        )
        users[f"employer_{side}"] = factories.make_user(
            Role.EMPLOYER, organisation=orgs[f"employer_{side}"]
        )
        youth_user = factories.make_user(Role.YOUTH)  # with a complete, active profile
        users[f"youth_{side}"] = youth_user
    db.session.flush()
    profiles = {}
    for side in ("a", "b"):
        profile = db.session.scalar(
            select(YouthProfile).where(YouthProfile.user_id == users[f"youth_{side}"].id)
        )
        profile.registered_by_org_id = orgs[f"partner_{side}"].id
        profile.registered_by_user_id = users[f"partner_{side}"].id
        profiles[side] = profile
    partner_only = factories.make_youth(
        registered_by_org_id=orgs["partner_a"].id,
        registered_by_user_id=users["partner_a"].id,
        contact_email="ung.uden.login@example.dk",
    )
    opening = factories.make_opening(employer=orgs["employer_a"])
    factories.make_opening(employer=orgs["employer_b"])
    run = factories.make_run(programme, instance={"format": 1}, result={"unmatched": []})
    proposal = factories.make_proposal(profiles["a"], opening, run=run)
    offer = factories.make_offer(profiles["a"], opening, programme)
    placed = factories.make_youth(registered_by_org_id=orgs["partner_a"].id)
    placement = factories.make_placement(placed, opening, programme)
    mail = OutgoingMail(
        key="matrix-1", to="ung@example.dk", subject="Dit tilbud", body="Hej",
        created_at=now_utc() - timedelta(minutes=1),
    )
    db.session.add(mail)
    db.session.commit()

    world.users = {name: user.id for name, user in users.items()}
    world.ids = {
        "youth_a_profile": profiles["a"].id,
        "partner_only_profile": partner_only.id,
        "opening": opening.id,
        "run": run.id,
        "proposal": proposal.id,
        "offer": offer.id,
        "placement": placement.id,
        "mail": mail.id,
        "next_year": today().year + 1,
        "employer_a_user": users["employer_a"].id,
        **{f"{name}_org": org.id for name, org in orgs.items()},
    }
    return world


def url_for_case(rule, case: Case, world: World) -> str:
    values = {}
    for argument in rule.arguments:
        assert argument in case.args, f"{rule.endpoint}: say what fills <{argument}>"
        spec = case.args[argument]
        values[argument] = world.ids.get(spec, spec) if isinstance(spec, str) else spec
    return _URL_MAP_APP.url_map.bind("localhost").build(rule.endpoint, values)


TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def client_for(app, principal: str, world: World):
    """A test client signed in as ``principal`` (set in the session: no password hashing)."""
    client = app.test_client()
    if principal != "anonymous":
        with client.session_transaction() as session:
            session["_user_id"] = str(world.users[principal])
            session["_fresh"] = True
    return client


def csrf_token(client) -> str:
    page = client.get("/", follow_redirects=True)
    match = TOKEN.search(page.get_data(as_text=True))
    assert match, "no CSRF token on the front page"
    return match.group(1)


def methods_of(rule) -> list[str]:
    return sorted(rule.methods & {"GET", "POST"})


def try_view(app, principal, method, url, world, *, json=False):
    client = client_for(app, principal, world)
    headers = {"Accept": "application/json"} if json else {}
    if method == "GET":
        return client.get(url, headers=headers)
    return client.post(url, data={"csrf_token": csrf_token(client)}, headers=headers)


# --- the tests --------------------------------------------------------------------------------


def test_every_view_with_an_argument_is_classified():
    """Is every URL rule that takes an argument listed in the access matrix?"""
    unclassified = sorted(set(RULES) - set(ACCESS))
    assert not unclassified, (
        "classify these views in tests/web/test_access_matrix.py ACCESS: "
        + ", ".join(f"{name} ({RULES[name].rule})" for name in unclassified)
    )


def test_the_matrix_lists_no_views_that_are_gone():
    """Does every entry in the access matrix still match a view with an argument?"""
    stale = sorted(set(ACCESS) - set(RULES))
    assert not stale, f"remove or rename these entries in ACCESS: {stale}"


@pytest.mark.parametrize("endpoint", CASES)
def test_only_the_allowed_principals_reach_the_view(app, endpoint):
    """Do all other roles and organisations get 403/404, and anonymous visitors the login?"""
    case = ACCESS[endpoint]
    rule = RULES[endpoint]
    with app.app_context():  # closed before any request: no login may linger in ``g``
        world = build_world()
    url = url_for_case(rule, case, world)
    problems = []
    for method in methods_of(rule):
        for principal in PRINCIPALS:
            if principal in case.allowed:
                continue
            response = try_view(app, principal, method, url, world)
            if principal == "anonymous":
                location = response.headers.get("Location", "")
                if response.status_code != 302 or "/auth/login" not in location:
                    problems.append(f"{method} as anonymous: {response.status_code} {location}")
                as_json = try_view(app, principal, method, url, world, json=True)
                if as_json.status_code != 401:
                    problems.append(f"{method} as anonymous asking JSON: {as_json.status_code}")
            elif response.status_code not in (403, 404):
                problems.append(f"{method} as {principal}: {response.status_code}")
    if case.get_ok and "GET" in rule.methods:
        for principal in sorted(case.allowed):
            response = try_view(app, principal, "GET", url, world)
            if response.status_code >= 400:
                problems.append(f"GET as allowed {principal}: {response.status_code}")
    assert not problems, f"{endpoint} {url}:\n  " + "\n  ".join(problems)


def test_a_stranger_posting_changes_nothing(app):
    """When another employer posts to pause an opening, does the opening stay open?"""
    with app.app_context():
        world = build_world()
    url = url_for_case(RULES["employer.pause_opening"], ACCESS["employer.pause_opening"], world)

    response = try_view(app, "employer_b", "POST", url, world)

    assert response.status_code in (403, 404)
    with app.app_context():
        assert db.session.get(Opening, world.ids["opening"]).status == "open"
