"""A match run's life on Celery: start, claim, snapshot, solve, save; and the what-if preview.

Flow: :func:`start_run` inserts a queued :class:`MatchRun` (the database refuses a second live
run for the programme) and enqueues ``jobbro.run_match`` by name; the worker's task calls
:func:`run_matching`, which claims the run with a conditional update (so a task delivered
twice works once), snapshots the database (:mod:`web.services.snapshot`), solves, and writes
the run's result and all its proposals in one transaction.
"""
import logging
import time
import uuid
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from web.extensions import db
from web.models import (
    MatchRun,
    Opening,
    Programme,
    Proposal,
    ProposalStatus,
    RunKind,
    RunStatus,
    User,
    YouthProfile,
)
from web.services.snapshot import build_instance, key_id
from web.services.task_queue import TASK_RUN_MATCH, enqueue
from web.timeutil import now_utc

log = logging.getLogger(__name__)


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


def _still_ours(run_id: int, attempt: int) -> tuple:
    """Conditions that the run is still running under this attempt.

    Every write of a task checks them, so a redelivered or taken-over task
    changes nothing.
    """
    return (MatchRun.id == run_id, MatchRun.status == RunStatus.RUNNING, MatchRun.attempts == attempt)


def _step(run_id: int, attempt: int, progress: int) -> None:
    """Record progress and a heartbeat; raises :class:`RunLost` if the run is no longer ours."""
    pause = float(current_app.config.get("MATCH_STEP_SLEEP_SECONDS") or 0)
    if pause:
        time.sleep(pause)
    updated = db.session.execute(
        update(MatchRun)
        .where(*_still_ours(run_id, attempt))
        .values(progress=progress, heartbeat_at=now_utc())
    ).rowcount
    db.session.commit()
    if not updated:
        raise RunLost(run_id)


def _finish_failed(run_id: int, attempt: int, reason: str) -> None:
    db.session.execute(
        update(MatchRun)
        .where(*_still_ours(run_id, attempt))
        .values(status=RunStatus.FAILED, error=reason[:4000], finished_at=now_utc())
    )
    db.session.commit()


def _save_result(run_id: int, attempt: int, instance: dict, result: dict, seconds: float) -> bool:
    """The run's result and every proposal in ONE transaction; False if the run is not ours."""
    assignments = result.get("assignments", [])
    done = db.session.execute(
        update(MatchRun)
        .where(*_still_ours(run_id, attempt))
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
                .where(*_still_ours(run_id, attempt))
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
