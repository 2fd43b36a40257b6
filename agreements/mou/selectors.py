"""Reads of agreements, narrowed to what the asking user may see, and the agreement in force
per region (a scorecard fact: the caller has already checked the user's scope)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import F, Q, QuerySet

from agreements.mou.models import Agreement
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region


def agreements_for(user: PortalUser, action: Action = Action.VIEW) -> QuerySet[Agreement]:
    queryset = Agreement.objects.select_related("region", "office", "successor")
    return access.scoped(queryset, user, action)


def status_as_read(status: str, today: dt.date) -> Q:
    """The agreements whose dates give them `status` today (Agreement.status_on, in SQL)."""
    s = Agreement.Status
    ended, started = Q(valid_until__lt=today), Q(valid_from__lte=today)
    if status == s.ACTIVE:
        return (Q(status=s.ACTIVE) | Q(status=s.SIGNED) & started) & ~ended
    if status == s.SIGNED:
        return Q(status=s.SIGNED) & ~started & ~ended
    if status == s.EXPIRED:
        return Q(status=s.EXPIRED) | Q(status__in=[s.SIGNED, s.ACTIVE]) & ended
    return Q(status=status)


def expiring_agreements_for(
    user: PortalUser, *, today: dt.date, days: int = 90
) -> QuerySet[Agreement]:
    """Agreements in force whose end falls within `days`, soonest first."""
    soon = Q(valid_until__gte=today, valid_until__lte=today + dt.timedelta(days=days))
    in_force = agreements_for(user).filter(status_as_read(Agreement.Status.ACTIVE, today))
    return in_force.filter(soon).order_by("valid_until")


def agreements_in_force(regions: Iterable[Region], *, on: dt.date) -> dict[int, Agreement]:
    """Per region, the agreement in force on `on`, judged by its dates, not today's status."""
    started = Q(valid_from__lte=on) | Q(valid_from=None, signed_on__lte=on)
    running = Q(valid_until=None) | Q(valid_until__gte=on)
    not_ended = Q(ended_on=None) | Q(ended_on__gt=on)
    found = (
        Agreement.objects.filter(region__in=list(regions), signed_on__isnull=False)
        .exclude(status=Agreement.Status.DRAFT)
        .filter(started & running & not_ended)
        .order_by("region_id", F("valid_from").desc(nulls_last=True))
    )
    return first_per_region(found)


def agreement_in_force(region: Region, *, on: dt.date) -> Agreement | None:
    return agreements_in_force([region], on=on).get(region.pk)


def first_per_region(rows: Any) -> dict[int, Any]:
    first: dict[int, Any] = {}
    for row in rows:
        first.setdefault(row.region_id, row)
    return first
