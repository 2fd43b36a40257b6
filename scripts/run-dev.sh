#!/usr/bin/env bash
# `make run`: the development server with a real Celery worker and beat beside it, so
# reminders, date-driven status changes and recomputes happen as in production, with no
# service to install. Without CELERY_BROKER_URL the broker is kombu's filesystem transport
# (var/celery/). Tasks log warnings and errors only; the demo accounts are printed last.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8000}
BIN=.venv/bin
export CELERY_BROKER_URL=${CELERY_BROKER_URL:-filesystem://localhost/}
export LOG_LEVEL=${LOG_LEVEL:-WARNING}
mkdir -p var
"$BIN/celery" -A coverage_portal --quiet worker --beat --pool=solo --concurrency=1 \
  --loglevel=WARNING --without-mingle --without-gossip \
  --schedule=var/celerybeat-schedule -n "make-run@%h" &
worker=$!
trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null || true' EXIT INT TERM
"$BIN/python" manage.py seed_demo --accounts --skip-checks
echo "Coverage Portal: http://127.0.0.1:$PORT  (a Celery worker and beat run beside it)"
"$BIN/python" manage.py runserver "127.0.0.1:$PORT" --skip-checks
