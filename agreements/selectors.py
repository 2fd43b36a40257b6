"""Reads for agreements and meetings, narrowed to what the asking user may see.

`timeline_for` and the scorecard facts (`agreement_in_force`, `regulation_in_force`,
`budget_for_year`, `commitment_counts`) are the stable interface the dashboards call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum
from django.urls import reverse

from agreements.meetings.models import FollowUpAction, Meeting
from agreements.models import Agreement, BudgetAllocation, Commitment, Regulation
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region


def agreements_for(user: PortalUser, action: Action = Action.VIEW) -> QuerySet[Agreement]:
    queryset = Agreement.objects.select_related("region", "office", "successor")
    return access.scoped(queryset, user, action)


def status_as_read(status: str, today: dt.date) -> Q:
    """The agreements whose dates give them `status` today (Agreement.status_on, in SQL)."""
    s = Agreement.Status
    ended, started = Q(valid_until__lt=today), Q(valid_from__lte=today)
    if status == s.ACTIVE:
        return (Q(status=s.ACTIVE) | Q(status=s.SIGNED) & started) & ~ended
    if status == s.SIGNED:
        return Q(status=s.SIGNED) & ~started & ~ended
    if status == s.EXPIRED:
        return Q(status=s.EXPIRED) | Q(status__in=[s.SIGNED, s.ACTIVE]) & ended
    return Q(status=status)


def expiring_agreements_for(
    user: PortalUser, *, today: dt.date, days: int = 90
) -> QuerySet[Agreement]:
    """Agreements in force whose end falls within `days`, soonest first."""
    soon = Q(valid_until__gte=today, valid_until__lte=today + dt.timedelta(days=days))
    in_force = agreements_for(user).filter(status_as_read(Agreement.Status.ACTIVE, today))
    return in_force.filter(soon).order_by("valid_until")


def upcoming_meetings_for(user: PortalUser, *, now: dt.datetime) -> QuerySet[Meeting]:
    return meetings_for(user).filter(starts_at__gte=now).order_by("starts_at")


def overdue_actions_for(user: PortalUser, *, today: dt.date) -> QuerySet[FollowUpAction]:
    overdue = Q(status=FollowUpAction.Status.OPEN, due_date__lt=today)
    actions = actions_for(user).filter(overdue).select_related("meeting__host_region")
    return actions.order_by("due_date")


def meetings_for(user: PortalUser) -> QuerySet[Meeting]:
    """Meetings concerning at least one region the user may view."""
    concerned = access.scoped(Meeting.regions.through.objects.all(), user, Action.VIEW)
    return (
        Meeting.objects.filter(pk__in=concerned.values("meeting_id"))
        .select_related("host_region")
        .prefetch_related("regions", "offices")
    )


def commitments_for(user: PortalUser) -> QuerySet[Commitment]:
    queryset = Commitment.objects.select_related("region", "agreement", "meeting")
    return access.scoped(queryset, user, Action.VIEW)


def regulations_for(user: PortalUser) -> QuerySet[Regulation]:
    return access.scoped(Regulation.objects.select_related("region"), user, Action.VIEW)


def budgets_for(user: PortalUser) -> QuerySet[BudgetAllocation]:
    return access.scoped(BudgetAllocation.objects.select_related("region"), user, Action.VIEW)


def actions_for(user: PortalUser) -> QuerySet[FollowUpAction]:
    return FollowUpAction.objects.filter(meeting__in=meetings_for(user).values("pk"))


# --- The per-region timeline -------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    kind: str  # agreement · meeting · regulation · budget · commitment
    title: str
    url: str
    status: str = ""


def _area(region: Region) -> Q:
    """The region itself and, for a province, its regencies."""
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
    rows = agreements_for(user).filter(_area(region)).exclude(signed_on=None)
    return [
        TimelineEntry(
            a.signed_on, "agreement", a.title, _url("agreement", a.pk), a.effective_status
        )
        for a in rows
        if a.signed_on
    ]


def _meeting_entries(user: PortalUser, region: Region) -> list[TimelineEntry]:
    area = Q(regions=region) | Q(regions__parent=region)
    rows = meetings_for(user).filter(area).distinct()
    return [
        TimelineEntry(m.local_start.date(), "meeting", m.title, _url("meeting", m.pk)) for m in rows
    ]


def _regulation_entries(user: PortalUser, region: Region) -> list[TimelineEntry]:
    rows = regulations_for(user).filter(_area(region))
    return [
        TimelineEntry(r.effective_on, "regulation", f"{r} – {r.title}", _url("regulation", r.pk))
        for r in rows
    ]


def _budget_entries(user: PortalUser, region: Region) -> list[TimelineEntry]:
    rows = budgets_for(user).filter(_area(region))
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
    rows = commitments_for(user).filter(_area(region)).exclude(due_date=None)
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


# --- Scorecard facts per region (the caller has already checked the user's scope) ---------


def agreements_in_force(regions: Iterable[Region], *, on: dt.date) -> dict[int, Agreement]:
    """Per region, the agreement in force on `on`, judged by its dates, not today's status."""
    started = Q(valid_from__lte=on) | Q(valid_from=None, signed_on__lte=on)
    running = Q(valid_until=None) | Q(valid_until__gte=on)
    not_ended = Q(ended_on=None) | Q(ended_on__gt=on)
    found = (
        Agreement.objects.filter(region__in=list(regions), signed_on__isnull=False)
        .exclude(status=Agreement.Status.DRAFT)
        .filter(started & running & not_ended)
        .order_by("region_id", F("valid_from").desc(nulls_last=True))
    )
    return _first_per_region(found)


def agreement_in_force(region: Region, *, on: dt.date) -> Agreement | None:
    return agreements_in_force([region], on=on).get(region.pk)


def regulations_in_force(regions: Iterable[Region], *, on: dt.date) -> dict[int, Regulation]:
    enacted = Q(enacted_on__lte=on) | Q(enacted_on=None, year__lte=on.year)
    not_revoked = Q(revoked_on=None) | Q(revoked_on__gt=on)
    found = (
        Regulation.objects.filter(region__in=list(regions))
        .filter(enacted & not_revoked)
        .order_by("region_id", "-year", F("enacted_on").desc(nulls_last=True))
    )
    return _first_per_region(found)


def regulation_in_force(region: Region, *, on: dt.date) -> Regulation | None:
    return regulations_in_force([region], on=on).get(region.pk)


def _first_per_region(rows: Any) -> dict[int, Any]:
    first: dict[int, Any] = {}
    for row in rows:
        first.setdefault(row.region_id, row)
    return first


@dataclass(frozen=True)
class BudgetTotals:
    year: int
    amount: Decimal
    realised: Decimal | None
    workers: int | None
    allocations: int


def budgets_for_year(regions: Iterable[Region], year: int) -> dict[int, BudgetTotals]:
    """Per region, its APBD allocations for worker protection in one year, all groups together."""
    rows = (
        BudgetAllocation.objects.filter(region__in=list(regions), year=year)
        .values("region_id")
        .annotate(
            amount=Sum("amount"), realised=Sum("realised"), workers=Sum("workers"), n=Count("pk")
        )
    )
    return {
        r["region_id"]: BudgetTotals(year, r["amount"], r["realised"], r["workers"], r["n"])
        for r in rows
    }


def budget_for_year(region: Region, year: int) -> BudgetTotals | None:
    return budgets_for_year([region], year).get(region.pk)


@dataclass(frozen=True)
class CommitmentCounts:
    done: int
    overdue: int
    open: int


def commitments_counted(regions: Iterable[Region], *, on: dt.date) -> dict[int, CommitmentCounts]:
    """Per region, its commitments as of `on`: done, past due and still open, open and not due."""
    open_status = Q(status__in=Commitment.OPEN_STATUSES)
    overdue = open_status & Q(due_date__lt=on)
    rows = (
        Commitment.objects.filter(region__in=list(regions))
        .values("region_id")
        .annotate(
            done=Count("pk", filter=Q(status=Commitment.Status.DONE)),
            overdue=Count("pk", filter=overdue),
            open=Count("pk", filter=open_status & ~Q(due_date__lt=on)),
        )
    )
    return {r["region_id"]: CommitmentCounts(r["done"], r["overdue"], r["open"]) for r in rows}


def commitment_counts(region: Region, *, on: dt.date) -> CommitmentCounts:
    return commitments_counted([region], on=on).get(region.pk, CommitmentCounts(0, 0, 0))
