"""How an opening reads on a page, for employers and consultants alike."""
from dataclasses import dataclass

from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from web import postcodes, vocab
from web.models import Opening, OpeningStatus, ReviewStatus
from web.openings.services import is_live, warnings_for_opening
from web.openings.young_workers import YoungWorkerWarning, only_adults_left
from web.templating import format_minutes, format_ore
from web.timeutil import minutes_to_hhmm

STATUS_LABELS = {
    OpeningStatus.PENDING: _l("Venter på godkendelse"),
    OpeningStatus.OPEN: _l("Åben"),
    OpeningStatus.PAUSED: _l("Sat på pause"),
    OpeningStatus.CLOSED: _l("Lukket"),
    OpeningStatus.REJECTED: _l("Afvist"),
}
STATUS_HELP = {
    OpeningStatus.PENDING: _l("Jobcentret kigger på opslaget. Indtil det er godkendt, ser ingen unge det."),
    OpeningStatus.OPEN: _l("Opslaget er med, når jobcentret matcher unge med job."),
    OpeningStatus.PAUSED: _l("Opslaget er sat på pause og er ikke med i matchningen, før I genåbner det."),
    OpeningStatus.CLOSED: _l("Opslaget er lukket og kan ikke åbnes igen. Lav et nyt, hvis I får brug for det."),
    OpeningStatus.REJECTED: _l("Jobcentret har afvist opslaget. Ret det, så kigger jobcentret på det igen."),
}


def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


@dataclass(frozen=True)
class ShiftLine:
    day: str
    start: str
    end: str
    hours: str


@dataclass(frozen=True)
class OpeningView:
    """Everything a page shows about an opening, already worded."""

    opening: Opening
    status: str
    status_label: str
    status_help: str
    track: str
    sector: str
    district: str
    start_date: str
    wage: str
    weekly_hours: str
    shifts: tuple[ShiftLine, ...]
    languages: str
    legal_category: str
    education: str
    warnings: tuple[YoungWorkerWarning, ...]
    only_adults: bool
    live: bool
    waiting_for_employer: bool

    @property
    def id(self) -> int:
        return self.opening.id

    @property
    def title(self) -> str:
        return self.opening.title


def opening_view(opening: Opening) -> OpeningView:
    warnings = tuple(warnings_for_opening(opening))
    return OpeningView(
        opening=opening,
        status=opening.status,
        status_label=status_label(opening.status),
        status_help=str(STATUS_HELP.get(opening.status, "")),
        track=str(vocab.TRACKS.get(opening.track, opening.track)),
        sector=str(vocab.SECTORS.get(opening.sector, opening.sector)),
        district=postcodes.district_of(opening.postcode) or opening.postcode,
        start_date=format_date(opening.start_date, format="long"),
        wage=format_ore(opening.hourly_wage_ore),
        weekly_hours=format_minutes(opening.weekly_minutes),
        shifts=tuple(
            ShiftLine(
                day=str(vocab.DAY_LABELS[vocab.DAYS[s.day_index]]),
                start=minutes_to_hhmm(s.start_minute),
                end=minutes_to_hhmm(s.end_minute),
                hours=format_minutes(s.end_minute - s.start_minute),
            )
            for s in opening.shifts
        ),
        languages=", ".join(str(vocab.LANGUAGES.get(code, code)) for code in opening.required_languages)
        or str(_l("Ingen krav")),
        legal_category=str(vocab.LEGAL_CATEGORIES.get(opening.legal_category, opening.legal_category)),
        education=str(vocab.EDUCATIONS.get(opening.education, "")) if opening.education else "",
        warnings=warnings,
        only_adults=only_adults_left(list(warnings), opening.min_age),
        live=is_live(opening),
        waiting_for_employer=opening.employer.status == ReviewStatus.PENDING,
    )
