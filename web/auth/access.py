"""Who may see what: the user loader, role checks and safe redirects."""
from functools import wraps
from urllib.parse import urlsplit

from flask import abort, flash, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from web.extensions import db, login_manager
from web.i18n import wants_json
from web.models import Role, User

HOME_ENDPOINTS = {
    Role.YOUTH: "youth.home",
    Role.PARTNER: "partner.home",
    Role.EMPLOYER: "employer.home",
    Role.CONSULTANT: "consultant.home",
    Role.ADMIN: "admin.home",
}

login_manager.login_view = "auth.login"
login_manager.login_message = _l("Log ind for at se siden.")
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id))


def role_required(*roles: str):
    """Let only signed-in users with one of ``roles`` through.

    Anonymous HTML requests go to the login page; JSON requests and users with the wrong
    role get 401/403 so that nothing is revealed by a redirect.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                if wants_json():
                    abort(401)
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def home_url_for(user: User) -> str:
    return url_for(HOME_ENDPOINTS[Role(user.role)])


def is_safe_next(target: str | None) -> bool:
    """Only same-site relative paths: no scheme, no host, no protocol-relative ``//``."""
    if not target:
        return False
    parts = urlsplit(target)
    return (
        not parts.scheme
        and not parts.netloc
        and target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
    )


def redirect_after_login(user: User):
    target = request.args.get("next") or request.form.get("next")
    if is_safe_next(target):
        return redirect(target)
    return redirect(home_url_for(user))


def flash_and_redirect(message, endpoint: str, category: str = "success", **values):
    flash(message, category)
    return redirect(url_for(endpoint, **values))
