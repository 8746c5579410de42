"""Employer pages: registration, the list of openings, and creating and managing them."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from web import postcodes
from web.auth import role_required
from web.auth.access import home_url_for
from web.employer import bp
from web.employer.forms import EmployerRegistrationForm
from web.employer.services import (
    current_employer,
    get_own_opening_or_404,
    register_employer,
)
from web.extensions import db
from web.models import Opening, OpeningStatus, ReviewStatus
from web.numbers import format_kroner_input
from web.openings import services as openings
from web.openings.display import opening_view
from web.openings.forms import OpeningForm
from web.openings.shifts import rows_from_shifts
from web.openings.young_workers import warnings_key
from web.programmes import current_programme


@bp.route("/")
@role_required("employer")
def home():
    employer = current_employer()
    rows = db.session.scalars(
        select(Opening)
        .where(Opening.employer_id == employer.id)
        .order_by(Opening.created_at.desc(), Opening.id.desc())
    ).all()
    active = [opening_view(o) for o in rows if o.status != OpeningStatus.CLOSED]
    closed = [opening_view(o) for o in rows if o.status == OpeningStatus.CLOSED]
    return render_template("employer/home.html", employer=employer, openings=active, closed=closed)


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Register the organisation and its first user; a consultant approves it."""
    if current_user.is_authenticated:
        return redirect(home_url_for(current_user))
    form = EmployerRegistrationForm()
    if form.validate_on_submit():
        user = register_employer(
            name=form.name.data,
            cvr=form.cvr_normalised,
            employer_kind=form.employer_kind.data,
            social_economy=form.social_economy.data,
            postcode=form.postcode.data,
            contact_phone=form.phone_normalised,
            contact_name=form.contact_name.data,
            email=form.email.data,
            password=form.password.data,
            locale=request.cookies.get("locale"),
        )
        try:
            db.session.commit()
        except IntegrityError:  # someone registered the same CVR or e-mail a moment ago
            db.session.rollback()
            form.cvr.errors.append(
                _("CVR-nummeret eller e-mailen er lige blevet registreret. Prøv at logge ind.")
            )
        else:
            login_user(user)
            flash(
                _(
                    "Tak! Jeres virksomhed er registreret og venter på, at jobcentret godkender "
                    "den. I kan allerede nu lave jeres opslag."
                ),
                "success",
            )
            return redirect(url_for("employer.home"))
    return render_template(
        "employer/register.html", form=form, postcode_list=postcodes.datalist()
    )


@bp.route("/openings/new", methods=["GET", "POST"])
@role_required("employer")
def new_opening():
    employer = current_employer()
    programme = current_programme()
    form = OpeningForm(
        data={"postcode": employer.postcode, "min_age": programme.age_min, "seats": 1},
        employer=employer,
        programme=programme,
    )
    if form.validate_on_submit():
        values, shifts = form.values(), form.shift_check.shifts
        warnings = openings.warnings_for(values, shifts)
        if _may_save(form, warnings):
            opening = openings.create_opening(employer, values, shifts)
            db.session.commit()
            flash(_saved_message(employer.status), "success")
            return redirect(url_for("employer.opening", opening_id=opening.id))
        return _form_page(form, warnings=warnings)
    return _form_page(form)


@bp.route("/openings/<int:opening_id>")
@role_required("employer")
def opening(opening_id: int):
    found = get_own_opening_or_404(opening_id)
    return render_template("employer/opening.html", view=opening_view(found))


@bp.route("/openings/<int:opening_id>/edit", methods=["GET", "POST"])
@role_required("employer")
def edit_opening(opening_id: int):
    found = get_own_opening_or_404(opening_id)
    if found.status not in openings.EDITABLE:
        flash(_("Et lukket opslag kan ikke ændres."), "info")
        return redirect(url_for("employer.opening", opening_id=found.id))
    employer = current_employer()
    form = OpeningForm(
        data=_form_data(found),
        employer=employer,
        programme=current_programme(),
        stored_start_date=found.start_date,
    )
    if request.method == "GET":
        while len(form.shifts.entries) < len(found.shifts) + 2:
            form.shifts.append_entry()
    if form.validate_on_submit():
        values, shifts = form.values(), form.shift_check.shifts
        warnings = openings.warnings_for(values, shifts)
        seen = set(warnings_key(openings.warnings_for_opening(found)).split("|"))
        if _may_save(form, warnings, seen=seen):
            result = openings.update_opening(found, values, shifts)
            db.session.commit()
            if result.sent_for_review:
                flash(
                    _(
                        "Ændringerne er gemt. Opslaget skal godkendes igen af jobcentret, og "
                        "indtil da er det ikke med i matchningen."
                    ),
                    "info",
                )
            else:
                flash(_("Ændringerne er gemt."), "success")
            return redirect(url_for("employer.opening", opening_id=found.id))
        return _form_page(form, opening=found, warnings=warnings)
    return _form_page(form, opening=found)


@bp.route("/openings/<int:opening_id>/pause", methods=["POST"])
@role_required("employer")
def pause_opening(opening_id: int):
    found = get_own_opening_or_404(opening_id)
    if openings.pause_opening(found):
        db.session.commit()
        flash(_("Opslaget er sat på pause. Det er ikke med i matchningen, før I genåbner det."), "success")
    else:
        flash(_("Kun et åbent opslag kan sættes på pause."), "info")
    return redirect(url_for("employer.opening", opening_id=found.id))


@bp.route("/openings/<int:opening_id>/resume", methods=["POST"])
@role_required("employer")
def resume_opening(opening_id: int):
    found = get_own_opening_or_404(opening_id)
    if openings.resume_opening(found):
        db.session.commit()
        flash(_("Opslaget er åbent igen."), "success")
    else:
        flash(_("Kun et opslag på pause kan genåbnes."), "info")
    return redirect(url_for("employer.opening", opening_id=found.id))


@bp.route("/openings/<int:opening_id>/close", methods=["GET", "POST"])
@role_required("employer")
def close_opening(opening_id: int):
    """Ask first; closing cannot be undone."""
    found = get_own_opening_or_404(opening_id)
    if found.status == OpeningStatus.CLOSED:
        flash(_("Opslaget er allerede lukket."), "info")
        return redirect(url_for("employer.opening", opening_id=found.id))
    if request.method == "POST":
        openings.close_opening(found)
        db.session.commit()
        flash(_("Opslaget er lukket."), "success")
        return redirect(url_for("employer.home"))
    return render_template("employer/close_opening.html", view=opening_view(found))


def _may_save(form: OpeningForm, warnings, seen: set[str] = frozenset()) -> bool:
    """Save when nothing is warned about, the employer has seen this exact warning and chose
    "save anyway", or every warning was there already before this edit."""
    if not warnings:
        return True
    key = warnings_key(warnings)
    if form.save_anyway.data and form.warning_key.data == key:
        return True
    if set(key.split("|")) <= seen:
        return True
    form.warning_key.data = key
    return False


def _saved_message(employer_status: str) -> str:
    if employer_status == ReviewStatus.APPROVED:
        return _("Opslaget er gemt. Jobcentret godkender det, før det kommer med i matchningen.")
    return _(
        "Opslaget er gemt. Det kommer først med i matchningen, når jobcentret har godkendt "
        "både jeres virksomhed og opslaget."
    )


def _form_data(found: Opening) -> dict:
    return {
        "track": found.track,
        "title": found.title,
        "sector": found.sector,
        "description": found.description,
        "postcode": found.postcode,
        "seats": found.seats,
        "start_date": found.start_date,
        "weeks": found.weeks,
        "hourly_wage": format_kroner_input(found.hourly_wage_ore),
        "min_age": found.min_age,
        "required_languages": found.required_languages,
        "legal_category": found.legal_category,
        "serves_alcohol": found.serves_alcohol,
        "refund_requested": found.refund_requested,
        "education": found.education or "",
        "shifts": rows_from_shifts(found.shifts),
    }


def _form_page(form: OpeningForm, *, opening: Opening | None = None, warnings=()):
    if form.is_submitted():
        weekly_minutes = form.shift_check.weekly_minutes if form.shift_check.ok else None
    else:
        weekly_minutes = opening.weekly_minutes if opening is not None else None
    return render_template(
        "employer/opening_form.html",
        form=form,
        opening=opening,
        view=opening_view(opening) if opening is not None else None,
        warnings=list(warnings),
        weekly_minutes=weekly_minutes,
        postcode_list=postcodes.datalist(),
        employer=form.employer,
    )
