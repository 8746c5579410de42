"""Celery tasks by name: the names, the Celery settings, and the one function that enqueues.

Web never imports ``workers``: tasks are sent by name (:func:`enqueue`); with no broker
configured (``task_always_eager``) the same plain functions run in-process instead. The names
are strings the worker registers (``workers/tasks.py``), so they must not change.
"""
from flask import current_app

TASK_RUN_MATCH = "jobbro.run_match"
TASK_SEND_MAIL = "jobbro.send_mail"
TASK_WEEKLY_MATCH = "jobbro.weekly_match"
TASK_SWEEP = "jobbro.sweep"


def _eager_functions():
    from web.services import mail, match_runs, offers

    return {
        TASK_RUN_MATCH: match_runs.run_matching,
        TASK_SEND_MAIL: mail.deliver_mail,
        TASK_WEEKLY_MATCH: match_runs.start_weekly_runs,
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
