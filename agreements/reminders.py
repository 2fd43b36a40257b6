"""The daily reminder job: expiring agreements, overdue commitments and follow-up actions.

Each event gets a stable key (e.g. `agreement-30:12`); a notification is unique per user and
key, so running the job twice creates nothing new, and an email is sent only for
notifications not yet emailed, so a failed send is retried by the next run.

Recipients are the active users with a province or office scope covering the region: the
people who follow that region up. National users are left out: they would receive every
reminder in the country, and see the same facts on the lists.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agreements.models import Agreement, Commitment
from agreements.models_documents import Notification
from agreements.models_meetings import FollowUpAction
from agreements.services import agreements_roll_status
from regions import access
from regions.access import Action
from regions.formatting import format_date
from regions.models import Region, UserScope

logger = logging.getLogger(__name__)
EXPIRY_WINDOWS = (30, 90)


@dataclass(frozen=True)
class Event:
    key: str
    message: str
    url: str
    regions: tuple[Region, ...]


@dataclass
class RunSummary:
    activated: int = 0
    expired: int = 0
    notified: int = 0
    emailed: int = 0
    keys: list[str] = field(default_factory=list)


def recipients(regions: Iterable[Region]) -> list[Any]:
    """Active users with a province or office scope that lets them view one of `regions`."""
    regions = list(regions)
    province_ids = {r.pk if r.level == Region.Level.PROVINCE else r.parent_id for r in regions}
    nearby = Q(scope__province_id__in=province_ids) | Q(
        scope__office__officeregency__region__parent_id__in=province_ids
    )
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(scope__kind=UserScope.Kind.NATIONAL)
        .filter(nearby)
        .select_related("scope")
        .distinct()
    )
    return [u for u in users if any(access.can(u, Action.VIEW, r) for r in regions)]


def _expiry_events(today: dt.date) -> list[Event]:
    horizon = today + dt.timedelta(days=max(EXPIRY_WINDOWS))
    agreements = Agreement.objects.filter(
        status=Agreement.Status.ACTIVE, valid_until__gte=today, valid_until__lte=horizon
    ).select_related("region")
    events = []
    for agreement in agreements:
        days = (agreement.valid_until - today).days  # type: ignore[operator]
        window = min(w for w in EXPIRY_WINDOWS if days <= w)
        message = _("Agreement “%(title)s” (%(region)s) expires on %(day)s, in %(days)s days.")
        events.append(
            Event(
                f"agreement-{window}:{agreement.pk}",
                message
                % {
                    "title": agreement.title,
                    "region": agreement.region.name,
                    "day": format_date(agreement.valid_until),
                    "days": days,
                },
                reverse("agreements:agreement-detail", args=[agreement.pk]),
                (agreement.region,),
            )
        )
    return events


def _overdue_events(today: dt.date) -> list[Event]:
    commitments = Commitment.objects.filter(
        status__in=Commitment.OPEN_STATUSES, due_date__lt=today
    ).select_related("region")
    actions = (
        FollowUpAction.objects.filter(status=FollowUpAction.Status.OPEN, due_date__lt=today)
        .select_related("meeting__host_region")
        .prefetch_related("meeting__regions")
    )
    events = [
        Event(
            f"commitment-overdue:{c.pk}",
            _("Commitment overdue since %(day)s: %(what)s (%(region)s)")
            % {
                "day": format_date(c.due_date),
                "what": c.description[:200],
                "region": c.region.name,
            },
            reverse("agreements:commitment-detail", args=[c.pk]),
            (c.region,),
        )
        for c in commitments
    ]
    events += [
        Event(
            f"action-overdue:{a.pk}",
            _("Follow-up action overdue since %(day)s: %(what)s (meeting “%(meeting)s”)")
            % {
                "day": format_date(a.due_date),
                "what": a.description[:200],
                "meeting": a.meeting.title,
            },
            reverse("agreements:meeting-detail", args=[a.meeting_id]),
            tuple(a.meeting.regions.all()) or (a.meeting.host_region,),
        )
        for a in actions
    ]
    return events


def _notify(event: Event, summary: RunSummary) -> None:
    for user in recipients(event.regions):
        _created, created = Notification.objects.get_or_create(
            user=user, key=event.key, defaults={"message": event.message[:400], "url": event.url}
        )
        summary.notified += int(created)


def _send_pending_emails(summary: RunSummary) -> None:
    pending = Notification.objects.filter(emailed_at=None).exclude(user__email="")
    for notification in pending.select_related("user"):
        try:
            send_mail(
                subject=_("Coverage Portal reminder"),
                message=f"{notification.message}\n\n{notification.url}",
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[notification.user.email],
            )
        except OSError:  # the mail server is down: the next run retries this one
            logger.warning("reminder email to %s failed", notification.user.email)
            continue
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
        summary.emailed += 1


def reminders_send(*, today: dt.date | None = None) -> RunSummary:
    """The whole daily job; safe to run any number of times a day."""
    today = today or timezone.localdate()
    summary = RunSummary()
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        summary.activated, summary.expired = agreements_roll_status(today=today)
        for event in [*_expiry_events(today), *_overdue_events(today)]:
            _notify(event, summary)
            summary.keys.append(event.key)
    with translation.override(settings.LANGUAGE_CODE):
        _send_pending_emails(summary)
    return summary
