"""Offers for young people: see, accept or decline with one tap."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from web.auth import role_required
from web.extensions import db
from web.models import Offer, Placement, YouthProfile
from web.services.offers import OfferRefused, accept_offer, decline_offer
from web.youth import bp


def _own_profile_id() -> int | None:
    return db.session.scalar(select(YouthProfile.id).where(YouthProfile.user_id == current_user.id))


def own_offers() -> list[Offer]:
    profile_id = _own_profile_id()
    if profile_id is None:
        return []
    return list(
        db.session.scalars(
            select(Offer).where(Offer.youth_id == profile_id).order_by(Offer.created_at.desc())
        )
    )


def own_placements() -> list[Placement]:
    profile_id = _own_profile_id()
    if profile_id is None:
        return []
    return list(
        db.session.scalars(
            select(Placement)
            .where(Placement.youth_id == profile_id)
            .order_by(Placement.created_at.desc())
        )
    )


def get_own_offer_or_404(offer_id: int) -> Offer:
    offer = db.session.get(Offer, offer_id)
    if offer is None or offer.youth.user_id != current_user.id:
        abort(404)
    return offer


@bp.app_context_processor
def youth_offer_helpers():
    return {"own_offers": own_offers, "own_placements": own_placements}


@bp.get("/offers")
@role_required("youth")
def offers():
    return render_template(
        "youth/offers/list.html", offers=own_offers(), placements=own_placements()
    )


@bp.get("/offers/<int:offer_id>")
@role_required("youth")
def offer_detail(offer_id: int):
    offer = get_own_offer_or_404(offer_id)
    return render_template("youth/offers/detail.html", offer=offer, form=FlaskForm())


@bp.post("/offers/<int:offer_id>/<any(accept, decline):answer>")
@role_required("youth")
def answer_offer(offer_id: int, answer: str):
    offer = get_own_offer_or_404(offer_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    try:
        if answer == "accept":
            accept_offer(offer)  # the offer page itself now says what happens next
        else:
            decline_offer(offer)
            flash(_("Du har sagt nej tak. Du er med i næste matchning igen."), "success")
    except OfferRefused as refused:
        flash(str(refused), "error")
    return redirect(url_for("youth.offer_detail", offer_id=offer.id))

