#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL and Redis started from the installed binaries.
# Each is started on a free port in a temporary directory and removed on exit. initdb refuses
# to run as root, so as root the cluster belongs to the `postgres` system user.
set -euo pipefail

work=$(mktemp -d /tmp/coverage-portal-services.XXXXXX)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() { command -v "$1" || echo "/usr/lib/postgresql/15/bin/$1"; }

PG_PORT=$(free_port)
REDIS_PORT=$(free_port)
PGDATA="$work/pgdata"
mkdir -p "$PGDATA" "$work/redis"
[ "$(id -u)" = 0 ] && chown postgres "$PGDATA" "$work"

cleanup() {
  as_pg "$(pg_bin pg_ctl)" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_pg "$(pg_bin initdb)" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; exit 1; }
as_pg "$(pg_bin pg_ctl)" -D "$PGDATA" -l "$work/postgres.log" -w \
  -o "-p $PG_PORT -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$work/postgres.log"; exit 1; }
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
  --dir "$work/redis" --daemonize yes --logfile "$work/redis/redis.log" >/dev/null
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/coverage_portal"
export CELERY_BROKER_URL="redis://127.0.0.1:$REDIS_PORT/0"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1"
echo "services: PostgreSQL on :$PG_PORT, Redis on :$REDIS_PORT"
"$@"
