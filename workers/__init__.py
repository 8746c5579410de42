"""Celery worker entry point: ``celery -A workers worker`` (and ``celery -A workers beat``).

The Flask app is built on first use, not at import, so importing ``workers`` stays cheap and
side-effect free; Celery's ``-A workers`` finds ``workers.app`` through :func:`__getattr__`.
"""
from celery import Celery

_celery_app: Celery | None = None


def get_celery_app() -> Celery:
    """Build ``create_app()`` and its Celery app once per process."""
    global _celery_app
    if _celery_app is None:
        from web import create_app
        from workers.celery_app import celery_init_app

        _celery_app = celery_init_app(create_app())
    return _celery_app


def __getattr__(name: str) -> Celery:
    if name in ("celery_app", "app", "celery"):
        return get_celery_app()
    raise AttributeError(f"module 'workers' has no attribute {name!r}")
