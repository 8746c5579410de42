"""The committed Alembic migrations build the models' schema on SQLite and PostgreSQL."""
import logging
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import upgrade
from sqlalchemy import inspect

from web import create_app
from web.extensions import db

from tests.conftest import create_postgres_database, drop_postgres_database

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


@pytest.fixture(autouse=True)
def keep_logging():
    """migrations/env.py runs logging.fileConfig, which disables every existing logger;
    put logging back so later tests still see their log records."""
    manager = logging.root.manager
    disabled = {name: logger.disabled for name, logger in manager.loggerDict.items()
                if isinstance(logger, logging.Logger)}
    handlers, level = logging.root.handlers[:], logging.root.level
    yield
    for name, logger in manager.loggerDict.items():
        if isinstance(logger, logging.Logger):
            logger.disabled = disabled.get(name, False)
    logging.root.handlers[:] = handlers
    logging.root.setLevel(level)


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'migrated.sqlite'}"


@pytest.fixture
def postgres_url(postgres_server_url):
    url = create_postgres_database(postgres_server_url, "jobbro_migrations")
    yield url
    drop_postgres_database(postgres_server_url, url)


@pytest.fixture(params=["sqlite", "postgresql"])
def migrated_app(request, tmp_path):
    """An app whose empty database has been brought to head by ``flask db upgrade``."""
    url = request.getfixturevalue(f"{'sqlite' if request.param == 'sqlite' else 'postgres'}_url")
    instance = tmp_path / "instance"
    instance.mkdir()
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url,
                      "MAIL_OUTBOX_DIR": str(instance / "outbox")})
    with app.app_context():
        upgrade(directory=str(MIGRATIONS))
    yield app
    with app.app_context():
        db.session.remove()
        for engine in db.engines.values():
            engine.dispose()


def test_upgrade_reaches_head(migrated_app):
    """Does ``flask db upgrade`` on an empty database end at the newest revision?"""
    heads = ScriptDirectory(str(MIGRATIONS)).get_heads()
    assert len(heads) == 1, f"the migrations have several heads: {heads}"
    with migrated_app.app_context(), db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    assert current == heads[0]


def test_upgrade_creates_every_model_table(migrated_app):
    """Does the migrated schema have a table for every model?"""
    with migrated_app.app_context():
        tables = set(inspect(db.engine).get_table_names())
    missing = set(db.metadata.tables) - tables
    assert not missing, f"models without a migration: {sorted(missing)}"


def test_migrations_match_the_models(migrated_app):
    """After upgrading, does autogenerate find nothing left to migrate (no drift)?"""
    with migrated_app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == [], "run `flask --app web db migrate` and review the script:\n" + (
        "\n".join(map(str, differences))
    )
