"""Reads of commitments, regional regulations and budgets, narrowed to what the asking user may
see, and the scorecard facts per region (`regulation_in_force`, `budget_for_year`,
`commitment_counts`: the caller has already checked the user's scope)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Sum

from agreements.mou.selectors import first_per_region
from agreements.records.models import BudgetAllocation, Commitment, Regulation
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region


def commitments_for(user: PortalUser) -> QuerySet[Commitment]:
    queryset = Commitment.objects.select_related("region", "agreement", "meeting")
    return access.scoped(queryset, user, Action.VIEW)


def regulations_for(user: PortalUser) -> QuerySet[Regulation]:
    return access.scoped(Regulation.objects.select_related("region"), user, Action.VIEW)


def budgets_for(user: PortalUser) -> QuerySet[BudgetAllocation]:
    return access.scoped(BudgetAllocation.objects.select_related("region"), user, Action.VIEW)


def regulations_in_force(regions: Iterable[Region], *, on: dt.date) -> dict[int, Regulation]:
    enacted = Q(enacted_on__lte=on) | Q(enacted_on=None, year__lte=on.year)
    not_revoked = Q(revoked_on=None) | Q(revoked_on__gt=on)
    found = (
        Regulation.objects.filter(region__in=list(regions))
        .filter(enacted & not_revoked)
        .order_by("region_id", "-year", F("enacted_on").desc(nulls_last=True))
    )
    return first_per_region(found)


def regulation_in_force(region: Region, *, on: dt.date) -> Regulation | None:
    return regulations_in_force([region], on=on).get(region.pk)


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
