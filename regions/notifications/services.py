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

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from regions.access.users import PortalUser, recorded
from regions.notifications.messages import render
from regions.notifications.models import Notification

logger = logging.getLogger(__name__)


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
    from regions.tasks import email_notifications

    try:
        email_notifications.delay()
    except Exception:  # the broker is down: the next run of the job mails these too
        logger.warning("could not queue the notification emails", exc_info=True)


def notifications_mark_read(*, actor: PortalUser) -> int:
    unread = Notification.objects.filter(user=recorded(actor), read_at__isnull=True)
    return unread.update(read_at=timezone.now())


def notifications_email_pending() -> int:
    """Email every notification not yet emailed to a user with an address; returns the count."""
    pending = Notification.objects.filter(emailed_at=None).exclude(user__email="")
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for notification in pending.select_related("user"):
            if _email(notification):
                sent += 1
    return sent


def _email(notification: Notification) -> bool:
    text = render(notification.key, notification.params)
    link = settings.PORTAL_URL.rstrip("/") + notification.link if notification.link else ""
    try:
        send_mail(
            subject=_("Coverage Portal: %(text)s") % {"text": text[:120]},
            message=f"{text}\n\n{link}".strip(),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[notification.user.email],
        )
    except OSError:  # the mail server is down: the next run retries this one
        logger.warning("notification email to %s failed", notification.user.email)
        return False
    notification.emailed_at = timezone.now()
    notification.save(update_fields=["emailed_at"])
    return True
