"""Integration fixtures: PostgreSQL always, the real Redis, real Celery worker processes and a
real SMTP server. Unreachable servers fail the run in CI (``service_missing``)."""
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import create_postgres_database, drop_postgres_database, service_missing

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")

# Short broker timeouts so a killed worker's task comes back within seconds, with the task
# time limits below them as in production.
WORKER_SETTINGS = {
    "CELERY_VISIBILITY_TIMEOUT": 8,
    "CELERY_TRANSPORT_OPTIONS": {"unacked_restore_interval": 1, "unacked_restore_throttle": 1},
    "MATCH_SOFT_TIME_LIMIT": 6,
    "MATCH_TIME_LIMIT": 7,
    "MATCH_STALE_SECONDS": 30,
}


@pytest.fixture(scope="session")
def database_url(request):
    """Integration tests always run on PostgreSQL (a fresh database for the session)."""
    server_url = request.getfixturevalue("postgres_server_url")
    url = create_postgres_database(server_url, "jobbro_integration")
    yield url
    drop_postgres_database(server_url, url)


@pytest.fixture(scope="session")
def redis_url():
    """The test Redis, on a database number of this session's own."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        service_missing("Redis (TEST_REDIS_URL unset)")
    import redis

    number = 1 + os.getpid() % 15
    url = f"{url.rstrip('/')}/{number}"
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.RedisError as error:
        service_missing(f"Redis at {url} ({error.__class__.__name__})")
    finally:
        client.close()
    return url


@pytest.fixture(scope="session")
def queue_name():
    return f"jobbro-test-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def broker_overrides(redis_url, queue_name, smtp_server):
    """App settings that send tasks to the real broker and mail to the real SMTP server."""
    return {
        "CELERY": {"broker_url": redis_url, "result_backend": redis_url, "task_always_eager": False},
        "CELERY_QUEUE": queue_name,
        "MAIL_SERVER": smtp_server.hostname,
        "MAIL_PORT": smtp_server.port,
        **WORKER_SETTINGS,
    }


@pytest.fixture
def app_overrides(broker_overrides):
    return broker_overrides


class Worker:
    """A ``celery -A workers worker`` process with its own log file."""

    def __init__(self, env: dict, log: Path, queue: str):
        self.log_path = log
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            [str(CELERY), "-A", "workers", "worker", "--pool=solo", "-Q", queue,
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-n", f"test-{uuid.uuid4().hex[:8]}@%h"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_ready(self, timeout: float = 60) -> "Worker":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("worker exited:\n" + self.text()[-4000:])
            if " ready." in self.text():
                return self
            time.sleep(0.2)
        raise AssertionError("worker not ready:\n" + self.text()[-4000:])

    def count(self, needle: str) -> int:
        return self.text().count(needle)

    def kill(self) -> None:
        """SIGKILL, the whole process group: no chance to ack, requeue or clean up."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


@pytest.fixture
def start_worker(database_url, redis_url, queue_name, smtp_server, tmp_path):
    """Start real worker processes on this session's database, broker queue and SMTP server;
    ``start_worker(MATCH_STEP_SLEEP_SECONDS=1)`` adds settings (as FLASK_* variables)."""
    import json

    workers = []

    def start(**settings) -> Worker:
        env = {key: value for key, value in os.environ.items() if not key.startswith("FLASK_")}
        env.update(
            {
                "PYTHONPATH": str(ROOT),
                "DATABASE_URL": database_url,
                "REDIS_URL": redis_url,
                "JOBBRO_INSTANCE_PATH": str(tmp_path / "worker-instance"),
                "FLASK_SECRET_KEY": "test",
                "FLASK_CELERY_QUEUE": queue_name,
                "FLASK_MAIL_SERVER": smtp_server.hostname,
                "FLASK_MAIL_PORT": str(smtp_server.port),
            }
        )
        for key, value in {**WORKER_SETTINGS, **settings}.items():
            env[f"FLASK_{key}"] = json.dumps(value)
        worker = Worker(env, tmp_path / "worker.log", queue_name)
        workers.append(worker)
        return worker.wait_ready()

    yield start
    for worker in workers:
        worker.stop()


def wait_for(predicate, timeout: float = 30, interval: float = 0.2, message: str = ""):
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message or predicate}")
