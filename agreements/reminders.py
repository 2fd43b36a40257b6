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
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from agreements import notices
from agreements.meetings.models import FollowUpAction
from agreements.models import Agreement, Commitment
from agreements.services import agreements_roll_status
from regions import access
from regions.access import Action
from regions.models import Region, UserScope
from regions.notifications.messages import as_date
from regions.notifications.services import notification_send, notifications_email_pending

EXPIRY_WINDOWS = (30, 90)


@dataclass(frozen=True)
class Event:
    key: str
    message_key: str
    params: dict[str, Any]
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
        params = {
            "title": agreement.title,
            "region": agreement.region.name,
            "day": as_date(agreement.valid_until),
            "days": days,
        }
        events.append(
            Event(
                f"agreement-{window}:{agreement.pk}",
                notices.AGREEMENT_EXPIRING,
                params,
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
            notices.COMMITMENT_OVERDUE,
            {"day": as_date(c.due_date), "what": c.description[:200], "region": c.region.name},
            reverse("agreements:commitment-detail", args=[c.pk]),
            (c.region,),
        )
        for c in commitments
    ]
    events += [
        Event(
            f"action-overdue:{a.pk}",
            notices.ACTION_OVERDUE,
            {"day": as_date(a.due_date), "what": a.description[:200], "meeting": a.meeting.title},
            reverse("agreements:meeting-detail", args=[a.meeting_id]),
            tuple(a.meeting.regions.all()) or (a.meeting.host_region,),
        )
        for a in actions
    ]
    return events


def _notify(event: Event, summary: RunSummary) -> None:
    created = notification_send(
        recipients=recipients(event.regions),
        key=event.message_key,
        params=event.params,
        link=event.url,
        event=event.key,
        queue_email=False,
    )
    summary.notified += len(created)


def reminders_send(*, today: dt.date | None = None) -> RunSummary:
    """The whole daily job; safe to run any number of times a day."""
    today = today or timezone.localdate()
    summary = RunSummary()
    with transaction.atomic():
        summary.activated, summary.expired = agreements_roll_status(today=today)
        for event in [*_expiry_events(today), *_overdue_events(today)]:
            _notify(event, summary)
            summary.keys.append(event.key)
    summary.emailed = notifications_email_pending()
    return summary
