"""The Celery app: reliable settings, the weekly beat schedule, tasks bound by name."""
import pytest

from web.models import MatchRun
from web.services import task_queue
from workers.celery_app import celery_init_app, weekly_schedule

from tests import factories as f


@pytest.fixture
def celery_app(app):
    return celery_init_app(app)


def test_reliable_delivery_settings(celery_app, app):
    """Are late acks, requeue on worker loss and prefetch 1 on, with limits below visibility?"""
    conf = celery_app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    visibility = conf.broker_transport_options["visibility_timeout"]
    assert conf.task_soft_time_limit < conf.task_time_limit < visibility
    assert app.extensions["celery"] is celery_app


def test_time_limit_at_or_above_visibility_is_refused(app):
    """Does the app refuse a time limit that would let the broker redeliver a running task?"""
    app.config["MATCH_TIME_LIMIT"] = app.config["CELERY_VISIBILITY_TIMEOUT"]
    with pytest.raises(ValueError, match="VISIBILITY_TIMEOUT"):
        celery_init_app(app)


def test_weekly_run_is_scheduled_monday_six_copenhagen(celery_app):
    """Does beat start the weekly run Mondays at 06:00, Copenhagen time?"""
    schedule = celery_app.conf.beat_schedule["weekly-match"]
    assert schedule["task"] == task_queue.TASK_WEEKLY_MATCH
    cron = schedule["schedule"]
    assert cron.hour == {6} and cron.minute == {0} and cron.day_of_week == {1}
    assert celery_app.conf.timezone == "Europe/Copenhagen"
    assert celery_app.conf.beat_schedule["sweep"]["task"] == task_queue.TASK_SWEEP


def test_weekly_schedule_reads_the_setting():
    """Can the weekly time be configured as a cron line?"""
    cron = weekly_schedule("30 7 * * tue")
    assert cron.hour == {7} and cron.minute == {30} and cron.day_of_week == {2}


def test_tasks_are_registered_under_the_names_web_sends(celery_app):
    """Does every name the web enqueues have a task in the worker?"""
    for name in (
        task_queue.TASK_RUN_MATCH,
        task_queue.TASK_SEND_MAIL,
        task_queue.TASK_WEEKLY_MATCH,
        task_queue.TASK_SWEEP,
    ):
        assert name in celery_app.tasks


def test_run_task_runs_the_match_inside_the_app(celery_app, db):
    """Does the run task, applied locally, finish a queued run?"""
    programme = f.make_programme()
    f.make_youth()
    f.make_opening()
    run = MatchRun(programme=programme, status="queued", params={})
    db.session.add(run)
    db.session.commit()
    result = celery_app.tasks[task_queue.TASK_RUN_MATCH].apply(args=[run.id])
    assert result.get() == "done"
    db.session.refresh(run)
    assert run.proposals_count == 1


def test_weekly_task_starts_a_weekly_run(celery_app, db):
    """Does the weekly task start a run of kind weekly for this year's programme?"""
    f.make_programme()
    db.session.commit()
    celery_app.tasks[task_queue.TASK_WEEKLY_MATCH].apply().get()
    assert [run.kind for run in db.session.query(MatchRun)] == ["weekly"]


def test_workers_module_builds_its_app_lazily():
    """Does importing workers build no Flask app until Celery asks for it?"""
    import workers

    assert hasattr(workers, "get_celery_app")
    with pytest.raises(AttributeError):
        workers.not_a_thing  # noqa: B018
