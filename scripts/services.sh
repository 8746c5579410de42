#!/usr/bin/env bash
# Make PostgreSQL and Redis reachable for the tests and print the environment to use them.
#
#   eval "$(scripts/services.sh)"      start or reuse, print exports
#   scripts/services.sh stop           stop the throwaway servers it started
#
# Uses the servers already listening on 127.0.0.1 (5432 and 6379) when there are any;
# otherwise installs Debian's packages if they are missing and starts throwaway servers of
# its own under .services/ on other ports. All messages go to stderr; stdout is the exports.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/.services"
say() { echo "services: $*" >&2; }

if [ "${1:-}" = "stop" ]; then
  if [ -f "$state/postgres/postmaster.pid" ]; then
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [ "$(id -u)" -eq 0 ]; then owner="runuser -u postgres --"; else owner=""; fi
    $owner "$bin/pg_ctl" -D "$state/postgres" -m fast stop >&2 || true
  fi
  redis-cli -h 127.0.0.1 -p 56379 shutdown nosave >/dev/null 2>&1 || true
  say "stopped the throwaway servers"
  exit 0
fi

need_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
  fi
}

# The ports of servers that may already run; overridable to exercise the throwaway path.
existing_pg_port=${JOBBRO_EXISTING_PG_PORT:-5432}
existing_redis_port=${JOBBRO_EXISTING_REDIS_PORT:-6379}

postgres_url=""
if pg_isready -q -h 127.0.0.1 -p "$existing_pg_port" 2>/dev/null \
   && psql -h 127.0.0.1 -p "$existing_pg_port" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  postgres_url="postgresql://postgres@127.0.0.1:$existing_pg_port/postgres"
  say "using PostgreSQL at 127.0.0.1:$existing_pg_port"
else
  need_packages postgresql
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=55432
  data="$state/postgres"
  if ! "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    rm -rf "$data" && mkdir -p "$data"
    owner=""
    if [ "$(id -u)" -eq 0 ]; then
      # initdb refuses to run as root: the throwaway cluster belongs to the postgres user.
      id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
      chown -R postgres "$state" "$data"
      owner="runuser -u postgres --"
    fi
    $owner "$bin/initdb" -D "$data" -U postgres --auth=trust >/dev/null
    $owner "$bin/pg_ctl" -D "$data" -l "$data/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data" start >/dev/null
  fi
  postgres_url="postgresql://postgres@127.0.0.1:$port/postgres"
  say "started a throwaway PostgreSQL on port $port"
fi

redis_url=""
if redis-cli -h 127.0.0.1 -p "$existing_redis_port" ping 2>/dev/null | grep -q PONG; then
  redis_url="redis://127.0.0.1:$existing_redis_port"
  say "using Redis at 127.0.0.1:$existing_redis_port"
else
  need_packages redis-server
  port=56379
  mkdir -p "$state/redis"
  if ! redis-cli -h 127.0.0.1 -p $port ping 2>/dev/null | grep -q PONG; then
    redis-server --daemonize yes --bind 127.0.0.1 --port $port --save "" --appendonly no \
      --dir "$state/redis" --logfile "$state/redis/log" >&2
    for _ in $(seq 50); do
      redis-cli -h 127.0.0.1 -p $port ping 2>/dev/null | grep -q PONG && break
      sleep 0.1
    done
  fi
  redis_url="redis://127.0.0.1:$port"
  say "started a throwaway Redis on port $port"
fi

echo "export TEST_DATABASE_URL=$postgres_url"
echo "export TEST_REDIS_URL=$redis_url"
