"""Benchmark: an officer saves a full Jawa Timur month (38 regencies × 5 categories = 190 cells).

`counts_write` alternates with hand SQL doing the same writes (bench/hand_save.py; the ratio
and target printed by bench/limits.py), then the median and p95 server time and the number of
queries of the service alone and of the whole grid POST (form parsing, service, re-render).
Targets: ≤ 2 × the hand SQL and ≤ 300 ms, constant queries.
Creates its own throwaway database and drops it afterwards:

    scripts/with-services.sh .venv/bin/python bench/bench_save_month.py

BENCH_SQL=1 also lists the queries of one grid POST; BENCH_VIEW=0 leaves the view out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench import hand_save  # noqa: E402
from bench.limits import compare  # noqa: E402

RUNS = 30
FORM = "application/x-www-form-urlencoded"
PERIOD = dt.date(2023, 12, 1)


def measure(label: str, save: Callable[[int], Any]) -> None:
    times, queries = [], []
    for run in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            save(run)
            times.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"{label}: median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, "
        f"queries {min(queries)}–{max(queries)} ({RUNS} saves of 190 cells)"
    )


def main() -> None:
    from participants.kernel.periods import add_months
    from participants.services import counts_write
    from regions.models import Role
    from regions.services import user_scope_assign
    from tests.participants.conftest import full_month
    from tests.regions.factories import UserFactory

    call_command("load_regions", verbosity=0)
    officer = UserFactory(username="bench-officer")
    user_scope_assign(user=officer, role=Role.PROVINCIAL_OFFICER, province=_region("35"))
    for back in range(12, 0, -1):  # a year of history feeds the median-based warnings
        cells = full_month("35", add_months(PERIOD, -back), base=1000 - back * 5)
        counts_write(actor=None, cells=cells, source="demo")
    months = [full_month("35", PERIOD, base=1000 + run % 2 * 10) for run in range(2)]
    counts_write(actor=officer, cells=months[1], source="web")
    # every save, the project's or the hand one, changes all cells
    province, calls = _region("35").pk, itertools.count()
    compare(
        "save a Jawa Timur month (190 cells), counts_write",
        project=lambda: counts_write(actor=officer, cells=months[next(calls) % 2], source="web"),
        limit=lambda: hand_save.save(months[next(calls) % 2], province, officer.pk),
        limit_name="hand SQL of the same writes",
        target=2.0,
        budget=0.3,
        rounds=RUNS,
    )
    measure(
        "counts_write (service)",
        lambda run: counts_write(actor=officer, cells=months[run % 2], source="web"),
    )
    if os.environ.get("BENCH_VIEW", "1") == "1":
        measure_view(officer)


def measure_view(officer: Any) -> None:
    from django.test import Client

    from participants.models import MonthlyReport
    from tests.participants.conftest import grid_post_data

    client = Client()
    client.force_login(officer)
    url = f"/laporan/35/{PERIOD:%Y-%m}/"

    # Each save raises the version by one: read once, so only the POST is timed and counted.
    seen = [MonthlyReport.objects.get(province__code="35", period=PERIOD).version]
    forms = [grid_post_data("35", PERIOD, 2000 + parity * 10, 0) for parity in range(2)]

    def save(run: int) -> None:
        data = forms[run % 2] | {"version": str(seen[0])}
        # urlencoded, as htmx and the load test's browsers send it (not the test client's
        # default multipart, whose parsing alone cost ~7 ms a POST)
        response = client.post(url, urlencode(data), content_type=FORM, HTTP_HX_REQUEST="true")
        assert b'data-testid="saved"' in response.content, response.content[:2000]
        seen[0] += 1

    measure("grid POST (view, htmx)", save)
    if os.environ.get("BENCH_SQL") == "1":  # what one grid POST asks the database, in order
        with CaptureQueriesContext(connection) as captured:
            save(RUNS)
        for number, query in enumerate(captured.captured_queries, 1):
            print(f"{number:3} {query['time']}s {query['sql'][:300]}")


def _region(code: str) -> Any:
    from regions.models import Region

    return Region.objects.get(code=code)


if __name__ == "__main__":
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host, an in-memory mail box
    creation = connection.creation
    name = creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        main()
    finally:
        creation.destroy_test_db(name, verbosity=0)
