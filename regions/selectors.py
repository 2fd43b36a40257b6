"""Reads for regions, always narrowed to what the asking user may see."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from regions import access
from regions.access import Action, regions_for
from regions.access.users import PortalUser
from regions.models import Office, Region, UserScope


def provinces_for(user: PortalUser) -> QuerySet[Region]:
    """Current provinces the user may read, each with its number of current regencies."""
    readable = regions_for(user, Action.VIEW)
    return (
        readable.provinces()
        .current()
        .annotate(
            regency_count=Count(
                "children",
                filter=Q(children__valid_until__isnull=True, children__in=readable),
            )
        )
        .order_by("code")
    )


def region_for(user: PortalUser, code: str, level: str) -> Region:
    """One region by code (its boundary left in the database: the map asks for it alone);
    404 when it does not exist or lies outside the user's scope."""
    region = regions_for(user, Action.VIEW).filter(code=code, level=level).defer("boundary").first()
    if region is None:
        raise Http404
    return region


def regencies_for(user: PortalUser, province: Region, *, include_retired: bool = False) -> QuerySet:
    regencies = regions_for(user, Action.VIEW).filter(parent=province)
    if not include_retired:
        regencies = regencies.current()
    return regencies.select_related("successor").prefetch_related("offices").order_by("code")


def offices_serving(region: Region) -> QuerySet[Office]:
    return Office.objects.filter(officeregency__region=region).select_related("parent")


def people_acting_on(province: Region, role: str) -> list[User]:
    """Active users holding `role` for a province: scoped to it, or national if none is.

    The people a report of that province concerns, e.g. its officers or its approvers.
    """
    users = User.objects.filter(is_active=True, scope__role=role).select_related("scope")
    local = list(users.filter(scope__kind=UserScope.Kind.PROVINCE, scope__province=province))
    return local or list(users.filter(scope__kind=UserScope.Kind.NATIONAL))


def offices_for(user: PortalUser, action: Action = Action.VIEW) -> QuerySet[Office]:
    """BPJS offices a record of the user's may name (regions.access.offices_for: the branches
    serving their regencies and those branches' regional offices; all for national users)."""
    return access.offices_for(user, action).order_by("kind", "name")
