"""Admin work: saving a year's programme, starting the next one, and consultant accounts."""
from enum import StrEnum

from sqlalchemy import select

from web.auth.services import create_user
from web.extensions import db
from web.models import Programme, Role, User
from web.programmes import current_programme
from web.timeutil import today

SETTINGS = (
    "name",
    "leisure_target",
    "apprenticeship_target",
    "min_private_share_pct",
    "refund_budget_ore",
    "refund_minutes_cap",
    "refund_weeks_cap",
    "age_min",
    "age_max",
    "offer_days",
)


def programme_for_year(year: int) -> Programme | None:
    """The saved programme of ``year``; this year's unsaved default when it has no row yet."""
    if year == today().year:
        return current_programme()
    return db.session.scalar(select(Programme).where(Programme.year == year))


def all_programmes() -> list[Programme]:
    return list(db.session.scalars(select(Programme).order_by(Programme.year.desc())))


def is_editable(programme: Programme) -> bool:
    """Past years are history: their settings explain past match runs."""
    return programme.year >= today().year


def save_programme(programme: Programme, settings: dict) -> Programme:
    """Write validated settings; an unsaved (default) programme is created."""
    for name in SETTINGS:
        setattr(programme, name, settings[name])
    if programme.id is None:
        db.session.add(programme)
    db.session.commit()
    return programme


def start_next_programme() -> tuple[Programme, bool]:
    """Next year's programme with this year's settings; (programme, created)."""
    year = today().year + 1
    existing = db.session.scalar(select(Programme).where(Programme.year == year))
    if existing is not None:
        return existing, False
    source = current_programme()
    settings = {name: getattr(source, name) for name in SETTINGS}
    settings["name"] = _next_name(source.name, source.year, year)
    programme = Programme(year=year, **settings)
    db.session.add(programme)
    db.session.commit()
    return programme, True


def _next_name(name: str, year: int, next_year: int) -> str:
    if str(year) in name:
        return name.replace(str(year), str(next_year))
    return f"{name} {next_year}".strip()


# --- users ------------------------------------------------------------------------------------


def create_consultant(*, name: str, email: str, password: str) -> User:
    user = create_user(
        role=Role.CONSULTANT, email=email.strip().lower(), password=password, name=name.strip()
    )
    db.session.commit()
    return user


def list_users(role: str | None = None):
    query = select(User)
    if role:
        query = query.where(User.role == role)
    return query.order_by(User.role, User.name, User.id)


class Change(StrEnum):
    DONE = "done"
    ALREADY = "already"
    SELF = "self"  # an admin cannot lock themselves out


def set_user_active(user: User, *, active: bool, by: User) -> Change:
    if user.id == by.id and not active:
        return Change.SELF
    if user.active == active:
        return Change.ALREADY
    user.active = active
    db.session.commit()
    return Change.DONE
