"""Configuration defaults and the two environment variables the deployment sets."""
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def default_settings(instance_path: str) -> dict[str, Any]:
    """Settings for the embedded default: SQLite in ``instance/``, tasks run in-process."""
    instance = Path(instance_path)
    return {
        "SECRET_KEY": "dev-not-secret",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'app.sqlite'}",
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,
        "BABEL_DEFAULT_LOCALE": "da",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Copenhagen",
        "LANGUAGES": ["da", "en"],
        "REDIS_URL": None,
        "CELERY": {"task_always_eager": True, "task_eager_propagates": True},
        "MAIL_OUTBOX_DIR": str(instance / "outbox"),
        "MAIL_SERVER": None,
        "MAIL_PORT": 25,
        "MAIL_USERNAME": None,
        "MAIL_PASSWORD": None,
        "MAIL_USE_TLS": False,
        "MAIL_SENDER": "Jobbro <noreply@jobbro.kk.dk>",
        "PUBLIC_BASE_URL": "http://127.0.0.1:5000",
        "INVITATION_DAYS": 14,
        # Match runs and their worker (workers/); times in seconds.
        "MATCH_WEEKLY_CRON": "0 6 * * mon",  # minute hour day month weekday, Copenhagen time
        # A run with no heartbeat this long lost its worker; above the time limit, because the
        # solver step itself sends no heartbeat.
        "MATCH_STALE_SECONDS": 1100,
        "MATCH_MAX_ATTEMPTS": 3,
        "MATCH_SOFT_TIME_LIMIT": 900,
        "MATCH_TIME_LIMIT": 1000,  # must stay below CELERY_VISIBILITY_TIMEOUT
        "MATCH_STEP_SLEEP_SECONDS": 0,  # tests only: slow a run down to kill its worker mid-run
        "CELERY_QUEUE": "jobbro",
        "CELERY_VISIBILITY_TIMEOUT": 3600,
        "CELERY_TRANSPORT_OPTIONS": {},  # extra kombu options, e.g. unacked_restore_interval
        "SWEEP_INTERVAL_SECONDS": 300,  # beat: expire offers, fail stale runs, resend lost mail
        "MAIL_MAX_ATTEMPTS": 5,
    }


def settings_from_environment(config: Mapping[str, Any]) -> dict[str, Any]:
    """Translate ``DATABASE_URL`` and ``REDIS_URL`` into the settings that use them.

    ``from_prefixed_env`` has already read ``FLASK_*`` variables; these two keep the names
    that hosting platforms and docker-compose use.
    """
    settings: dict[str, Any] = {}
    database_url = os.environ.get("DATABASE_URL")
    if database_url:
        settings["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(database_url)
    redis_url = os.environ.get("REDIS_URL") or config.get("REDIS_URL")
    if redis_url:
        settings["REDIS_URL"] = redis_url
        settings["CELERY"] = {
            "broker_url": redis_url,
            "result_backend": redis_url,
            "task_always_eager": False,
        }
    return settings


def normalise_database_url(url: str) -> str:
    """Point ``postgres://`` and ``postgresql://`` URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url
