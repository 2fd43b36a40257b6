"""The portal served as production serves it: gunicorn, DEBUG=False, the manifest static
files through whitenoise, PostgreSQL, Redis and a Celery worker, over real HTTP."""

from __future__ import annotations

import re

import pytest
import requests
from django.db import connection

from participants.models import Category
from participants.selectors import add_months, current_period, format_period
from regions.models import Region, Role
from tests.conftest import PASSWORD, restore_reference_data
from tests.participants.coverage.factories import put_workforce
from tests.production import SERVER_APPLICATION_NAME, gunicorn, production_env
from tests.worker import free_port, wait_for

pytestmark = [pytest.mark.serving, pytest.mark.xdist_group("serving")]
PERIOD = add_months(current_period(), -1)
STATIC_URL = re.compile(r"""["'](/static/[^"'?#]+)""")
HASHED = re.compile(r"\.[0-9a-f]{12}\.\w+$")


@pytest.fixture
def officer(make_user):
    # The reference data again: a transactional test before this one in the same worker
    # ends with a flush, and its restore is skipped when its connection was lost.
    restore_reference_data()
    put_workforce("61", PERIOD.year, 100_000)
    return make_user(Role.PROVINCIAL_OFFICER, province="61")


def hidden(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no {name} on the page"
    return match.group(1)


def log_in(http: requests.Session, url: str, username: str) -> None:
    page = http.get(f"{url}/accounts/login/")
    form = {
        "csrfmiddlewaretoken": hidden(page.text, "csrfmiddlewaretoken"),
        "username": username,
        "password": PASSWORD,
    }
    answer = http.post(f"{url}/accounts/login/", data=form, allow_redirects=False)
    assert answer.status_code == 302, answer.text[:500]


def save_grid_month(http: requests.Session, url: str, values: dict[str, int]) -> requests.Response:
    """POST the grid as its plain form does: version and CSRF token from the page first."""
    grid = f"{url}/laporan/61/{format_period(PERIOD)}/"
    page = http.get(grid)
    pu = Category.objects.get(code="PU").pk
    form = {
        "csrfmiddlewaretoken": hidden(page.text, "csrfmiddlewaretoken"),
        "version": hidden(page.text, "version"),
    }
    for code, value in values.items():
        form[f"v-{Region.objects.get(code=code).pk}-{pu}"] = str(value)
    return http.post(grid, data=form)


def coverage_page(http: requests.Session, url: str) -> str:
    return http.get(f"{url}/cakupan/61/", params={"period": format_period(PERIOD)}).text


def test_officer_logs_in_saves_a_month_and_sees_coverage_follow(portal, officer):
    http = requests.Session()
    log_in(http, portal.url, officer.username)
    dashboard = http.get(f"{portal.url}/dasbor/")
    assert dashboard.status_code == 200
    assert dashboard.headers["X-Request-ID"]
    assert_static_files_served_hashed_compressed_and_cached(http, portal.url, dashboard.text)
    assert "34.550" not in coverage_page(http, portal.url)

    saved = save_grid_month(http, portal.url, {"61.71": 30_000, "61.12": 4_550})

    assert saved.status_code == 200 and saved.history[0].status_code == 302
    assert re.search(r'<li class="success">[^<]* 2 [^<]*</li>', saved.text)
    assert wait_for(lambda: "34.550" in coverage_page(http, portal.url), 60), "".join(
        portal.worker.lines
    )[-3000:]
    assert "34,55%" in coverage_page(http, portal.url)
    engine = http.get(f"{portal.url}/healthz").json()["coverage_engine"]
    assert engine["stale_buckets"] == 0 and engine["last_recompute_seconds"] < 60


def assert_static_files_served_hashed_compressed_and_cached(
    http: requests.Session, url: str, html: str
) -> None:
    paths = set(STATIC_URL.findall(html))
    assert any("chart.umd" in p for p in paths) and any("leaflet" in p for p in paths)
    for path in paths:
        answer = http.get(f"{url}{path}", headers={"Accept-Encoding": "gzip"})
        assert answer.status_code == 200, path
        assert HASHED.search(path), f"{path} is not a hashed name"
        assert answer.headers["Cache-Control"] == "max-age=315360000, public, immutable", path
        if path.endswith((".js", ".css")):
            assert answer.headers["Content-Encoding"] == "gzip", path


def test_connections_killed_by_a_database_restart_are_replaced_unnoticed(portal, officer):
    http = requests.Session()
    log_in(http, portal.url, officer.username)
    for _ in range(6):  # every gunicorn thread now keeps a connection (CONN_MAX_AGE)
        assert http.get(f"{portal.url}/dasbor/").status_code == 200
    assert terminate_server_connections() > 0
    answers = [http.get(f"{portal.url}/dasbor/").status_code for _ in range(12)]
    assert answers == [200] * 12


def terminate_server_connections() -> int:
    """What a PostgreSQL restart does to every kept connection (only the servers' here)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name = %s",
            [SERVER_APPLICATION_NAME],
        )
        return cursor.fetchone()[0]


def test_database_down_gives_the_friendly_503_page_without_a_trace(
    collected_static, tmp_path, transactional_db
):
    env = production_env(
        database_url=f"postgres://postgres@127.0.0.1:{free_port()}/nothing",
        broker_url="redis://127.0.0.1:1/0",
        redis_url="",
        static_root=collected_static,
    )
    with gunicorn(env, free_port(), tmp_path / "gunicorn.log") as server:
        http = requests.Session()
        page = http.get(f"{server.url}/accounts/login/")
        form = {"csrfmiddlewaretoken": hidden(page.text, "csrfmiddlewaretoken")}
        login = {**form, "username": "petugas.kalbar", "password": PASSWORD}
        answer = http.post(f"{server.url}/accounts/login/", data=login)
    assert answer.status_code == 503
    assert answer.headers["Retry-After"] == "30"
    assert "Layanan sedang tidak tersedia" in answer.text
    assert "Traceback" not in answer.text and "OperationalError" not in answer.text
