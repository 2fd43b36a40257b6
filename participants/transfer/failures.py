"""Record refused imports and read the recent ones (national administrators only)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from participants.transfer.counts_import import ImportReport
from participants.transfer.models import ImportFailure
from regions import access, bounds
from regions.access.users import PortalUser, recorded


def import_failure_record(
    *, actor: PortalUser, filename: str, report: ImportReport, applying: bool = False
) -> ImportFailure:
    first = report.errors[0] if report.errors else None
    text = f"{first.line or '–'} · {first.column} · {first.message}" if first else ""
    return ImportFailure.objects.create(
        user=recorded(actor),
        filename=bounds.echo(filename, 200),
        rows=report.rows,
        errors=len(report.errors),
        first_error=bounds.echo(text, 400),
        applying=applying,
    )


def import_failures_for(user: PortalUser, *, days: int = 7) -> QuerySet[ImportFailure]:
    if not access.is_national(user):
        return ImportFailure.objects.none()
    since = timezone.now() - dt.timedelta(days=days)
    return ImportFailure.objects.filter(at__gte=since).select_related("user")
