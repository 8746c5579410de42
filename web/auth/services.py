"""Account creation and lookup, shared by sign-up, invitations and seeding."""
from sqlalchemy import or_, select

from web.extensions import db
from web.models import User


def login_taken(email: str | None, phone: str | None) -> bool:
    conditions = []
    if email:
        conditions.append(User.email == email)
    if phone:
        conditions.append(User.phone == phone)
    if not conditions:
        return False
    return db.session.scalar(select(User.id).where(or_(*conditions)).limit(1)) is not None


def find_user_by_login(email: str | None, phone: str | None) -> User | None:
    if email:
        return db.session.scalar(select(User).where(User.email == email))
    if phone:
        return db.session.scalar(select(User).where(User.phone == phone))
    return None


def create_user(
    *, role: str, password: str, email: str | None = None, phone: str | None = None, **fields
) -> User:
    """Add a user to the session (not committed) with a hashed password."""
    user = User(role=role, email=email, phone=phone, **fields)
    user.set_password(password)
    db.session.add(user)
    return user
