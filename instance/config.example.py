# Jobbro's local settings: copy to instance/config.py (git-ignored) and change what you need.
#
# Where settings come from, later ones winning (web/__init__.py, web/settings.py):
#   1. the defaults in web/settings.py (SQLite in instance/, Celery tasks run in-process);
#   2. this file, instance/config.py (JOBBRO_INSTANCE_PATH moves the instance folder, as the
#      Docker image does: /var/lib/jobbro);
#   3. FLASK_* environment variables, e.g. FLASK_SECRET_KEY or FLASK_MAIL_SERVER (values are
#      parsed as JSON when they can be: FLASK_MAIL_PORT=587, FLASK_MAIL_USE_TLS=true);
#   4. DATABASE_URL and REDIS_URL in the environment (the names docker-compose uses);
#   5. the overrides given to create_app() (tests).
# Every setting below is optional; the commented values are the defaults.

# --- Security -------------------------------------------------------------------------------
# Signs sessions and CSRF tokens. The default is only for the local demo: set a long random
# value in production, e.g. python -c "import secrets; print(secrets.token_urlsafe(48))".
# SECRET_KEY = "dev-not-secret"

# Cookies are HttpOnly and SameSite=Lax already; behind HTTPS also send them only over TLS:
# SESSION_COOKIE_SECURE = True
# REMEMBER_COOKIE_SECURE = True

# --- Database -------------------------------------------------------------------------------
# SQLite in the instance folder by default. For PostgreSQL prefer DATABASE_URL in the
# environment (postgresql://user:password@host:5432/jobbro is turned into psycopg 3's
# postgresql+psycopg://); here the SQLAlchemy URL is given as is:
# SQLALCHEMY_DATABASE_URI = "postgresql+psycopg://jobbro:secret@127.0.0.1:5432/jobbro"

# --- Background work (Celery) ---------------------------------------------------------------
# Without Redis, match runs and e-mails run in-process (eager). With a Redis URL here or in
# REDIS_URL, Redis becomes Celery's broker and result backend and tasks need a worker
# (celery -A workers worker) and one beat (celery -A workers beat) for the weekly match.
# REDIS_URL = "redis://127.0.0.1:6379/0"
# CELERY_QUEUE = "jobbro"                # the queue tasks are sent to and workers read
# CELERY_VISIBILITY_TIMEOUT = 3600       # seconds before Redis hands an unacknowledged task on
# MATCH_WEEKLY_CRON = "0 6 * * mon"      # the weekly match: minute hour day month weekday
# MATCH_SOFT_TIME_LIMIT = 900            # seconds a match run may take before it is stopped
# MATCH_TIME_LIMIT = 1000                # hard limit; must stay below CELERY_VISIBILITY_TIMEOUT
# MATCH_STALE_SECONDS = 1100             # a run without a heartbeat this long lost its worker
# MATCH_MAX_ATTEMPTS = 3                 # tries before a match run is marked failed
# SWEEP_INTERVAL_SECONDS = 300           # beat: expire offers, fail stale runs, resend mail

# --- E-mail ---------------------------------------------------------------------------------
# Without MAIL_SERVER, messages are written as .eml files to MAIL_OUTBOX_DIR
# (instance/outbox) so the demo sends nothing.
# MAIL_SERVER = "smtp.example.dk"
# MAIL_PORT = 25
# MAIL_USE_TLS = False
# MAIL_USERNAME = None
# MAIL_PASSWORD = None
# MAIL_SENDER = "Jobbro <noreply@jobbro.kk.dk>"
# MAIL_MAX_ATTEMPTS = 5
# MAIL_OUTBOX_DIR = "/var/lib/jobbro/outbox"

# --- Links and invitations ------------------------------------------------------------------
# The address people reach the site at, used in links in e-mails and invitations.
# PUBLIC_BASE_URL = "http://127.0.0.1:5000"
# Days a partner's invitation link stays valid.
# INVITATION_DAYS = 14

# --- Language and time ----------------------------------------------------------------------
# Danish is the source language; English is the second. Dates and times are Copenhagen's.
# BABEL_DEFAULT_LOCALE = "da"
# BABEL_DEFAULT_TIMEZONE = "Europe/Copenhagen"
# LANGUAGES = ["da", "en"]
