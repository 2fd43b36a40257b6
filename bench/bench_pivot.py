"""Benchmark: the pivot over a national year, beside plain SQL doing the same aggregation.

Fills a throwaway database's coverage table with a year (12 months × Indonesia, 38 provinces,
514 regencies × all categories and the total, ~46.000 rows, as the engine would), then times
the pivot (choice parsed, scoped read, cells and totals) and its whole page (the view, as a
national viewer), against a hand-written SQL query returning the same numbers. Target: the
page ≤ 300 ms. Prints one line per comparison with both medians and their ratio:

    scripts/with-services.sh .venv/bin/python bench/bench_pivot.py
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

YEAR = 2023
ROUNDS = 15
BUDGET = 0.300

try:  # the shared harness, where it has landed
    from bench.limits import compare
except ImportError:

    def compare(  # type: ignore[misc]
        name: str,
        *,
        project: Callable[[], Any],
        limit: Callable[[], Any],
        target: float,
        limit_name: str = "hand-written",
        rounds: int = 5,
        budget: float | None = None,
        **_: Any,
    ) -> None:
        """Alternate the two, print both medians and the ratio (bench/limits.py's line)."""
        mine: list[float] = []
        theirs: list[float] = []
        for index in range(rounds):
            pair = [(project, mine), (limit, theirs)]
            for call, times in pair if index % 2 == 0 else reversed(pair):
                started = time.perf_counter()
                call()
                times.append(time.perf_counter() - started)
        ours, limit_s = statistics.median(mine), statistics.median(theirs)
        ratio = ours / limit_s if limit_s else float("inf")
        met = ratio <= target and (budget is None or ours <= budget)
        print(
            f"≈ {name}: {ours * 1000:.1f} ms | limit {limit_s * 1000:.1f} ms ({limit_name}) | "
            f"ratio {ratio:.2f} (target ≤ {target:g}"
            + (f", ≤ {budget * 1000:.0f} ms" if budget else "")
            + f") {'met' if met else 'MISSED'}; median of {rounds} rounds, "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def fill() -> None:
    from django.utils import timezone

    from participants.models import Category, CoverageRow
    from regions.models import Region

    now = timezone.now()
    categories = [None, *Category.objects.all()]
    regions = list(Region.objects.all().only("pk", "level", "code"))
    rows = []
    for month in range(1, 13):
        period = dt.date(YEAR, month, 1)
        for region in regions:
            for index, category in enumerate(categories):
                participants = 1000 + region.pk * 7 + month * 3 + index
                rows.append(
                    CoverageRow(
                        region=region,
                        level=region.level,
                        period=period,
                        category=category,
                        participants=participants,
                        coverage_percent=participants / 100,
                        regencies_reported=1,
                        regencies_expected=1,
                        computed_at=now,
                    )
                )
    CoverageRow.objects.bulk_create(rows, batch_size=5000)
    print(f"coverage table: {len(rows):,} rows".replace(",", "."))


PLAIN_SQL = """
SELECT c.region_id, c.category_id, c.participants
FROM {table} c JOIN regions_region r ON r.id = c.region_id
WHERE c.period = %s AND r.level IN ('province', 'national')
"""


def plain_sql() -> list[tuple]:
    with connection.cursor() as cursor:
        from participants.models import CoverageRow

        cursor.execute(PLAIN_SQL.format(table=CoverageRow._meta.db_table), [dt.date(YEAR, 12, 1)])
        return cursor.fetchall()


def main() -> None:
    from django.test import Client

    from coverage_portal.analysis.pivot.page import pivot_for
    from regions.models import Role
    from regions.services import user_scope_assign
    from tests.regions.factories import UserFactory

    call_command("load_regions", verbosity=0)
    fill()
    viewer = UserFactory(username="bench-viewer")
    user_scope_assign(user=viewer, role=Role.VIEWER)
    params = {"tahun": str(YEAR), "baris": "wilayah", "kolom": "kategori"}
    pivot = pivot_for(viewer, params)
    assert pivot is not None and len(pivot.rows) >= 38, "a national year × provinces"
    compare(
        "pivot, national year × provinces × categories (build)",
        project=lambda: pivot_for(viewer, params),
        limit=plain_sql,
        target=20,
        limit_name="plain SQL of the same cells",
        rounds=ROUNDS,
    )
    client = Client()
    client.force_login(viewer)

    def page() -> None:
        response = client.get("/analisis/pivot/", params)
        assert response.status_code == 200, response.status_code

    compare(
        "pivot page, national year × provinces × categories (view)",
        project=page,
        limit=plain_sql,
        target=60,
        limit_name="plain SQL of the same cells",
        rounds=ROUNDS,
        budget=BUDGET,
    )


if __name__ == "__main__":
    from django.test.utils import setup_test_environment

    setup_test_environment()
    creation = connection.creation
    name = creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        main()
    finally:
        creation.destroy_test_db(name, verbosity=0)
