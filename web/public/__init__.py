"""Pages anyone can see: the front page and the language switch."""
from flask import Blueprint

bp = Blueprint("public", __name__, template_folder="templates")

from web.public import views  # noqa: E402,F401
