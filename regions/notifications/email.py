"""Emailing notifications: every row not yet emailed, in the portal's default language.

A mail server that is down leaves the row unmarked, so the next run of the job mails it.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from regions.notifications.messages import render
from regions.notifications.models import Notification

logger = logging.getLogger(__name__)


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
