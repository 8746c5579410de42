"""``make_*`` builders with sensible defaults; each adds to the session without committing."""
import itertools
from datetime import date, timedelta

from web.extensions import db
from web.models import (
    AvailabilityWindow,
    Opening,
    OpeningStatus,
    Organisation,
    OrganisationKind,
    ProfileStatus,
    Programme,
    ReviewStatus,
    Role,
    Shift,
    User,
    YouthProfile,
)
from web.timeutil import now_utc, today

PASSWORD = "correct horse battery"
_counter = itertools.count(1)

# Pre-hashed once: hashing with scrypt per test user would dominate the suite's time.
_password_hash_cache: dict[str, str] = {}


def valid_cvr(seed: int) -> str:
    """A CVR number that passes modulus 11, different for each seed."""
    weights = (2, 7, 6, 5, 4, 3, 2)
    for candidate in itertools.count(1_000_000 + seed * 37):
        digits = [int(d) for d in f"{candidate:07d}"]
        if digits[0] == 0:
            continue
        remainder = sum(d * w for d, w in zip(digits, weights)) % 11
        check = (11 - remainder) % 11
        if check < 10:
            return f"{candidate:07d}{check}"


def make_organisation(kind: str = OrganisationKind.EMPLOYER, **fields) -> Organisation:
    n = next(_counter)
    defaults = {
        "kind": kind,
        "name": f"Organisation {n}",
        "status": ReviewStatus.APPROVED,
        "postcode": "2200",
    }
    if kind == OrganisationKind.EMPLOYER:
        defaults |= {"cvr": valid_cvr(n), "employer_kind": "private"}
    else:
        defaults |= {"partner_type": "housing_social"}
    organisation = Organisation(**(defaults | fields))
    db.session.add(organisation)
    return organisation


def make_user(role: str = Role.YOUTH, **fields) -> User:
    n = next(_counter)
    organisation = fields.pop("organisation", None)
    if organisation is None and role in (Role.PARTNER, Role.EMPLOYER):
        organisation = make_organisation(OrganisationKind(role))
    user = User(
        role=role,
        email=fields.pop("email", f"user{n}@example.dk"),
        name=fields.pop("name", f"Bruger {n}"),
        organisation=organisation,
        **fields,
    )
    if PASSWORD not in _password_hash_cache:
        user.set_password(PASSWORD)
        _password_hash_cache[PASSWORD] = user.password_hash
    user.password_hash = _password_hash_cache[PASSWORD]
    db.session.add(user)
    if role == Role.YOUTH:
        make_youth(user=user)
    return user


def make_youth(**fields) -> YouthProfile:
    """A complete, consented, vetted profile of a 17-year-old who wants a leisure job."""
    n = next(_counter)
    availability = fields.pop(
        "availability",
        [(day, 15 * 60, 20 * 60) for day in range(5)] + [(5, 9 * 60, 17 * 60)],
    )
    defaults = {
        "first_name": f"Ung{n}",
        "last_name": "Hansen",
        "birth_date": today().replace(year=today().year - 17) - timedelta(days=30),
        "postcode": "2200",
        "school_finished": True,
        "wants_leisure": True,
        "interests": {"retail": 1.0},
        "max_weekly_minutes": 600,
        "max_commute_km": 8,
        "languages": ["da"],
        "consent_at": now_utc(),
        "status": ProfileStatus.ACTIVE,
        "profile_step": 99,
        "vetted_at": now_utc(),
        "pool_since": today(),
    }
    profile = YouthProfile(**(defaults | fields))
    profile.availability = [
        AvailabilityWindow(day_index=day, start_minute=start, end_minute=end)
        for day, start, end in availability
    ]
    db.session.add(profile)
    return profile


def make_opening(employer: Organisation | None = None, **fields) -> Opening:
    """An open leisure job in a shop on Nørrebro: two afternoons a week for 20 weeks."""
    n = next(_counter)
    shifts = fields.pop("shifts", [(0, 16 * 60, 19 * 60), (3, 16 * 60, 19 * 60)])
    defaults = {
        "employer": employer or make_organisation(OrganisationKind.EMPLOYER),
        "track": "leisure",
        "title": f"Butiksmedhjælper {n}",
        "sector": "retail",
        "description": "Opfyldning og kasse.",
        "postcode": "2200",
        "seats": 1,
        "start_date": today() + timedelta(days=14),
        "weeks": 20,
        "hourly_wage_ore": 9850,
        "min_age": 15,
        "legal_category": "shop_office",
        "status": OpeningStatus.OPEN,
    }
    opening = Opening(**(defaults | fields))
    opening.shifts = [Shift(day_index=d, start_minute=s, end_minute=e) for d, s, e in shifts]
    db.session.add(opening)
    return opening


def make_programme(**fields) -> Programme:
    programme = Programme(**({"year": today().year, "name": f"Fritidsjob {today().year}"} | fields))
    db.session.add(programme)
    return programme


def years_ago(years: int, days: int = 0) -> date:
    """A birth date making someone exactly ``years`` old today, minus ``days``."""
    now = today()
    try:
        birthday = now.replace(year=now.year - years)
    except ValueError:  # 29 February
        birthday = now.replace(year=now.year - years, day=28)
    return birthday - timedelta(days=days)


# --- matching: runs, proposals, offers, placements (web/services/) -------------


def make_run(programme: Programme, **fields):
    """A finished match run with no proposals yet."""
    from web.models import MatchRun

    run = MatchRun(
        **({"programme": programme, "kind": "manual", "status": "done", "progress": 100} | fields)
    )
    db.session.add(run)
    return run


def make_proposal(youth: YouthProfile, opening: Opening, run=None, **fields):
    """A proposal in a finished run (a new run for the programme if none is given)."""
    from web.models import Proposal

    if run is None:
        programme = fields.pop("programme", None) or make_programme()
        run = make_run(programme)
    proposal = Proposal(
        **({"run": run, "youth": youth, "opening": opening, "score": 50.0, "why": ["test"]}
           | fields)
    )
    db.session.add(proposal)
    return proposal


def make_offer(youth: YouthProfile, opening: Opening, programme: Programme, **fields):
    """A pending offer made five days ago, expiring in the future unless told otherwise."""
    from web.models import Offer

    offer = Offer(
        **(
            {
                "programme": programme,
                "youth": youth,
                "opening": opening,
                "track": opening.track,
                "private": opening.employer.employer_kind == "private",
                "status": "pending",
                "expires_at": now_utc() + timedelta(days=5),
            }
            | fields
        )
    )
    db.session.add(offer)
    return offer


def make_placement(youth: YouthProfile, opening: Opening, programme: Programme, **fields):
    """An active placement (with its accepted offer) that started today."""
    from web.models import Placement

    offer = make_offer(youth, opening, programme, status="accepted")
    placement = Placement(
        **(
            {
                "programme": programme,
                "offer": offer,
                "youth": youth,
                "opening": opening,
                "track": opening.track,
                "private": offer.private,
                "start_date": today(),
                "status": "active",
            }
            | fields
        )
    )
    db.session.add(placement)
    return placement
