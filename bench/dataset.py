"""The benchmark dataset of the coverage engine, in a throwaway PostgreSQL database of its own.

Every regency valid in each month × 6 categories × 120 months (≈ 370.000 counts) plus
yearly EMPLOYED totals per province, generated deterministically. Used by
bench/recompute.py and bench/bench_pages.py:

    from bench.dataset import bench_database, generate
    with bench_database("bench_recompute"):   # creates, migrates, loads regions; drops after
        generate()
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FIRST_MONTH = dt.date(2015, 1, 1)
MONTHS = 120


@contextmanager
def bench_database(name: str) -> Iterator[None]:
    """Point Django at a fresh database `name` on the server of DATABASE_URL, then drop it."""
    import environ
    import psycopg

    base = os.environ.get("DATABASE_URL")
    if not base or not base.startswith("postgres"):
        sys.exit(
            "Run through scripts/with-services.sh (a throwaway PostgreSQL) or set DATABASE_URL."
        )
    server = environ.Env.db_url_config(base)
    admin = f"host={server['HOST']} port={server['PORT']} user={server['USER']} dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = base.rsplit("/", 1)[0] + f"/{name}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_regions", verbosity=0)
    try:
        yield
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def months() -> list[dt.date]:
    from participants.kernel.periods import add_months

    return [add_months(FIRST_MONTH, i) for i in range(MONTHS)]


def generate(seed: int = 2021) -> int:
    """Write the dataset straight to the tables (a benchmark fixture, not user data)."""
    from participants.models import Category, MonthlyReport

    rng = random.Random(seed)
    _sixth_category()
    categories = list(Category.objects.order_by("order"))
    reports = _reports()
    rows = _count_rows(rng, categories, reports)
    _copy_counts(rows)
    _workforce(rng)
    return len(rows) if MonthlyReport.objects.exists() else 0


def _sixth_category() -> None:
    from participants.models import Category

    Category.objects.get_or_create(
        code="PEKERJA_RENTAN",
        defaults={
            "name_id": "Pekerja rentan",
            "name_en": "Vulnerable workers",
            "order": 25,
            "parent": Category.objects.get(code="BPU"),
        },
    )


def _reports() -> dict[tuple[int, dt.date], int]:
    from participants.kernel.periods import month_end
    from participants.models import MonthlyReport
    from regions.models import Region

    MonthlyReport.objects.bulk_create(
        MonthlyReport(province=p, period=m, status="approved")
        for m in months()
        for p in Region.objects.provinces().valid_on(month_end(m))
    )
    return {(r.province_id, r.period): r.pk for r in MonthlyReport.objects.all()}


def _count_rows(rng, categories, reports) -> list[tuple]:  # type: ignore[no-untyped-def]
    from participants.kernel.periods import month_end
    from regions.models import Region

    regencies = list(Region.objects.regencies())
    base = {r.pk: rng.randint(5_000, 150_000) for r in regencies}
    rows = []
    for index, month in enumerate(months()):
        end = month_end(month)
        for regency in regencies:
            if not regency.is_valid_on(month) or not regency.is_valid_on(end):
                continue
            size = base[regency.pk] * (1 + index / 200)
            shares = {
                "PU": 0.55,
                "NON_ASN": 0.05,
                "BPU": 0.2,
                "PEKERJA_RENTAN": 0.04,
                "JAKON": 0.18,
                "PMI": 0.02,
            }
            report = reports[(regency.parent_id, month)]
            for category in categories:
                value = int(size * shares.get(category.code, 0.01) * rng.uniform(0.97, 1.03))
                rows.append((report, regency.pk, category.pk, month, value))
    return rows


def _copy_counts(rows: list[tuple]) -> None:
    from django.db import connection

    columns = (
        "(report_id, region_id, category_id, period, active_participants, no_data, "
        "no_data_reason, updated_at)"
    )
    copy_sql = f"COPY participants_participantcount {columns} FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(copy_sql) as copy:
        for report, region, category, period, value in rows:
            copy.write_row(
                (
                    report,
                    region,
                    category,
                    period,
                    value,
                    False,
                    "",
                    dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
                )
            )


def _workforce(rng: random.Random) -> None:
    from participants.models import WorkforceKind, WorkforceTotal
    from regions.models import Region

    employed = WorkforceKind.objects.get(code="EMPLOYED")
    WorkforceTotal.objects.bulk_create(
        WorkforceTotal(
            kind=employed,
            region=p,
            year=year,
            value=rng.randint(1_500_000, 25_000_000),
            source="benchmark",
        )
        for p in Region.objects.provinces()
        for year in range(FIRST_MONTH.year, FIRST_MONTH.year + MONTHS // 12)
    )
