"""Employer pages."""
from flask import render_template

from web.auth import role_required
from web.employer import bp


@bp.route("/")
@role_required("employer")
def home():
    return render_template("employer/home.html")


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Register the organisation and its first user; a consultant approves it."""
    return render_template("employer/home.html")
