"""Reads of meetings and their follow-up actions, narrowed to what the asking user may see."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from agreements.meetings.models import FollowUpAction, Meeting
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region


def meetings_for(user: PortalUser) -> QuerySet[Meeting]:
    """Meetings hosted in or concerning at least one region the user may view (as
    agreements.kernel.permissions.may_view reads a single one)."""
    concerned = access.scoped(Meeting.regions.through.objects.all(), user, Action.VIEW)
    hosted = access.scoped(Meeting.objects.all(), user, Action.VIEW, field="host_region")
    return (
        Meeting.objects.filter(
            Q(pk__in=concerned.values("meeting_id")) | Q(pk__in=hosted.values("pk"))
        )
        .select_related("host_region")
        .prefetch_related("regions", "offices")
    )


def meetings_in(region: Region | str) -> Q:
    """Meetings hosted in or concerning the region (a Region or its code) or, for a province,
    one of its regencies."""
    key, value = ("code", region) if isinstance(region, str) else ("pk", region.pk)
    area = Q(**{f"region__{key}": value}) | Q(**{f"region__parent__{key}": value})
    hosted = Q(**{f"host_region__{key}": value}) | Q(**{f"host_region__parent__{key}": value})
    concerned = Meeting.regions.through.objects.filter(area).values("meeting_id")
    return hosted | Q(pk__in=concerned)


def upcoming_meetings_for(user: PortalUser, *, now: dt.datetime) -> QuerySet[Meeting]:
    return meetings_for(user).filter(starts_at__gte=now).order_by("starts_at")


def overdue_actions_for(user: PortalUser, *, today: dt.date) -> QuerySet[FollowUpAction]:
    overdue = Q(status=FollowUpAction.Status.OPEN, due_date__lt=today)
    actions = actions_for(user).filter(overdue).select_related("meeting__host_region")
    return actions.order_by("due_date")


def actions_for(user: PortalUser) -> QuerySet[FollowUpAction]:
    return FollowUpAction.objects.filter(meeting__in=meetings_for(user).values("pk"))
