"""What an employer types into the opening form, as the browser posts it."""
import re
from datetime import timedelta

from sqlalchemy import func, select

from web.extensions import db
from web.models import Opening
from web.timeutil import today

ROWS = 7


def opening_data(shifts=(("mon", "16:00", "18:00"), ("thu", "16:00", "18:00")), **fields) -> dict:
    """A valid leisure job in a shop that every 15–17-year-old may take (two hours on a school
    day); ``fields`` override, ``shifts`` fill the rows in order."""
    data = {
        "track": "leisure",
        "title": "Butiksmedhjælper",
        "sector": "retail",
        "description": "Opfyldning og kasse.",
        "postcode": "2200",
        "seats": "2",
        "start_date": (today() + timedelta(days=14)).isoformat(),
        "weeks": "20",
        "hourly_wage": "98,50",
        "min_age": "15",
        "legal_category": "shop_office",
        "education": "",
    }
    for index in range(max(ROWS, len(shifts))):
        day, start, end = shifts[index] if index < len(shifts) else ("", "", "")
        data |= {f"shifts-{index}-day": day, f"shifts-{index}-start": start, f"shifts-{index}-end": end}
    for name, value in fields.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def count_openings() -> int:
    return db.session.scalar(select(func.count(Opening.id)))


def warning_key_in(html: str) -> str:
    match = re.search(r'name="warning_key"[^>]*value="([^"]*)"', html) or re.search(
        r'id="warning_key" name="warning_key" type="hidden" value="([^"]*)"', html
    )
    assert match, "no warning_key field in the page"
    return match.group(1)


def text(response) -> str:
    return response.get_data(as_text=True)
