"""Valid form data for the profile questions; tests change one field to break one rule."""
from tests.factories import years_ago


def step_data(step: int, **overrides) -> dict:
    """What a young person types on one wizard step, all valid."""
    data = {
        1: {
            "first_name": "Sara",
            "last_name": "Hassan",
            "birth_date": years_ago(16).isoformat(),
            "postcode": "2200",
            "school_finished": "yes",
        },
        2: {
            "track": "leisure",
            "education": "",
            "interest_retail": "1",
            "interest_care": "0.5",
            "languages": ["da", "ar"],
        },
        3: {
            "windows-0-day": "mon",
            "windows-0-start": "15:00",
            "windows-0-end": "19:00",
            "windows-1-day": "",
            "windows-1-start": "",
            "windows-1-end": "",
            "max_hours": "8",
            "max_commute_km": "5",
        },
        4: {
            "guardian_name": "Amina Hassan",
            "guardian_email": "",
            "guardian_phone": "20 30 40 50",
            "lives_in_housing_area": "y",
        },
    }[step]
    return {**data, **overrides}


def partner_youth_data(**overrides) -> dict:
    """Everything a partner's staff member fills in for a new young person, all valid."""
    data = {
        "contact_email": "sara@mail.dk",
        "contact_phone": "",
        "consent": "y",
        "consent_method": "verbal",
    }
    for step in (1, 2, 3, 4):
        data.update(step_data(step))
    return {**data, **overrides}
