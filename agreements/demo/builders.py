"""Small builders the demo scenarios share: the acting user, local times, regions, records."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from agreements import services
from agreements.meetings.models import FollowUpAction, Meeting
from agreements.models import Commitment
from regions.access.users import PortalUser
from regions.models import Office, Region

UNKNOWN_TIME = "Jam rapat tidak disebut sumber; dicatat pukul 09.00 waktu setempat."


def actor() -> Any:
    """The national administrator the writes are made as."""
    User = get_user_model()
    admin = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    return admin or User(username="demo-seed", is_superuser=True, is_active=True)


def at(region: Region, day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=ZoneInfo(region.timezone))


def regions(*codes: str) -> list[Region]:
    return list(Region.objects.filter(code__in=codes).order_by("code"))


def offices(*codes: str) -> list[Office]:
    return list(Office.objects.filter(code__in=codes))


def meeting(
    actor: PortalUser,
    *,
    title: str,
    host: str,
    regions: list[Region],
    offices: list[Office],
    attendees: list[tuple[str, str, str]],
    **fields: Any,
) -> Meeting:
    host_region = Region.objects.get(code=host)
    existing = Meeting.objects.filter(title=title, host_region=host_region).first()
    if existing:
        return existing
    meeting = services.meeting_save(
        actor=actor,
        meeting=Meeting(title=title, host_region=host_region, **fields),
        regions=regions,
        offices=offices,
    )
    services.attendees_set(actor=actor, meeting=meeting, people=attendees)
    return meeting


def commitment(actor: PortalUser, **fields: Any) -> Commitment:
    found = Commitment.objects.filter(
        region=fields["region"], description=fields["description"]
    ).first()
    return found or services.commitment_save(actor=actor, commitment=Commitment(**fields))


def action(actor: PortalUser, meeting: Meeting, **fields: Any) -> None:
    if not meeting.actions.filter(description=fields["description"]).exists():
        services.action_save(actor=actor, action=FollowUpAction(meeting=meeting, **fields))
