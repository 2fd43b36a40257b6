"""What names the records the timeline and the scorecard read, for keys of kept parts.

Every change of an agreement, meeting or record adds a history row (django-simple-history,
deletions included: agreements.kernel.audit), and history ids are never reused. So the newest
history id of each kind of record says whether any of them changed: one probe of each
history table's primary key, in one statement.
"""

from __future__ import annotations

from django.db import connection

from agreements.meetings.models import Attendee, FollowUpAction, Meeting
from agreements.mou.models import Agreement, LegalBasis, Signatory
from agreements.records.models import BudgetAllocation, Commitment, Regulation

AUDITED = (
    Agreement,
    LegalBasis,
    Signatory,
    Meeting,
    Attendee,
    FollowUpAction,
    Regulation,
    BudgetAllocation,
    Commitment,
)


def timeline_version() -> tuple[int | None, ...]:
    """The newest history id of each kind of record the timeline and scorecard read."""
    tables = [model.history.model._meta.db_table for model in AUDITED]  # type: ignore[attr-defined]
    probes = ", ".join(
        f"(SELECT MAX(history_id) FROM {connection.ops.quote_name(table)})" for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {probes}")
        return tuple(cursor.fetchone())
