"""Pages for the youth role."""
from flask import Blueprint

bp = Blueprint("youth", __name__, url_prefix="/youth", template_folder="templates")

from web.youth import offers, views  # noqa: E402,F401
