"""Pages for the partner role."""
from flask import Blueprint

bp = Blueprint("partner", __name__, url_prefix="/partner", template_folder="templates")

from web.partner import views  # noqa: E402,F401
