"""Writes that change what the coverage table says: workforce totals and targets.

Each marks the affected province × month buckets stale in the same transaction; the
recompute runs after commit (participants.coverage.staleness).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from participants.coverage.models import CoverageRow, Target, WorkforceTotal
from participants.coverage.staleness import mark_stale
from regions.access.users import PortalUser
from regions.models import Region


def mark_region_year_stale(*, region: Region, year: int, month: int | None = None) -> None:
    """A yearly figure changes every month of its year for the region and what contains it."""
    periods = CoverageRow.objects.filter(period__year=year)
    if month:
        periods = periods.filter(period__month=month)
    provinces = _provinces_under(region)
    buckets = {
        (province_id, period)
        for province_id, period in periods.filter(level="province", category=None)
        .filter(region_id__in=provinces)
        .values_list("region_id", "period")
    }
    mark_stale(buckets)


def mark_everything_stale() -> None:
    """Category changes touch every bucket (which categories exist and what they sum to)."""
    buckets = set(
        CoverageRow.objects.filter(level="province", category=None).values_list(
            "region_id", "period"
        )
    )
    mark_stale(buckets)


def _provinces_under(region: Region) -> Iterable[int]:
    if region.level == Region.Level.NATIONAL:
        return Region.objects.provinces().values_list("id", flat=True)
    if region.level == Region.Level.PROVINCE:
        return [region.pk]
    return [region.parent_id] if region.parent_id else []


@transaction.atomic
def workforce_total_save(
    *, total: WorkforceTotal, actor: PortalUser | None = None
) -> WorkforceTotal:
    """Create or change one workforce figure (audited through django-simple-history)."""
    total.full_clean()
    previous = WorkforceTotal.objects.filter(pk=total.pk).first() if total.pk else None
    total._history_user = actor  # type: ignore[attr-defined]
    total.save()
    for figure in filter(None, (previous, total)):
        mark_region_year_stale(region=figure.region, year=figure.year, month=figure.month)
    return total


@transaction.atomic
def workforce_total_delete(*, total: WorkforceTotal, actor: PortalUser | None = None) -> None:
    total._history_user = actor  # type: ignore[attr-defined]
    total.delete()
    mark_region_year_stale(region=total.region, year=total.year, month=total.month)


@transaction.atomic
def target_save(*, target: Target, actor: PortalUser | None = None) -> Target:
    target.full_clean()
    previous = Target.objects.filter(pk=target.pk).first() if target.pk else None
    target._history_user = actor  # type: ignore[attr-defined]
    target.save()
    for figure in filter(None, (previous, target)):
        mark_region_year_stale(region=figure.region, year=figure.year)
    return target


@transaction.atomic
def target_delete(*, target: Target, actor: PortalUser | None = None) -> None:
    target._history_user = actor  # type: ignore[attr-defined]
    target.delete()
    mark_region_year_stale(region=target.region, year=target.year)
