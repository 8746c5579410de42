"""Saving openings and changing their status; the consultant's vetting is elsewhere."""
from dataclasses import dataclass

from web.extensions import db
from web.models import Opening, OpeningStatus, Organisation, Shift
from web.openings.shifts import ShiftTimes, as_matcher_shifts
from web.openings.young_workers import YoungWorkerWarning, young_worker_warnings

# What young people are matched on or the vetting looked at. Editing anything else (the
# title, the description) is a typo fix and keeps the consultant's approval.
FREE_TO_EDIT = frozenset({"title", "description"})
# Statuses a consultant has vetted: a material edit sends the opening back to the queue.
VETTED = frozenset({OpeningStatus.OPEN, OpeningStatus.PAUSED})
EDITABLE = frozenset(
    {OpeningStatus.PENDING, OpeningStatus.OPEN, OpeningStatus.PAUSED, OpeningStatus.REJECTED}
)


@dataclass(frozen=True)
class SaveResult:
    opening: Opening
    sent_for_review: bool  # True when an approved or rejected opening went back to pending


def warnings_for(values: dict, shifts: list[ShiftTimes]) -> list[YoungWorkerWarning]:
    """Young-workers' warnings for an opening's values as the form gives them."""
    return young_worker_warnings(
        [shift.as_matcher() for shift in shifts],
        legal_category=values["legal_category"],
        serves_alcohol=values["serves_alcohol"],
        min_age=values["min_age"],
        start_date=values["start_date"],
    )


def warnings_for_opening(opening: Opening) -> list[YoungWorkerWarning]:
    """Young-workers' warnings for a stored opening."""
    return young_worker_warnings(
        as_matcher_shifts(opening.shifts),
        legal_category=opening.legal_category,
        serves_alcohol=opening.serves_alcohol,
        min_age=opening.min_age,
        start_date=opening.start_date,
    )


def create_opening(employer: Organisation, values: dict, shifts: list[ShiftTimes]) -> Opening:
    """Add a new opening (not committed); it waits for a consultant."""
    opening = Opening(employer=employer, status=OpeningStatus.PENDING, **values)
    opening.shifts = _shift_rows(shifts)
    db.session.add(opening)
    return opening


def is_material_change(opening: Opening, values: dict, shifts: list[ShiftTimes]) -> bool:
    """Would these values change what the opening is matched on?"""
    if _stored_shifts(opening) != sorted(shifts):
        return True
    return any(
        getattr(opening, name) != value
        for name, value in values.items()
        if name not in FREE_TO_EDIT
    )


def update_opening(opening: Opening, values: dict, shifts: list[ShiftTimes]) -> SaveResult:
    """Apply an edit (not committed); a material change to a vetted or rejected opening
    sends it back to the consultant."""
    material = is_material_change(opening, values, shifts)
    for name, value in values.items():
        setattr(opening, name, value)
    if _stored_shifts(opening) != sorted(shifts):
        opening.shifts = _shift_rows(shifts)
    sent_back = False
    if material and opening.status in VETTED | {OpeningStatus.REJECTED}:
        opening.status = OpeningStatus.PENDING
        opening.reviewed_at = None
        opening.reviewed_by_id = None
        opening.review_reason = None
        sent_back = True
    return SaveResult(opening, sent_back)


def pause_opening(opening: Opening) -> bool:
    """Stop matching an open opening for now; False when it is not open."""
    if opening.status != OpeningStatus.OPEN:
        return False
    opening.status = OpeningStatus.PAUSED
    return True


def resume_opening(opening: Opening) -> bool:
    """Match a paused opening again; False when it is not paused."""
    if opening.status != OpeningStatus.PAUSED:
        return False
    opening.status = OpeningStatus.OPEN
    return True


def close_opening(opening: Opening) -> bool:
    """Close for good; False when it is closed already."""
    if opening.status == OpeningStatus.CLOSED:
        return False
    opening.status = OpeningStatus.CLOSED
    return True


def is_live(opening: Opening) -> bool:
    """Can young people be matched with it now? Both the opening and its employer are approved."""
    return opening.status == OpeningStatus.OPEN and opening.employer.is_approved


def _stored_shifts(opening: Opening) -> list[ShiftTimes]:
    return sorted(ShiftTimes(s.day_index, s.start_minute, s.end_minute) for s in opening.shifts)


def _shift_rows(shifts: list[ShiftTimes]) -> list[Shift]:
    return [
        Shift(day_index=s.day_index, start_minute=s.start_minute, end_minute=s.end_minute)
        for s in sorted(shifts)
    ]
