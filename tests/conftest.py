"""Shared fixtures: a test database with the real regions, and users for every role.

The suite runs on the real PostgreSQL and Redis that `make test` starts. Celery tasks run
eagerly inside tests unless a test drives a real worker (tests/regions/test_tasks.py).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.db.utils import OperationalError
from django.test.utils import override_settings
from pytest_django.plugin import blocking_manager_key

from coverage_portal.celery import app as celery_app
from regions.demo import seed_offices
from regions.models import Office, Region, Role
from regions.services import user_scope_assign
from tests import trust_figures
from tests.regions.factories import UserFactory

PASSWORD = "a-strong-test-password"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock():
        call_command("load_regions", verbosity=0)
    yield
    # Sessions of threads and worker processes the tests started may outlive them; the test
    # database cannot be dropped while any is connected.
    with django_db_blocker.unblock():
        _disconnect_other_sessions()


def _disconnect_other_sessions() -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(autouse=True, scope="session")
def _cache_of_this_worker() -> Iterator[None]:
    """Each xdist worker keeps its cache in its own Redis database.

    Workers have their own test databases but would share one Redis cache: one worker's
    cached figures, throttle counters and `cache.clear()` would leak into another's tests.
    The environment is set too, so the gunicorn and Celery processes a test starts agree.
    A run's new test database numbers its rows from 1 again, so a page kept by an earlier
    run against the same Redis would match this run's keys: each run starts with it empty.
    """
    url = settings.CACHES["default"].get("LOCATION")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not url or not worker.startswith("gw"):
        cache.clear()
        yield
        return
    base, _, _db = str(url).rpartition("/")
    own = f"{base}/{1 + int(worker[2:]) % 15}"
    os.environ["REDIS_URL"] = own
    with override_settings(CACHES={"default": {**settings.CACHES["default"], "LOCATION": own}}):
        cache.clear()
        yield


@pytest.fixture(autouse=True, scope="session")
def _celery_eager_in_tests() -> Iterator[None]:
    celery_app.conf.task_always_eager = True
    yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Transactional tests end with a flush that empties every table, reference data too.

    This runs after every fixture's teardown (so after the flush) and restores the regions
    and the categories the migrations seed, leaving the database as the next test in this
    worker expects it.
    """
    result = yield
    if _flushes(item):
        with item.config.stash[blocking_manager_key].unblock():
            try:
                restore_reference_data()
            except OperationalError:
                # After the session's last test the test database is already dropped (under
                # xdist `nextitem` is None at every batch end, so it cannot tell us when).
                connections.close_all()
    return result


def _flushes(item: pytest.Item) -> bool:
    """A transactional test: asked for by fixture or by `django_db(transaction=True)`."""
    if {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())):
        return True
    return any(mark.kwargs.get("transaction") for mark in item.iter_markers("django_db"))


def restore_reference_data() -> None:
    call_command("load_regions", verbosity=0)
    seed = importlib.import_module("participants.migrations.0002_seed_categories").seed
    seed(django_apps, None)
    # A flush also empties the legal bases' reference list, which a migration writes.
    legal_bases = importlib.import_module("agreements.migrations.0002_legal_bases_reference_list")
    legal_bases.add(django_apps, None)
    # And the built-in validation rules, which every rule page and the rules engine expect.
    importlib.import_module("participants.migrations.0015_builtin_rules").add_builtins(
        django_apps, None
    )


@pytest.fixture
def regions_reloaded() -> None:
    """Documents that a transactional test relies on the reload above."""


def region(code: str) -> Region:
    return Region.objects.get(code=code)


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    def make(
        role: str,
        province: str | None = None,
        office: Office | None = None,
        username: str | None = None,
    ) -> Any:
        user = UserFactory(username=username) if username else UserFactory()
        user.set_password(PASSWORD)
        user.save()
        user_scope_assign(
            user=user,
            role=role,
            province=region(province) if province else None,
            office=office,
        )
        return user

    return make


@pytest.fixture
def national_admin(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.NATIONAL_ADMIN)


@pytest.fixture
def kalbar_officer(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.PROVINCIAL_OFFICER, province="61")


@pytest.fixture
def kalbar_approver(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.PROVINCIAL_APPROVER, province="61")


@pytest.fixture
def jatim_officer(make_user: Callable[..., Any]) -> Any:
    """The outsider for Kalimantan Barat data: same role, another province."""
    return make_user(Role.PROVINCIAL_OFFICER, province="35")


@pytest.fixture
def viewer(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.VIEWER)


@pytest.fixture
def english() -> Iterator[None]:
    """Service messages in English, so tests can match the msgids."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def offices(db: None) -> None:
    seed_offices()


@pytest.fixture
def kolaka_staff(offices: None, make_user: Callable[..., Any]) -> Any:
    """Branch staff of Kantor Cabang Kolaka: 74.01 Kolaka, 74.08 Kolaka Utara, 74.11 Kolaka
    Timur (and, for what concerns the whole province, Sulawesi Tenggara)."""
    return make_user(Role.BRANCH_STAFF, office=Office.objects.get(code="cabang-kolaka"))


@pytest.fixture
def outsider(db: None) -> Any:
    """Logged in, even let into the admin, but with no role and no scope at all."""
    user = UserFactory()
    user.is_staff = True
    user.save()
    return user


# --- The trust figures (tests/trust_figures.py): measured by the tests, printed at the end.


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: hand the counts to the controller
        workeroutput["trust_figures"] = dict(trust_figures.FIGURES)


@pytest.hookimpl(optionalhook=True)  # an xdist hook; unknown when xdist is not running
def pytest_testnodedown(node: Any, error: Any) -> None:
    trust_figures.merge(getattr(node, "workeroutput", {}).get("trust_figures"))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if any(trust_figures.FIGURES.values()):
        terminalreporter.write_line(trust_figures.summary())
