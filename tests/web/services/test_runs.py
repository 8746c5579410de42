"""Match runs: one at a time, claimed once, saved in one go, failed with a reason."""
import json
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from web import match_reasons
from web.models import MatchRun, Proposal
from web.services import match_runs, snapshot
from web.timeutil import now_utc

from tests import factories as f


@pytest.fixture
def programme(db):
    programme = f.make_programme()
    for _ in range(3):
        f.make_youth()
    f.make_opening(seats=2)
    db.session.commit()
    return programme


def queued_run(db, programme, **fields):
    run = MatchRun(**({"programme_id": programme.id, "status": "queued", "params": {}} | fields))
    db.session.add(run)
    db.session.commit()
    return run


def test_run_saves_proposals_with_its_instance_and_result(db, programme):
    """Does a run (in-process) end done, with proposals, and keep its instance and result?"""
    run = match_runs.start_run(programme)
    assert run.status == "done" and run.progress == 100
    assert run.proposals_count == 2 and run.unmatched_count == 1
    assert len(run.proposals) == 2
    assert run.instance["format"] == 1 and len(run.instance["candidates"]) == 3
    assert {p.youth_id for p in run.proposals} == {
        snapshot.key_id(a["candidate"]) for a in run.result["assignments"]
    }
    assert all(p.why for p in run.proposals)


def test_saved_instance_replays_to_the_saved_result(db, programme):
    """Does solving the kept instance again give the kept assignments (replay)?"""
    import matcher

    run = match_runs.start_run(programme)
    replay = matcher.solve(json.loads(json.dumps(run.instance)))
    assert replay["assignments"] == run.result["assignments"]


def test_second_live_run_is_refused_with_a_clear_message(db, programme):
    """While a run is queued, is another start refused, naming the running one?"""
    live = queued_run(db, programme)
    with pytest.raises(match_runs.RunRefused, match=f"kører allerede.*{live.id}"):
        match_runs.start_run(programme)
    assert db.session.query(MatchRun).count() == 1


def test_database_allows_one_live_run_per_programme(db, programme):
    """Does the partial unique index refuse a second queued/running run by itself?"""
    queued_run(db, programme)
    db.session.add(MatchRun(programme_id=programme.id, status="running", params={}))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_finished_runs_do_not_block_a_new_one(db, programme):
    """Can a new run start when earlier ones are done or failed?"""
    queued_run(db, programme, status="done")
    queued_run(db, programme, status="failed")
    assert match_runs.start_run(programme).status == "done"


def test_same_task_twice_makes_one_set_of_proposals(db, programme):
    """Does a second delivery of the run's task change nothing?"""
    run = queued_run(db, programme)
    assert match_runs.run_matching(run.id, task_id="t-1") == "done"
    assert match_runs.run_matching(run.id, task_id="t-2") == "done"
    assert match_runs.run_matching(run.id, task_id="t-1") == "done"
    assert db.session.query(Proposal).count() == 2


def test_running_run_with_a_fresh_heartbeat_is_not_taken_over(db, programme):
    """Is a run another worker is busy with left alone by a duplicate task?"""
    run = queued_run(db, programme, status="running", celery_id="t-1", heartbeat_at=now_utc())
    assert match_runs.run_matching(run.id, task_id="t-2") == "running"
    assert db.session.query(Proposal).count() == 0


def test_redelivered_task_takes_over_its_own_dead_attempt(db, programme):
    """After the worker died, does the same task id, delivered again, finish the run?"""
    run = queued_run(
        db, programme, status="running", celery_id="t-1", attempts=1, heartbeat_at=now_utc()
    )
    assert match_runs.run_matching(run.id, task_id="t-1") == "done"
    assert run.attempts == 2 and db.session.query(Proposal).count() == 2


def test_run_past_the_attempt_limit_fails_with_the_reason(db, app, programme):
    """Is a run given up after too many attempts, with no proposals?"""
    attempts = app.config["MATCH_MAX_ATTEMPTS"]
    run = queued_run(db, programme, status="running", celery_id="t-1", attempts=attempts)
    assert match_runs.run_matching(run.id, task_id="t-1") == "failed"
    assert run.error == "too_many_attempts"
    assert db.session.query(Proposal).count() == 0


def test_stale_running_run_is_marked_failed_by_the_sweeper(db, app, programme):
    """Is a run whose worker stopped sending heartbeats failed with the reason?"""
    stale = now_utc() - timedelta(seconds=app.config["MATCH_STALE_SECONDS"] + 5)
    run = queued_run(db, programme, status="running", heartbeat_at=stale)
    assert match_runs.fail_stale_runs() == 1
    db.session.refresh(run)
    assert (run.status, run.error) == ("failed", "worker_lost")
    assert "stoppede" in match_reasons.run_error_text(run)


def test_start_sweeps_a_dead_run_instead_of_refusing(db, app, programme):
    """Does a dead run stop blocking new runs once it is past the limit?"""
    stale = now_utc() - timedelta(seconds=app.config["MATCH_STALE_SECONDS"] + 5)
    queued_run(db, programme, status="running", heartbeat_at=stale)
    assert match_runs.start_run(programme).status == "done"


def test_matcher_error_fails_the_run_with_the_reason_and_no_proposals(db, programme):
    """Does an instance the matcher rejects fail the run and save nothing else?"""
    run = queued_run(db, programme)
    run.params = {"min_private_share_pct": 150}
    db.session.commit()
    assert match_runs.run_matching(run.id) == "failed"
    assert "InvalidInstanceError" in run.error
    assert db.session.query(Proposal).count() == 0


def test_unsaved_programme_cannot_run(db):
    """Is a run refused until the admin has saved the year's programme?"""
    from web.programmes import current_programme

    with pytest.raises(match_runs.RunRefused, match="ikke gemt"):
        match_runs.start_run(current_programme())


def test_preview_compares_without_saving(db, programme):
    """Does a what-if with no refund budget and share 0 compare runs and save nothing?"""
    comparison = match_runs.preview(programme, {"min_private_share_pct": 0})
    assert comparison["base"]["matched"] == comparison["what_if"]["matched"] == 2
    assert comparison["gained"] == [] and comparison["lost"] == []
    assert db.session.query(MatchRun).count() == 0
    assert db.session.query(Proposal).count() == 0


def test_unmatched_reasons_read_in_danish(db):
    """Are the matcher's reason codes shown as Danish text with the blocking rules?"""
    entry = {"reason": "no_eligible_opening", "blocked_by": {"distance": 3, "age": 0}}
    assert match_reasons.unmatched_reason(entry) == "Intet ledigt job passer til den unge"
    assert match_reasons.blocked_by_text(entry) == "afstand: 3"
