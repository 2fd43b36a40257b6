"""The counts one DHIS2 or ADX export holds: a region's regencies for a month, in scope."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rest_framework.exceptions import NotFound

from participants.entry.models import ParticipantCount
from participants.transfer.exchange.values import ACTIVE, EMPLOYERS, INACTIVE
from regions import access
from regions.access import Action
from regions.models import Region

FIELDS = (
    "region__code",
    "category__code",
    "active_participants",
    "inactive_participants",
    "employers",
    "no_data",
    "no_data_reason",
    "updated_at",
)


@dataclass(frozen=True)
class ExportedCount:
    region: str
    category: str
    active: int | None
    inactive: int | None
    employers: int | None
    no_data: bool
    reason: str
    updated_at: dt.datetime

    def measures(self) -> Iterator[tuple[str, int | None, str]]:
        """(measure, value, comment); a no-data cell is an empty ACTIVE value with its reason."""
        yield (ACTIVE, None, self.reason) if self.no_data else (ACTIVE, self.active, "")
        if self.inactive is not None:
            yield INACTIVE, self.inactive, ""
        if self.employers is not None:
            yield EMPLOYERS, self.employers, ""


def readable(user: Any, code: str) -> Region:
    region = access.regions_for(user, Action.VIEW).filter(code=code).defer("boundary").first()
    if region is None:
        raise NotFound(f"No region {code!r} in this account's scope.")
    return region


def exported_counts(user: Any, region: Region, period: dt.date) -> list[ExportedCount]:
    """A regency's counts, or those of every regency of a province (or of the country)."""
    counts = ParticipantCount.objects.filter(period=period)
    if region.level == Region.Level.REGENCY:
        counts = counts.filter(region=region)
    elif region.level == Region.Level.PROVINCE:
        counts = counts.filter(region__parent=region)
    counts = access.scoped(counts, user, Action.VIEW)
    rows = counts.order_by("region__code", "category__order", "category__code").values_list(*FIELDS)
    return [ExportedCount(*row) for row in rows]
