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

# A region's own workforce figure of a kind for the bucket's year: monthly wins over yearly.
# Joins (not correlated subqueries) so the planner can hash them; each matches at most one
# row thanks to the unique constraints on workforce totals.
OWN_DENOMINATOR_JOINS = """
    LEFT JOIN participants_workforcetotal wm ON wm.region_id = {region}
        AND wm.kind_id = {kind} AND wm.year = b.year AND wm.month = b.month
    LEFT JOIN participants_workforcetotal wy ON wy.region_id = {region}
        AND wy.kind_id = {kind} AND wy.year = b.year AND wy.month IS NULL"""
OWN_DENOMINATOR = "COALESCE(wm.value, wy.value)"

TARGET_JOIN = """LEFT JOIN participants_target tg ON tg.region_id = {region} AND tg.year = b.year
    AND (tg.category_id = {category} OR (tg.category_id IS NULL AND {category} IS NULL))"""

# Columns computed from s.participants, s.denominator and the target tg.
DERIVED = """CASE WHEN s.denominator > 0
        THEN ROUND(s.participants * 100.0 / s.denominator, 4) END,
    tg.participants, tg.percent,
    CASE WHEN tg.participants IS NOT NULL THEN tg.participants - s.participants
         WHEN tg.percent IS NOT NULL AND s.denominator IS NOT NULL
         THEN CAST(ROUND(tg.percent * s.denominator / 100.0, 0) AS BIGINT) - s.participants
    END"""

DELETE_REGENCIES = f"""
DELETE FROM {COV} WHERE level = 'regency' AND EXISTS (
    SELECT 1 FROM participants_recomputebucket b JOIN regions_region r
      ON r.parent_id = b.province_id
    WHERE r.id = {COV}.region_id AND b.period = {COV}.period)"""

DELETE_PROVINCES = f"""
DELETE FROM {COV} WHERE level = 'province' AND EXISTS (
    SELECT 1 FROM participants_recomputebucket b
    WHERE b.province_id = {COV}.region_id AND b.period = {COV}.period)"""

DELETE_NATIONAL = f"""
DELETE FROM {COV} WHERE level = 'national'
  AND period IN (SELECT DISTINCT period FROM participants_recomputebucket)"""

VALID_IN_BUCKET = """(r.valid_from IS NULL OR r.valid_from <= b.period)
    AND (r.valid_until IS NULL OR r.valid_until >= b.period_end)"""

# Every active category has a row for every regency; a retired one only where it has counts
# (its history stays visible without expecting new reports for it).
CATEGORY_IN_BUCKET = "(c.is_active OR pc.id IS NOT NULL)"

# Regency and province rows from one pass over the counts: the regency cells are computed
# once (a materialised CTE); regency totals and the province roll-up are aggregates of them,
# and all are inserted by one statement. Totals count top-level categories only.
INSERT_REGENCIES_AND_PROVINCES = f"""
WITH cells AS MATERIALIZED (
    SELECT b.id AS bucket_id, r.id AS region_id, b.period, c.id AS category_id,
        c.parent_id IS NULL AS top_level,
        COALESCE(pc.active_participants, 0) AS participants, c.measured_by_id AS kind_id,
        {OWN_DENOMINATOR} AS denominator,
        CASE WHEN pc.id IS NULL THEN 0 ELSE 1 END AS reported,
        CASE WHEN pc.id IS NOT NULL AND mr.status = 'approved' THEN 1 ELSE 0 END AS approved
    FROM participants_recomputebucket b
    JOIN regions_region r ON r.parent_id = b.province_id AND r.level = 'regency'
        AND {VALID_IN_BUCKET}
    CROSS JOIN participants_category c
    LEFT JOIN participants_participantcount pc ON pc.region_id = r.id
        AND pc.category_id = c.id AND pc.period = b.period
    LEFT JOIN participants_monthlyreport mr ON mr.province_id = b.province_id
        AND mr.period = b.period
    {OWN_DENOMINATOR_JOINS.format(region="r.id", kind="c.measured_by_id")}
    WHERE {CATEGORY_IN_BUCKET}
),
regency_totals AS MATERIALIZED (
    SELECT agg.bucket_id, agg.region_id, agg.period, CAST(NULL AS BIGINT) AS category_id,
        agg.participants, CAST(%(employed)s AS BIGINT) AS kind_id,
        {OWN_DENOMINATOR} AS denominator,
        agg.reported, agg.approved
    FROM (
        SELECT bucket_id, region_id, period, SUM(participants) AS participants,
            MAX(reported) AS reported, MIN(approved) AS approved
        FROM cells WHERE top_level
        GROUP BY bucket_id, region_id, period
    ) agg
    JOIN participants_recomputebucket b ON b.id = agg.bucket_id
    {OWN_DENOMINATOR_JOINS.format(region="agg.region_id", kind="%(employed)s")}
),
regency_rows AS (
    SELECT bucket_id, region_id, period, category_id, participants, kind_id, denominator,
        reported, approved FROM cells
    UNION ALL
    SELECT bucket_id, region_id, period, category_id, participants, kind_id, denominator,
        reported, approved FROM regency_totals
),
province_rows AS (
    SELECT agg.*, COALESCE({OWN_DENOMINATOR}, agg.children_denominator) AS denominator
    FROM (
        SELECT rr.bucket_id, b.province_id AS region_id, rr.period, rr.category_id,
            SUM(rr.participants) AS participants, MAX(rr.kind_id) AS kind_id,
            CASE WHEN COUNT(rr.denominator) = COUNT(*) THEN SUM(rr.denominator) END
                AS children_denominator,
            SUM(rr.reported) AS reported, COUNT(*) AS expected,
            CASE WHEN MAX(mr.status) = 'approved' THEN 1 ELSE 0 END AS approved
        FROM regency_rows rr
        JOIN participants_recomputebucket b ON b.id = rr.bucket_id
        LEFT JOIN participants_monthlyreport mr ON mr.province_id = b.province_id
            AND mr.period = b.period
        GROUP BY rr.bucket_id, b.province_id, rr.period, rr.category_id
    ) agg
    JOIN participants_recomputebucket b ON b.id = agg.bucket_id
    {OWN_DENOMINATOR_JOINS.format(region="agg.region_id", kind="agg.kind_id")}
)
INSERT INTO {COV} ({COLUMNS})
SELECT s.region_id, 'regency', s.period, s.category_id, s.participants, s.kind_id,
    s.denominator, CASE WHEN s.denominator IS NOT NULL THEN b.year END, {DERIVED},
    s.reported, 1, s.approved = 1, %(now)s
FROM regency_rows s
JOIN participants_recomputebucket b ON b.id = s.bucket_id
{TARGET_JOIN.format(region="s.region_id", category="s.category_id")}
UNION ALL
SELECT s.region_id, 'province', s.period, s.category_id, s.participants, s.kind_id,
    s.denominator, CASE WHEN s.denominator IS NOT NULL THEN b.year END, {DERIVED},
    s.reported, s.expected, s.approved = 1, %(now)s
FROM province_rows s
JOIN participants_recomputebucket b ON b.id = s.bucket_id
{TARGET_JOIN.format(region="s.region_id", category="s.category_id")}"""


def _rollup(*, level: str, region: str, children: str, group: str, approved: str) -> str:
    """Sum child rows into `level` rows, then add the region's own denominator and target.

    `children` yields child coverage rows `cv` with their bucket `b`; the region's own
    figure wins over the children's sum, which counts only when every child has one.
    """
    return f"""
INSERT INTO {COV} ({COLUMNS})
SELECT s.region_id, '{level}', s.period, s.category_id, s.participants, s.kind_id,
    s.denominator, CASE WHEN s.denominator IS NOT NULL THEN b.year END, {DERIVED},
    s.reported, s.expected, s.approved, %(now)s
FROM (
    SELECT agg.*, COALESCE({OWN_DENOMINATOR}, agg.children_denominator) AS denominator
    FROM (
        SELECT MIN(b.id) AS bucket_id, {region} AS region_id, cv.period, cv.category_id,
            SUM(cv.participants) AS participants, MAX(cv.denominator_kind_id) AS kind_id,
            CASE WHEN COUNT(cv.denominator_value) = COUNT(*)
                 THEN SUM(cv.denominator_value) END AS children_denominator,
            SUM(cv.regencies_reported) AS reported, SUM(cv.regencies_expected) AS expected,
            {approved} AS approved
        FROM {children}
        GROUP BY {group}, cv.period, cv.category_id
    ) agg
    JOIN participants_recomputebucket b ON b.id = agg.bucket_id
    {OWN_DENOMINATOR_JOINS.format(region="agg.region_id", kind="agg.kind_id")}
) s
JOIN participants_recomputebucket b ON b.id = s.bucket_id
{TARGET_JOIN.format(region="s.region_id", category="s.category_id")}"""


# National rows for every period touched, from all province rows of that period, each
# period represented by one of its buckets (for its year and month).
INSERT_NATIONAL = _rollup(
    level="national",
    region="%(national)s",
    children=f"""{COV} cv
        JOIN (SELECT period, MIN(id) AS id FROM participants_recomputebucket GROUP BY period)
            bp ON bp.period = cv.period
        JOIN participants_recomputebucket b ON b.id = bp.id
        WHERE cv.level = 'province'""",
    group="b.period",
    approved="MIN(CASE WHEN cv.all_approved THEN 1 ELSE 0 END) = 1",
)
