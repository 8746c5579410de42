"""Consultant pages."""
from flask import render_template

from web.auth import role_required
from web.consultant import bp


@bp.route("/")
@role_required("consultant")
def home():
    return render_template("consultant/home.html")
