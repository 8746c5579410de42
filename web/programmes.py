"""The programme in force: this year's settings, or the defaults until an admin saves them."""
from sqlalchemy import select

from web.extensions import db
from web.models import Programme
from web.timeutil import today


def current_programme() -> Programme:
    """This year's programme row; an unsaved one with the default settings if there is none.

    Reading never creates rows: the admin's settings page saves the year when it is first
    edited, and the match run refuses to start on an unsaved programme.
    """
    year = today().year
    programme = db.session.scalar(select(Programme).where(Programme.year == year))
    return programme if programme is not None else default_programme(year)


def default_programme(year: int) -> Programme:
    """An unsaved programme with the plan's figures: 110 leisure jobs and 60 apprenticeships a
    year, at least half private, DKK 600,000 of wage refunds for up to 5 hours a week for
    22 weeks, ages 15–24, five days to answer an offer."""
    return Programme(
        year=year,
        name=f"Fritidsjob og elevpladser {year}",
        leisure_target=110,
        apprenticeship_target=60,
        min_private_share_pct=50,
        refund_budget_ore=60_000_000,
        refund_minutes_cap=300,
        refund_weeks_cap=22,
        age_min=15,
        age_max=24,
        offer_days=5,
    )
