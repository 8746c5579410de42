# One image for every Jobbro process: web (gunicorn), migrate, worker and beat (celery).
#   docker build -t jobbro .      (docker-compose.yml builds and runs it)

# --- build: compile the translations and make a wheel -------------------------------------
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY . .
RUN pip install "babel>=2.12" \
 && pybabel compile -f -d web/translations \
 && pip wheel --no-deps --wheel-dir /wheels .

# --- run -------------------------------------------------------------------------------------
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    FLASK_APP=web \
    JOBBRO_INSTANCE_PATH=/var/lib/jobbro

COPY --from=build /wheels /wheels
RUN pip install /wheels/*.whl && rm -rf /wheels

# The app runs as an unprivileged user; its only writable place is the instance folder
# (instance/config.py if you mount one, the mail outbox, celery beat's schedule file).
RUN useradd --system --uid 10001 --home-dir /var/lib/jobbro --shell /usr/sbin/nologin jobbro \
 && mkdir -p /var/lib/jobbro \
 && chown jobbro:jobbro /var/lib/jobbro
VOLUME /var/lib/jobbro

# `flask db upgrade` looks for ./migrations.
WORKDIR /app
COPY migrations ./migrations

USER jobbro
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "web:create_app()"]
