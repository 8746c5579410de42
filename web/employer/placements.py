"""Offers and placements for employers: anonymised until accepted, then confirm the start."""
from datetime import timedelta

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from web import postcodes, vocab
from web.auth import role_required
from web.employer import bp
from web.employer.services import current_employer
from web.extensions import db
from web.fields import DateInputField
from web.match_reasons import employer_reasons
from web.models import Offer, OfferStatus, Opening, Placement
from web.services.offers import OfferRefused, confirm_start, end_placement
from web.timeutil import minutes_to_hhmm, today


class ConfirmStartForm(FlaskForm):
    start_date = DateInputField(
        _l("Første arbejdsdag"),
        description=_l("Den dag den unge møder ind første gang."),
        validators=[InputRequired(message=_l("Vælg en dato."))],
    )

    def validate_start_date(self, field):
        if field.data < today() - timedelta(days=30):
            raise ValidationError(_l("Datoen ligger for langt tilbage. Vælg en dato inden for 30 dage."))
        if field.data > today() + timedelta(days=365):
            raise ValidationError(_l("Datoen ligger mere end et år ude i fremtiden."))


class EndPlacementForm(FlaskForm):
    outcome = RadioField(
        _l("Hvad er sket?"),
        choices=[
            SelectChoice("no_show", _l("Den unge mødte aldrig op")),
            SelectChoice("ended", _l("Jobbet sluttede før tid")),
        ],
        validators=[InputRequired(message=_l("Vælg hvad der er sket."))],
    )
    end_date = DateInputField(
        _l("Sidste dag"), validators=[InputRequired(message=_l("Vælg en dato."))]
    )
    reason = TextAreaField(
        _l("Hvorfor?"),
        description=_l("Kort. Din jobkonsulent ser det og tager kontakt til den unge."),
        validators=[
            DataRequired(message=_l("Skriv kort hvorfor.")),
            Length(max=2000, message=_l("Højst 2000 tegn.")),
        ],
    )

    def __init__(self, *args, placement=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement

    def validate_end_date(self, field):
        if self.placement is not None and field.data < self.placement.start_date:
            raise ValidationError(_l("Sidste dag kan ikke ligge før første arbejdsdag."))
        if field.data > today():
            raise ValidationError(_l("Sidste dag kan ikke ligge i fremtiden."))


def get_own_offer_or_404(offer_id: int) -> Offer:
    offer = db.session.get(Offer, offer_id)
    if offer is None or offer.opening.employer_id != current_employer().id:
        abort(404)
    return offer


def revealed(offer: Offer) -> bool:
    """Name and contact details only once the young person has said yes."""
    return offer.status == OfferStatus.ACCEPTED


def anonymous_profile(offer: Offer) -> dict:
    """What an employer may see before the young person accepts: no name, birth date, photo,
    contact details or address; the age only as "eligible", the district not the postcode."""
    youth = offer.youth
    place = postcodes.lookup(youth.postcode)
    return {
        "number": f"#{offer.id}",
        "district": place.district or place.town if place else "",
        "interests": [
            str(vocab.SECTORS.get(code, code))
            for code, weight in sorted((youth.interests or {}).items(), key=lambda kv: -kv[1])
            if weight
        ],
        "languages": [str(vocab.LANGUAGES.get(code, code)) for code in youth.languages or []],
        "availability": [
            f"{vocab.DAY_LABELS[vocab.DAYS[w.day_index]]} "
            f"{minutes_to_hhmm(w.start_minute)}–{minutes_to_hhmm(w.end_minute)}"
            for w in youth.availability
        ],
        "education": str(vocab.EDUCATIONS.get(youth.education, "")) if youth.education else "",
        "why": employer_reasons(offer.proposal.why) if offer.proposal else [],
    }


def contact_profile(offer: Offer) -> dict:
    youth = offer.youth
    email = youth.user.email if youth.user and youth.user.email else youth.contact_email
    phone = youth.user.phone if youth.user and youth.user.phone else youth.contact_phone
    return {"name": youth.full_name, "email": email, "phone": phone}


def employer_offers() -> list[Offer]:
    return list(
        db.session.scalars(
            select(Offer)
            .join(Offer.opening)
            .where(Opening.employer_id == current_employer().id)
            .order_by(Offer.created_at.desc())
        )
    )


@bp.app_context_processor
def employer_offer_helpers():
    def live_offer_count() -> int:
        return sum(
            1
            for offer in employer_offers()
            if offer.status == OfferStatus.PENDING
            or (offer.status == OfferStatus.ACCEPTED and offer.placement is None)
        )

    return {
        "employer_offers": employer_offers,
        "employer_live_offer_count": live_offer_count,
        "employer_offer_status": offer_status_text,
        "placement_status_label": lambda code: str(PLACEMENT_STATUS.get(code, code)),
    }


OFFER_STATUS = {
    "pending": _l("Venter på den unges svar"),
    "accepted": _l("Har sagt ja – bekræft startdatoen"),
    "declined": _l("Sagde nej tak"),
    "expired": _l("Udløbet uden svar"),
    "withdrawn": _l("Trukket tilbage af jobcentret"),
}
PLACEMENT_STATUS = {
    "active": _l("Ansat"),
    "ended": _l("Stoppet før tid"),
    "no_show": _l("Mødte ikke op"),
}


def offer_status_text(offer: Offer) -> str:
    if offer.placement is not None:
        return str(PLACEMENT_STATUS.get(offer.placement.status, offer.placement.status))
    return str(OFFER_STATUS.get(offer.status, offer.status))


@bp.get("/offers")
@role_required("employer")
def offers():
    rows = [
        {"offer": offer, "revealed": revealed(offer),
         "who": contact_profile(offer)["name"] if revealed(offer) else f"#{offer.id}"}
        for offer in employer_offers()
    ]
    return render_template("employer/placements/list.html", rows=rows)


def _render_detail(offer: Offer, start_form=None, end_form=None, status=200):
    placement = offer.placement
    return (
        render_template(
            "employer/placements/detail.html",
            offer=offer,
            revealed=revealed(offer),
            profile=anonymous_profile(offer),
            contact=contact_profile(offer) if revealed(offer) else None,
            placement=placement,
            start_form=start_form or ConfirmStartForm(),
            end_form=end_form or EndPlacementForm(placement=placement),
        ),
        status,
    )


@bp.get("/offers/<int:offer_id>")
@role_required("employer")
def offer_detail(offer_id: int):
    offer = get_own_offer_or_404(offer_id)
    start_form = ConfirmStartForm(data={"start_date": max(offer.opening.start_date, today())})
    return _render_detail(offer, start_form=start_form)


@bp.post("/offers/<int:offer_id>/start")
@role_required("employer")
def offer_start(offer_id: int):
    offer = get_own_offer_or_404(offer_id)
    form = ConfirmStartForm()
    if not form.validate_on_submit():
        return _render_detail(offer, start_form=form, status=422)
    try:
        confirm_start(offer, form.start_date.data, current_user)
    except OfferRefused as refused:
        flash(str(refused), "error")
        return redirect(url_for("employer.offer_detail", offer_id=offer.id))
    flash(_("Starten er bekræftet. God fornøjelse med jeres nye kollega!"), "success")
    return redirect(url_for("employer.offer_detail", offer_id=offer.id))


@bp.post("/placements/<int:placement_id>/end")
@role_required("employer")
def placement_end(placement_id: int):
    placement = db.session.get(Placement, placement_id)
    if placement is None or placement.opening.employer_id != current_employer().id:
        abort(404)
    form = EndPlacementForm(placement=placement)
    if not form.validate_on_submit():
        return _render_detail(placement.offer, end_form=form, status=422)
    try:
        end_placement(
            placement,
            no_show=form.outcome.data == "no_show",
            end_date=form.end_date.data,
            reason=form.reason.data.strip(),
        )
    except OfferRefused as refused:
        flash(str(refused), "error")
    else:
        flash(_("Tak for beskeden. Pladsen er ledig igen."), "success")
    return redirect(url_for("employer.offer_detail", offer_id=placement.offer_id))
