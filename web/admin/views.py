"""Admin pages."""
from flask import render_template

from web.auth import role_required
from web.admin import bp


@bp.route("/")
@role_required("admin")
def home():
    return render_template("admin/home.html")
