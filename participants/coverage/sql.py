"""The set-based SQL of the coverage recompute, portable between PostgreSQL and SQLite.

Every statement works on all buckets at once through the scratch table of buckets `b`
(participants_recomputebucket): regency and province rows from the counts in one statement,
then national rows from the province rows.
Denominator rule: a region's own figure for the year (a monthly one wins for its month);
failing that the sum of its children's when every child has one; otherwise NULL (unknown).
"""

COV = "participants_coveragerow"
COLUMNS = (
    "region_id, level, period, category_id, participants, denominator_kind_id, "
    "denominator_value, denominator_year, coverage_percent, target_participants, "
    "target_percent, target_gap, regencies_reported, regencies_expected, all_approved, "
    "computed_at"
)

# Every workforce figure that applies to a month being rebuilt, one per region × kind ×
# month: a monthly figure wins over the yearly one. A few thousand rows, computed once per
# statement, so that each of the ~460.000 rows finds its region's own denominator with one
# hash join (each matches at most one row thanks to the unique constraints on the totals).
DENOMINATORS = """denominators AS MATERIALIZED (
    SELECT k.region_id, k.kind_id, k.year, k.month, COALESCE(wm.value, wy.value) AS value
    FROM (
        SELECT DISTINCT w.region_id, w.kind_id, w.year, bm.month
        FROM participants_workforcetotal w
        JOIN (SELECT DISTINCT year, month FROM participants_recomputebucket) bm
            ON bm.year = w.year AND (w.month IS NULL OR w.month = bm.month)
    ) k
    LEFT JOIN participants_workforcetotal wm ON wm.region_id = k.region_id
        AND wm.kind_id = k.kind_id AND wm.year = k.year AND wm.month = k.month
    LEFT JOIN participants_workforcetotal wy ON wy.region_id = k.region_id
        AND wy.kind_id = k.kind_id AND wy.year = k.year AND wy.month IS NULL
)"""
OWN_DENOMINATOR_JOIN = """LEFT JOIN denominators d ON d.region_id = {region}
        AND d.kind_id = {kind} AND d.year = {year} AND d.month = {month}"""

CELL_DENOMINATOR = OWN_DENOMINATOR_JOIN.format(
    region="r.id", kind="c.measured_by_id", year="b.year", month="b.month"
)
REGENCY_TOTAL_DENOMINATOR = OWN_DENOMINATOR_JOIN.format(
    region="agg.region_id", kind="%(employed)s", year="agg.year", month="agg.month"
)
PROVINCE_DENOMINATOR = OWN_DENOMINATOR_JOIN.format(
    region="agg.province_id", kind="agg.kind_id", year="agg.year", month="agg.month"
)
NATIONAL_DENOMINATOR = OWN_DENOMINATOR_JOIN.format(
    region="n.region_id", kind="n.kind_id", year="n.year", month="n.month"
)

# The region's target for the bucket's year: a category's own, or (category NULL) the overall one.
TARGET_JOIN = """LEFT JOIN participants_target tg ON tg.region_id = s.region_id AND tg.year = s.year
    AND {category_match}"""
CATEGORY_TARGET = TARGET_JOIN.format(category_match="tg.category_id = s.category_id")
OVERALL_TARGET = TARGET_JOIN.format(category_match="tg.category_id IS NULL")
EITHER_TARGET = TARGET_JOIN.format(
    category_match="""(tg.category_id = s.category_id
        OR (tg.category_id IS NULL AND s.category_id IS NULL))"""
)

# Columns computed from s.participants, s.denominator and the target tg.
DERIVED = """CASE WHEN s.denominator > 0
        THEN ROUND(s.participants * 100.0 / s.denominator, 4) END,
    tg.participants, tg.percent,
    CASE WHEN tg.participants IS NOT NULL THEN tg.participants - s.participants
         WHEN tg.percent IS NOT NULL AND s.denominator IS NOT NULL
         THEN CAST(ROUND(tg.percent * s.denominator / 100.0, 0) AS BIGINT) - s.participants
    END"""


def _row(level: str, expected: str) -> str:
    """The inserted columns (COLUMNS) of a row `s` of `level` with its target `tg`."""
    return f"""SELECT s.region_id, '{level}', s.period, s.category_id, s.participants, s.kind_id,
    s.denominator, CASE WHEN s.denominator IS NOT NULL THEN s.year END, {DERIVED},
    s.reported, {expected}, s.approved = 1, %(now)s"""


DELETE_REGENCIES = f"""
DELETE FROM {COV} WHERE level = 'regency' AND EXISTS (
    SELECT 1 FROM participants_recomputebucket b JOIN regions_region r
      ON r.parent_id = b.province_id
    WHERE r.id = {COV}.region_id AND b.period = {COV}.period)"""

DELETE_PROVINCES = f"""
DELETE FROM {COV} WHERE level = 'province' AND EXISTS (
    SELECT 1 FROM participants_recomputebucket b
    WHERE b.province_id = {COV}.region_id AND b.period = {COV}.period)"""

# By region as well as level: the unique index (period, region, category) then finds a
# month's few national rows instead of visiting all ~4.000 rows of the month.
DELETE_NATIONAL = f"""
DELETE FROM {COV} WHERE level = 'national' AND region_id = %(national)s
  AND period IN (SELECT DISTINCT period FROM participants_recomputebucket)"""

VALID_IN_BUCKET = """(r.valid_from IS NULL OR r.valid_from <= b.period)
    AND (r.valid_until IS NULL OR r.valid_until >= b.period_end)"""

# Every active category has a row for every regency; a retired one only where it has counts
# (its history stays visible without expecting new reports for it).
CATEGORY_IN_BUCKET = "(c.is_active OR pc.id IS NOT NULL)"

# Regency and province rows from one pass over the counts. The regency cells are computed
# once (a materialised CTE); regency totals are an aggregate of them, and province rows are
# aggregates of both; one statement inserts all. Totals count top-level categories only.
# Each row carries its bucket's province, period and year so later steps need not join back.
INSERT_REGENCIES_AND_PROVINCES = f"""
WITH {DENOMINATORS},
cells AS MATERIALIZED (
    SELECT b.province_id, b.period, b.year, b.month, r.id AS region_id,
        c.id AS category_id, c.parent_id IS NULL AS top_level,
        pc.active_participants AS participants, c.measured_by_id AS kind_id,
        d.value AS denominator,
        CASE WHEN pc.active_participants IS NULL THEN 0 ELSE 1 END AS reported,
        CASE WHEN pc.id IS NOT NULL AND mr.status = 'approved' THEN 1 ELSE 0 END AS approved
    FROM participants_recomputebucket b
    JOIN regions_region r ON r.parent_id = b.province_id AND r.level = 'regency'
        AND {VALID_IN_BUCKET}
    CROSS JOIN participants_category c
    LEFT JOIN participants_participantcount pc ON pc.region_id = r.id
        AND pc.category_id = c.id AND pc.period = b.period
    LEFT JOIN participants_monthlyreport mr ON mr.province_id = b.province_id
        AND mr.period = b.period
    {CELL_DENOMINATOR}
    WHERE {CATEGORY_IN_BUCKET}
),
regency_totals AS MATERIALIZED (
    SELECT agg.*, CAST(NULL AS BIGINT) AS category_id, CAST(%(employed)s AS BIGINT) AS kind_id,
        d.value AS denominator
    FROM (
        SELECT province_id, period, year, month, region_id,
            SUM(participants) AS participants, MAX(reported) AS reported,
            MIN(approved) AS approved
        FROM cells WHERE top_level
        GROUP BY province_id, period, year, month, region_id
    ) agg
    {REGENCY_TOTAL_DENOMINATOR}
),
province_rows AS (
    SELECT agg.province_id AS region_id, agg.period, agg.year, agg.category_id,
        agg.participants, agg.kind_id,
        COALESCE(d.value, agg.children_denominator) AS denominator,
        agg.reported, agg.expected, CASE WHEN mr.status = 'approved' THEN 1 ELSE 0 END AS approved
    FROM (
        SELECT province_id, period, year, month, category_id, kind_id,
            SUM(participants) AS participants,
            CASE WHEN COUNT(denominator) = COUNT(*) THEN SUM(denominator) END
                AS children_denominator,
            SUM(reported) AS reported, COUNT(*) AS expected
        FROM cells GROUP BY province_id, period, year, month, category_id, kind_id
        UNION ALL
        SELECT province_id, period, year, month, NULL, MAX(kind_id), SUM(participants),
            CASE WHEN COUNT(denominator) = COUNT(*) THEN SUM(denominator) END,
            SUM(reported), COUNT(*)
        FROM regency_totals GROUP BY province_id, period, year, month
    ) agg
    LEFT JOIN participants_monthlyreport mr ON mr.province_id = agg.province_id
        AND mr.period = agg.period
    {PROVINCE_DENOMINATOR}
)
INSERT INTO {COV} ({COLUMNS})
{_row("regency", expected="1")}
FROM cells s {CATEGORY_TARGET}
UNION ALL
{_row("regency", expected="1")}
FROM regency_totals s {OVERALL_TARGET}
UNION ALL
{_row("province", expected="s.expected")}
FROM province_rows s {EITHER_TARGET}"""

# National rows for every period touched, summed from all province rows of that period
# (the region's own figure wins over the provinces' sum, which counts only when every
# province has one). Joined to the provinces so that one month's rows are found through
# the unique index (period, region, …) rather than among all ~4.000 rows of the month.
INSERT_NATIONAL = f"""
WITH {DENOMINATORS},
periods AS (SELECT DISTINCT period, year, month FROM participants_recomputebucket),
national AS (
    SELECT CAST(%(national)s AS BIGINT) AS region_id, p.period, p.year, p.month,
        cv.category_id, SUM(cv.participants) AS participants,
        MAX(cv.denominator_kind_id) AS kind_id,
        CASE WHEN COUNT(cv.denominator_value) = COUNT(*)
             THEN SUM(cv.denominator_value) END AS children_denominator,
        SUM(cv.regencies_reported) AS reported, SUM(cv.regencies_expected) AS expected,
        MIN(CASE WHEN cv.all_approved THEN 1 ELSE 0 END) AS approved
    FROM {COV} cv JOIN periods p ON p.period = cv.period
    JOIN regions_region pr ON pr.id = cv.region_id AND pr.level = 'province'
    WHERE cv.level = 'province'
    GROUP BY p.period, p.year, p.month, cv.category_id
)
INSERT INTO {COV} ({COLUMNS})
{_row("national", expected="s.expected")}
FROM (
    SELECT n.*, COALESCE(d.value, n.children_denominator) AS denominator
    FROM national n
    {NATIONAL_DENOMINATOR}
) s {EITHER_TARGET}"""
