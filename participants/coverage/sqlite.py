"""The coverage table's index on SQLite (the quick start), created after every migrate.

On PostgreSQL the unique constraint `one_coverage_row` owns the index every page reads by.
SQLite cannot express that constraint (NULL categories would count as distinct), so the
table went without any index there: each /cakupan/ page and download scanned the whole
table several times (2–4 s on the demo data). A plain index on the same columns serves the
same reads. It is created here rather than in a migration because it exists on SQLite only.
"""

from __future__ import annotations

from typing import Any

from django.db import connections

INDEX = (
    "CREATE INDEX IF NOT EXISTS coverage_row_period_sqlite "
    "ON participants_coveragerow (period, region_id, category_id)"
)


def index_coverage_table(*, using: str = "default", **_kwargs: Any) -> None:
    """post_migrate receiver: index the coverage table on SQLite (no-op elsewhere)."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(INDEX)
