"""The counts one DHIS2 or ADX export holds, read through the one counts selector.

DHIS2's export parameters: several orgUnit and period, or startDate/endDate (the months
lying wholly between them), lastUpdated, limit, includeDeleted. An organisation unit that
is a province or the country gives the regencies beneath it (the portal stores counts per
regency only), which is what DHIS2's `children=true` asks for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from participants.counts.models import ParticipantCount
from participants.entry.selectors import counts_for
from participants.kernel.periods import add_months, month_start
from participants.transfer.exchange.codes import ACTIVE, EMPLOYERS, INACTIVE
from participants.transfer.exchange.importer import DELETED
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.bounds import echo
from regions.models import Region

MAX_EXPORT_CELLS = 100_000
FIELDS = (
    "region__code",
    "category__code",
    "period",
    "active_participants",
    "inactive_participants",
    "employers",
    "no_data",
    "no_data_reason",
    "updated_at",
)


class ExportRefused(ValueError):
    """The request cannot be answered as asked; `status` is 404 (out of scope) or 409."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.message, self.status = message, status


@dataclass(frozen=True)
class ExportedCount:
    region: str
    category: str
    period: dt.date
    active: int | None
    inactive: int | None
    employers: int | None
    no_data: bool
    reason: str
    updated_at: dt.datetime

    @property
    def deleted(self) -> bool:
        return self.no_data and self.reason == DELETED

    def measures(self) -> Iterator[tuple[str, int | None, str]]:
        """(measure, value, comment); a no-data cell is an empty ACTIVE value with its reason."""
        if self.deleted:
            yield ACTIVE, None, ""
        else:
            yield (ACTIVE, None, self.reason) if self.no_data else (ACTIVE, self.active, "")
        if self.inactive is not None:
            yield INACTIVE, self.inactive, ""
        if self.employers is not None:
            yield EMPLOYERS, self.employers, ""


@dataclass(frozen=True)
class ExportQuery:
    org_units: list[str]
    periods: list[dt.date] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    updated_since: dt.date | None = None
    limit: int | None = None
    include_deleted: bool = False


def readable_regions(user: PortalUser, codes: list[str]) -> QuerySet[Region]:
    """The regions named, each in the user's scope; a code outside it is a 404."""
    regions = access.regions_for(user, Action.VIEW).filter(code__in=codes).defer("boundary")
    found = set(regions.values_list("code", flat=True))
    for code in codes:
        if code not in found:
            message = _("No organisation unit %(code)r in this account's scope.")
            raise ExportRefused(message % {"code": echo(code)}, 404)
    return regions


def exported_counts(user: PortalUser, query: ExportQuery) -> list[ExportedCount]:
    regions = readable_regions(user, query.org_units)
    counts = counts_for(user, regions=regions, periods=query.periods or None)
    counts = _in_time(counts, query)
    if not query.include_deleted:
        counts = counts.exclude(no_data=True, no_data_reason=DELETED)
    ordered = counts.order_by("period", "region__code", "category__order", "category__code")
    cap = MAX_EXPORT_CELLS if query.limit is None else min(query.limit, MAX_EXPORT_CELLS)
    rows = list(ordered.values_list(*FIELDS)[: cap + 1])
    if len(rows) > cap and query.limit is None:
        message = _(
            "More than %(count)s cells match: narrow orgUnit or the periods, or give a limit."
        )
        raise ExportRefused(message % {"count": MAX_EXPORT_CELLS})
    return [ExportedCount(*row) for row in rows[:cap]]


def _in_time(counts: QuerySet[ParticipantCount], query: ExportQuery) -> QuerySet[ParticipantCount]:
    if query.periods:
        pass
    elif query.start is not None and query.end is not None:
        first = query.start if query.start.day == 1 else add_months(month_start(query.start), 1)
        last = add_months(month_start(query.end + dt.timedelta(days=1)), -1)
        counts = counts.filter(period__gte=first, period__lte=last)
    elif query.updated_since is None:
        raise ExportRefused(str(_("Give a period, both startDate and endDate, or lastUpdated.")))
    if query.updated_since is not None:
        counts = counts.filter(updated_at__date__gte=query.updated_since)
    return counts


def period_values(
    counts: list[ExportedCount], include_deleted: bool
) -> Iterator[tuple[ExportedCount, str, int | None, str]]:
    """Every data value of the cells: (cell, measure, value, comment)."""
    for count in counts:
        for measure, value, comment in count.measures():
            if count.deleted and not include_deleted:
                continue
            yield count, measure, value, comment
