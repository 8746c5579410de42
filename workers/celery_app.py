"""The Celery app, configured from the Flask app (Flask's ``examples/celery`` pattern)."""
from celery import Celery, Task
from celery.schedules import crontab
from flask import Flask

from web.services.task_queue import TASK_SWEEP, TASK_WEEKLY_MATCH, celery_settings


def weekly_schedule(cron: str) -> crontab:
    """``"minute hour day month weekday"`` (Copenhagen time) as a Celery crontab."""
    minute, hour, day_of_month, month_of_year, day_of_week = cron.split()
    return crontab(
        minute=minute,
        hour=hour,
        day_of_month=day_of_month,
        month_of_year=month_of_year,
        day_of_week=day_of_week,
    )


def celery_init_app(app: Flask) -> Celery:
    """Make the Celery app whose tasks run inside ``app``'s context; store it on the app."""
    config = app.config
    if config["MATCH_TIME_LIMIT"] >= config["CELERY_VISIBILITY_TIMEOUT"]:
        # A task still running when the broker redelivers it would run twice at once.
        raise ValueError("MATCH_TIME_LIMIT must stay below CELERY_VISIBILITY_TIMEOUT")

    class FlaskTask(Task):
        def __call__(self, *args: object, **kwargs: object) -> object:
            with app.app_context():
                return self.run(*args, **kwargs)

    celery_app = Celery(app.name, task_cls=FlaskTask)
    celery_app.config_from_object(
        {
            **celery_settings(app),
            "task_soft_time_limit": config["MATCH_SOFT_TIME_LIMIT"],
            "task_time_limit": config["MATCH_TIME_LIMIT"],
            "beat_schedule": {
                "weekly-match": {
                    "task": TASK_WEEKLY_MATCH,
                    "schedule": weekly_schedule(config["MATCH_WEEKLY_CRON"]),
                },
                "sweep": {"task": TASK_SWEEP, "schedule": float(config["SWEEP_INTERVAL_SECONDS"])},
            },
        }
    )
    celery_app.set_default()
    app.extensions["celery"] = celery_app

    from workers import tasks  # noqa: F401  (binds the shared tasks to this app)

    return celery_app
