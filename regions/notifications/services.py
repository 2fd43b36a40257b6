"""Writes of notifications: sending (portal and email) and marking read.

`notification_send` stores one row per recipient and, once the surrounding transaction has
committed, queues the email job; the job mails every row not yet emailed, so a mail server
that is down delays an email and loses none. Emails are written in the portal's default
language (a user has no stored language); the portal list follows each reader's language.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from regions.access.users import PortalUser, recorded
from regions.notifications.email import notifications_email_pending
from regions.notifications.models import Notification
from regions.notifications.tasks import email_notifications

logger = logging.getLogger(__name__)

__all__ = ["notification_send", "notifications_email_pending", "notifications_mark_read"]


def notification_send(
    *,
    recipients: Iterable[User],
    key: str,
    params: dict[str, Any],
    link: str = "",
    event: str = "",
    queue_email: bool = True,
) -> list[Notification]:
    """Notify each recipient once; with an `event`, a recipient who already has it is skipped.

    A batch job that mails at its end passes `queue_email=False`.
    """
    users = {u.pk: u for u in recipients if u.pk and u.is_active}
    if event:
        done = Notification.objects.filter(event=event, user_id__in=users).values_list("user_id")
        for (user_id,) in done:
            users.pop(user_id, None)
    rows = [
        Notification(user=user, key=key, params=params, link=link[:300], event=event[:120])
        for user in users.values()
    ]
    created = Notification.objects.bulk_create(rows)
    if created and queue_email:
        transaction.on_commit(_queue_emails)
    return created


def _queue_emails() -> None:
    try:
        email_notifications.delay()
    except Exception:  # the broker is down: the next run of the job mails these too
        logger.warning("could not queue the notification emails", exc_info=True)


def notifications_mark_read(*, actor: PortalUser) -> int:
    unread = Notification.objects.filter(user=recorded(actor), read_at__isnull=True)
    return unread.update(read_at=timezone.now())
