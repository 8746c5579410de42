"""Match runs for consultants: start, watch, preview, review proposals, export, outbox."""
import json
from decimal import Decimal, InvalidOperation

from flask import Response, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import IntegerField, StringField
from wtforms.validators import NumberRange, Optional, ValidationError

from web import match_reasons
from web.auth import role_required
from web.consultant import bp
from web.extensions import db
from web.models import MatchRun, Offer, OutgoingMail, Proposal, ProposalStatus, YouthProfile
from web.programmes import current_programme
from web.services import approvals, ledger, mail, match_runs, snapshot
from web.services.offers import OfferRefused, withdraw_offer

RUNS_SHOWN = 30

RUN_STATUS_LABELS = {
    "queued": _l("I kø"),
    "running": _l("Kører"),
    "done": _l("Færdig"),
    "failed": _l("Fejlet"),
}
RUN_KIND_LABELS = {"weekly": _l("Ugentlig"), "manual": _l("Ekstra"), "preview": _l("Prøve")}
PROPOSAL_STATUS_LABELS = {
    "proposed": _l("Forslag"),
    "approved": _l("Godkendt"),
    "rejected": _l("Afvist"),
}
OFFER_STATUS_LABELS = {
    "pending": _l("Venter på svar"),
    "accepted": _l("Sagt ja"),
    "declined": _l("Sagt nej"),
    "expired": _l("Udløbet"),
    "withdrawn": _l("Trukket tilbage"),
}
MAIL_STATUS_LABELS = {
    "queued": _l("I kø"),
    "sending": _l("Sendes"),
    "sent": _l("Sendt"),
    "failed": _l("Fejlet"),
}


@bp.app_context_processor
def matching_labels():
    """Labels and the newest run for the runs pages and the work list's match card."""

    def latest_run(programme):
        if programme.id is None:
            return None
        return db.session.scalar(
            select(MatchRun)
            .where(MatchRun.programme_id == programme.id)
            .order_by(MatchRun.id.desc())
            .limit(1)
        )

    return {
        "run_status_label": lambda code: RUN_STATUS_LABELS.get(code, code),
        "run_kind_label": lambda code: RUN_KIND_LABELS.get(code, code),
        "proposal_status_label": lambda code: PROPOSAL_STATUS_LABELS.get(code, code),
        "offer_status_label": lambda code: OFFER_STATUS_LABELS.get(code, code),
        "mail_status_label": lambda code: MAIL_STATUS_LABELS.get(code, code),
        "current_programme": current_programme,
        "latest_run": latest_run,
    }


class PreviewForm(FlaskForm):
    refund_budget = StringField(
        _l("Budget til lønrefusion i år (kr.)"),
        description=_l("Skriv fx 600000 eller 450.000,50. Tomt felt: programmets budget."),
        validators=[Optional()],
    )
    min_private_share_pct = IntegerField(
        _l("Mindste andel private job (%)"),
        description=_l("Et helt tal fra 0 til 100. Tomt felt: programmets andel."),
        validators=[
            Optional(),
            NumberRange(min=0, max=100, message=_l("Skriv et tal fra 0 til 100.")),
        ],
    )

    def validate_refund_budget(self, field):
        if not field.data or not field.data.strip():
            return
        text = field.data.strip().replace(" ", "")
        if "," in text:  # Danish: dots group thousands, the comma is the decimal mark
            text = text.replace(".", "").replace(",", ".")
        elif text.count(".") > 1 or (text.count(".") == 1 and len(text.split(".")[1]) == 3):
            text = text.replace(".", "")
        try:
            kroner = Decimal(text)
        except InvalidOperation:
            raise ValidationError(_l("Skriv et beløb i kroner, fx 600000 eller 450.000,50."))
        if kroner < 0 or kroner != kroner.quantize(Decimal("0.01")):
            raise ValidationError(_l("Skriv et beløb i kroner, fx 600000 eller 450.000,50."))
        field.ore = int(kroner * 100)

    def params(self) -> dict:
        params = {}
        if getattr(self.refund_budget, "ore", None) is not None:
            params["refund_budget_ore"] = self.refund_budget.ore
        if self.min_private_share_pct.data is not None:
            params["min_private_share_pct"] = self.min_private_share_pct.data
        return params


def get_run_or_404(run_id: int) -> MatchRun:
    run = db.session.get(MatchRun, run_id)
    if run is None:
        abort(404)
    return run


def recent_runs(programme_id: int | None) -> list[MatchRun]:
    if programme_id is None:
        return []
    return list(
        db.session.scalars(
            select(MatchRun)
            .where(MatchRun.programme_id == programme_id)
            .order_by(MatchRun.id.desc())
            .limit(RUNS_SHOWN)
        )
    )


def budget_overview(programme) -> dict:
    amounts = ledger.totals(programme.id) if programme.id else {}
    return {
        "budget": programme.refund_budget_ore,
        "reserved": amounts.get("reserved", 0),
        "committed": amounts.get("committed", 0),
        "available": ledger.available_ore(programme),
        "share": snapshot.share_counts(programme.id),
    }


@bp.get("/runs")
@role_required("consultant", "admin")
def runs():
    programme = current_programme()
    return render_template(
        "consultant/runs/list.html",
        programme=programme,
        runs=recent_runs(programme.id),
        live=match_runs.live_run(programme.id) if programme.id else None,
        overview=budget_overview(programme),
        form=PreviewForm(),
    )


@bp.post("/runs")
@role_required("consultant", "admin")
def start_run():
    if not FlaskForm().validate_on_submit():
        abort(400)
    try:
        run = match_runs.start_run(current_programme(), user=current_user)
    except match_runs.RunRefused as refused:
        flash(str(refused), "error")
        return redirect(url_for("consultant.runs"))
    flash(_("Kørslen er startet."), "success")
    return redirect(url_for("consultant.run_detail", run_id=run.id))


@bp.get("/runs/<int:run_id>")
@role_required("consultant", "admin")
def run_detail(run_id: int):
    run = get_run_or_404(run_id)
    proposals = list(
        db.session.scalars(
            select(Proposal).where(Proposal.run_id == run.id).order_by(Proposal.score.desc(), Proposal.id)
        )
    )
    offers = {
        offer.proposal_id: offer
        for offer in db.session.scalars(
            select(Offer).where(Offer.proposal_id.in_([p.id for p in proposals]))
        )
    }
    unmatched = (run.result or {}).get("unmatched", [])
    youth_ids = [snapshot.key_id(entry["candidate"]) for entry in unmatched]
    youths = {
        y.id: y
        for y in db.session.scalars(select(YouthProfile).where(YouthProfile.id.in_(youth_ids)))
    }
    return render_template(
        "consultant/runs/detail.html",
        run=run,
        proposals=proposals,
        offers=offers,
        unmatched=[
            {
                "youth": youths.get(snapshot.key_id(entry["candidate"])),
                "reason": match_reasons.unmatched_reason(entry),
                "blocked": match_reasons.blocked_by_text(entry),
            }
            for entry in unmatched
        ],
        open_count=sum(1 for p in proposals if p.status == ProposalStatus.PROPOSED),
        error_text=match_reasons.run_error_text(run),
        overview=budget_overview(run.programme),
    )


@bp.get("/runs/<int:run_id>/status")
@role_required("consultant", "admin")
def run_status(run_id: int):
    return jsonify(match_runs.run_summary(get_run_or_404(run_id)))


@bp.get("/runs/<int:run_id>/<any(instance, result):part>.json")
@role_required("consultant", "admin")
def run_export(run_id: int, part: str):
    run = get_run_or_404(run_id)
    data = run.instance if part == "instance" else run.result
    if data is None:
        abort(404)
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        mimetype="application/json",
        headers={"Content-Disposition": f"attachment; filename=run-{run.id}-{part}.json"},
    )


@bp.post("/runs/<int:run_id>/approve-all")
@role_required("consultant", "admin")
def approve_all(run_id: int):
    if not FlaskForm().validate_on_submit():
        abort(400)
    run = get_run_or_404(run_id)
    approved, refused = approvals.approve_all(run, current_user)
    flash(_("%(count)s forslag er godkendt og sendt som tilbud.", count=approved), "success")
    for proposal, why in refused:
        flash(
            _("%(name)s: %(why)s", name=proposal.youth.full_name or proposal.youth_id, why=why),
            "warning",
        )
    return redirect(url_for("consultant.run_detail", run_id=run.id))


@bp.post("/proposals/<int:proposal_id>/<any(approve, reject):decision>")
@role_required("consultant", "admin")
def decide_proposal(proposal_id: int, decision: str):
    if not FlaskForm().validate_on_submit():
        abort(400)
    proposal = db.session.get(Proposal, proposal_id)
    if proposal is None:
        abort(404)
    run_id = proposal.run_id
    try:
        if decision == "approve":
            approvals.approve_proposal(proposal, current_user)
            flash(_("Forslaget er godkendt, og den unge har fået et tilbud."), "success")
        else:
            approvals.reject_proposal(proposal, current_user, request.form.get("note") or None)
            flash(_("Forslaget er afvist."), "success")
    except approvals.ApprovalRefused as refused:
        flash(str(refused), "error")
    return redirect(url_for("consultant.run_detail", run_id=run_id) + f"#proposal-{proposal_id}")


@bp.post("/offers/<int:offer_id>/withdraw")
@role_required("consultant", "admin")
def withdraw(offer_id: int):
    if not FlaskForm().validate_on_submit():
        abort(400)
    offer = db.session.get(Offer, offer_id)
    if offer is None:
        abort(404)
    try:
        withdraw_offer(offer)
        flash(_("Tilbuddet er trukket tilbage, og den unge er tilbage i puljen."), "success")
    except OfferRefused as refused:
        flash(str(refused), "error")
    if offer.proposal is not None:
        return redirect(url_for("consultant.run_detail", run_id=offer.proposal.run_id))
    return redirect(url_for("consultant.runs"))


@bp.route("/runs/preview", methods=["GET", "POST"])
@role_required("consultant", "admin")
def run_preview():
    programme = current_programme()
    form = PreviewForm()
    comparison = None
    if form.validate_on_submit():
        comparison = match_runs.preview(programme, form.params())
    return render_template(
        "consultant/runs/preview.html", programme=programme, form=form, comparison=comparison
    )


@bp.get("/outbox")
@role_required("consultant", "admin")
def outbox():
    return render_template("consultant/runs/outbox.html", mails=mail.outbox())


@bp.get("/outbox/<int:mail_id>")
@role_required("consultant", "admin")
def outbox_mail(mail_id: int):
    message = db.session.get(OutgoingMail, mail_id)
    if message is None:
        abort(404)
    return render_template("consultant/runs/mail.html", mail=message)
