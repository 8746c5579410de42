"""The one place that turns rows into the matcher's instance, runs it, and enqueues tasks.

Flow: :func:`start_run` inserts a queued :class:`MatchRun` (the database refuses a second live
run for the programme) and enqueues ``jobbro.run_match`` by name; the worker's task calls
:func:`run_matching`, which claims the run with a conditional update (so a task delivered
twice works once), snapshots the database into the format of ``matcher-format.md``, solves,
and writes the run's result and all its proposals in one transaction.

Private share, decided conservatively so that the rule can never break whatever young people
answer later: the share is counted over the year's leisure *placements* (every status: a
placement once made stays counted, so a no-show or early end cannot tip it), and every live
offer with a municipal or other public employer is counted as if it had already started,
while live private offers are not counted until they start. The matcher gets
``leisure_private_before`` = private placements and ``leisure_total_before`` = placements +
live non-private offers, and approving a non-private leisure proposal is refused when that
worst case would fall below the programme's share.

Web never imports ``workers``: tasks are sent by name (:func:`enqueue`); with no broker
configured (``task_always_eager``) the same plain functions run in-process instead.
"""
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import selectinload

from web import postcodes, vocab
from web.extensions import db
from web.models import (
    EmployerKind,
    ExcludedPair,
    MatchRun,
    Offer,
    OfferStatus,
    Opening,
    OpeningStatus,
    Organisation,
    Placement,
    PlacementStatus,
    ProfileStatus,
    Programme,
    Proposal,
    ProposalStatus,
    ReviewStatus,
    RunKind,
    RunStatus,
    Track,
    User,
    YouthProfile,
)
from web.services import ledger
from web.timeutil import minutes_to_hhmm, now_utc, today

log = logging.getLogger(__name__)

TASK_RUN_MATCH = "jobbro.run_match"
TASK_SEND_MAIL = "jobbro.send_mail"
TASK_WEEKLY_MATCH = "jobbro.weekly_match"
TASK_SWEEP = "jobbro.sweep"


# --------------------------------------------------------------------------- tasks by name


def _eager_functions():
    from web.services import mail, offers

    return {
        TASK_RUN_MATCH: run_matching,
        TASK_SEND_MAIL: mail.deliver_mail,
        TASK_WEEKLY_MATCH: start_weekly_runs,
        TASK_SWEEP: offers.sweep,
    }


def celery_settings(app) -> dict:
    """Celery configuration from the Flask config; the worker and the web's client share it."""
    conf = dict(app.config["CELERY"])
    conf.setdefault("task_default_queue", app.config["CELERY_QUEUE"])
    conf.setdefault(
        "broker_transport_options",
        {
            **(app.config.get("CELERY_TRANSPORT_OPTIONS") or {}),
            "visibility_timeout": app.config["CELERY_VISIBILITY_TIMEOUT"],
        },
    )
    conf.setdefault("task_acks_late", True)
    conf.setdefault("task_reject_on_worker_lost", True)
    conf.setdefault("worker_prefetch_multiplier", 1)
    conf.setdefault("task_ignore_result", True)
    conf.setdefault("timezone", "Europe/Copenhagen")
    conf.setdefault("enable_utc", True)
    conf.setdefault("broker_connection_retry_on_startup", True)
    return conf


def _celery(app):
    """The worker's Celery app when there is one, else a sending-only client."""
    celery = app.extensions.get("celery") or app.extensions.get("celery_client")
    if celery is None:
        from celery import Celery

        celery = Celery(app.import_name, set_as_current=False)
        celery.conf.update(celery_settings(app))
        app.extensions["celery_client"] = celery
    return celery


def tasks_run_in_process() -> bool:
    return bool(current_app.config["CELERY"].get("task_always_eager"))


def enqueue(name: str, *args, task_id: str | None = None) -> str | None:
    """Send task ``name`` with ``args``; in-process when eager. Returns the task id."""
    if tasks_run_in_process():
        _eager_functions()[name](*args)
        return task_id
    app = current_app._get_current_object()
    result = _celery(app).send_task(
        name, args=list(args), task_id=task_id, queue=app.config["CELERY_QUEUE"]
    )
    return result.id


# --------------------------------------------------------------------------- snapshot


def live_offer_clause():
    """An offer still in play: pending, or accepted with the start not yet confirmed."""
    return or_(
        Offer.status == OfferStatus.PENDING,
        and_(Offer.status == OfferStatus.ACCEPTED, Offer.id.not_in(select(Placement.offer_id))),
    )


def youth_is_busy(youth_id: int) -> bool:
    """A live offer or an active placement: not in the pool."""
    offer = db.session.scalar(
        select(Offer.id).where(Offer.youth_id == youth_id, live_offer_clause()).limit(1)
    )
    if offer is not None:
        return True
    placement = db.session.scalar(
        select(Placement.id)
        .where(Placement.youth_id == youth_id, Placement.status == PlacementStatus.ACTIVE)
        .limit(1)
    )
    return placement is not None


def taken_seats() -> dict[int, int]:
    """Seats per opening held by live offers and active placements."""
    taken: dict[int, int] = {}
    offers = db.session.execute(
        select(Offer.opening_id, func.count()).where(live_offer_clause()).group_by(Offer.opening_id)
    )
    placements = db.session.execute(
        select(Placement.opening_id, func.count())
        .where(Placement.status == PlacementStatus.ACTIVE)
        .group_by(Placement.opening_id)
    )
    for opening_id, count in [*offers, *placements]:
        taken[opening_id] = taken.get(opening_id, 0) + count
    return taken


def free_seats(opening: Opening) -> int:
    return opening.seats - taken_seats().get(opening.id, 0)


def is_private(employer: Organisation) -> bool:
    return employer.employer_kind == EmployerKind.PRIVATE


def gets_refund(opening: Opening) -> bool:
    """Only leisure jobs with a municipal employer who asked for it."""
    return bool(
        opening.refund_requested
        and opening.track == Track.LEISURE
        and opening.employer.employer_kind == EmployerKind.MUNICIPAL
    )


def refund_for(opening: Opening, programme: Programme) -> int:
    if not gets_refund(opening):
        return 0
    import matcher

    return matcher.refund_ore(
        opening.hourly_wage_ore,
        opening.weekly_minutes,
        opening.weeks,
        programme.refund_minutes_cap,
        programme.refund_weeks_cap,
    )


@dataclass(frozen=True)
class ShareCounts:
    """The year's leisure counts behind the private-share rule (see the module docstring)."""

    private_placed: int
    total_placed: int
    live_private: int
    live_other: int

    @property
    def worst_case_total(self) -> int:
        return self.total_placed + self.live_other

    @property
    def placed_share_pct(self) -> float | None:
        if not self.total_placed:
            return None
        return 100.0 * self.private_placed / self.total_placed

    def allows_other(self, min_pct: int, extra: int = 1) -> bool:
        """Would ``extra`` more non-private leisure offers keep the worst case at the share?"""
        return 100 * self.private_placed >= min_pct * (self.worst_case_total + extra)


def share_counts(programme_id: int | None) -> ShareCounts:
    if programme_id is None:
        return ShareCounts(0, 0, 0, 0)
    placed = db.session.execute(
        select(Placement.private, func.count())
        .where(Placement.programme_id == programme_id, Placement.track == Track.LEISURE)
        .group_by(Placement.private)
    ).all()
    live = db.session.execute(
        select(Offer.private, func.count())
        .where(
            Offer.programme_id == programme_id,
            Offer.track == Track.LEISURE,
            live_offer_clause(),
        )
        .group_by(Offer.private)
    ).all()
    placed_by = {bool(private): count for private, count in placed}
    live_by = {bool(private): count for private, count in live}
    return ShareCounts(
        private_placed=placed_by.get(True, 0),
        total_placed=placed_by.get(True, 0) + placed_by.get(False, 0),
        live_private=live_by.get(True, 0),
        live_other=live_by.get(False, 0),
    )


def youth_key(youth_id: int) -> str:
    return f"y-{youth_id}"


def opening_key(opening_id: int) -> str:
    return f"o-{opening_id}"


def key_id(key: str) -> int:
    return int(key.split("-", 1)[1])


def _window(day_index: int, start: int, end: int) -> dict:
    return {"day": vocab.DAYS[day_index], "start": minutes_to_hhmm(start), "end": minutes_to_hhmm(end)}


def candidate_rows() -> list[YouthProfile]:
    """Active, consented, vetted young people who are not busy with an offer or a job."""
    busy_offers = select(Offer.youth_id).where(live_offer_clause())
    busy_jobs = select(Placement.youth_id).where(Placement.status == PlacementStatus.ACTIVE)
    return list(
        db.session.scalars(
            select(YouthProfile)
            .where(
                YouthProfile.status == ProfileStatus.ACTIVE,
                YouthProfile.consent_at.is_not(None),
                YouthProfile.vetted_at.is_not(None),
                YouthProfile.birth_date.is_not(None),
                YouthProfile.id.not_in(busy_offers),
                YouthProfile.id.not_in(busy_jobs),
            )
            .options(selectinload(YouthProfile.availability))
            .order_by(YouthProfile.id)
        )
    )


def opening_rows() -> list[tuple[Opening, int]]:
    """Open openings of approved employers, each with its free seats (only those with some)."""
    taken = taken_seats()
    rows = db.session.scalars(
        select(Opening)
        .join(Opening.employer)
        .where(Opening.status == OpeningStatus.OPEN, Organisation.status == ReviewStatus.APPROVED)
        .options(selectinload(Opening.shifts), selectinload(Opening.employer))
        .order_by(Opening.id)
    )
    result = []
    for opening in rows:
        free = opening.seats - taken.get(opening.id, 0)
        if free > 0:
            result.append((opening, free))
    return result


def candidate_record(youth: YouthProfile, run_date: date) -> dict | None:
    place = postcodes.lookup(youth.postcode)
    if place is None or not youth.tracks:
        return None
    waiting = (run_date - youth.pool_since).days if youth.pool_since else 0
    return {
        "id": youth_key(youth.id),
        "birth_date": youth.birth_date.isoformat(),
        "in_compulsory_school": not youth.school_finished,
        "lat": place.lat,
        "lon": place.lon,
        "max_commute_km": float(youth.max_commute_km),
        "max_weekly_minutes": int(youth.max_weekly_minutes),
        "availability": [
            _window(w.day_index, w.start_minute, w.end_minute) for w in youth.availability
        ],
        "tracks": youth.tracks,
        "interests": {
            str(sector): min(1.0, max(0.0, float(weight)))
            for sector, weight in (youth.interests or {}).items()
        },
        "languages": list(youth.languages or []),
        "education": youth.education if youth.wants_apprenticeship else None,
        "priority": [
            flag
            for flag, wanted in (
                ("housing_area", youth.lives_in_housing_area),
                ("newly_arrived", youth.newly_arrived),
            )
            if wanted
        ],
        "waiting_days": max(0, waiting),
    }


def opening_record(opening: Opening, seats: int) -> dict | None:
    place = postcodes.lookup(opening.postcode)
    if place is None or not opening.shifts or not opening.employer.employer_kind:
        return None
    return {
        "id": opening_key(opening.id),
        "track": opening.track,
        "employer_kind": opening.employer.employer_kind,
        "sector": opening.sector,
        "legal_category": opening.legal_category,
        "serves_alcohol": bool(opening.serves_alcohol),
        "lat": place.lat,
        "lon": place.lon,
        "seats": seats,
        "start_date": opening.start_date.isoformat(),
        "weeks": opening.weeks,
        "shifts": [_window(s.day_index, s.start_minute, s.end_minute) for s in opening.shifts],
        "hourly_wage_ore": opening.hourly_wage_ore,
        "refund": gets_refund(opening),
        "min_age": opening.min_age,
        "max_age": None,
        "required_languages": list(opening.required_languages or []),
        "education": opening.education if opening.track == Track.APPRENTICESHIP else None,
    }


def build_instance(programme: Programme, params: dict | None = None, run_date: date | None = None):
    """The matcher instance (format 1) for ``programme`` as the database stands now.

    ``params`` may override ``refund_budget_ore`` (the year's whole budget; what is already
    reserved or committed is still taken off) and ``min_private_share_pct`` for a what-if.
    """
    params = params or {}
    run_date = run_date or today()
    counts = share_counts(programme.id)
    candidates = [c for c in (candidate_record(y, run_date) for y in candidate_rows()) if c]
    openings = [o for o in (opening_record(op, seats) for op, seats in opening_rows()) if o]
    candidate_ids = {c["id"] for c in candidates}
    opening_ids = {o["id"] for o in openings}
    excluded = [
        [youth_key(youth_id), opening_key(opening_id)]
        for youth_id, opening_id in db.session.execute(
            select(ExcludedPair.youth_id, ExcludedPair.opening_id).order_by(ExcludedPair.id)
        )
        if youth_key(youth_id) in candidate_ids and opening_key(opening_id) in opening_ids
    ]
    budget = params.get("refund_budget_ore")
    return {
        "format": 1,
        "policy": {
            "run_date": run_date.isoformat(),
            "min_private_share_pct": int(
                params.get("min_private_share_pct", programme.min_private_share_pct)
            ),
            "leisure_private_before": counts.private_placed,
            "leisure_total_before": counts.worst_case_total,
            "refund_budget_ore": ledger.available_ore(
                programme, None if budget is None else int(budget)
            ),
            "refund_minutes_cap": programme.refund_minutes_cap,
            "refund_weeks_cap": programme.refund_weeks_cap,
            "age_min": programme.age_min,
            "age_max": programme.age_max,
        },
        "candidates": candidates,
        "openings": openings,
        "excluded_pairs": excluded,
    }


# --------------------------------------------------------------------------- runs


class RunRefused(Exception):
    """A run could not start; ``str(error)`` is a message for the user."""


def live_run(programme_id: int) -> MatchRun | None:
    return db.session.scalar(
        select(MatchRun).where(
            MatchRun.programme_id == programme_id,
            MatchRun.status.in_([RunStatus.QUEUED, RunStatus.RUNNING]),
        )
    )


def fail_stale_runs(programme_id: int | None = None) -> int:
    """Mark runs whose worker died (no heartbeat past the limit) or that never started as failed."""
    config = current_app.config
    now = now_utc()
    stale = now - timedelta(seconds=config["MATCH_STALE_SECONDS"])
    never = now - timedelta(
        seconds=config["CELERY_VISIBILITY_TIMEOUT"] + config["MATCH_STALE_SECONDS"]
    )
    scope = [] if programme_id is None else [MatchRun.programme_id == programme_id]
    count = 0
    for condition, reason in (
        (
            and_(MatchRun.status == RunStatus.RUNNING, MatchRun.heartbeat_at < stale),
            "worker_lost",
        ),
        (and_(MatchRun.status == RunStatus.QUEUED, MatchRun.created_at < never), "never_started"),
    ):
        count += db.session.execute(
            update(MatchRun)
            .where(condition, *scope)
            .values(status=RunStatus.FAILED, error=reason, finished_at=now)
        ).rowcount
    db.session.commit()
    return count


def start_run(
    programme: Programme, *, kind: str = RunKind.MANUAL, user: User | None = None
) -> MatchRun:
    """Queue a run and enqueue its task; raises :class:`RunRefused` with a message for the user."""
    if programme.id is None:
        raise RunRefused(
            _("Årets programindstillinger er ikke gemt endnu. Bed en administrator gemme dem først.")
        )
    fail_stale_runs(programme.id)
    task_id = str(uuid.uuid4())
    run = MatchRun(
        programme_id=programme.id,
        kind=kind,
        status=RunStatus.QUEUED,
        params={},
        celery_id=task_id,
        started_by_id=user.id if user else None,
    )
    db.session.add(run)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        other = live_run(programme.id)
        raise RunRefused(
            _(
                "Der kører allerede en matchning for programmet (kørsel %(id)s). "
                "Vent til den er færdig, og prøv så igen.",
                id=other.id if other else "?",
            )
        ) from None
    run_id = run.id
    try:
        enqueue(TASK_RUN_MATCH, run_id, task_id=task_id)
    except OperationalError:
        raise
    except Exception as error:  # the broker is down: say so instead of leaving it queued
        db.session.rollback()
        db.session.execute(
            update(MatchRun)
            .where(MatchRun.id == run_id, MatchRun.status == RunStatus.QUEUED)
            .values(status=RunStatus.FAILED, error="enqueue_failed", finished_at=now_utc())
        )
        db.session.commit()
        raise RunRefused(
            _("Kørslen kunne ikke sættes i kø (%(error)s). Prøv igen om lidt.", error=error)
        ) from error
    db.session.expire_all()
    return db.session.get(MatchRun, run_id)


def start_weekly_runs() -> list[int]:
    """The beat's Monday run: one weekly run for this year's programme when it is saved."""
    from web.programmes import current_programme

    programme = current_programme()
    try:
        return [start_run(programme, kind=RunKind.WEEKLY).id]
    except RunRefused as refused:
        log.warning("weekly match not started: %s", refused)
        return []


class RunLost(Exception):
    """Another attempt took the run over (or a sweeper failed it); stop quietly."""


def _claim(run_id: int, task_id: str | None) -> MatchRun | None:
    config = current_app.config
    now = now_utc()
    stale = now - timedelta(seconds=config["MATCH_STALE_SECONDS"])
    takeover = [MatchRun.heartbeat_at < stale]
    if task_id:
        # Celery retried this very task, or redelivered it after its worker died.
        takeover.append(MatchRun.celery_id == task_id)
    values = {
        "status": RunStatus.RUNNING,
        "attempts": MatchRun.attempts + 1,
        "started_at": now,
        "heartbeat_at": now,
        "progress": 0,
        "error": None,
    }
    if task_id:
        values["celery_id"] = task_id
    claimed = db.session.execute(
        update(MatchRun)
        .where(
            MatchRun.id == run_id,
            or_(
                MatchRun.status == RunStatus.QUEUED,
                and_(MatchRun.status == RunStatus.RUNNING, or_(*takeover)),
            ),
        )
        .values(**values)
    ).rowcount
    db.session.commit()
    if not claimed:
        return None
    run = db.session.get(MatchRun, run_id)
    if run.attempts > config["MATCH_MAX_ATTEMPTS"]:
        _finish_failed(run_id, run.attempts, "too_many_attempts")
        return None
    return run


def _step(run_id: int, attempt: int, progress: int) -> None:
    """Record progress and a heartbeat; raises :class:`RunLost` if the run is no longer ours."""
    pause = float(current_app.config.get("MATCH_STEP_SLEEP_SECONDS") or 0)
    if pause:
        time.sleep(pause)
    updated = db.session.execute(
        update(MatchRun)
        .where(
            MatchRun.id == run_id,
            MatchRun.status == RunStatus.RUNNING,
            MatchRun.attempts == attempt,
        )
        .values(progress=progress, heartbeat_at=now_utc())
    ).rowcount
    db.session.commit()
    if not updated:
        raise RunLost(run_id)


def _finish_failed(run_id: int, attempt: int, reason: str) -> None:
    db.session.execute(
        update(MatchRun)
        .where(MatchRun.id == run_id, MatchRun.status == RunStatus.RUNNING)
        .where(MatchRun.attempts == attempt)
        .values(status=RunStatus.FAILED, error=reason[:4000], finished_at=now_utc())
    )
    db.session.commit()


def _save_result(run_id: int, attempt: int, instance: dict, result: dict, seconds: float) -> bool:
    """The run's result and every proposal in ONE transaction; False if the run is not ours."""
    assignments = result.get("assignments", [])
    done = db.session.execute(
        update(MatchRun)
        .where(
            MatchRun.id == run_id,
            MatchRun.status == RunStatus.RUNNING,
            MatchRun.attempts == attempt,
        )
        .values(
            status=RunStatus.DONE,
            progress=100,
            instance=instance,
            result=result,
            proposals_count=len(assignments),
            unmatched_count=len(result.get("unmatched", [])),
            seconds=round(seconds, 3),
            heartbeat_at=now_utc(),
            finished_at=now_utc(),
        )
    ).rowcount
    if not done:
        db.session.rollback()
        return False
    for assignment in assignments:
        db.session.add(
            Proposal(
                run_id=run_id,
                youth_id=key_id(assignment["candidate"]),
                opening_id=key_id(assignment["opening"]),
                score=float(assignment.get("score", 0.0)),
                refund_ore=int(assignment.get("refund_ore", 0)),
                why=list(assignment.get("why", [])),
                status=ProposalStatus.PROPOSED,
            )
        )
    db.session.commit()
    return True


def run_matching(run_id: int, task_id: str | None = None) -> str:
    """Claim, snapshot, solve and save one run; returns the run's status afterwards.

    Safe to call twice (only one call claims the run). Transient database errors
    (``OperationalError``) put the run back in the queue and propagate so the task retries;
    anything else fails the run with the reason.
    """
    import matcher

    run = _claim(run_id, task_id)
    if run is None:
        db.session.rollback()
        existing = db.session.get(MatchRun, run_id)
        return existing.status if existing else "missing"
    attempt = run.attempts
    programme = run.programme
    params = dict(run.params or {})
    started = time.monotonic()
    try:
        _step(run_id, attempt, 10)
        instance = build_instance(programme, params)
        _step(run_id, attempt, 40)
        result = matcher.solve(instance)
        problems = matcher.check_result(instance, result)
        if problems:
            raise RuntimeError("matcher result breaks the rules: " + "; ".join(problems[:5]))
        _step(run_id, attempt, 80)
        if not _save_result(run_id, attempt, instance, result, time.monotonic() - started):
            raise RunLost(run_id)
    except RunLost:
        db.session.rollback()
        log.info("run %s was taken over; this attempt stops", run_id)
    except OperationalError:
        db.session.rollback()
        try:
            db.session.execute(
                update(MatchRun)
                .where(MatchRun.id == run_id, MatchRun.attempts == attempt)
                .where(MatchRun.status == RunStatus.RUNNING)
                .values(status=RunStatus.QUEUED)
            )
            db.session.commit()
        except OperationalError:
            db.session.rollback()
        raise
    except Exception as error:  # noqa: BLE001 - any other failure is the run's, with its reason
        db.session.rollback()
        log.exception("match run %s failed", run_id)
        _finish_failed(run_id, attempt, f"{error.__class__.__name__}: {error}")
    db.session.expire_all()
    return db.session.get(MatchRun, run_id).status


def run_summary(run: MatchRun) -> dict:
    """The CLI's one-line JSON and the status endpoint's body."""
    return {
        "id": run.id,
        "status": run.status,
        "progress": run.progress,
        "proposals": run.proposals_count,
        "unmatched": run.unmatched_count,
        "seconds": run.seconds,
        "error": run.error,
    }


# --------------------------------------------------------------------------- what-if


def preview(programme: Programme, params: dict) -> dict:
    """Solve now and with ``params`` changed, in-process and without saving anything."""
    import matcher

    base_instance = build_instance(programme)
    what_if_instance = build_instance(programme, params)
    base = matcher.solve(base_instance)
    what_if = matcher.solve(what_if_instance)
    base_pairs = {a["candidate"]: a["opening"] for a in base["assignments"]}
    new_pairs = {a["candidate"]: a["opening"] for a in what_if["assignments"]}
    gained = sorted(set(new_pairs) - set(base_pairs))
    lost = sorted(set(base_pairs) - set(new_pairs))
    moved = sorted(c for c in set(base_pairs) & set(new_pairs) if base_pairs[c] != new_pairs[c])
    ids = {key_id(c) for c in [*gained, *lost, *moved]}
    opening_ids = {key_id(o) for o in [*base_pairs.values(), *new_pairs.values()]}
    youths = {
        y.id: y for y in db.session.scalars(select(YouthProfile).where(YouthProfile.id.in_(ids)))
    }
    openings = {
        o.id: o for o in db.session.scalars(select(Opening).where(Opening.id.in_(opening_ids)))
    }

    def describe(candidate: str, pairs: dict) -> dict:
        opening = openings.get(key_id(pairs[candidate])) if candidate in pairs else None
        return {"youth": youths.get(key_id(candidate)), "opening": opening}

    return {
        "params": params,
        "base": base["stats"],
        "what_if": what_if["stats"],
        "base_policy": base_instance["policy"],
        "what_if_policy": what_if_instance["policy"],
        "gained": [describe(c, new_pairs) for c in gained],
        "lost": [describe(c, base_pairs) for c in lost],
        "moved": [
            {**describe(c, new_pairs), "before": openings.get(key_id(base_pairs[c]))}
            for c in moved
        ],
    }


# --------------------------------------------------------------------------- approvals


class ApprovalRefused(Exception):
    """The proposal cannot become an offer now; ``str(error)`` says why, for the consultant."""


def _lock(model, row_id):
    return db.session.execute(
        select(model).where(model.id == row_id).with_for_update()
    ).scalar_one_or_none()


def approve_proposal(proposal: Proposal, user: User | None) -> Offer:
    """Re-check the snapshot, reserve the refund, make the offer, queue the mails; commits.

    Locks the programme, the opening and the young person in that order (PostgreSQL), so
    concurrent approvals cannot oversell a seat, the budget or the private share.
    """
    from web.services import offers as offer_service

    proposal_id = proposal.id
    try:
        offer, mail_ids = _approve(proposal_id, user)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ApprovalRefused(_("Den unge har allerede et tilbud, der venter på svar.")) from None
    except (ApprovalRefused, ledger.BudgetExceeded):
        db.session.rollback()
        raise
    offer_service.deliver_after_commit(mail_ids)
    return offer


def _approve(proposal_id: int, user: User | None):
    from web.services import offers as offer_service

    proposal = db.session.get(Proposal, proposal_id)
    run = proposal.run
    if run.kind == RunKind.PREVIEW or run.status != RunStatus.DONE:
        raise ApprovalRefused(_("Forslag fra en prøvekørsel kan ikke godkendes."))
    if proposal.status != ProposalStatus.PROPOSED:
        raise ApprovalRefused(_("Forslaget er allerede behandlet."))
    programme = ledger.lock_programme(run.programme_id)
    opening = _lock(Opening, proposal.opening_id)
    youth = _lock(YouthProfile, proposal.youth_id)
    if opening.status != OpeningStatus.OPEN or not opening.employer.is_approved:
        raise ApprovalRefused(_("Jobbet er ikke længere åbent."))
    if free_seats(opening) <= 0:
        raise ApprovalRefused(_("Der er ikke flere ledige pladser i jobbet."))
    if youth.status != ProfileStatus.ACTIVE or not youth.has_consent:
        raise ApprovalRefused(_("Den unge er ikke længere aktiv i puljen."))
    if youth_is_busy(youth.id):
        raise ApprovalRefused(_("Den unge har allerede et tilbud eller et job."))
    excluded = db.session.scalar(
        select(ExcludedPair.id).where(
            ExcludedPair.youth_id == youth.id, ExcludedPair.opening_id == opening.id
        )
    )
    if excluded is not None:
        raise ApprovalRefused(_("Den unge har tidligere sagt nej til eller mistet dette job."))
    private = is_private(opening.employer)
    if opening.track == Track.LEISURE and not private:
        counts = share_counts(programme.id)
        if not counts.allows_other(programme.min_private_share_pct):
            raise ApprovalRefused(
                _(
                    "Et kommunalt eller offentligt fritidsjob nu ville kunne bringe andelen af "
                    "private job under %(pct)s %%. Det kan godkendes, når flere private job er "
                    "startet.",
                    pct=programme.min_private_share_pct,
                )
            )
    refund = refund_for(opening, programme)
    now = now_utc()
    offer = Offer(
        programme_id=programme.id,
        proposal_id=proposal.id,
        youth_id=youth.id,
        opening_id=opening.id,
        track=opening.track,
        private=private,
        refund_ore=refund,
        status=OfferStatus.PENDING,
        created_at=now,
        expires_at=now + timedelta(days=programme.offer_days or 5),
    )
    db.session.add(offer)
    db.session.flush()
    try:
        ledger.reserve(programme.id, offer, refund)
    except ledger.BudgetExceeded:
        raise ApprovalRefused(
            _("Der er ikke penge nok tilbage i puljen til lønrefusion til dette job.")
        ) from None
    proposal.status = ProposalStatus.APPROVED
    proposal.decided_by_id = user.id if user else None
    proposal.decided_at = now
    mails = offer_service.queue_offer_mails(offer)
    db.session.flush()
    return offer, [mail.id for mail in mails]


def approve_all(run: MatchRun, user: User | None) -> tuple[int, list[tuple[Proposal, str]]]:
    """Approve every open proposal of the run; returns (approved, [(proposal, why refused)])."""
    approved, refused = 0, []
    ids = list(
        db.session.scalars(
            select(Proposal.id)
            .where(Proposal.run_id == run.id, Proposal.status == ProposalStatus.PROPOSED)
            .order_by(Proposal.id)
        )
    )
    for proposal_id in ids:
        proposal = db.session.get(Proposal, proposal_id)
        try:
            approve_proposal(proposal, user)
            approved += 1
        except ApprovalRefused as why:
            refused.append((db.session.get(Proposal, proposal_id), str(why)))
    return approved, refused


def reject_proposal(proposal: Proposal, user: User | None, note: str | None = None) -> None:
    if proposal.status != ProposalStatus.PROPOSED:
        raise ApprovalRefused(_("Forslaget er allerede behandlet."))
    proposal.status = ProposalStatus.REJECTED
    proposal.decided_by_id = user.id if user else None
    proposal.decided_at = now_utc()
    proposal.decision_note = note
    db.session.commit()


# --------------------------------------------------------------------------- reasons

UNMATCHED_REASONS = {
    "no_eligible_opening": _l("Intet ledigt job passer til den unge"),
    "capacity": _l("Der var job, der passede, men pladserne gik til andre"),
    "private_share_rule": _l("Reglen om andelen af private job stoppede et match"),
    "refund_budget": _l("Der er ikke penge nok i puljen til lønrefusion"),
}

BLOCKED_BY = {
    "track": _l("jobtype"),
    "age": _l("alder"),
    "distance": _l("afstand"),
    "availability": _l("tider"),
    "weekly_minutes": _l("timer om ugen"),
    "young_worker": _l("regler for unge under 18"),
    "education": _l("uddannelse"),
    "language": _l("sprog"),
    "excluded": _l("sagt nej før"),
}

RUN_ERRORS = {
    "worker_lost": _l("Arbejdsprocessen stoppede midt i kørslen. Start en ny kørsel."),
    "never_started": _l("Kørslen blev aldrig startet af en arbejdsproces."),
    "too_many_attempts": _l("Kørslen fejlede for mange gange og er opgivet."),
    "enqueue_failed": _l("Kørslen kunne ikke sættes i kø."),
}


def unmatched_reason(entry: dict) -> str:
    return str(UNMATCHED_REASONS.get(entry.get("reason"), entry.get("reason", "")))


def blocked_by_text(entry: dict) -> str:
    blocked = entry.get("blocked_by") or {}
    parts = [
        f"{BLOCKED_BY.get(rule, rule)}: {count}"
        for rule, count in blocked.items()
        if count
    ]
    return ", ".join(parts)


def run_error_text(run: MatchRun) -> str:
    if not run.error:
        return ""
    return str(RUN_ERRORS.get(run.error, run.error))


# --------------------------------------------------------------------------- progress


def fill_progress(progress) -> None:
    """Fill the consultant's programme numbers (placements, private share, refunds used).

    Left alone ("not counted yet") until the programme's first offer. The private share is
    counted over the year's leisure placements; refunds used are reserved plus committed.
    """
    from dataclasses import replace

    programme = progress.programme
    if programme.id is None:
        return
    has_offers = db.session.scalar(
        select(Offer.id).where(Offer.programme_id == programme.id).limit(1)
    )
    if has_offers is None:
        return
    counts = share_counts(programme.id)
    apprenticeships = db.session.scalar(
        select(func.count(Placement.id)).where(
            Placement.programme_id == programme.id, Placement.track == Track.APPRENTICESHIP
        )
    )
    share = counts.placed_share_pct
    values = {
        "leisure_placements": counts.total_placed,
        "apprenticeship_placements": apprenticeships,
        "private_share": None if share is None else round(share),
        "refund_used": ledger.used_ore(programme.id),
    }
    for key, value in values.items():
        try:
            item = progress[key]
        except KeyError:
            continue
        progress.replace(replace(item, value=value))
