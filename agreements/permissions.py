"""Who may read or change an agreements record, answered through regions.access.

A record with one region (agreement, regulation, budget, commitment) follows that region.
A meeting concerns several regions: anyone who may view one of them reads it, and only
someone who may log activity on every one of them (and on the host region) changes it, so
a branch never rewrites the minutes of a province-wide meeting it only took part in.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models

from agreements.documents.models import Document
from agreements.meetings.models import Meeting
from agreements.models import Agreement, BudgetAllocation, Commitment, Regulation
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region


def regions_of(record: models.Model) -> list[Region]:
    if isinstance(record, Document):
        return regions_of(record.owner)
    if isinstance(record, Meeting):
        if record.pk is None:
            return [record.host_region]
        return [record.host_region, *record.regions.all()]
    if isinstance(record, Agreement | Commitment | Regulation | BudgetAllocation):
        return [record.region]
    raise TypeError(f"no region rule for {type(record).__name__}")


def may_view(user: PortalUser, record: models.Model) -> bool:
    return any(access.can(user, Action.VIEW, region) for region in regions_of(record))


def may_change(user: PortalUser, record: models.Model) -> bool:
    regions = regions_of(record)
    return bool(regions) and all(access.can(user, Action.LOG_ACTIVITY, r) for r in regions)


def require_change(user: PortalUser, record: models.Model) -> None:
    if not may_change(user, record):
        raise PermissionDenied
