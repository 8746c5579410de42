"""Partner pages."""
from flask import render_template

from web.auth import role_required
from web.partner import bp


@bp.route("/")
@role_required("partner")
def home():
    return render_template("partner/home.html")


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Register the organisation and its first user; a consultant approves it."""
    return render_template("partner/home.html")
