"""Jobbro's web application: the app factory."""
import os
from collections.abc import Mapping
from typing import Any

from flask import Flask


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    """Build the Flask app: configuration, extensions, blueprints, error pages, commands."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        instance_path=os.environ.get("JOBBRO_INSTANCE_PATH") or None,
    )
    configure(app, overrides)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_template_helpers(app)
    return app


def configure(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    from web.settings import default_settings, settings_from_environment

    app.config.from_mapping(default_settings(app.instance_path))
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env()
    app.config.from_mapping(settings_from_environment(app.config))
    if overrides:
        app.config.from_mapping(overrides)


def register_extensions(app: Flask) -> None:
    from web import i18n, sqlite
    from web.extensions import babel, csrf, db, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale, timezone_selector=i18n.select_timezone)
    sqlite.init_app(app)


def register_blueprints(app: Flask) -> None:
    from web import admin, auth, consultant, employer, partner, public, youth

    for package in (public, auth, youth, partner, employer, consultant, admin):
        app.register_blueprint(package.bp)


def register_errorhandlers(app: Flask) -> None:
    from web import errors

    app.register_blueprint(errors.bp)


def register_commands(app: Flask) -> None:
    from web import commands

    commands.init_app(app)


def register_template_helpers(app: Flask) -> None:
    from web import templating

    templating.init_app(app)
