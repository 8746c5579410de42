"""Consultant pages: the work list, decisions, search, and any record opened in full.

Only consultants see these pages (admins have their own; see web/admin/views.py). Consultants
may open every record, so the id views only 404 on ids that do not exist.
"""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from web.auth import role_required
from web.auth.access import is_safe_next
from web.consultant import bp, forms, services
from web.consultant.services import Outcome
from web.extensions import db
from web.models import Opening, Organisation, YouthProfile
from web.programmes import current_programme

PER_PAGE = 25


@bp.context_processor
def labels():
    return {
        "profile_status_label": lambda code: forms.PROFILE_STATUSES.get(code, code),
        "opening_status_label": lambda code: forms.OPENING_STATUSES.get(code, code),
        "review_status_label": lambda code: forms.REVIEW_STATUSES.get(code, code),
        "organisation_kind_label": lambda code: forms.ORGANISATION_KINDS.get(code, code),
        "age_today": services.age_today,
        "user_name": services.user_name,
    }


@bp.route("/")
@role_required("consultant")
def home():
    programme = current_programme()
    return render_template(
        "consultant/home.html",
        work=services.work_list(),
        progress=services.programme_progress(programme),
        programme=programme,
    )


# --- messages for outcomes --------------------------------------------------------------------

def _flash_decision(outcome: Outcome, approve: bool, name: str, status_label) -> None:
    if outcome is Outcome.DONE:
        if approve:
            flash(_("%(name)s er godkendt.", name=name), "success")
        else:
            flash(_("%(name)s er afvist. Ejeren kan se din begrundelse.", name=name), "success")
    elif outcome is Outcome.ALREADY:
        flash(_("%(name)s har allerede status: %(status)s. Intet er ændret.",
                name=name, status=status_label), "info")
    elif outcome is Outcome.NOT_PENDING:
        flash(_("%(name)s venter ikke længere på godkendelse (status: %(status)s). Intet er ændret.",
                name=name, status=status_label), "warning")


def _flash_pause(outcome: Outcome, pause: bool, name: str, status_label) -> None:
    if outcome is Outcome.DONE:
        message = (_("%(name)s er sat på pause.", name=name) if pause
                   else _("%(name)s er aktiv igen.", name=name))
        flash(message, "success")
    elif outcome is Outcome.ALREADY:
        flash(_("%(name)s har allerede status: %(status)s. Intet er ændret.",
                name=name, status=status_label), "info")
    elif outcome is Outcome.NOT_PENDING:
        flash(_("%(name)s kan ikke ændres nu (status: %(status)s). Intet er ændret.",
                name=name, status=status_label), "warning")


def _back(default: str, form) -> str:
    target = getattr(form, "next", None) and form.next.data
    return target if is_safe_next(target) else default


# --- young people -----------------------------------------------------------------------------

@bp.route("/youth")
@role_required("consultant")
def youth_list():
    form = forms.YouthSearchForm(formdata=request.args)
    page = None
    if form.validate():
        page = db.paginate(
            services.search_youth(form.filters()), per_page=PER_PAGE, error_out=False
        )
    return render_template("consultant/youth_list.html", form=form, page=page)


def _youth_page(profile: YouthProfile, decision_form=None, pause_form=None):
    return render_template(
        "consultant/youth_detail.html",
        profile=profile,
        decision_form=decision_form or forms.DecisionForm(formdata=None),
        pause_form=pause_form or forms.PauseForm(formdata=None),
    )


@bp.route("/youth/<int:profile_id>")
@role_required("consultant")
def youth_detail(profile_id: int):
    return _youth_page(services.get_or_404(YouthProfile, profile_id))


@bp.route("/youth/<int:profile_id>/decision", methods=["POST"])
@role_required("consultant")
def youth_decision(profile_id: int):
    profile = services.get_or_404(YouthProfile, profile_id, for_update=True)
    form = forms.DecisionForm()
    if not form.validate():
        return _youth_page(profile, decision_form=form)
    outcome = services.decide_profile(
        profile, current_user, approve=form.approve, reason=form.reason.data
    )
    name = profile.full_name or _("Profilen")
    _flash_decision(outcome, form.approve, name, forms.PROFILE_STATUSES.get(profile.status))
    return redirect(_back(url_for(".youth_detail", profile_id=profile.id), form))


@bp.route("/youth/<int:profile_id>/status", methods=["POST"])
@role_required("consultant")
def youth_status(profile_id: int):
    profile = services.get_or_404(YouthProfile, profile_id, for_update=True)
    form = forms.PauseForm()
    if not form.validate():
        return _youth_page(profile, pause_form=form)
    outcome = services.set_profile_paused(
        profile, current_user, pause=form.pause, reason=form.reason.data
    )
    name = profile.full_name or _("Profilen")
    if outcome is Outcome.BLOCKED:
        flash(_("Profilen er aldrig blevet godkendt. Godkend den fra arbejdslisten."), "warning")
    _flash_pause(outcome, form.pause, name, forms.PROFILE_STATUSES.get(profile.status))
    return redirect(url_for(".youth_detail", profile_id=profile.id))


# --- openings ---------------------------------------------------------------------------------

@bp.route("/openings")
@role_required("consultant")
def openings_list():
    form = forms.OpeningSearchForm(formdata=request.args)
    page = None
    if form.validate():
        page = db.paginate(
            services.search_openings(form.filters()), per_page=PER_PAGE, error_out=False
        )
    return render_template("consultant/openings_list.html", form=form, page=page)


def _opening_page(opening: Opening, decision_form=None, pause_form=None):
    return render_template(
        "consultant/opening_detail.html",
        opening=opening,
        decision_form=decision_form or forms.DecisionForm(formdata=None),
        pause_form=pause_form or forms.PauseForm(formdata=None),
    )


@bp.route("/openings/<int:opening_id>")
@role_required("consultant")
def opening_detail(opening_id: int):
    return _opening_page(services.get_or_404(Opening, opening_id))


@bp.route("/openings/<int:opening_id>/decision", methods=["POST"])
@role_required("consultant")
def opening_decision(opening_id: int):
    opening = services.get_or_404(Opening, opening_id, for_update=True)
    form = forms.DecisionForm()
    if not form.validate():
        return _opening_page(opening, decision_form=form)
    outcome = services.decide_opening(
        opening, current_user, approve=form.approve, reason=form.reason.data
    )
    if outcome is Outcome.BLOCKED:
        flash(_("%(title)s kan ikke åbnes, før arbejdsgiveren %(employer)s er godkendt.",
                title=opening.title, employer=opening.employer.name), "warning")
    _flash_decision(outcome, form.approve, opening.title,
                    forms.OPENING_STATUSES.get(opening.status))
    return redirect(_back(url_for(".opening_detail", opening_id=opening.id), form))


@bp.route("/openings/<int:opening_id>/status", methods=["POST"])
@role_required("consultant")
def opening_status(opening_id: int):
    opening = services.get_or_404(Opening, opening_id, for_update=True)
    form = forms.PauseForm()
    if not form.validate():
        return _opening_page(opening, pause_form=form)
    outcome = services.set_opening_paused(
        opening, current_user, pause=form.pause, reason=form.reason.data
    )
    if outcome is Outcome.BLOCKED:
        flash(_("%(title)s kan ikke åbnes, før arbejdsgiveren %(employer)s er godkendt.",
                title=opening.title, employer=opening.employer.name), "warning")
    _flash_pause(outcome, form.pause, opening.title, forms.OPENING_STATUSES.get(opening.status))
    return redirect(url_for(".opening_detail", opening_id=opening.id))


# --- organisations ----------------------------------------------------------------------------

@bp.route("/organisations")
@role_required("consultant")
def organisations_list():
    form = forms.OrganisationSearchForm(formdata=request.args)
    page = None
    if form.validate():
        page = db.paginate(
            services.search_organisations(form.filters()), per_page=PER_PAGE, error_out=False
        )
    return render_template("consultant/organisations_list.html", form=form, page=page)


def _organisation_page(org: Organisation, decision_form=None):
    return render_template(
        "consultant/organisation_detail.html",
        org=org,
        decision_form=decision_form or forms.DecisionForm(formdata=None),
        **services.organisation_overview(org),
    )


@bp.route("/organisations/<int:org_id>")
@role_required("consultant")
def organisation_detail(org_id: int):
    return _organisation_page(services.get_or_404(Organisation, org_id))


@bp.route("/organisations/<int:org_id>/decision", methods=["POST"])
@role_required("consultant")
def organisation_decision(org_id: int):
    org = services.get_or_404(Organisation, org_id, for_update=True)
    form = forms.DecisionForm()
    if not form.validate():
        return _organisation_page(org, decision_form=form)
    outcome = services.decide_organisation(
        org, current_user, approve=form.approve, reason=form.reason.data
    )
    _flash_decision(outcome, form.approve, org.name, forms.REVIEW_STATUSES.get(org.status))
    return redirect(_back(url_for(".organisation_detail", org_id=org.id), form))
