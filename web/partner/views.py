"""Partner pages: register the organisation, register and follow young people, invite them."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from web.auth import role_required
from web.auth.access import home_url_for
from web.auth.invitations import create_invitation, invitation_link, mail_invitation
from web.extensions import db
from web.models import ProfileStatus
from web.partner import bp
from web.partner import services as partner_services
from web.partner.forms import (
    ConfirmForm,
    PartnerRegistrationForm,
    YouthEditForm,
    YouthRegistrationForm,
)
from web.profiles import services as profile_services


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Register the organisation and its first user; a consultant approves it."""
    if current_user.is_authenticated:
        return redirect(home_url_for(current_user))
    form = PartnerRegistrationForm()
    if form.validate_on_submit():
        _organisation, user = partner_services.register_partner(form)
        db.session.commit()
        login_user(user)
        flash(_("Tak! Jeres organisation er registreret. Jobcentret godkender den snarest."), "success")
        return redirect(url_for("partner.home"))
    return render_template("partner/register.html", form=form)


@bp.route("/")
@role_required("partner")
def home():
    organisation = current_user.organisation
    if organisation is None or not organisation.is_approved:
        return render_template("partner/awaiting.html", organisation=organisation)
    return render_template(
        "partner/home.html", organisation=organisation, youth=partner_services.own_youth()
    )


def youth_form(form_class, profile=None):
    """The one-page form: the saved profile on GET (with empty time rows), typed data on POST."""
    if request.method == "POST":
        form = form_class()
    else:
        form = form_class(data=profile_services.initial_data(profile) if profile else None)
        form.add_blank_rows()
    if form.is_submitted() and form.wants_more_rows():
        form.add_blank_rows(1)
    return form


@bp.route("/youth/new", methods=["GET", "POST"])
@role_required("partner")
def new_youth():
    partner_services.require_approved_partner()
    form = youth_form(YouthRegistrationForm)
    if not form.wants_more_rows() and form.validate_on_submit():
        profile = profile_services.register_by_partner(form, current_user)
        db.session.add(profile)
        db.session.commit()
        flash(_("%(name)s er tilmeldt og venter nu på jobcentret.", name=profile.full_name), "success")
        return redirect(url_for("partner.youth_detail", profile_id=profile.id))
    return render_template("partner/youth_form.html", form=form, profile=None)


@bp.route("/youth/<int:profile_id>")
@role_required("partner")
def youth_detail(profile_id: int):
    partner_services.require_approved_partner()
    profile = partner_services.get_own_youth_or_404(profile_id)
    return render_template(
        "partner/youth_detail.html",
        profile=profile,
        invitation=partner_services.latest_invitation(profile),
        missing=profile_services.missing_parts(profile),
        form=ConfirmForm(),
    )


@bp.route("/youth/<int:profile_id>/edit", methods=["GET", "POST"])
@role_required("partner")
def edit_youth(profile_id: int):
    partner_services.require_approved_partner()
    profile = partner_services.get_own_youth_or_404(profile_id)
    if profile.user_id is not None or profile.status == ProfileStatus.WITHDRAWN:
        flash(_("Den unge styrer selv sin profil nu. Du kan stadig følge med her."), "info")
        return redirect(url_for("partner.youth_detail", profile_id=profile.id))
    form = youth_form(YouthEditForm, profile)
    if not form.wants_more_rows() and form.validate_on_submit():
        profile_services.save_edit(profile, form)
        db.session.commit()
        flash(_("Ændringerne er gemt."), "success")
        return redirect(url_for("partner.youth_detail", profile_id=profile.id))
    return render_template("partner/youth_form.html", form=form, profile=profile)


@bp.route("/youth/<int:profile_id>/invite", methods=["POST"])
@role_required("partner")
def invite_youth(profile_id: int):
    """Make an invitation link; show it to copy or text, and e-mail it when we have an address."""
    partner_services.require_approved_partner()
    profile = partner_services.get_own_youth_or_404(profile_id)
    form = ConfirmForm()
    if not form.validate_on_submit():
        return redirect(url_for("partner.youth_detail", profile_id=profile.id))
    if profile.user_id is not None:
        flash(_("Den unge har allerede sit eget login."), "info")
        return redirect(url_for("partner.youth_detail", profile_id=profile.id))
    if profile.status == ProfileStatus.WITHDRAWN:
        flash(_("Den unge har trukket sit samtykke tilbage."), "info")
        return redirect(url_for("partner.youth_detail", profile_id=profile.id))
    invitation, token = create_invitation(profile, created_by=current_user)
    db.session.commit()
    link = invitation_link(token)
    if profile.contact_email:
        mail_invitation(invitation, link)
    return render_template(
        "partner/invitation.html", profile=profile, invitation=invitation, link=link
    )
