# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: run test messages lint typecheck pytest system-packages migrate demo bench load faults clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# load_regions (and make run's seed_demo) skip the system checks migrate has just run.
migrate: $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_regions --skip-checks

demo: migrate
	$(BIN)/python manage.py seed_demo

# The demo is seeded with tasks run in-process (logging warnings only); then
# scripts/run-dev.sh starts a Celery worker and beat on a filesystem broker beside the
# server and prints the demo accounts last. `make run PORT=8001` serves on another port.
PORT ?= 8000
run: $(STAMP)
	@LOG_LEVEL=WARNING $(MAKE) --no-print-directory migrate
	@LOG_LEVEL=WARNING $(BIN)/python manage.py seed_demo --no-accounts --skip-checks
	@PORT=$(PORT) scripts/run-dev.sh

# redis-server and chromium come from Debian when missing (apt-get works as root here).
system-packages:
	@missing=""; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# Refresh one app's Indonesian catalog after adding strings (APP=participants, APP=templates
# for the shared templates/), then fill it with scripts/po_fill.py.
APP ?= templates
messages: $(STAMP)
	cd $(APP) && DJANGO_SETTINGS_MODULE=coverage_portal.settings PYTHONPATH=$(CURDIR) \
	  $(CURDIR)/$(BIN)/django-admin makemessages -l id -v0

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy .

pytest: $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

test: $(STAMP) system-packages lint typecheck
	scripts/with-services.sh $(MAKE) --no-print-directory pytest

bench: $(STAMP)
	scripts/with-services.sh sh -c 'for b in bench/recompute.py bench/bench_*.py; do $(BIN)/python $$b || exit 1; done'

# Month-end load (locust: 38 officers saving, 200 viewers, 2 minutes) and then the faults
# under load (PostgreSQL restart, Redis outage, worker SIGKILL, two workers), each on its own
# throwaway PostgreSQL and Redis on 127.0.0.1. Prints figures; exits 1 if a target is missed.
LOAD_ARGS ?=
load: $(STAMP) system-packages
	@status=0; \
	scripts/with-services.sh $(BIN)/python bench/load.py $(LOAD_ARGS) || status=1; \
	scripts/with-services.sh $(BIN)/python bench/faults.py || status=1; \
	exit $$status

faults: $(STAMP) system-packages
	scripts/with-services.sh $(BIN)/python bench/faults.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts var
