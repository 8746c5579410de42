"""Pages for the consultant role."""
from flask import Blueprint

bp = Blueprint("consultant", __name__, url_prefix="/consultant", template_folder="templates")

from web.consultant import runs, views  # noqa: E402,F401
