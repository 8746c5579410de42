"""Admin pages: the programme's settings per year, and user accounts.

Roles stay strict: admins have these pages only; the consultant pages are for consultants.
The admin's front page shows the programme's progress through the same function the
consultant's work list uses (web.consultant.services.programme_progress).
"""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from web.admin import bp, services
from web.admin.forms import ConsultantForm, ProgrammeForm
from web.auth import role_required
from web.consultant.services import programme_progress
from web.extensions import db
from web.models import Role, User
from web.timeutil import today

ROLE_LABELS = {
    Role.YOUTH: _l("Ung"),
    Role.PARTNER: _l("Partner"),
    Role.EMPLOYER: _l("Arbejdsgiver"),
    Role.CONSULTANT: _l("Konsulent"),
    Role.ADMIN: _l("Administrator"),
}


@bp.context_processor
def labels():
    return {"role_label": lambda code: ROLE_LABELS.get(code, code)}


def _programme_page(year: int):
    programme = services.programme_for_year(year)
    if programme is None:
        abort(404)
    editable = services.is_editable(programme)
    form = ProgrammeForm() if request.method == "POST" else ProgrammeForm.for_programme(programme)
    if request.method == "POST":
        if not editable:
            abort(403)
        if form.validate():
            services.save_programme(programme, form.settings())
            flash(_("Indstillingerne for %(year)s er gemt.", year=programme.year), "success")
            if year == today().year:
                return redirect(url_for(".home"))
            return redirect(url_for(".programme", year=year))
    return render_template(
        "admin/home.html" if year == today().year else "admin/programme.html",
        programme=programme,
        form=form,
        editable=editable,
        programmes=services.all_programmes(),
        progress=programme_progress(programme) if year == today().year else None,
        next_year=today().year + 1,
    )


@bp.route("/", methods=["GET", "POST"])
@role_required("admin")
def home():
    return _programme_page(today().year)


@bp.route("/programmes/<int:year>", methods=["GET", "POST"])
@role_required("admin")
def programme(year: int):
    if year == today().year:
        return redirect(url_for(".home"), code=307 if request.method == "POST" else 302)
    return _programme_page(year)


@bp.route("/programmes/next", methods=["POST"])
@role_required("admin")
def start_next_programme():
    programme, created = services.start_next_programme()
    if created:
        flash(_("Programmet for %(year)s er startet med årets indstillinger. Ret dem her.",
                year=programme.year), "success")
    else:
        flash(_("Programmet for %(year)s findes allerede.", year=programme.year), "info")
    return redirect(url_for(".programme", year=programme.year))


# --- users ------------------------------------------------------------------------------------

@bp.route("/users")
@role_required("admin")
def users():
    role = request.args.get("role") or None
    if role not in (None, *ROLE_LABELS):
        role = None
    page = db.paginate(services.list_users(role), per_page=50, error_out=False)
    return render_template("admin/users.html", page=page, role=role, roles=ROLE_LABELS)


@bp.route("/users/new", methods=["GET", "POST"])
@role_required("admin")
def new_consultant():
    form = ConsultantForm()
    if form.validate_on_submit():
        user = services.create_consultant(
            name=form.name.data, email=form.email.data, password=form.password.data
        )
        flash(_("Konsulenten %(name)s er oprettet og kan logge ind med %(email)s og den "
                "midlertidige adgangskode.", name=user.name, email=user.email), "success")
        return redirect(url_for(".users"))
    return render_template("admin/new_consultant.html", form=form)


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@role_required("admin")
def user_active(user_id: int):
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    action = request.form.get("action")
    if action not in ("deactivate", "reactivate"):
        abort(400)
    active = action == "reactivate"
    change = services.set_user_active(user, active=active, by=current_user)
    name = user.name or user.login
    if change is services.Change.SELF:
        flash(_("Du kan ikke lukke din egen bruger."), "error")
    elif change is services.Change.ALREADY:
        flash(_("%(name)s var allerede %(state)s. Intet er ændret.", name=name,
                state=_("aktiv") if active else _("lukket")), "info")
    elif active:
        flash(_("%(name)s kan logge ind igen.", name=name), "success")
    else:
        flash(_("%(name)s er lukket og kan ikke længere logge ind.", name=name), "success")
    return redirect(request.form.get("back_to") if _safe(request.form.get("back_to"))
                    else url_for(".users"))


def _safe(target: str | None) -> bool:
    from web.auth.access import is_safe_next

    return is_safe_next(target) and target.startswith("/admin/")
