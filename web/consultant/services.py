"""The consultant's work: what waits for review, decisions, pausing, search and progress.

Views stay thin: they load a record, call one function here and turn its :class:`Outcome`
into a message. Every decision is idempotent: making the same decision twice changes nothing
the second time, and a record that is no longer waiting is left alone with a clear outcome.
"""
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, case, func, or_, select

from web import postcodes
from web.extensions import db
from web.models import (
    Offer,
    Opening,
    OpeningStatus,
    Organisation,
    OrganisationKind,
    Placement,
    ProfileStatus,
    Programme,
    ReviewStatus,
    Track,
    User,
    YouthProfile,
)
from web.services import ledger
from web.services.snapshot import share_counts
from web.timeutil import age_on, now_utc, today

WORK_LIST_LIMIT = 50


class Outcome(StrEnum):
    DONE = "done"  # the change was made
    ALREADY = "already"  # the same decision was made before: nothing changed
    NOT_PENDING = "not_pending"  # the record is in another state now: nothing changed
    BLOCKED = "blocked"  # a rule stops it (e.g. the employer is not approved yet)


# --- loading records (consultants may open any record; unknown ids are 404) -----------------


def get_or_404(model, record_id: int, *, for_update: bool = False):
    """The row, locked for the decision on PostgreSQL so two consultants cannot race."""
    record = db.session.get(model, record_id, with_for_update=for_update or None)
    if record is None:
        abort(404)
    return record


# --- the work list ----------------------------------------------------------------------------


@dataclass
class WorkList:
    partners: list[Organisation]
    employers: list[Organisation]
    openings: list[Opening]
    profiles: list[YouthProfile]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _count(statement: Select) -> int:
    return db.session.scalar(select(func.count()).select_from(statement.subquery())) or 0


def pending_organisations(kind: str) -> Select:
    return (
        select(Organisation)
        .where(Organisation.kind == kind, Organisation.status == ReviewStatus.PENDING)
        .order_by(Organisation.created_at, Organisation.id)
    )


def pending_openings() -> Select:
    """Openings waiting for review, those of approved employers first (they can go live)."""
    employer_not_approved = case((Organisation.status == ReviewStatus.APPROVED, 0), else_=1)
    return (
        select(Opening)
        .join(Opening.employer)
        .where(Opening.status == OpeningStatus.PENDING)
        .order_by(employer_not_approved, Opening.created_at, Opening.id)
    )


def pending_profiles() -> Select:
    return (
        select(YouthProfile)
        .where(YouthProfile.status == ProfileStatus.PENDING)
        .order_by(YouthProfile.updated_at, YouthProfile.id)
    )


def work_list(limit: int = WORK_LIST_LIMIT) -> WorkList:
    """Everything that waits for a consultant, oldest first, with the full counts."""
    queries = {
        "partners": pending_organisations(OrganisationKind.PARTNER),
        "employers": pending_organisations(OrganisationKind.EMPLOYER),
        "openings": pending_openings(),
        "profiles": pending_profiles(),
    }
    rows = {name: list(db.session.scalars(query.limit(limit))) for name, query in queries.items()}
    counts = {name: _count(query) for name, query in queries.items()}
    return WorkList(counts=counts, **rows)


# --- decisions --------------------------------------------------------------------------------


def _stamp(record, consultant: User, reason: str | None) -> None:
    record.reviewed_at = now_utc()
    record.reviewed_by_id = consultant.id
    record.review_reason = reason


def _decide(record, *, waiting: str, target: str, consultant: User, reason: str | None) -> Outcome:
    if record.status == target:
        return Outcome.ALREADY
    if record.status != waiting:
        return Outcome.NOT_PENDING
    record.status = target
    _stamp(record, consultant, reason)
    return Outcome.DONE


def _clean(reason: str | None) -> str | None:
    reason = (reason or "").strip()
    return reason or None


def decide_organisation(org: Organisation, consultant: User, *, approve: bool, reason=None) -> Outcome:
    """Approve or reject a partner or employer; rejecting keeps all its rows."""
    target = ReviewStatus.APPROVED if approve else ReviewStatus.REJECTED
    outcome = _decide(
        org,
        waiting=ReviewStatus.PENDING,
        target=target,
        consultant=consultant,
        reason=None if approve else _clean(reason),
    )
    db.session.commit()
    return outcome


def decide_opening(opening: Opening, consultant: User, *, approve: bool, reason=None) -> Outcome:
    """Open an opening, or reject it; an opening of an unapproved employer cannot open."""
    if approve and opening.status == OpeningStatus.PENDING and not opening.employer.is_approved:
        return Outcome.BLOCKED
    target = OpeningStatus.OPEN if approve else OpeningStatus.REJECTED
    outcome = _decide(
        opening,
        waiting=OpeningStatus.PENDING,
        target=target,
        consultant=consultant,
        reason=None if approve else _clean(reason),
    )
    db.session.commit()
    return outcome


def decide_profile(profile: YouthProfile, consultant: User, *, approve: bool, reason=None) -> Outcome:
    """Vet a young person's profile into the pool, or send it back with a reason."""
    target = ProfileStatus.ACTIVE if approve else ProfileStatus.REJECTED
    outcome = _decide(
        profile,
        waiting=ProfileStatus.PENDING,
        target=target,
        consultant=consultant,
        reason=None if approve else _clean(reason),
    )
    if outcome is Outcome.DONE and approve:
        profile.vetted_at = profile.reviewed_at
        if profile.pool_since is None:
            profile.pool_since = today()
    db.session.commit()
    return outcome


# --- pausing and reactivating -----------------------------------------------------------------


def _switch(record, *, source: str, target: str, consultant: User, reason: str | None) -> Outcome:
    if record.status == target:
        return Outcome.ALREADY
    if record.status != source:
        return Outcome.NOT_PENDING
    record.status = target
    _stamp(record, consultant, _clean(reason))
    return Outcome.DONE


def set_profile_paused(profile: YouthProfile, consultant: User, *, pause: bool, reason=None) -> Outcome:
    """Take a vetted young person out of the pool for a while, or back in."""
    if pause:
        outcome = _switch(
            profile, source=ProfileStatus.ACTIVE, target=ProfileStatus.PAUSED,
            consultant=consultant, reason=reason,
        )
    elif profile.status == ProfileStatus.PAUSED and profile.vetted_at is None:
        return Outcome.BLOCKED  # never vetted: it must go through the work list
    else:
        outcome = _switch(
            profile, source=ProfileStatus.PAUSED, target=ProfileStatus.ACTIVE,
            consultant=consultant, reason=reason,
        )
        if outcome is Outcome.DONE and profile.pool_since is None:
            profile.pool_since = today()
    db.session.commit()
    return outcome


def set_opening_paused(opening: Opening, consultant: User, *, pause: bool, reason=None) -> Outcome:
    """Stop an open opening from being matched for a while, or open it again."""
    if pause:
        outcome = _switch(
            opening, source=OpeningStatus.OPEN, target=OpeningStatus.PAUSED,
            consultant=consultant, reason=reason,
        )
    elif opening.status == OpeningStatus.PAUSED and not opening.employer.is_approved:
        return Outcome.BLOCKED
    else:
        outcome = _switch(
            opening, source=OpeningStatus.PAUSED, target=OpeningStatus.OPEN,
            consultant=consultant, reason=reason,
        )
    db.session.commit()
    return outcome


# --- search -----------------------------------------------------------------------------------


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _contains(column, text: str):
    return func.lower(column).like(_like(text), escape="\\")


def _birthday_years_ago(years: int, on: date) -> date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February in a non-leap year
        return on.replace(year=on.year - years, day=28)


def area_condition(column, area: str):
    """Postcode ``2200`` exactly, or every stored postcode whose town, district or
    municipality contains the text (e.g. "nørrebro", "amager")."""
    area = area.strip()
    if area.isdigit():
        return column == area
    needle = area.lower()
    stored = db.session.scalars(select(column).where(column.is_not(None)).distinct())
    matching = []
    for code in stored:
        place = postcodes.lookup(code)
        if place and any(
            needle in text.lower() for text in (place.town, place.district, place.municipality)
        ):
            matching.append(code)
    return column.in_(matching)


def search_youth(filters: dict[str, Any], on: date | None = None) -> Select:
    """Young people by name/contact, area, status, track and age (whole years today)."""
    on = on or today()
    query = select(YouthProfile)
    if text := (filters.get("q") or "").strip():
        full_name = YouthProfile.first_name + " " + YouthProfile.last_name
        query = query.where(
            or_(
                _contains(full_name, text),
                _contains(func.coalesce(YouthProfile.contact_email, ""), text),
                _contains(func.coalesce(YouthProfile.contact_phone, ""), text),
            )
        )
    if area := (filters.get("area") or "").strip():
        query = query.where(area_condition(YouthProfile.postcode, area))
    if status := filters.get("status"):
        query = query.where(YouthProfile.status == status)
    if track := filters.get("track"):
        wanted = {
            "leisure": YouthProfile.wants_leisure,
            "apprenticeship": YouthProfile.wants_apprenticeship,
        }.get(track)
        if wanted is not None:
            query = query.where(wanted.is_(True))
    if (age_min := filters.get("age_min")) is not None:
        query = query.where(YouthProfile.birth_date <= _birthday_years_ago(age_min, on))
    if (age_max := filters.get("age_max")) is not None:
        query = query.where(YouthProfile.birth_date > _birthday_years_ago(age_max + 1, on))
    return query.order_by(YouthProfile.last_name, YouthProfile.first_name, YouthProfile.id)


def search_openings(filters: dict[str, Any]) -> Select:
    """Openings by title, employer name, sector, track and status."""
    query = select(Opening).join(Opening.employer)
    if text := (filters.get("q") or "").strip():
        query = query.where(_contains(Opening.title, text))
    if employer := (filters.get("employer") or "").strip():
        query = query.where(_contains(Organisation.name, employer))
    for name, column in (
        ("sector", Opening.sector),
        ("track", Opening.track),
        ("status", Opening.status),
    ):
        if value := filters.get(name):
            query = query.where(column == value)
    return query.order_by(Opening.created_at.desc(), Opening.id.desc())


def search_organisations(filters: dict[str, Any]) -> Select:
    query = select(Organisation)
    if text := (filters.get("q") or "").strip():
        query = query.where(or_(_contains(Organisation.name, text), Organisation.cvr == text))
    for name, column in (("kind", Organisation.kind), ("status", Organisation.status)):
        if value := filters.get(name):
            query = query.where(column == value)
    return query.order_by(Organisation.name, Organisation.id)


# --- one record and what belongs to it --------------------------------------------------------


def organisation_overview(org: Organisation) -> dict[str, list]:
    """Its users, its openings (employers) and the young people it registered (partners)."""
    members = list(
        db.session.scalars(
            select(User).where(User.organisation_id == org.id).order_by(User.name, User.id)
        )
    )
    openings = list(
        db.session.scalars(
            select(Opening)
            .where(Opening.employer_id == org.id)
            .order_by(Opening.created_at.desc(), Opening.id.desc())
        )
    )
    young_people = list(
        db.session.scalars(
            select(YouthProfile)
            .where(YouthProfile.registered_by_org_id == org.id)
            .order_by(YouthProfile.last_name, YouthProfile.first_name, YouthProfile.id)
        )
    )
    return {"members": members, "openings": openings, "young_people": young_people}


def user_name(user_id: int | None) -> str | None:
    if user_id is None:
        return None
    user = db.session.get(User, user_id)
    return (user.name or user.login) if user else None


# --- programme progress -----------------------------------------------------------------------


class Measure(StrEnum):
    GOAL = "goal"  # reach the target
    MINIMUM = "minimum"  # stay at or above the target
    CAP = "cap"  # stay at or below the target
    COUNT = "count"  # a plain count, no target


@dataclass
class ProgressItem:
    """One line of the programme's progress: a value against an optional target.

    ``value`` None means "not counted yet" (the template says so). ``unit`` is ``count``,
    ``percent`` or ``ore`` (money, shown in kroner).
    """

    key: str
    label: Any
    value: int | None
    target: int | None = None
    unit: str = "count"
    measure: Measure = Measure.GOAL
    note: Any = None

    @property
    def percent_of_target(self) -> int | None:
        if self.value is None or not self.target:
            return None
        return max(0, min(100, round(100 * self.value / self.target)))

    @property
    def on_track(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        if self.measure is Measure.CAP:
            return self.value <= self.target
        return self.value >= self.target


@dataclass
class ProgrammeProgress:
    programme: Programme
    items: list[ProgressItem] = field(default_factory=list)

    def __getitem__(self, key: str) -> ProgressItem:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    def replace(self, item: ProgressItem) -> None:
        """Put ``item`` in place of the one with the same key (or add it at the end)."""
        for index, existing in enumerate(self.items):
            if existing.key == item.key:
                self.items[index] = item
                return
        self.items.append(item)


def _open_seats(track: str) -> int:
    return db.session.scalar(
        select(func.coalesce(func.sum(Opening.seats), 0)).where(
            Opening.status == OpeningStatus.OPEN, Opening.track == track
        )
    ) or 0


def _active_youth(column) -> int:
    return db.session.scalar(
        select(func.count(YouthProfile.id)).where(
            YouthProfile.status == ProfileStatus.ACTIVE, column.is_(True)
        )
    ) or 0


def programme_progress(programme: Programme) -> ProgrammeProgress:
    """The programme's numbers against its targets, in the order the page shows them.

    The first four lines (placements, private share, refunds) are counted from placements and
    the refund ledger; until those exist their value is None ("not counted yet").
    :func:`fill_progress` fills them in with ``progress.replace(ProgressItem(...))``.
    """
    not_yet = _l("Tælles, når de første pladser er godkendt.")
    progress = ProgrammeProgress(programme)
    progress.items = [
        ProgressItem(
            "leisure_placements", _l("Unge i fritidsjob"), None,
            target=programme.leisure_target, note=not_yet,
        ),
        ProgressItem(
            "apprenticeship_placements", _l("Unge i elev- eller læreplads"), None,
            target=programme.apprenticeship_target, note=not_yet,
        ),
        ProgressItem(
            "private_share", _l("Andel fritidsjob hos private arbejdsgivere"), None,
            target=programme.min_private_share_pct, unit="percent", measure=Measure.MINIMUM,
            note=not_yet,
        ),
        ProgressItem(
            "refund_used", _l("Lønrefusion brugt af budgettet"), None,
            target=programme.refund_budget_ore, unit="ore", measure=Measure.CAP, note=not_yet,
        ),
        ProgressItem(
            "active_leisure", _l("Godkendte unge, der søger fritidsjob"),
            _active_youth(YouthProfile.wants_leisure), measure=Measure.COUNT,
        ),
        ProgressItem(
            "active_apprenticeship", _l("Godkendte unge, der søger elev- eller læreplads"),
            _active_youth(YouthProfile.wants_apprenticeship), measure=Measure.COUNT,
        ),
        ProgressItem(
            "open_seats_leisure", _l("Ledige pladser i fritidsjob"),
            _open_seats("leisure"), measure=Measure.COUNT,
        ),
        ProgressItem(
            "open_seats_apprenticeship", _l("Ledige elev- og lærepladser"),
            _open_seats("apprenticeship"), measure=Measure.COUNT,
        ),
    ]
    fill_progress(progress)
    return progress


def fill_progress(progress: ProgrammeProgress) -> None:
    """Fill the consultant's programme numbers (placements, private share, refunds used).

    Left alone ("not counted yet") until the programme's first offer. The private share is
    counted over the year's leisure placements; refunds used are reserved plus committed.
    """
    programme = progress.programme
    if programme.id is None:
        return
    has_offers = db.session.scalar(
        select(Offer.id).where(Offer.programme_id == programme.id).limit(1)
    )
    if has_offers is None:
        return
    counts = share_counts(programme.id)
    apprenticeships = db.session.scalar(
        select(func.count(Placement.id)).where(
            Placement.programme_id == programme.id, Placement.track == Track.APPRENTICESHIP
        )
    )
    share = counts.placed_share_pct
    values = {
        "leisure_placements": counts.total_placed,
        "apprenticeship_placements": apprenticeships,
        "private_share": None if share is None else round(share),
        "refund_used": ledger.used_ore(programme.id),
    }
    for key, value in values.items():
        try:
            item = progress[key]
        except KeyError:
            continue
        progress.replace(replace(item, value=value))


def age_today(profile: YouthProfile) -> int | None:
    return age_on(profile.birth_date, today()) if profile.birth_date else None


__all__ = [
    "Outcome",
    "ProgrammeProgress",
    "ProgressItem",
    "WorkList",
    "decide_opening",
    "decide_organisation",
    "decide_profile",
    "programme_progress",
    "search_openings",
    "search_organisations",
    "search_youth",
    "set_opening_paused",
    "set_profile_paused",
    "work_list",
]
