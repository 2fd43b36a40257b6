"""Check a restored database: a fresh recompute of the coverage table equals the stored one.

    python manage.py verify_restore        # exit 0 when they match, 1 when they do not

The recompute runs in a transaction that is always rolled back, so the database is left as
it was restored. Rows of buckets marked stale when the backup was taken may differ (the
worker had not caught up yet): they are reported, not counted as damage. While it runs
(seconds) the coverage table is locked; run it before the restored copy takes traffic.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from participants.models import CoverageRow
from participants.services import recompute_all

SHOWN = 10


def compared_columns() -> list[str]:
    """Everything a row says; not its id or when it was computed."""
    skip = {"id", "computed_at"}
    return [f.column for f in CoverageRow._meta.concrete_fields if f.column and f.name not in skip]


# Rows in one table and not the other (a changed row counts on both sides), each with
# whether a stale mark of the backup explains it: its province's bucket, or its month for
# the national rows that sum every province.
DIFFERENCES = """
WITH fresh AS (SELECT {columns} FROM {table}),
diff AS (
    (SELECT 'stored' AS side, * FROM verify_stored EXCEPT ALL SELECT 'stored', * FROM fresh)
    UNION ALL
    (SELECT 'fresh', * FROM fresh EXCEPT ALL SELECT 'fresh', * FROM verify_stored)
)
SELECT d.side, r.code, d.level, d.period, d.category_id, EXISTS (
    SELECT 1 FROM verify_stale s WHERE s.period = d.period AND (
        d.level = 'national'
        OR s.province_id = CASE WHEN d.level = 'province' THEN d.region_id ELSE r.parent_id END
    )
) AS explained
FROM diff d JOIN regions_region r ON r.id = d.region_id
ORDER BY explained, r.code, d.period, d.side
"""


class Command(BaseCommand):
    help = "Check a restored database: a fresh coverage recompute equals the stored table."

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("verify_restore checks a PostgreSQL database.")
        rows, differences = self._compare()
        damaged = [d for d in differences if not d[-1]]
        explained = len(differences) - len(damaged)
        if explained:
            self.stdout.write(
                f"{explained} differing rows belong to buckets marked stale in the backup; "
                "the worker recomputes them once the portal runs."
            )
        if damaged:
            shown = "\n".join(_describe(d) for d in damaged[:SHOWN])
            raise CommandError(
                f"The coverage table does not match a fresh recompute: {len(damaged)} rows "
                f"differ (of {rows}).\n{shown}"
            )
        self.stdout.write(f"Coverage table matches a fresh recompute ({rows} rows).")

    def _compare(self) -> tuple[int, list[tuple[Any, ...]]]:
        table = CoverageRow._meta.db_table
        columns = ", ".join(compared_columns())
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE verify_stored ON COMMIT DROP AS SELECT {columns} FROM {table}"
            )
            cursor.execute(
                "CREATE TEMP TABLE verify_stale ON COMMIT DROP AS "
                "SELECT province_id, period FROM participants_stalebucket"
            )
            recompute_all()
            cursor.execute(DIFFERENCES.format(columns=columns, table=table))
            differences = cursor.fetchall()
            cursor.execute("SELECT count(*) FROM verify_stored")
            rows = cursor.fetchone()[0]
            transaction.set_rollback(True)  # a check, never a repair
        return rows, differences


def _describe(difference: tuple[Any, ...]) -> str:
    side, code, level, period, category_id, _explained = difference
    where = "stored row not reproduced" if side == "stored" else "recomputed row not stored"
    category = f"category {category_id}" if category_id else "all categories"
    return f"  {level} {code} {period:%Y-%m} {category}: {where}"
