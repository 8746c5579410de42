"""Numbers, money and clock times as people type them: pure parse and format functions.

Every ``parse_*`` raises ValueError on text it cannot read; rules (too low, too high, not
negative) belong to the forms that use them. The form fields in :mod:`web.fields` wrap these.
"""
import re
from datetime import date, datetime
from decimal import Decimal

DAY_MINUTES = 24 * 60

_KRONER_SUFFIX = re.compile(r"\s*(kr\.?|kroner|dkk)$")
_THOUSANDS_DOT = re.compile(r"\d{1,3}(\.\d{3})+(,\d{1,2})?")  # 1.000 / 1.000,50 (Danish)
_THOUSANDS_SPACE = re.compile(r"\d{1,3}( \d{3})+([.,]\d{1,2})?")  # 600 000 / 1 000,50
_PLAIN_AMOUNT = re.compile(r"\d+([.,]\d{1,2})?")  # 98 / 98,50 / 98.50
_WHOLE_NUMBER = re.compile(r"-?[0-9]+")
_HOURS = re.compile(r"-?[0-9]+([.,][0-9]{1,2})?")

DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y")


def parse_kroner(text: str, *, signed: bool = False) -> Decimal:
    """Kroner as people type them: "98,50", "98.50", "98", "600.000", "600 000 kr.", "1.000,50".

    A dot (or a space) before groups of exactly three digits is a thousands separator, the
    Danish way; otherwise one "," or "." with one or two digits after it is the decimal mark.
    A comma before three digits ("600,000"), more than two decimals, exponents and words are
    refused rather than guessed. A leading minus is read only when ``signed`` (so a form can
    say "not negative" instead of "unreadable"). Raises ValueError on anything else.
    """
    cleaned = _KRONER_SUFFIX.sub("", (text or "").strip().lower()).strip()
    sign = 1
    if signed and cleaned.startswith("-"):
        sign, cleaned = -1, cleaned[1:].strip()
    if _THOUSANDS_DOT.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _THOUSANDS_SPACE.fullmatch(cleaned):
        cleaned = cleaned.replace(" ", "").replace(",", ".")
    elif _PLAIN_AMOUNT.fullmatch(cleaned):
        cleaned = cleaned.replace(",", ".")
    else:
        raise ValueError(f"not kroner: {text!r}")
    return sign * Decimal(cleaned)


def kroner_to_ore(amount: Decimal) -> int:
    """Whole øre for an amount in kroner (at most two decimals): Decimal("98.50") → 9850."""
    ore = amount * 100
    if ore != ore.to_integral_value():
        raise ValueError(f"not whole øre: {amount!r}")
    return int(ore)


def format_kroner_input(ore: int | None) -> str:
    """Øre back into a form's text box: 9850 → "98,50", 10000 → "100", None → ""."""
    if ore is None:
        return ""
    kroner, rest = divmod(ore, 100)
    return f"{kroner},{rest:02d}" if rest else str(kroner)


def format_decimal(value: Decimal) -> str:
    """A Decimal the way a Dane types it: 600000 → "600000", 2.5 → "2,5"."""
    return format(value.normalize(), "f").replace(".", ",")


def parse_whole_number(text: str) -> int:
    """A whole number in ASCII digits, optionally negative: "5", "-1"; raises ValueError otherwise."""
    cleaned = (text or "").strip()
    if not _WHOLE_NUMBER.fullmatch(cleaned):
        raise ValueError(f"not a whole number: {text!r}")
    return int(cleaned)


def parse_hours(text: str) -> Decimal:
    """Hours as typed: "5", "7,5", "2.5" (at most two decimals); raises ValueError otherwise."""
    cleaned = (text or "").strip()
    if not _HOURS.fullmatch(cleaned):
        raise ValueError(f"not hours: {text!r}")
    return Decimal(cleaned.replace(",", "."))


def parse_clock(text: str) -> int:
    """Minutes from midnight for "16:00", "7:30", "16.00", "1600" or "16"; "24:00" is midnight.

    Raises ValueError for anything that is not a time of one day ("24:01", "16:5", "kl 16").
    """
    cleaned = (text or "").strip().replace(".", ":")
    if cleaned.isascii() and cleaned.isdigit():
        if len(cleaned) in (3, 4):
            cleaned = f"{cleaned[:-2]}:{cleaned[-2:]}"
        elif len(cleaned) <= 2:
            cleaned = f"{cleaned}:00"
    hours, colon, mins = cleaned.partition(":")
    if not (
        colon
        and hours.isascii()
        and mins.isascii()
        and hours.isdigit()
        and mins.isdigit()
        and len(mins) == 2
        and len(hours) <= 2
    ):
        raise ValueError(f"not a time: {text!r}")
    value = int(hours) * 60 + int(mins)
    if int(mins) >= 60 or value > DAY_MINUTES:
        raise ValueError(f"not a time: {text!r}")
    return value


def parse_date(text: str) -> date:
    """A date from a browser's date input (2008-05-17) or typed as 17-05-2008, 17.05.2008 or
    17/05/2008; raises ValueError otherwise (also for days that do not exist, like 31-02)."""
    cleaned = (text or "").strip()
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")
