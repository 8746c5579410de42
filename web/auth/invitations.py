"""Invitation links that let a young person take over a profile a partner registered.

Only the SHA-256 of a token is stored, so the link can be shown (and mailed) once but never
read back from the database. A new invitation for the same profile ends the earlier ones.
"""
import hashlib
import secrets
from datetime import timedelta
from enum import StrEnum

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user, login_user
from sqlalchemy import select, update

from web.auth import bp
from web.auth.forms import AccountForm, normalise_login
from web.auth.services import create_user
from web.extensions import db
from web.models import Invitation, Role, User, YouthProfile
from web.timeutil import COPENHAGEN, now_utc


class InvitationProblem(StrEnum):
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_invitation(profile: YouthProfile, *, created_by: User) -> tuple[Invitation, str]:
    """A new invitation (added to the session, not committed) and its secret token."""
    now = now_utc()
    db.session.execute(
        update(Invitation)
        .where(
            Invitation.profile_id == profile.id,
            Invitation.used_at.is_(None),
            Invitation.expires_at > now,
        )
        .values(expires_at=now)
    )
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        profile=profile,
        token_hash=hash_token(token),
        sent_to=profile.contact_email or profile.contact_phone or "",
        created_by_id=created_by.id,
        created_at=now,
        expires_at=now + timedelta(days=current_app.config["INVITATION_DAYS"]),
    )
    db.session.add(invitation)
    return invitation, token


def invitation_link(token: str) -> str:
    """The full link, on the public address (it is sent by SMS and e-mail)."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    return base + url_for("auth.accept_invitation", token=token)


def mail_invitation(invitation: Invitation, link: str) -> None:
    """E-mail the link to the young person (commits; call after the invitation is saved)."""
    from web.services.mail import send_mail

    profile = invitation.profile
    organisation = profile.registered_by_org.name if profile.registered_by_org else "Jobbro"
    expires = format_date(invitation.expires_at.astimezone(COPENHAGEN).date(), "long")
    body = _(
        "Hej %(name)s\n\n"
        "%(organisation)s har oprettet en profil til dig på Jobbro, så jobcentret kan hjælpe dig "
        "med at finde et fritidsjob eller en elevplads.\n\n"
        "Vælg dit eget login her:\n%(link)s\n\n"
        "Linket virker til og med %(expires)s.\n\n"
        "Venlig hilsen\nJobbro",
        name=profile.first_name,
        organisation=organisation,
        link=link,
        expires=expires,
    )
    send_mail(
        profile.contact_email,
        _("Din profil på Jobbro venter på dig"),
        body,
        key=f"invitation-{invitation.id}",
    )


def find_invitation(token: str) -> Invitation | None:
    return db.session.scalar(select(Invitation).where(Invitation.token_hash == hash_token(token)))


def invitation_problem(invitation: Invitation | None) -> InvitationProblem | None:
    if invitation is None:
        return InvitationProblem.UNKNOWN
    if invitation.used_at is not None or invitation.profile.user_id is not None:
        return InvitationProblem.USED
    if invitation.expires_at <= now_utc():
        return InvitationProblem.EXPIRED
    return None


def accept(invitation: Invitation, *, login: str, password: str) -> User:
    """Make the young person's own account and hand them the profile (not committed)."""
    profile = invitation.profile
    email, phone = normalise_login(login)
    user = create_user(
        role=Role.YOUTH, email=email, phone=phone, password=password, name=profile.first_name
    )
    profile.user = user
    invitation.used_at = now_utc()
    return user


class InvitationForm(AccountForm):
    """The young person chooses the login (e-mail or mobile) and a password."""


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    invitation = find_invitation(token)
    problem = invitation_problem(invitation)
    if problem is not None:
        status = 404 if problem == InvitationProblem.UNKNOWN else 410
        return render_template("auth/invitation_invalid.html", problem=problem), status
    if current_user.is_authenticated:
        return render_template("auth/invitation_signed_in.html", invitation=invitation)
    profile = invitation.profile
    form = InvitationForm(data={"login": profile.contact_email or profile.contact_phone or ""})
    if form.validate_on_submit():
        user = accept(invitation, login=form.login.data, password=form.password.data)
        db.session.commit()
        login_user(user)
        flash(_("Velkommen! Nu er profilen din, og du logger ind med dit eget login."), "success")
        return redirect(url_for("youth.home"))
    return render_template("auth/invitation.html", form=form, invitation=invitation, profile=profile)
