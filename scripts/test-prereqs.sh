#!/usr/bin/env bash
# Makes sure what the test suite talks to is there: Debian's Chromium for the browser tests,
# PostgreSQL and Redis running. Safe to run again; changes nothing that is already in place.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  echo "test-prereqs: installing Debian's chromium (the browser tests drive it)"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
if ! pg_isready -q -d "$pg_url" 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "test-prereqs: starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
  for _ in $(seq 1 60); do pg_isready -q -d "$pg_url" 2>/dev/null && break; sleep 0.5; done
  pg_isready -q -d "$pg_url" || { echo "test-prereqs: PostgreSQL is not reachable at $pg_url" >&2; exit 1; }
fi

redis_url="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"
redis_port="$(echo "$redis_url" | sed -E 's#.*:([0-9]+)/?.*#\1#')"
if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  if command -v redis-server >/dev/null; then
    echo "test-prereqs: starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no >/dev/null
  fi
  for _ in $(seq 1 40); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.25; done
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 || { echo "test-prereqs: Redis is not reachable at $redis_url" >&2; exit 1; }
fi
