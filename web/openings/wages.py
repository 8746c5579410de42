"""Hourly wages: what employers type in kroner, stored as integer øre, with sane floors."""
import re
from decimal import Decimal, InvalidOperation

from web.models import Track

# Denmark has no statutory minimum wage; collective agreements set youth rates (in 2024 roughly
# 75–90 kr./hour for under-18s in retail, more for older workers). The floors sit below every
# agreement we know of, so they only catch mistakes such as a wage typed in øre, a daily
# wage cut short, or an offer so low that the job centre would never place a young person.
LEISURE_WAGE_FLOOR_ORE = 60_00  # leisure jobs: at least 60 kr./hour
# Apprentice pay (elevløn) is set per education and year of training and is lower than an
# adult's wage; 40 kr./hour is below the first-year rate of every education in vocab.EDUCATIONS.
APPRENTICE_WAGE_FLOOR_ORE = 40_00
# An hourly wage above this is almost always a monthly or weekly wage typed in the wrong field.
WAGE_CEILING_ORE = 1_000_00

WAGE_FLOORS_ORE = {
    Track.LEISURE: LEISURE_WAGE_FLOOR_ORE,
    Track.APPRENTICESHIP: APPRENTICE_WAGE_FLOOR_ORE,
}


def parse_kroner(text: str) -> int | None:
    """Øre for an amount typed in kroner: "98,50", "98.50", "98", "98,50 kr."; None if not one.

    Danish thousands separators ("1.000,50") are accepted; more than two decimals are not.
    """
    cleaned = re.sub(r"\s*(kr\.?|kroner)$", "", (text or "").strip().lower()).strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d{1,2})?", cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d{1,2})?", cleaned):
        return None
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    return int(amount * 100)


def format_kroner_input(ore: int | None) -> str:
    """Øre back into the form's text box: 9850 → "98,50", 10000 → "100"."""
    if ore is None:
        return ""
    kroner, rest = divmod(ore, 100)
    return f"{kroner},{rest:02d}" if rest else str(kroner)
