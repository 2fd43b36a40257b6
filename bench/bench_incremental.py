"""Benchmark of the incremental recompute: one regency-month count changed, then its chain.

    scripts/with-services.sh .venv/bin/python bench/bench_incremental.py [--rounds 15]

On the generated national dataset (bench/dataset.py) with a full coverage table: before
every timed call one Jawa Timur regency's PU count for June 2020 changes and its
province × month is marked stale, as a save does (not timed). The project's figure is
`recompute_stale()` (the Celery task's body: take the marks, rebuild the province-month's
regency, province and national rows). Its limit in the same run is the least SQL that could
bring the table up to date when the change is known exactly: one hand-written UPDATE of the
six rows the cell feeds (the regency's cell and total, the province's category and total,
the nation's category and total), participants, coverage and target gap. The engine cannot
know the change (a mark names a province-month, several cells may have changed, and the
denominators and approvals may have too), so the ratio has no target; the target is the
issue's ≤ 50 ms. Also prints the queries one recompute sends.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.dataset import bench_database, generate
from bench.limits import compare

MONTH = dt.date(2020, 6, 1)
PROVINCE = "35"  # Jawa Timur, 38 regencies: the largest bucket

# The six rows a top-level category's cell feeds, brought up to date by the known change.
HAND_DELTA = """
UPDATE participants_coveragerow cv SET
    participants = cv.participants + %(delta)s,
    coverage_percent = CASE WHEN cv.denominator_value > 0
        THEN ROUND((cv.participants + %(delta)s) * 100.0 / cv.denominator_value, 4) END,
    target_gap = CASE WHEN cv.target_participants IS NOT NULL
        THEN cv.target_participants - (cv.participants + %(delta)s)
        WHEN cv.target_percent IS NOT NULL AND cv.denominator_value IS NOT NULL
        THEN CAST(ROUND(cv.target_percent * cv.denominator_value / 100.0, 0) AS BIGINT)
             - (cv.participants + %(delta)s) END,
    computed_at = now()
WHERE cv.period = %(period)s AND cv.region_id IN (%(regency)s, %(province)s, %(national)s)
  AND (cv.category_id = %(category)s OR cv.category_id IS NULL)
"""


def main() -> None:
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 15
    with bench_database("bench_incremental"):
        from django.db import connection
        from django.db.models import F
        from django.test.utils import CaptureQueriesContext

        from participants.coverage import engine as coverage
        from participants.coverage.rebuild import sql_params
        from participants.coverage.staleness import mark_stale
        from participants.models import CoverageRow, ParticipantCount

        started = time.perf_counter()
        counts = generate()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        coverage.recompute_all()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(
            f"dataset: {counts:,} counts, {CoverageRow.objects.count():,} coverage rows "
            f"in {time.perf_counter() - started:.1f} s"
        )
        cell = ParticipantCount.objects.select_related("region").get(
            period=MONTH,
            category__code="PU",
            region__code=ParticipantCount.objects.filter(
                period=MONTH, region__parent__code=PROVINCE
            )
            .order_by("region__code")
            .values("region__code")[:1],
        )
        province = cell.region.parent_id
        assert province is not None
        hand = {
            "delta": 1,
            "period": MONTH,
            "regency": cell.region_id,
            "province": province,
            "national": sql_params()["national"],
            "category": cell.category_id,
        }

        def change_and_mark() -> None:  # what a save does, not timed
            ParticipantCount.objects.filter(pk=cell.pk).update(
                active_participants=F("active_participants") + 1
            )
            mark_stale({(province, MONTH)})

        def hand_delta() -> None:
            with connection.cursor() as cursor:
                cursor.execute(HAND_DELTA, hand)
                assert cursor.rowcount == 6, cursor.rowcount

        compare(
            "incremental recompute, one regency-month changed (Jawa Timur)",
            project=coverage.recompute_stale,
            limit=hand_delta,
            limit_name="one hand UPDATE of the 6 rows the cell feeds, change known",
            target=float("inf"),
            budget=0.050,
            reset=change_and_mark,
            rounds=rounds,
        )
        change_and_mark()
        with CaptureQueriesContext(connection) as captured:
            coverage.recompute_stale()
        print(f"queries of one incremental recompute: {len(captured)}")
        for query in captured:
            print(f"  {float(query['time']) * 1000:5.1f} ms  {' '.join(query['sql'].split())[:90]}")


if __name__ == "__main__":
    main()
