"""Error pages for the whole app; JSON for API callers."""
from flask import Blueprint, jsonify, render_template
from flask_babel import lazy_gettext as _l

from web.extensions import db
from web.i18n import wants_json

bp = Blueprint("errors", __name__)

_TITLES = {
    400: _l("Forkert forespørgsel"),
    401: _l("Log ind først"),
    403: _l("Du har ikke adgang til denne side"),
    404: _l("Siden findes ikke"),
    405: _l("Det kan man ikke her"),
    500: _l("Der gik noget galt"),
}


def _render(status: int, error=None):
    title = str(_TITLES.get(status, _TITLES[500]))
    if wants_json():
        return jsonify(error=title, status=status), status
    return render_template("errors/error.html", status=status, title=title), status


@bp.app_errorhandler(400)
@bp.app_errorhandler(401)
@bp.app_errorhandler(403)
@bp.app_errorhandler(404)
@bp.app_errorhandler(405)
def client_error(error):
    return _render(error.code, error)


@bp.app_errorhandler(500)
def server_error(error):
    db.session.rollback()
    return _render(500, error)
