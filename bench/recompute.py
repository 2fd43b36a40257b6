"""Benchmark of the coverage engine on the generated national dataset.

    scripts/with-services.sh .venv/bin/python bench/recompute.py

Prints: full recompute time; incremental recompute after one province-month edit; the time of
a single hand-written SQL query producing the same province-level numbers; full ÷ hand-written.
Each figure is the median of five runs; full recompute and hand-written query alternate.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.dataset import bench_database, generate

# The best single query we could write by hand for the same province-level numbers the
# coverage table holds: participants per category and in total (top-level categories only),
# regencies reported and expected, approval, the denominator (own figure, else the sum of
# the regencies' when all have one), coverage and the target gap.
HAND_WRITTEN = """
WITH months AS (SELECT DISTINCT period FROM participants_participantcount),
reg AS (
    SELECT r.id, r.parent_id, m.period, EXTRACT(YEAR FROM m.period)::int AS year
    FROM regions_region r JOIN months m
      ON (r.valid_from IS NULL OR r.valid_from <= m.period)
     AND (r.valid_until IS NULL
          OR r.valid_until >= (m.period + INTERVAL '1 month - 1 day')::date)
    WHERE r.level = 'regency'
),
cells AS (
    SELECT reg.id AS regency, reg.parent_id AS province, reg.period, reg.year,
           c.id AS category, c.parent_id IS NULL AS top_level, c.measured_by_id AS kind,
           COALESCE(pc.active_participants, 0) AS n, (pc.id IS NOT NULL)::int AS reported
    FROM reg CROSS JOIN participants_category c
    LEFT JOIN participants_participantcount pc ON pc.region_id = reg.id
     AND pc.category_id = c.id AND pc.period = reg.period
    WHERE c.is_active OR pc.id IS NOT NULL
),
per_regency AS (
    SELECT province, period, year, regency, category, kind, n, reported FROM cells
    UNION ALL
    SELECT province, period, year, regency, NULL, %(employed)s,
           SUM(n) FILTER (WHERE top_level), MAX(reported)
    FROM cells GROUP BY province, period, year, regency
),
with_denominator AS (
    SELECT p.*, w.value AS child_denominator
    FROM per_regency p LEFT JOIN participants_workforcetotal w ON w.region_id = p.regency
     AND w.kind_id = p.kind AND w.year = p.year AND w.month IS NULL
),
per_province AS (
    SELECT province, period, year, category, MAX(kind) AS kind, SUM(n) AS n,
           SUM(reported) AS reported, COUNT(*) AS expected,
           CASE WHEN COUNT(child_denominator) = COUNT(*) THEN SUM(child_denominator) END
               AS children_denominator
    FROM with_denominator GROUP BY province, period, year, category
)
SELECT pp.province, pp.period, pp.category, pp.n, pp.reported, pp.expected,
       mr.status = 'approved' AS approved,
       COALESCE(own.value, pp.children_denominator) AS denominator,
       ROUND(pp.n * 100.0 / NULLIF(COALESCE(own.value, pp.children_denominator), 0), 4),
       tg.participants - pp.n AS gap
FROM per_province pp
LEFT JOIN participants_monthlyreport mr ON mr.province_id = pp.province
 AND mr.period = pp.period
LEFT JOIN participants_workforcetotal own ON own.region_id = pp.province
 AND own.kind_id = pp.kind AND own.year = pp.year AND own.month IS NULL
LEFT JOIN participants_target tg ON tg.region_id = pp.province AND tg.year = pp.year
 AND tg.category_id IS NOT DISTINCT FROM pp.category
"""


RUNS = 5


def seconds(action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def figure(label: str, samples: list[float], target: str = "") -> str:
    runs = ", ".join(f"{s * 1000:.0f}" for s in samples)
    median = statistics.median(samples) * 1000
    return f"{label:<22}{median:8.0f} ms  {target:<18} runs: {runs}"


def main() -> None:
    if "--statements" in sys.argv:
        import logging

        logging.basicConfig(level=logging.INFO)
        logging.getLogger("participants.coverage.engine").setLevel(logging.DEBUG)
        logging.getLogger("participants.coverage.reload").setLevel(logging.DEBUG)
    with bench_database("bench_recompute"):
        from django.db import connection

        from participants.coverage import engine as coverage
        from participants.coverage.staleness import mark_stale
        from participants.models import CoverageRow, ParticipantCount

        started = time.perf_counter()
        counts = generate()
        print(f"dataset: {counts:,} counts generated in {time.perf_counter() - started:.1f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        employed = coverage._sql_params()["employed"]

        def hand_written() -> list[tuple]:  # type: ignore[type-arg]
            with connection.cursor() as cursor:
                # The same settings the recompute runs with (coverage._tune_planner).
                cursor.execute("SET work_mem = '64MB'")
                cursor.execute("SET jit = off")
                cursor.execute(HAND_WRITTEN, {"employed": employed})
                return cursor.fetchall()

        # Interleaved, so that both see the same machine when its load drifts.
        full, hand = [], []
        for _ in range(RUNS):
            full.append(seconds(coverage.recompute_all))
            hand.append(seconds(hand_written))
        province_rows = CoverageRow.objects.filter(level="province").count()
        assert len(hand_written()) == province_rows, province_rows
        print(f"coverage rows: {CoverageRow.objects.count():,}")

        edit = ParticipantCount.objects.filter(period=dt.date(2020, 6, 1)).select_related("region")
        cell = edit.first()
        assert cell is not None

        def one_edit() -> None:
            ParticipantCount.objects.filter(pk=cell.pk).update(
                active_participants=(cell.active_participants or 0) + 1
            )
            assert cell.region.parent_id is not None
            mark_stale({(cell.region.parent_id, cell.period)})
            coverage.recompute_stale()

        incremental = [seconds(one_edit) for _ in range(RUNS)]
        ratio = statistics.median(full) / statistics.median(hand)
        print(figure("full recompute:", full, "(target ≤ 5000)"))
        print(figure("incremental (1 edit):", incremental, "(target ≤ 100)"))
        print(figure("hand-written SQL:", hand))
        print(f"ratio full / hand:     {ratio:8.2f}     (target ≤ 3; medians)")


if __name__ == "__main__":
    main()
