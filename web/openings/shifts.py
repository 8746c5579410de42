"""Weekly shifts typed as rows (day, "HH:MM", "HH:MM"): parsing and the rules they must obey."""
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from web.numbers import DAY_MINUTES, parse_clock
from web.timeutil import minutes_to_hhmm
from web.vocab import DAY_LABELS, DAYS

MAX_SHIFTS = 28


@dataclass(frozen=True, order=True)
class ShiftTimes:
    """One weekly shift: day index 0 (monday)..6, minutes from midnight, never past midnight."""

    day_index: int
    start_minute: int
    end_minute: int

    @property
    def day(self) -> str:
        return DAYS[self.day_index]

    @property
    def minutes(self) -> int:
        return self.end_minute - self.start_minute

    def as_matcher(self) -> tuple[str, int, int]:
        return (self.day, self.start_minute, self.end_minute)

    def label(self) -> str:
        return (
            f"{DAY_LABELS[self.day]} {minutes_to_hhmm(self.start_minute)}"
            f"–{minutes_to_hhmm(self.end_minute)}"
        )


@dataclass
class ShiftCheck:
    """What the rows said: the valid shifts, and messages per row (by position) or overall."""

    shifts: list[ShiftTimes] = field(default_factory=list)
    row_errors: dict[int, str] = field(default_factory=dict)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not self.row_errors and self.error is None

    @property
    def weekly_minutes(self) -> int:
        return sum(shift.minutes for shift in self.shifts)


def check_rows(rows: list[tuple[str, str, str]]) -> ShiftCheck:
    """Check typed rows of (day code, start, end).

    A row left blank is ignored. Each shift must lie inside one day and end after it starts
    ("24:00" is allowed as an end); shifts on the same day must not overlap; at least one
    shift is needed.
    """
    check = ShiftCheck()
    parsed: list[tuple[int, ShiftTimes]] = []
    for position, (day, start_text, end_text) in enumerate(rows):
        day, start_text, end_text = (day or "").strip(), (start_text or "").strip(), (end_text or "").strip()
        if not (day or start_text or end_text):
            continue
        message = _row_error(day, start_text, end_text)
        if message:
            check.row_errors[position] = str(message)
            continue
        parsed.append(
            (position, ShiftTimes(DAYS.index(day), parse_clock(start_text), parse_clock(end_text)))
        )

    for position, shift in parsed:
        clash = next(
            (
                other
                for other_position, other in parsed
                if other_position < position
                and other.day_index == shift.day_index
                and other.start_minute < shift.end_minute
                and shift.start_minute < other.end_minute
            ),
            None,
        )
        if clash is not None:
            check.row_errors[position] = str(
                _l("Vagten overlapper en anden vagt: %(other)s.", other=clash.label())
            )

    if len(parsed) > MAX_SHIFTS:
        check.error = str(_l("Højst %(n)s vagter om ugen.", n=MAX_SHIFTS))
    elif not parsed and not check.row_errors:
        check.error = str(_l("Skriv mindst én vagt: vælg en dag og skriv start og slut."))
    if check.ok:
        check.shifts = sorted(shift for _, shift in parsed)
    return check


def _row_error(day: str, start_text: str, end_text: str):
    if day not in DAYS:
        return _l("Vælg hvilken dag vagten er.")
    if not start_text or not end_text:
        return _l("Skriv både start og slut, fx 16:00 og 19:00 – eller lad hele rækken være tom.")
    try:
        start, end = parse_clock(start_text), parse_clock(end_text)
    except ValueError:
        return _l("Skriv tiderne som TT:MM, fx 16:00. Brug 24:00 for midnat.")
    if start >= DAY_MINUTES:
        return _l("En vagt kan ikke starte kl. 24:00. Skriv 00:00 og vælg næste dag.")
    if end <= start:
        return _l(
            "Vagten skal slutte efter den starter, på samme dag. Går den over midnat, så del "
            "den i to: en vagt til 24:00 og en fra 00:00 næste dag."
        )
    return None


def rows_from_shifts(shifts) -> list[dict[str, str]]:
    """Form rows for stored shifts (anything with day_index, start_minute, end_minute)."""
    return [
        {
            "day": DAYS[shift.day_index],
            "start": minutes_to_hhmm(shift.start_minute),
            "end": minutes_to_hhmm(shift.end_minute),
        }
        for shift in shifts
    ]


def as_matcher_shifts(shifts) -> list[tuple[str, int, int]]:
    """Shifts as the matcher takes them: (day code, start minute, end minute)."""
    return [(DAYS[s.day_index], s.start_minute, s.end_minute) for s in shifts]
