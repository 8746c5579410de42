"""Pages for young people: the profile steps, the overview, pause, withdraw and consent."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from web.auth import role_required
from web.extensions import db
from web.models import ProfileStatus, YouthProfile
from web.profiles import services
from web.youth import bp
from web.youth.forms import STEP_FORMS, ConfirmForm, ConsentForm


def own_profile() -> YouthProfile:
    """The signed-in young person's profile (every youth account has exactly one)."""
    profile = db.session.scalar(select(YouthProfile).where(YouthProfile.user_id == current_user.id))
    if profile is None:
        abort(404)
    return profile


def step_form(step: int, profile: YouthProfile):
    """The form for one step: the saved answers on GET, what was typed on POST."""
    if step not in STEP_FORMS:
        abort(404)
    form_class = STEP_FORMS[step]
    if request.method == "POST":
        form = form_class()
    else:
        form = form_class(data=services.initial_data(profile))
        if "windows" in form:
            form.add_blank_rows()
    form.known_birth_date = profile.birth_date
    return form


def render_step(form, step: int, profile: YouthProfile, *, editing: bool):
    return render_template(
        "youth/step.html",
        form=form,
        step=step,
        profile=profile,
        editing=editing,
        step_count=services.STEP_COUNT,
        step_titles=services.STEP_TITLES,
    )


@bp.route("/")
@role_required("youth")
def home():
    profile = own_profile()
    return render_template(
        "youth/home.html",
        profile=profile,
        missing=services.missing_parts(profile),
        next_step=min(profile.profile_step or 1, services.STEP_COUNT),
        form=ConfirmForm(),
    )


@bp.route("/profile")
@role_required("youth")
def profile():
    return render_template("youth/profile.html", profile=own_profile(), form=ConfirmForm())


@bp.route("/profile/step/<int:step>", methods=["GET", "POST"])
@role_required("youth")
def profile_step(step: int):
    """The first time through: one step at a time; the last step sends the profile in."""
    profile = own_profile()
    if profile.status == ProfileStatus.WITHDRAWN:
        return redirect(url_for("youth.home"))
    if profile.status != ProfileStatus.DRAFT:
        return redirect(url_for("youth.edit_profile", step=step))
    if step > (profile.profile_step or 1):
        return redirect(url_for("youth.profile_step", step=profile.profile_step or 1))
    form = step_form(step, profile)
    if form.is_submitted() and "windows" in form and form.wants_more_rows():
        form.add_blank_rows(1)
    elif form.validate_on_submit():
        services.save_step(profile, step, form)
        db.session.commit()
        if step < services.STEP_COUNT:
            return redirect(url_for("youth.profile_step", step=step + 1))
        if profile.status == ProfileStatus.PENDING:
            flash(_("Tak! Din profil er sendt til jobcentret. Du hører fra os, når en konsulent har set den."), "success")
        return redirect(url_for("youth.home"))
    return render_step(form, step, profile, editing=False)


@bp.route("/profile/edit/<int:step>", methods=["GET", "POST"])
@role_required("youth")
def edit_profile(step: int):
    """Change one part of a finished profile; an active profile stays active."""
    profile = own_profile()
    if profile.status == ProfileStatus.WITHDRAWN:
        flash(_("Du har trukket dit samtykke tilbage. Giv samtykke igen for at ændre din profil."), "info")
        return redirect(url_for("youth.home"))
    if profile.status == ProfileStatus.DRAFT:
        return redirect(url_for("youth.profile_step", step=step))
    form = step_form(step, profile)
    if form.is_submitted() and "windows" in form and form.wants_more_rows():
        form.add_blank_rows(1)
    elif form.validate_on_submit():
        services.save_edit(profile, form)
        db.session.commit()
        missing = services.missing_parts(profile)
        if missing:
            flash(_("Gemt. Der mangler stadig: %(what)s.", what=missing[0][1]), "warning")
            return redirect(url_for("youth.edit_profile", step=missing[0][0]))
        flash(_("Dine ændringer er gemt."), "success")
        return redirect(url_for("youth.profile"))
    return render_step(form, step, profile, editing=True)


@bp.route("/profile/pause", methods=["POST"])
@role_required("youth")
def pause():
    profile = own_profile()
    if ConfirmForm().validate_on_submit():
        try:
            services.pause(profile)
        except services.StatusError:
            flash(_("Du kan kun holde pause, når din profil er aktiv."), "error")
        else:
            db.session.commit()
            flash(_("Din profil holder pause. Du får ingen nye tilbud, før du starter igen."), "success")
    return redirect(url_for("youth.home"))


@bp.route("/profile/resume", methods=["POST"])
@role_required("youth")
def resume():
    profile = own_profile()
    if ConfirmForm().validate_on_submit():
        try:
            services.resume(profile)
        except services.StatusError:
            flash(_("Din profil holder ikke pause."), "error")
        else:
            db.session.commit()
            flash(_("Velkommen tilbage! Din profil er aktiv igen."), "success")
    return redirect(url_for("youth.home"))


@bp.route("/profile/withdraw", methods=["GET", "POST"])
@role_required("youth")
def withdraw():
    """Withdraw consent, after a confirmation page; the profile leaves every match."""
    profile = own_profile()
    if profile.status == ProfileStatus.WITHDRAWN:
        return redirect(url_for("youth.home"))
    form = ConfirmForm()
    if form.validate_on_submit():
        services.withdraw(profile)
        db.session.commit()
        flash(_("Du har trukket dit samtykke tilbage. Vi bruger ikke længere din profil."), "success")
        return redirect(url_for("youth.home"))
    return render_template("youth/withdraw.html", profile=profile, form=form)


@bp.route("/profile/consent", methods=["GET", "POST"])
@role_required("youth")
def consent():
    """Give consent again after withdrawing it: the profile goes back to the job centre."""
    profile = own_profile()
    if profile.status != ProfileStatus.WITHDRAWN:
        return redirect(url_for("youth.home"))
    form = ConsentForm()
    if form.validate_on_submit():
        services.give_consent_again(profile)
        db.session.commit()
        flash(_("Tak! Din profil er med igen."), "success")
        if profile.status == ProfileStatus.DRAFT:
            return redirect(url_for("youth.profile_step", step=profile.profile_step))
        return redirect(url_for("youth.home"))
    return render_template("youth/consent.html", profile=profile, form=form)
