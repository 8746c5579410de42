"""Sign-in, sign-up and the access rules every other blueprint uses."""
from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth", template_folder="templates")

from web.auth import invitations, views  # noqa: E402,F401  (routes register on bp)
from web.auth.access import role_required  # noqa: E402

__all__ = ["bp", "role_required"]
