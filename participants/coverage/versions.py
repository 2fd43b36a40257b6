"""What names the figures a kept page reads, for its cache key: two probes of primary keys.

Ids are never reused (PostgreSQL sequences, SQLite's AUTOINCREMENT): every recompute deletes
and re-inserts its buckets' coverage rows, every report step adds an event, so a newer id means
something a page read may have changed.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection

from participants.counts.models import COMPLETENESS_STEPS, DEMO_COMMENT, ReportEvent
from participants.coverage.models import CoverageRow

# Constants written into the statement, not parameters: only then can PostgreSQL prove that
# the partial indexes' conditions hold (reportevent_step, reportevent_demo) and use them.
REPORTS_SQL = """
SELECT (SELECT id FROM {events} WHERE action IN ({steps}) ORDER BY id DESC LIMIT 1),
       EXISTS (SELECT 1 FROM {events} WHERE comment = '{demo}')
"""
# Read backwards along the primary key, past the rows of later months being saved. SQLite
# would rather read the period index and sort every earlier row (26 ms on the demo, against
# 0,04): a unary `+` keeps it off that index; PostgreSQL has no `+` for dates, nor needs it.
COVERAGE_SQL = """
SELECT id FROM {coverage} WHERE {period} <= %s OR {period} = %s ORDER BY id DESC LIMIT 1
"""


def reports_version() -> tuple[int | None, bool]:
    """The latest report step that changes a month's completeness (its id), and whether any
    demo data is shown (the header's badge and the published note read it)."""
    sql = REPORTS_SQL.format(
        events=connection.ops.quote_name(ReportEvent._meta.db_table),
        steps=", ".join(f"'{step}'" for step in COMPLETENESS_STEPS),
        demo=DEMO_COMMENT,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        step, demo = cursor.fetchone()
    return step, bool(demo)


def coverage_version(up_to: dt.date, also: dt.date | None = None) -> int | None:
    """The newest coverage row of the months up to `up_to` (a month's page reads its trend,
    changes and projection from them) and of the month `also`."""
    sql = COVERAGE_SQL.format(
        coverage=connection.ops.quote_name(CoverageRow._meta.db_table),
        period="+period" if connection.vendor == "sqlite" else "period",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [up_to, also or up_to])
        found = cursor.fetchone()
    return found[0] if found else None
