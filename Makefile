# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: run test messages lint typecheck pytest system-packages migrate demo bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

migrate: $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_regions

demo: migrate
	$(BIN)/python manage.py seed_demo

run: demo
	@echo "Coverage Portal: http://127.0.0.1:8000  (log in with a demo account above)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

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

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts
