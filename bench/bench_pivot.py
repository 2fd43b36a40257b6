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
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.limits import compare  # noqa: E402

YEAR = 2023
ROUNDS = 15
BUDGET = 0.300


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


WIDER_SQL = """
SELECT c.region_id, c.period, c.category_id, c.participants
FROM {table} c WHERE c.period BETWEEN %s AND %s AND c.category_id IS NULL
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
    profile(client, params)
    wider(viewer, client)


def profile(client: Any, params: dict[str, str]) -> None:
    """Where the page's time goes: its queries, and the build against the rendering."""
    from coverage_portal.analysis.pivot.page import context

    with CaptureQueriesContext(connection) as queries:
        client.get("/analisis/pivot/", params)
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    slowest = max(queries.captured_queries, key=lambda q: float(q["time"]))
    print(f"  slowest query {float(slowest['time']) * 1000:.1f} ms: {slowest['sql'][:300]}")
    user = client.get("/analisis/pivot/", params).wsgi_request.user
    started = time.perf_counter()
    context(user, params)
    built = time.perf_counter() - started
    print(
        f"  page: {len(queries.captured_queries)} queries, {sql_ms:.1f} ms in the database; "
        f"context {built * 1000:.1f} ms (the rest is middleware and rendering); "
        f"load {os.getloadavg()[0]:.1f}",
        flush=True,
    )


def wider(viewer: Any, client: Any) -> None:
    """Larger pivots: twelve months as columns, and every region level nested (553 rows)."""

    def months_sql() -> list[tuple]:
        with connection.cursor() as cursor:
            from participants.models import CoverageRow

            cursor.execute(
                WIDER_SQL.format(table=CoverageRow._meta.db_table),
                [dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 1)],
            )
            return cursor.fetchall()

    for name, params in (
        ("provinces × 12 months", {"tahun": str(YEAR), "baris": "wilayah", "kolom": "bulan"}),
        (
            "nation, provinces and regencies nested × categories",
            {
                "sampai": f"{YEAR}-12",
                "baris": "tingkat",
                "kolom": "kategori",
                "tingkat": "kabupaten",
            },
        ),
    ):

        def page(params: dict[str, str] = params) -> None:
            assert client.get("/analisis/pivot/", params).status_code == 200

        compare(
            f"pivot page, {name} (view)",
            project=page,
            limit=months_sql,
            target=60,
            limit_name="plain SQL of a year's cells, every region",
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
