"""The app factory's configuration: defaults, the environment, instance config, overrides."""
import pytest

from web import create_app
from web.settings import normalise_database_url


@pytest.fixture
def instance(tmp_path, monkeypatch):
    """A clean environment whose instance folder is an empty temporary directory."""
    for name in ("DATABASE_URL", "REDIS_URL", "FLASK_SECRET_KEY", "FLASK_SQLALCHEMY_DATABASE_URI",
                 "FLASK_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "instance"
    folder.mkdir()
    monkeypatch.setenv("JOBBRO_INSTANCE_PATH", str(folder))
    return folder


def test_defaults_use_sqlite_in_the_instance_folder(instance):
    """With no configuration, is the database a SQLite file in instance/ and Celery eager?"""
    app = create_app()
    assert app.instance_path == str(instance)
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance / 'app.sqlite'}"
    assert app.config["CELERY"]["task_always_eager"] is True
    assert app.config["REDIS_URL"] is None
    assert app.config["BABEL_DEFAULT_LOCALE"] == "da"
    assert app.config["BABEL_DEFAULT_TIMEZONE"] == "Europe/Copenhagen"


def test_session_cookies_are_httponly_and_samesite(instance):
    """Are the session and remember-me cookies HttpOnly and SameSite=Lax by default?"""
    config = create_app().config
    assert config["SESSION_COOKIE_HTTPONLY"] and config["REMEMBER_COOKIE_HTTPONLY"]
    assert config["SESSION_COOKIE_SAMESITE"] == config["REMEMBER_COOKIE_SAMESITE"] == "Lax"


def test_create_app_creates_no_database(instance):
    """Does building the app leave the instance folder empty (schema comes from migrations)?"""
    create_app()
    assert list(instance.iterdir()) == []


def test_create_app_does_not_connect_to_the_database(instance, monkeypatch):
    """Does the factory succeed with a PostgreSQL URL that nothing listens on?"""
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:9/nothing")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")


def test_database_url_switches_to_postgresql_with_psycopg(instance, monkeypatch):
    """Does DATABASE_URL (as docker-compose sets it) select PostgreSQL through psycopg 3?"""
    monkeypatch.setenv("DATABASE_URL", "postgres://jobbro:secret@postgres:5432/jobbro")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == (
        "postgresql+psycopg://jobbro:secret@postgres:5432/jobbro"
    )


def test_redis_url_makes_redis_the_celery_broker(instance, monkeypatch):
    """Does REDIS_URL turn off eager tasks and make Redis the broker and result backend?"""
    monkeypatch.setenv("REDIS_URL", "redis://redis:6379/0")
    config = create_app().config
    assert config["REDIS_URL"] == "redis://redis:6379/0"
    assert config["CELERY"]["broker_url"] == "redis://redis:6379/0"
    assert config["CELERY"]["result_backend"] == "redis://redis:6379/0"
    assert config["CELERY"]["task_always_eager"] is False


def test_instance_config_file_is_read(instance):
    """Are settings in instance/config.py used, including REDIS_URL for Celery?"""
    (instance / "config.py").write_text(
        'SECRET_KEY = "from-instance"\nREDIS_URL = "redis://127.0.0.1:6379/3"\n'
    )
    config = create_app().config
    assert config["SECRET_KEY"] == "from-instance"
    assert config["CELERY"]["broker_url"] == "redis://127.0.0.1:6379/3"


def test_flask_prefixed_environment_beats_instance_config(instance, monkeypatch):
    """Does FLASK_SECRET_KEY in the environment win over instance/config.py?"""
    (instance / "config.py").write_text('SECRET_KEY = "from-instance"\n')
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-environment")
    assert create_app().config["SECRET_KEY"] == "from-environment"


def test_overrides_win_over_environment(instance, monkeypatch):
    """Do the factory's overrides beat DATABASE_URL and FLASK_* variables?"""
    monkeypatch.setenv("DATABASE_URL", "postgresql://jobbro@postgres/jobbro")
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-environment")
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "override"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite://"
    assert app.config["SECRET_KEY"] == "override"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////var/lib/jobbro/app.sqlite", "sqlite:////var/lib/jobbro/app.sqlite"),
    ],
)
def test_database_urls_are_normalised_to_psycopg(given, expected):
    """Are postgres:// and postgresql:// URLs pointed at psycopg 3, and others left alone?"""
    assert normalise_database_url(given) == expected


def test_config_example_documents_only_real_settings(tmp_path):
    """Does every setting named in instance/config.example.py exist in the defaults (or
    Flask's), and does a copy of the file load without changing them?"""
    import re
    from pathlib import Path

    from flask import Flask

    from web.settings import default_settings

    example = Path(__file__).resolve().parents[2] / "instance" / "config.example.py"
    text = example.read_text(encoding="utf-8")
    named = set(re.findall(r"^# ([A-Z][A-Z_]+) = ", text, flags=re.MULTILINE))
    known = set(default_settings(str(tmp_path))) | set(Flask.default_config)
    known.add("REMEMBER_COOKIE_SECURE")  # Flask-Login's
    assert named and named <= known, sorted(named - known)
    (tmp_path / "config.py").write_text(text, encoding="utf-8")
    app = Flask(__name__, instance_path=str(tmp_path), instance_relative_config=True)
    assert app.config.from_pyfile("config.py")
