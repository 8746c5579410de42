"""The one module that turns database rows into the matcher's input (``matcher-format.md``).

A snapshot holds the pool (active, consented, vetted young people who are not busy with a live
offer or a job), the openings with free seats, the pairs excluded by earlier declines, and the
programme's policy. The seat, pool and share counts here are also what approvals re-check.

Private share, decided conservatively so that the rule can never break whatever young people
answer later: the share is counted over the year's leisure *placements* (every status: a
placement once made stays counted, so a no-show or early end cannot tip it), and every live
offer with a municipal or other public employer is counted as if it had already started,
while live private offers are not counted until they start. The matcher gets
``leisure_private_before`` = private placements and ``leisure_total_before`` = placements +
live non-private offers, and approving a non-private leisure proposal is refused when that
worst case would fall below the programme's share.
"""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload

from web import postcodes, vocab
from web.extensions import db
from web.models import (
    EmployerKind,
    ExcludedPair,
    Offer,
    OfferStatus,
    Opening,
    OpeningStatus,
    Organisation,
    Placement,
    PlacementStatus,
    ProfileStatus,
    Programme,
    ReviewStatus,
    Track,
    YouthProfile,
)
from web.services import ledger
from web.timeutil import minutes_to_hhmm, today


def live_offer_clause():
    """An offer still in play: pending, or accepted with the start not yet confirmed."""
    return or_(
        Offer.status == OfferStatus.PENDING,
        and_(Offer.status == OfferStatus.ACCEPTED, Offer.id.not_in(select(Placement.offer_id))),
    )


def youth_is_busy(youth_id: int) -> bool:
    """A live offer or an active placement: not in the pool."""
    offer = db.session.scalar(
        select(Offer.id).where(Offer.youth_id == youth_id, live_offer_clause()).limit(1)
    )
    if offer is not None:
        return True
    placement = db.session.scalar(
        select(Placement.id)
        .where(Placement.youth_id == youth_id, Placement.status == PlacementStatus.ACTIVE)
        .limit(1)
    )
    return placement is not None


def taken_seats() -> dict[int, int]:
    """Seats per opening held by live offers and active placements."""
    taken: dict[int, int] = {}
    offers = db.session.execute(
        select(Offer.opening_id, func.count()).where(live_offer_clause()).group_by(Offer.opening_id)
    )
    placements = db.session.execute(
        select(Placement.opening_id, func.count())
        .where(Placement.status == PlacementStatus.ACTIVE)
        .group_by(Placement.opening_id)
    )
    for opening_id, count in [*offers, *placements]:
        taken[opening_id] = taken.get(opening_id, 0) + count
    return taken


def free_seats(opening: Opening) -> int:
    return opening.seats - taken_seats().get(opening.id, 0)


def is_private(employer: Organisation) -> bool:
    return employer.employer_kind == EmployerKind.PRIVATE


def gets_refund(opening: Opening) -> bool:
    """Only leisure jobs with a municipal employer who asked for it."""
    return bool(
        opening.refund_requested
        and opening.track == Track.LEISURE
        and opening.employer.employer_kind == EmployerKind.MUNICIPAL
    )


def refund_for(opening: Opening, programme: Programme) -> int:
    if not gets_refund(opening):
        return 0
    import matcher

    return matcher.refund_ore(
        opening.hourly_wage_ore,
        opening.weekly_minutes,
        opening.weeks,
        programme.refund_minutes_cap,
        programme.refund_weeks_cap,
    )


@dataclass(frozen=True)
class ShareCounts:
    """The year's leisure counts behind the private-share rule (see the module docstring)."""

    private_placed: int
    total_placed: int
    live_private: int
    live_other: int

    @property
    def worst_case_total(self) -> int:
        return self.total_placed + self.live_other

    @property
    def placed_share_pct(self) -> float | None:
        if not self.total_placed:
            return None
        return 100.0 * self.private_placed / self.total_placed

    def allows_other(self, min_pct: int, extra: int = 1) -> bool:
        """Would ``extra`` more non-private leisure offers keep the worst case at the share?"""
        return 100 * self.private_placed >= min_pct * (self.worst_case_total + extra)


def share_counts(programme_id: int | None) -> ShareCounts:
    if programme_id is None:
        return ShareCounts(0, 0, 0, 0)
    placed = db.session.execute(
        select(Placement.private, func.count())
        .where(Placement.programme_id == programme_id, Placement.track == Track.LEISURE)
        .group_by(Placement.private)
    ).all()
    live = db.session.execute(
        select(Offer.private, func.count())
        .where(
            Offer.programme_id == programme_id,
            Offer.track == Track.LEISURE,
            live_offer_clause(),
        )
        .group_by(Offer.private)
    ).all()
    placed_by = {bool(private): count for private, count in placed}
    live_by = {bool(private): count for private, count in live}
    return ShareCounts(
        private_placed=placed_by.get(True, 0),
        total_placed=placed_by.get(True, 0) + placed_by.get(False, 0),
        live_private=live_by.get(True, 0),
        live_other=live_by.get(False, 0),
    )


def youth_key(youth_id: int) -> str:
    return f"y-{youth_id}"


def opening_key(opening_id: int) -> str:
    return f"o-{opening_id}"


def key_id(key: str) -> int:
    return int(key.split("-", 1)[1])


def _window(day_index: int, start: int, end: int) -> dict:
    return {"day": vocab.DAYS[day_index], "start": minutes_to_hhmm(start), "end": minutes_to_hhmm(end)}


def candidate_rows() -> list[YouthProfile]:
    """Active, consented, vetted young people who are not busy with an offer or a job."""
    busy_offers = select(Offer.youth_id).where(live_offer_clause())
    busy_jobs = select(Placement.youth_id).where(Placement.status == PlacementStatus.ACTIVE)
    return list(
        db.session.scalars(
            select(YouthProfile)
            .where(
                YouthProfile.status == ProfileStatus.ACTIVE,
                YouthProfile.consent_at.is_not(None),
                YouthProfile.vetted_at.is_not(None),
                YouthProfile.birth_date.is_not(None),
                YouthProfile.id.not_in(busy_offers),
                YouthProfile.id.not_in(busy_jobs),
            )
            .options(selectinload(YouthProfile.availability))
            .order_by(YouthProfile.id)
        )
    )


def opening_rows() -> list[tuple[Opening, int]]:
    """Open openings of approved employers, each with its free seats (only those with some)."""
    taken = taken_seats()
    rows = db.session.scalars(
        select(Opening)
        .join(Opening.employer)
        .where(Opening.status == OpeningStatus.OPEN, Organisation.status == ReviewStatus.APPROVED)
        .options(selectinload(Opening.shifts), selectinload(Opening.employer))
        .order_by(Opening.id)
    )
    result = []
    for opening in rows:
        free = opening.seats - taken.get(opening.id, 0)
        if free > 0:
            result.append((opening, free))
    return result


def candidate_record(youth: YouthProfile, run_date: date) -> dict | None:
    place = postcodes.lookup(youth.postcode)
    if place is None or not youth.tracks:
        return None
    waiting = (run_date - youth.pool_since).days if youth.pool_since else 0
    return {
        "id": youth_key(youth.id),
        "birth_date": youth.birth_date.isoformat(),
        "in_compulsory_school": not youth.school_finished,
        "lat": place.lat,
        "lon": place.lon,
        "max_commute_km": float(youth.max_commute_km),
        "max_weekly_minutes": int(youth.max_weekly_minutes),
        "availability": [
            _window(w.day_index, w.start_minute, w.end_minute) for w in youth.availability
        ],
        "tracks": youth.tracks,
        "interests": {
            str(sector): min(1.0, max(0.0, float(weight)))
            for sector, weight in (youth.interests or {}).items()
        },
        "languages": list(youth.languages or []),
        "education": youth.education if youth.wants_apprenticeship else None,
        "priority": [
            flag
            for flag, wanted in (
                ("housing_area", youth.lives_in_housing_area),
                ("newly_arrived", youth.newly_arrived),
            )
            if wanted
        ],
        "waiting_days": max(0, waiting),
    }


def opening_record(opening: Opening, seats: int) -> dict | None:
    place = postcodes.lookup(opening.postcode)
    if place is None or not opening.shifts or not opening.employer.employer_kind:
        return None
    return {
        "id": opening_key(opening.id),
        "track": opening.track,
        "employer_kind": opening.employer.employer_kind,
        "sector": opening.sector,
        "legal_category": opening.legal_category,
        "serves_alcohol": bool(opening.serves_alcohol),
        "lat": place.lat,
        "lon": place.lon,
        "seats": seats,
        "start_date": opening.start_date.isoformat(),
        "weeks": opening.weeks,
        "shifts": [_window(s.day_index, s.start_minute, s.end_minute) for s in opening.shifts],
        "hourly_wage_ore": opening.hourly_wage_ore,
        "refund": gets_refund(opening),
        "min_age": opening.min_age,
        "max_age": None,
        "required_languages": list(opening.required_languages or []),
        "education": opening.education if opening.track == Track.APPRENTICESHIP else None,
    }


def build_instance(programme: Programme, params: dict | None = None, run_date: date | None = None):
    """The matcher instance (format 1) for ``programme`` as the database stands now.

    ``params`` may override ``refund_budget_ore`` (the year's whole budget; what is already
    reserved or committed is still taken off) and ``min_private_share_pct`` for a what-if.
    """
    params = params or {}
    run_date = run_date or today()
    counts = share_counts(programme.id)
    candidates = [c for c in (candidate_record(y, run_date) for y in candidate_rows()) if c]
    openings = [o for o in (opening_record(op, seats) for op, seats in opening_rows()) if o]
    candidate_ids = {c["id"] for c in candidates}
    opening_ids = {o["id"] for o in openings}
    excluded = [
        [youth_key(youth_id), opening_key(opening_id)]
        for youth_id, opening_id in db.session.execute(
            select(ExcludedPair.youth_id, ExcludedPair.opening_id).order_by(ExcludedPair.id)
        )
        if youth_key(youth_id) in candidate_ids and opening_key(opening_id) in opening_ids
    ]
    budget = params.get("refund_budget_ore")
    return {
        "format": 1,
        "policy": {
            "run_date": run_date.isoformat(),
            "min_private_share_pct": int(
                params.get("min_private_share_pct", programme.min_private_share_pct)
            ),
            "leisure_private_before": counts.private_placed,
            "leisure_total_before": counts.worst_case_total,
            "refund_budget_ore": ledger.available_ore(
                programme, None if budget is None else int(budget)
            ),
            "refund_minutes_cap": programme.refund_minutes_cap,
            "refund_weeks_cap": programme.refund_weeks_cap,
            "age_min": programme.age_min,
            "age_max": programme.age_max,
        },
        "candidates": candidates,
        "openings": openings,
        "excluded_pairs": excluded,
    }
