"""The demo data behind ``flask --app web seed-demo``: counts, validity, idempotence, logins."""
import re
from collections import Counter

import pytest
from sqlalchemy import func, select

from tests.conftest import Browser

from matcher.young_workers import young_worker_conflicts
from web.demo import DEMO_PASSWORD, seed_demo
from web.extensions import db as _db
from web.models import (
    EmployerKind,
    Opening,
    OpeningStatus,
    Organisation,
    OrganisationKind,
    ProfileStatus,
    Programme,
    ReviewStatus,
    Role,
    User,
    YouthProfile,
)
from web.postcodes import lookup
from web.timeutil import age_on, today
from web.validators import is_valid_cvr
from web.vocab import DAYS, EDUCATIONS, LANGUAGES, SECTORS

LOGIN_LINE = re.compile(r"^\s+(\w+)\s+(\S+@\S+)\s")


@pytest.fixture
def seeded(db):
    """An empty database filled with the demo; returns the lines it printed."""
    lines: list[str] = []
    seed_demo(echo=lines.append)
    return lines


def count(db, model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_seed_gives_the_promised_counts(db, seeded):
    """Are there 300 young people, 80 openings (20 apprenticeships), 30 employers of each kind?"""
    assert count(db, YouthProfile) == 300
    assert count(db, Opening) == 80
    assert count(db, Opening, Opening.track == "apprenticeship") == 20
    for kind in EmployerKind:
        approved = count(
            db, Organisation,
            Organisation.kind == OrganisationKind.EMPLOYER,
            Organisation.employer_kind == kind,
            Organisation.status == ReviewStatus.APPROVED,
        )
        assert approved == 30, kind
    partners = count(db, Organisation, Organisation.kind == OrganisationKind.PARTNER,
                     Organisation.status == ReviewStatus.APPROVED)
    assert partners >= 5
    assert count(db, User, User.role == Role.CONSULTANT) >= 1
    assert count(db, User, User.role == Role.ADMIN) >= 1


def test_programme_has_the_default_settings(db, seeded):
    """Is this year's programme saved with the targets, budget, caps and age band of the plan?"""
    programme = db.session.scalar(select(Programme))
    assert programme.year == today().year
    assert (programme.leisure_target, programme.apprenticeship_target) == (110, 60)
    assert programme.min_private_share_pct == 50
    assert programme.refund_budget_ore == 60_000_000
    assert (programme.refund_minutes_cap, programme.refund_weeks_cap) == (300, 22)
    assert (programme.age_min, programme.age_max) == (15, 24)


def test_employer_cvr_numbers_are_valid_and_unique(db, seeded):
    """Does every employer's CVR number pass modulus 11, with no number used twice?"""
    cvrs = db.session.scalars(
        select(Organisation.cvr).where(Organisation.kind == OrganisationKind.EMPLOYER)
    ).all()
    assert len(cvrs) >= 90
    assert all(is_valid_cvr(cvr) for cvr in cvrs)
    assert len(set(cvrs)) == len(cvrs)


def test_every_postcode_is_in_the_postcode_table(db, seeded):
    """Do organisations, openings and young people all use known postcodes?"""
    codes = set(db.session.scalars(select(Organisation.postcode)))
    codes |= set(db.session.scalars(select(Opening.postcode)))
    codes |= set(db.session.scalars(select(YouthProfile.postcode)))
    assert all(lookup(code) is not None for code in codes), codes


def test_every_shift_lies_inside_one_day(db, seeded):
    """Does every opening have shifts that start before they end, inside one day?"""
    for opening in db.session.scalars(select(Opening)):
        assert opening.shifts, opening.title
        for shift in opening.shifts:
            assert 0 <= shift.day_index <= 6
            assert 0 <= shift.start_minute < shift.end_minute <= 24 * 60


def test_openings_respect_young_workers_rules_for_their_minimum_age(db, seeded):
    """Can everyone an opening admits by age work its shifts under the young-workers' rules?

    Apprentices have left compulsory school, so the school-pupils' group does not apply to
    apprenticeships.
    """
    for opening in db.session.scalars(select(Opening)):
        conflicts = young_worker_conflicts(
            [(DAYS[s.day_index], s.start_minute, s.end_minute) for s in opening.shifts],
            legal_category=opening.legal_category,
            serves_alcohol=opening.serves_alcohol,
            min_age=opening.min_age,
            on=opening.start_date,
        )
        if opening.track == "apprenticeship":
            conflicts = [c for c in conflicts if c.in_compulsory_school is not True]
        assert conflicts == [], (opening.title, opening.employer.name, conflicts)


def test_openings_use_the_vocabularies_and_sane_wages(db, seeded):
    """Are sectors, educations and languages known codes, and wages in a realistic range?"""
    for opening in db.session.scalars(select(Opening)):
        assert opening.sector in SECTORS
        assert set(opening.required_languages) <= set(LANGUAGES)
        if opening.track == "apprenticeship":
            assert opening.education in EDUCATIONS
            assert 6_000 <= opening.hourly_wage_ore <= 9_000
        else:
            assert opening.education is None
            assert 7_500 <= opening.hourly_wage_ore <= 13_000


def test_refund_is_asked_only_for_some_municipal_leisure_jobs(db, seeded):
    """Do only municipal leisure openings ask for a wage refund, and some of them do?"""
    asking = db.session.scalars(select(Opening).where(Opening.refund_requested)).all()
    assert asking
    assert all(o.track == "leisure" and o.employer.employer_kind == "municipal" for o in asking)


def test_a_few_openings_wait_for_vetting(db, seeded):
    """Are most openings open, with a few pending for the consultant?"""
    statuses = Counter(db.session.scalars(select(Opening.status)))
    assert 1 <= statuses[OpeningStatus.PENDING] <= 10
    assert statuses[OpeningStatus.OPEN] >= 60


def test_young_people_are_inside_the_age_band_with_guardians_when_under_18(db, seeded):
    """Is everyone 15-24 today, and does every under-18 have a guardian to contact?"""
    for profile in db.session.scalars(select(YouthProfile)):
        age = age_on(profile.birth_date, today())
        assert 15 <= age <= 24
        if age < 18:
            assert profile.guardian_name
            assert profile.guardian_email or profile.guardian_phone


def test_young_people_are_mostly_active_with_some_waiting_and_some_from_partners(db, seeded):
    """Are most profiles vetted and active, some pending, a few draft or paused, some
    registered by partners with consent recorded?"""
    statuses = Counter(db.session.scalars(select(YouthProfile.status)))
    assert statuses[ProfileStatus.ACTIVE] > 200
    assert statuses[ProfileStatus.PENDING] >= 10
    assert statuses[ProfileStatus.DRAFT] >= 1 and statuses[ProfileStatus.PAUSED] >= 1
    by_partners = db.session.scalars(
        select(YouthProfile).where(YouthProfile.registered_by_org_id.is_not(None))
    ).all()
    assert len(by_partners) >= 30
    assert all(p.consent_at and p.consent_recorded_by_id for p in by_partners)
    active = db.session.scalars(
        select(YouthProfile).where(YouthProfile.status == ProfileStatus.ACTIVE)
    ).all()
    assert all(p.vetted_at and p.availability and p.tracks for p in active)


def test_apprenticeship_seekers_name_an_education(db, seeded):
    """Does every young person who wants an apprenticeship say which education they are on?"""
    seekers = db.session.scalars(select(YouthProfile).where(YouthProfile.wants_apprenticeship))
    assert all(p.education in EDUCATIONS and p.school_finished for p in seekers)


def test_seeding_twice_with_if_empty_adds_nothing(db, runner):
    """Does ``seed-demo --if-empty`` fill an empty database once and then leave it alone?"""
    first = runner.invoke(args=["seed-demo", "--if-empty"])
    assert first.exit_code == 0, first.output
    users = count(db, User)
    second = runner.invoke(args=["seed-demo", "--if-empty"])
    assert second.exit_code == 0, second.output
    assert "already" in second.output
    assert count(db, User) == users
    assert count(db, YouthProfile) == 300


def test_seeding_a_database_with_users_without_if_empty_is_refused(db, runner, seeded):
    """Does a plain ``seed-demo`` on a filled database fail without adding anything?"""
    users = count(db, User)
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code != 0
    assert "--if-empty" in result.output
    assert count(db, User) == users


def test_printed_demo_logins_log_in(app):
    """Does every printed login, with the printed password, open its role's home page?"""
    printed: list[str] = []
    # No app context around the requests: each gets its own, as in a real server.
    with app.app_context():
        seed_demo(echo=printed.append)
    assert any(DEMO_PASSWORD in line for line in printed)
    logins = [match.groups() for line in printed if (match := LOGIN_LINE.match(line))]
    roles = Counter(role for role, _ in logins)
    assert roles["employer"] == 3
    assert {"admin", "consultant", "partner", "youth"} <= set(roles)
    for role, login in logins:
        browser = Browser(app.test_client())
        response = browser.login(login, DEMO_PASSWORD)
        home = browser.get(response.headers["Location"])
        assert home.status_code == 200, (role, login)
        with app.app_context():
            user = _db.session.scalar(select(User).where(User.email == login))
            assert user.role == role
