"""The per-region timeline: what happened between a region's government and BPJS, from every
kind of record the user may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from agreements.meetings.selectors import meetings_for, meetings_in
from agreements.mou.selectors import agreements_for
from agreements.records.selectors import budgets_for, commitments_for, regulations_for
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region

# The selectors join each record's region; its boundary GeoJSON (megabytes on a province)
# was decoded for every record, two fifths of a province dashboard's time.
NO_MAP = "region__boundary"


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    kind: str  # agreement · meeting · regulation · budget · commitment
    title: str
    url: str
    status: str = ""


def _area(region: Region) -> Q:
    """The region itself and, for a province, its regencies (a regency has none: no join)."""
    if region.level == Region.Level.REGENCY:
        return Q(region=region)
    return Q(region=region) | Q(region__parent=region)


def _within(day: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


def timeline_for(
    user: PortalUser, region: Region, *, start: dt.date | None = None, end: dt.date | None = None
) -> list[TimelineEntry]:
    """What happened between the region's government and BPJS, oldest first.

    Empty when the user may not view the region; a province's timeline holds only the
    records of its regencies the user may view (branch staff see their own regencies').
    """
    if not access.can(user, Action.VIEW, region):
        return []
    entries = [
        *_agreement_entries(user, region),
        *_meeting_entries(user, region),
        *_regulation_entries(user, region),
        *_budget_entries(user, region),
        *_commitment_entries(user, region),
    ]
    return sorted(
        (e for e in entries if _within(e.date, start, end)), key=lambda e: (e.date, e.kind)
    )


def _agreement_entries(user: PortalUser, region: Region) -> list[TimelineEntry]:
    rows = agreements_for(user).filter(_area(region)).exclude(signed_on=None).defer(NO_MAP)
    return [
        TimelineEntry(
            a.signed_on, "agreement", a.title, _url("agreement", a.pk), a.effective_status
        )
        for a in rows
        if a.signed_on
    ]


def _meeting_entries(user: PortalUser, region: Region) -> list[TimelineEntry]:
    rows = meetings_for(user).filter(meetings_in(region)).defer("host_region__boundary")
    return [
        TimelineEntry(m.local_start.date(), "meeting", m.title, _url("meeting", m.pk)) for m in rows
    ]


def _regulation_entries(user: PortalUser, region: Region) -> list[TimelineEntry]:
    rows = regulations_for(user).filter(_area(region)).defer(NO_MAP)
    return [
        TimelineEntry(r.effective_on, "regulation", f"{r} – {r.title}", _url("regulation", r.pk))
        for r in rows
    ]


def _budget_entries(user: PortalUser, region: Region) -> list[TimelineEntry]:
    rows = budgets_for(user).filter(_area(region)).defer(NO_MAP)
    return [
        TimelineEntry(
            dt.date(b.year, 1, 1),
            "budget",
            f"APBD {b.year} · {b.region.name} · {b.label or b.category_code}",
            reverse("agreements:budget-list") + f"?region={b.region.code}",
        )
        for b in rows
    ]


def _commitment_entries(user: PortalUser, region: Region) -> list[TimelineEntry]:
    rows = commitments_for(user).filter(_area(region)).exclude(due_date=None).defer(NO_MAP)
    return [
        TimelineEntry(
            c.done_on or c.due_date,  # type: ignore[arg-type]
            "commitment",
            c.description,
            _url("commitment", c.pk),
            c.status,
        )
        for c in rows
    ]


def _url(kind: str, pk: int) -> str:
    return reverse(f"agreements:{kind}-detail", args=[pk])
