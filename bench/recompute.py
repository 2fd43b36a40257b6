"""Benchmark of the coverage engine on the generated national dataset.

    scripts/with-services.sh .venv/bin/python bench/recompute.py [--months 480] [--unlogged]

Prints, interleaved in one run (medians of five): the full recompute; its limit, a hand
materialisation of the same levels and columns into one table with the same unique index
(target ratio ≤ 1,5); a hand read of the province numbers only (the incremental recompute
is bench/bench_incremental.py). `--months N` generates N months (growth);
`--unlogged` makes the coverage table UNLOGGED first (the option measured and not taken).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.dataset import bench_database, generate

# Every regency valid in each month with counts: what both hand-written queries start from.
REGENCY_MONTHS = """WITH months AS (SELECT DISTINCT period FROM participants_participantcount),
reg AS (
    SELECT r.id, r.parent_id, m.period, EXTRACT(YEAR FROM m.period)::int AS year
    FROM regions_region r JOIN months m
      ON (r.valid_from IS NULL OR r.valid_from <= m.period)
     AND (r.valid_until IS NULL
          OR r.valid_until >= (m.period + INTERVAL '1 month - 1 day')::date)
    WHERE r.level = 'regency'
),"""

# The best single query we could write by hand for the same province-level numbers the
# coverage table holds: participants per category and in total (top-level categories only),
# regencies reported and expected, approval, the denominator (own figure, else the sum of
# the regencies' when all have one), coverage and the target gap.
HAND_WRITTEN = f"""
{REGENCY_MONTHS}
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

# The limit of the full recompute: the same four levels (regency × category, regency total,
# province × category and total, national), with the same columns the coverage table holds
# (participants, denominator, coverage, target and gap, regencies reported and expected,
# approval), materialised by hand into one table with the same unique index.
HAND_MATERIALISED = f"""
DROP TABLE IF EXISTS hand_coverage;
CREATE TABLE hand_coverage AS
{REGENCY_MONTHS}
cells AS MATERIALIZED (
    SELECT reg.id AS region_id, reg.parent_id AS province, reg.period, reg.year,
           c.id AS category_id, c.parent_id IS NULL AS top_level, c.measured_by_id AS kind,
           COALESCE(pc.active_participants, 0) AS n, (pc.id IS NOT NULL)::int AS reported,
           w.value AS den
    FROM reg CROSS JOIN participants_category c
    LEFT JOIN participants_participantcount pc ON pc.region_id = reg.id
     AND pc.category_id = c.id AND pc.period = reg.period
    LEFT JOIN participants_workforcetotal w ON w.region_id = reg.id
     AND w.kind_id = c.measured_by_id AND w.year = reg.year AND w.month IS NULL
    WHERE c.is_active OR pc.id IS NOT NULL
),
regency_totals AS MATERIALIZED (
    SELECT t.*, w.value AS den FROM (
        SELECT region_id, province, period, year, NULL::bigint AS category_id,
               %(employed)s::bigint AS kind, SUM(n) FILTER (WHERE top_level) AS n,
               MAX(reported) AS reported
        FROM cells GROUP BY region_id, province, period, year) t
    LEFT JOIN participants_workforcetotal w ON w.region_id = t.region_id
     AND w.kind_id = t.kind AND w.year = t.year AND w.month IS NULL
),
regency AS (
    SELECT 'regency' AS level, region_id, period, year, category_id, kind, n, den,
           reported, 1 AS expected, province FROM cells
    UNION ALL
    SELECT 'regency', region_id, period, year, NULL, kind, n, den, reported, 1, province
    FROM regency_totals
),
province AS MATERIALIZED (
    SELECT 'province' AS level, p.province AS region_id, p.period, p.year, p.category_id,
           p.kind, p.n, COALESCE(own.value, p.children) AS den, p.reported, p.expected
    FROM (
        SELECT province, period, year, category_id, MAX(kind) AS kind, SUM(n) AS n,
               CASE WHEN COUNT(den) = COUNT(*) THEN SUM(den) END AS children,
               SUM(reported) AS reported, COUNT(*) AS expected
        FROM regency GROUP BY province, period, year, category_id) p
    LEFT JOIN participants_workforcetotal own ON own.region_id = p.province
     AND own.kind_id = p.kind AND own.year = p.year AND own.month IS NULL
),
national AS (
    SELECT 'national' AS level, %(national)s::bigint AS region_id, period, year, category_id,
           MAX(kind) AS kind, SUM(n) AS n,
           CASE WHEN COUNT(den) = COUNT(*) THEN SUM(den) END AS den,
           SUM(reported) AS reported, SUM(expected) AS expected
    FROM province GROUP BY period, year, category_id
),
every_level AS (
    SELECT level, region_id, period, year, category_id, kind, n, den, reported, expected
    FROM regency
    UNION ALL SELECT * FROM province
    UNION ALL SELECT * FROM national
)
SELECT s.region_id, s.level, s.period, s.category_id, s.n AS participants,
       s.kind AS denominator_kind_id, s.den AS denominator_value,
       CASE WHEN s.den IS NOT NULL THEN s.year END AS denominator_year,
       ROUND(s.n * 100.0 / NULLIF(s.den, 0), 4) AS coverage_percent,
       tg.participants AS target_participants, tg.percent AS target_percent,
       tg.participants - s.n AS target_gap, s.reported AS regencies_reported,
       s.expected AS regencies_expected, TRUE AS all_approved, now() AS computed_at
FROM every_level s
LEFT JOIN participants_target tg ON tg.region_id = s.region_id AND tg.year = s.year
 AND tg.category_id IS NOT DISTINCT FROM s.category_id;
CREATE UNIQUE INDEX hand_coverage_one ON hand_coverage (period, region_id, category_id)
    NULLS NOT DISTINCT;
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


def ratio_line(
    name: str, project: list[float], limit: list[float], limit_name: str, target: float
) -> str:
    """One comparison line: the project's median beside the same run's limit and the ratio."""
    ratio = statistics.median(project) / statistics.median(limit)
    verdict = "met" if ratio <= target else "MISSED"
    return (
        f"≈ {name}: {statistics.median(project) * 1000:.0f} ms | limit "
        f"{statistics.median(limit) * 1000:.0f} ms ({limit_name}) | ratio {ratio:.2f} "
        f"(target ≤ {target:g}) {verdict}; median of {len(project)} rounds, "
        f"load {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    if "--statements" in sys.argv:
        import logging

        logging.basicConfig(level=logging.INFO)
        logging.getLogger("participants.coverage.rebuild").setLevel(logging.DEBUG)
        logging.getLogger("participants.coverage.reload").setLevel(logging.DEBUG)
    if "--months" in sys.argv:
        from bench import dataset

        dataset.MONTHS = int(sys.argv[sys.argv.index("--months") + 1])
    with bench_database("bench_recompute"):
        from django.db import connection

        from participants.coverage import engine as coverage
        from participants.coverage.rebuild import sql_params
        from participants.models import CoverageRow

        started = time.perf_counter()
        counts = generate()
        print(f"dataset: {counts:,} counts generated in {time.perf_counter() - started:.1f} s")
        with connection.cursor() as cursor:
            if "--unlogged" in sys.argv:  # the option the issue names: no WAL for the table
                cursor.execute("ALTER TABLE participants_coveragerow SET UNLOGGED")
                print("coverage table UNLOGGED for this run")
            cursor.execute("ANALYZE")
        params = sql_params()

        def hand_written() -> list[tuple]:  # type: ignore[type-arg]
            with connection.cursor() as cursor:
                # The same settings the recompute runs with (rebuild.TUNE_PLANNER).
                cursor.execute("SET work_mem = '64MB'")
                cursor.execute("SET jit = off")
                cursor.execute(HAND_WRITTEN, {"employed": params["employed"]})
                return cursor.fetchall()

        def hand_materialised() -> None:
            from django.db import transaction

            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '64MB'")
                cursor.execute("SET LOCAL jit = off")
                cursor.execute(HAND_MATERIALISED, params)

        # Interleaved, so that all three see the same machine when its load drifts.
        full, materialised, hand = [], [], []
        for _ in range(RUNS):
            full.append(seconds(coverage.recompute_all))
            materialised.append(seconds(hand_materialised))
            hand.append(seconds(hand_written))
        province_rows = CoverageRow.objects.filter(level="province").count()
        assert len(hand_written()) == province_rows, province_rows
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM hand_coverage")
            (hand_rows,) = cursor.fetchone()
            cursor.execute("DROP TABLE hand_coverage")
        rows = CoverageRow.objects.count()
        assert hand_rows == rows, (hand_rows, rows)
        print(f"coverage rows: {rows:,} (hand materialisation: {hand_rows:,})")

        print(figure("full recompute:", full))
        print(figure("hand materialised:", materialised))
        print(figure("hand read, provinces:", hand))
        print(
            ratio_line(
                "full recompute",
                full,
                materialised,
                "hand materialisation of every level, one indexed table",
                1.5,
            )
        )
        print(ratio_line("full recompute", full, hand, "hand read of province numbers", 6))


if __name__ == "__main__":
    main()
