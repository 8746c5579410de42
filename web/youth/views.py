"""Pages for young people: profile steps, pause and withdraw."""
from flask import render_template

from web.auth import role_required
from web.youth import bp


@bp.route("/")
@role_required("youth")
def home():
    return render_template("youth/home.html")
