"""Follow-ups a user may see, by province and month."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from participants.followup.models import FollowUp
from regions import access
from regions.access.users import PortalUser
from regions.models import Region


def followups_for(
    user: PortalUser,
    *,
    province: Region | None = None,
    period: dt.date | None = None,
    open_only: bool = False,
) -> QuerySet[FollowUp]:
    rows = access.scoped(FollowUp.objects.all(), user, field="count__region")
    if province is not None:
        rows = rows.filter(count__region__parent=province)
    if period is not None:
        rows = rows.filter(count__period=period)
    if open_only:
        rows = rows.filter(closed_at__isnull=True)
    return rows.select_related(
        "count__region", "count__category", "count__report__province", "opened_by", "closed_by"
    ).defer("count__region__boundary", "count__report__province__boundary")
