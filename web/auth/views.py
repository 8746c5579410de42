"""Log in, log out, and sign up as a young person."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from web.auth import bp
from web.auth.access import home_url_for, redirect_after_login
from web.auth.forms import LoginForm, YouthSignupForm, normalise_login
from web.auth.services import create_user, find_user_by_login
from web.extensions import db
from web.models import ProfileStatus, Role, YouthProfile
from web.timeutil import now_utc


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(home_url_for(current_user))
    form = LoginForm(next=request.args.get("next"))
    if form.validate_on_submit():
        user = find_user_by_login(*normalise_login(form.login.data))
        if user is None or not user.check_password(form.password.data):
            form.password.errors.append(_("Forkert login eller adgangskode."))
        elif not user.is_active:
            form.login.errors.append(_("Din bruger er lukket. Kontakt jobcentret."))
        else:
            login_user(user, remember=form.remember.data)
            user.last_login_at = now_utc()
            db.session.commit()
            return redirect_after_login(user)
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash(_("Du er logget ud."), "info")
    return redirect(url_for("public.index"))


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    """A young person makes an account and gives consent; the profile steps follow."""
    if current_user.is_authenticated:
        return redirect(home_url_for(current_user))
    form = YouthSignupForm()
    if form.validate_on_submit():
        email, phone = normalise_login(form.login.data)
        user = create_user(
            role=Role.YOUTH,
            email=email,
            phone=phone,
            password=form.password.data,
            name=form.first_name.data.strip(),
            locale=request.cookies.get("locale"),
        )
        db.session.add(
            YouthProfile(
                user=user,
                first_name=form.first_name.data.strip(),
                contact_email=email,
                contact_phone=phone,
                consent_at=now_utc(),
                status=ProfileStatus.DRAFT,
            )
        )
        db.session.commit()
        login_user(user)
        flash(_("Velkommen til Jobbro! Nu skal vi lære dig lidt at kende."), "success")
        return redirect(url_for("youth.profile_step", step=1))
    return render_template("auth/signup.html", form=form)
