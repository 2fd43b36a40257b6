"""Reads of notifications: a user sees only their own."""

from __future__ import annotations

from django.db.models import QuerySet

from regions.access.users import PortalUser, recorded
from regions.notifications.models import Notification


def notifications_for(user: PortalUser) -> QuerySet[Notification]:
    return Notification.objects.filter(user=recorded(user))


def unread_count(user: PortalUser) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return notifications_for(user).filter(read_at__isnull=True).count()
