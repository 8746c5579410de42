"""The front page and choosing a language."""
from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user

from web.auth.access import home_url_for, is_safe_next
from web.extensions import db
from web.public import bp


@bp.route("/")
def index():
    if current_user.is_authenticated:
        return redirect(home_url_for(current_user))
    return render_template("public/index.html")


@bp.route("/language/<code>", methods=["POST"])
def set_language(code: str):
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    session["locale"] = code
    if current_user.is_authenticated:
        current_user.locale = code
        db.session.commit()
    target = request.form.get("next")
    return redirect(target if is_safe_next(target) else url_for("public.index"))
