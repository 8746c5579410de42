"""Saving profile forms and moving a profile through its statuses.

Nothing here commits: the calling view commits once, after everything has succeeded.
"""
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import lazy_gettext as _l

from web import vocab
from web.models import AvailabilityWindow, ProfileStatus, User, YouthProfile
from web.profiles import rules
from web.timeutil import now_utc
from web.validators import normalise_email, normalise_phone

STEP_COUNT = 4
DONE_STEP = STEP_COUNT + 1  # profile_step once every step has been saved

STEP_TITLES = {
    1: _l("Om dig"),
    2: _l("Det vil du gerne"),
    3: _l("Hvornår har du tid?"),
    4: _l("Det sidste"),
}


class StatusError(Exception):
    """A status change that is not allowed from the profile's current status."""


def initial_data(profile: YouthProfile) -> dict:
    """The profile as form data, for every field group (forms ignore what they do not have)."""
    if profile.wants_leisure and profile.wants_apprenticeship:
        track = "both"
    elif profile.wants_apprenticeship:
        track = "apprenticeship"
    elif profile.wants_leisure:
        track = "leisure"
    else:
        track = None
    data = {
        "first_name": profile.first_name,
        "last_name": profile.last_name,
        "contact_email": profile.contact_email or "",
        "contact_phone": profile.contact_phone or "",
        "birth_date": profile.birth_date,
        "postcode": profile.postcode or "",
        "school_finished": None if profile.school_finished is None else (
            "yes" if profile.school_finished else "no"
        ),
        "track": track,
        "education": profile.education or "",
        "languages": list(profile.languages or []),
        "windows": [
            {"day": vocab.DAYS[w.day_index], "start": w.start_minute, "end": w.end_minute}
            for w in profile.availability
        ],
        "max_hours": Decimal(profile.max_weekly_minutes) / 60 if profile.max_weekly_minutes else None,
        "max_commute_km": profile.max_commute_km or None,
        "guardian_name": profile.guardian_name or "",
        "guardian_email": profile.guardian_email or "",
        "guardian_phone": profile.guardian_phone or "",
        "lives_in_housing_area": profile.lives_in_housing_area,
        "newly_arrived": profile.newly_arrived,
    }
    for code in vocab.SECTORS:
        level = (profile.interests or {}).get(code)
        data[f"interest_{code}"] = {1.0: "1", 0.5: "0.5"}.get(level, "")
    return data


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def apply_profile_form(profile: YouthProfile, form) -> None:
    """Copy a validated form's answers onto the profile; only the groups the form has."""
    if "first_name" in form:
        profile.first_name = form.first_name.data.strip()
        profile.last_name = form.last_name.data.strip()
    if "contact_email" in form:
        profile.contact_email = normalise_email(form.contact_email.data)
        profile.contact_phone = normalise_phone(form.contact_phone.data or "")
    if "birth_date" in form:
        profile.birth_date = form.birth_date.data
        profile.postcode = form.postcode.data.strip()
        profile.school_finished = form.school_finished.data == "yes"
    if "track" in form:
        profile.wants_leisure = form.track.data in ("leisure", "both")
        profile.wants_apprenticeship = form.track.data in ("apprenticeship", "both")
        profile.education = form.education.data if profile.wants_apprenticeship else None
        profile.languages = [code for code in vocab.LANGUAGES if code in (form.languages.data or [])]
        interests = {}
        for code, field in form.interest_fields():
            if field.data in ("1", "0.5"):
                interests[code] = float(field.data)
        profile.interests = interests
    if "windows" in form:
        rows = sorted(
            entry.form.as_tuple() for entry in form.windows.entries if not entry.form.is_blank()
        )
        profile.availability = [
            AvailabilityWindow(day_index=day, start_minute=start, end_minute=end)
            for day, start, end in rows
        ]
        profile.max_weekly_minutes = int(
            (form.max_hours.data * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        )
        profile.max_commute_km = form.max_commute_km.data
    if "guardian_name" in form:
        if rules.needs_guardian(profile.birth_date):
            profile.guardian_name = _clean(form.guardian_name.data)
            profile.guardian_email = normalise_email(form.guardian_email.data)
            profile.guardian_phone = normalise_phone(form.guardian_phone.data or "")
        else:  # adults: keep no parent's details
            profile.guardian_name = profile.guardian_email = profile.guardian_phone = None
    if "lives_in_housing_area" in form:
        profile.lives_in_housing_area = bool(form.lives_in_housing_area.data)
        profile.newly_arrived = bool(form.newly_arrived.data)


def missing_parts(profile: YouthProfile) -> list[tuple[int, str]]:
    """What is still needed before a consultant can look at the profile, as (step, text)."""
    missing: list[tuple[int, str]] = []
    if profile.birth_date is None:
        missing.append((1, _l("Fødselsdato")))
    if not profile.postcode:
        missing.append((1, _l("Postnummer")))
    if profile.school_finished is None:
        missing.append((1, _l("Om du er færdig med 9. klasse")))
    if not profile.tracks:
        missing.append((2, _l("Om du søger fritidsjob, elevplads eller begge")))
    if profile.wants_apprenticeship and not profile.education:
        missing.append((2, _l("Uddannelsen til elevpladsen")))
    if not profile.availability:
        missing.append((3, _l("Hvornår du har tid")))
    if rules.needs_guardian(profile.birth_date) and not (
        profile.guardian_name and (profile.guardian_email or profile.guardian_phone)
    ):
        missing.append((4, _l("Kontakt til en forælder eller værge")))
    return missing


def is_complete(profile: YouthProfile) -> bool:
    return not missing_parts(profile)


def submit_if_complete(profile: YouthProfile) -> bool:
    """A complete draft (or one sent back for changes) goes to a consultant: DRAFT → PENDING.

    Active, paused and pending profiles keep their status when they are edited.
    """
    if profile.status in (ProfileStatus.DRAFT, ProfileStatus.REJECTED) and is_complete(profile):
        profile.status = ProfileStatus.PENDING
        profile.profile_step = DONE_STEP
        return True
    return False


def save_step(profile: YouthProfile, step: int, form) -> None:
    """Save one wizard step and remember the next one; after the last, submit the profile."""
    apply_profile_form(profile, form)
    profile.profile_step = max(profile.profile_step or 1, step + 1)
    if step == STEP_COUNT:
        submit_if_complete(profile)


def save_edit(profile: YouthProfile, form) -> None:
    """Save a change to a finished profile (or a profile registered by a partner)."""
    apply_profile_form(profile, form)
    submit_if_complete(profile)


def register_by_partner(form, staff: User) -> YouthProfile:
    """A profile a partner's staff member typed in, with the young person's recorded consent."""
    profile = YouthProfile(
        registered_by_org_id=staff.organisation_id,
        registered_by_user_id=staff.id,
        consent_at=now_utc(),
        consent_recorded_by_id=staff.id,
        consent_method=form.consent_method.data,
        status=ProfileStatus.DRAFT,
        profile_step=DONE_STEP,
    )
    apply_profile_form(profile, form)
    submit_if_complete(profile)
    return profile


def pause(profile: YouthProfile) -> None:
    if profile.status != ProfileStatus.ACTIVE:
        raise StatusError(profile.status)
    profile.status = ProfileStatus.PAUSED


def resume(profile: YouthProfile) -> None:
    if profile.status != ProfileStatus.PAUSED:
        raise StatusError(profile.status)
    profile.status = ProfileStatus.ACTIVE


def withdraw(profile: YouthProfile) -> None:
    """The young person withdraws consent: the row stays, marked, and leaves every match."""
    if profile.status == ProfileStatus.WITHDRAWN:
        raise StatusError(profile.status)
    profile.status = ProfileStatus.WITHDRAWN
    profile.withdrawn_at = now_utc()
    profile.consent_at = None


def give_consent_again(profile: YouthProfile) -> None:
    """Back from withdrawn: new consent, and a consultant looks again (or the steps go on)."""
    if profile.status != ProfileStatus.WITHDRAWN:
        raise StatusError(profile.status)
    profile.consent_at = now_utc()
    profile.consent_method = "online"
    profile.consent_recorded_by_id = None
    profile.withdrawn_at = None
    if is_complete(profile):
        profile.status = ProfileStatus.PENDING
    else:
        profile.status = ProfileStatus.DRAFT
        profile.profile_step = min(profile.profile_step or 1, missing_parts(profile)[0][0])
