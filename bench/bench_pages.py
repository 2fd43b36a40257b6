"""Server time of the dashboard pages on the benchmark coverage-engine dataset.

    scripts/with-services.sh .venv/bin/python bench/bench_pages.py [--runs 40] [--synthetic]
        [--statements]   (also print each page's five slowest SQL statements)

Loads the generated national dataset (every regency × 6 categories × 120 months) into a
throwaway database, fills the coverage table with the engine's full recompute, then requests
the national, province and regency dashboards (and the cached map boundaries) in-process as a
national viewer and prints the median and 95th percentile server time of each, with the
number of SQL queries and, as its limit, the median time of the SQL it runs (and the ratio).
The /cakupan/ tables and their downloads are measured beside the dashboards. The dashboards and
tables are kept as HTML between recomputes, so each is measured twice: kept (what most requests
get) and drawn (the shared cache emptied before each run).
`--synthetic` fills the coverage table directly instead (same size),
for when the engine is unavailable. Target: median ≤ 150 ms per page.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.dataset import bench_database, generate

PAGES = [
    ("national", "/dasbor/"),
    ("province 61", "/dasbor/provinsi/61/"),
    ("province 35", "/dasbor/provinsi/35/"),
    ("regency 61.71", "/dasbor/kabupaten/61.71/"),
    ("boundaries ID", "/dasbor/peta/ID.geojson"),
    ("cakupan", "/cakupan/"),
    ("cakupan 61", "/cakupan/61/"),
    ("cakupan 35", "/cakupan/35/"),
    ("cakupan csv", "/cakupan/?format=csv"),
    ("cakupan xlsx", "/cakupan/?format=xlsx"),
    ("cakupan 61 csv", "/cakupan/61/?format=csv"),
    ("cakupan 35 xlsx", "/cakupan/35/?format=xlsx"),
    ("peringkat.csv", "/dasbor/ekspor/peringkat.csv"),
    ("kabupaten.csv 61", "/dasbor/ekspor/kabupaten.csv?wilayah=61"),
]
SYNTHETIC = """
INSERT INTO participants_coveragerow (region_id, level, period, category_id, participants,
    denominator_value, denominator_year, coverage_percent, regencies_reported,
    regencies_expected, all_approved, computed_at)
SELECT r.id, r.level, p.period, c.id, 1000 + (r.id * 37 + c.n) % 90000, 5000000,
       EXTRACT(YEAR FROM p.period), 20 + (r.id % 30), 1, 1, true, now()
FROM regions_region r
CROSS JOIN (SELECT generate_series('2015-01-01'::date, '2024-12-01', '1 month')::date
            AS period) p
CROSS JOIN (SELECT NULL::bigint AS id, 0 AS n UNION ALL
            SELECT id, id FROM participants_category) c
WHERE r.valid_until IS NULL
"""


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def fill_coverage_table(synthetic: bool) -> str:
    from django.db import connection

    if synthetic:
        with connection.cursor() as cursor:
            cursor.execute(SYNTHETIC)
        return "synthetic rows"
    from participants.coverage import engine as coverage

    counts = generate()
    coverage.recompute_all()
    return f"{counts:,} counts → engine full recompute"


class QueryLog:
    """Counts and times one request's SQL (Django's own log is reset by every request)."""

    def __init__(self) -> None:
        self.statements: list[tuple[float, str]] = []

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append(((time.perf_counter() - started) * 1000, sql))


def _measured() -> list[tuple[str, str, bool]]:
    """Every page as users mostly get it (kept, for the kept pages), and the HTML pages also
    drawn anew, as the first request after a recompute gets them."""
    kept = [(name, url, False) for name, url in PAGES]
    downloads = ("format=", ".csv", ".geojson")
    html = [(name, url) for name, url in PAGES if not any(part in url for part in downloads)]
    return kept + [(f"{name} drawn", url, True) for name, url in html]


def measure(  # type: ignore[no-untyped-def]
    client, url: str, runs: int, drawn: bool = False
) -> tuple[list[float], list[float], QueryLog]:
    """Server time of each run and, as its limit, the time of the SQL that run executed.
    `drawn`: the shared cache is emptied before each run (outside the timing), so the page
    is drawn as on the first request after a recompute, not read back kept."""
    from django.core.cache import cache
    from django.db import connection

    log = QueryLog()
    if drawn:
        cache.clear()
    with connection.execute_wrapper(log):
        assert client.get(url).status_code == 200  # warm-up: caches, first template load
    samples, sql = [], []
    for _ in range(runs):
        if drawn:
            cache.clear()
        timed = QueryLog()
        with connection.execute_wrapper(timed):
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        sql.append(sum(ms for ms, _sql in timed.statements))
        assert response.status_code == 200
    return samples, sql, log


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 40
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # no request log line per run
    with bench_database("bench_pages"):
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client

        from participants.models import CoverageRow
        from regions.models import Role
        from regions.services import user_scope_assign

        started = time.perf_counter()
        how = fill_coverage_table("--synthetic" in sys.argv)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        rows = CoverageRow.objects.count()
        print(f"coverage table: {rows:,} rows ({how}) in {time.perf_counter() - started:.1f} s")
        viewer = get_user_model().objects.create_user("bench.viewer")
        user_scope_assign(user=viewer, role=Role.VIEWER, province=None, office=None)
        client = Client(HTTP_HOST="localhost")
        client.force_login(viewer)
        print(
            f"{'page':<18}{'median ms':>10}{'p95 ms':>9}{'queries':>8}{'SQL ms':>8}{'ratio':>7}"
            f"   ({runs} runs each; limit = the SQL the page runs)"
        )
        for name, url, drawn in _measured():
            samples, sql, log = measure(client, url, runs, drawn)
            median, p95 = statistics.median(samples), percentile(samples, 0.95)
            limit = statistics.median(sql)
            print(
                f"{name:<18}{median:>10.1f}{p95:>9.1f}{len(log.statements):>8}{limit:>8.1f}"
                f"{median / limit:>7.1f}  {'met' if median <= 150 else 'MISSED'}"
            )
            if "--statements" in sys.argv:
                for ms, statement in sorted(log.statements, reverse=True)[:5]:
                    print(f"    {ms:7.1f} ms  {statement[:300]}")
        print("target: median ≤ 150 ms per page")


if __name__ == "__main__":
    main()
