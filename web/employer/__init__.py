"""Pages for the employer role."""
from flask import Blueprint

bp = Blueprint("employer", __name__, url_prefix="/employer", template_folder="templates")

from web.employer import placements, views  # noqa: E402,F401
