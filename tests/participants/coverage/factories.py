"""Direct builders for coverage tests: counts, workforce totals and targets.

Coverage tests exercise the engine, not the officer's write path, so they create rows
directly and mark the buckets stale as a service would.
"""

from __future__ import annotations

import datetime as dt

from participants.coverage.staleness import mark_stale
from participants.models import (
    Category,
    MonthlyReport,
    ParticipantCount,
    Target,
    WorkforceKind,
    WorkforceTotal,
)
from regions.models import Region


def put_counts(
    province_code: str, period: dt.date, values: dict[str, dict[str, int]], status: str = "draft"
) -> MonthlyReport:
    """values: {regency code: {category code: active participants}}."""
    province = Region.objects.get(code=province_code)
    report, _ = MonthlyReport.objects.update_or_create(
        province=province, period=period, defaults={"status": status}
    )
    categories = {c.code: c for c in Category.objects.all()}
    regions = {r.code: r for r in Region.objects.filter(code__in=values)}
    for regency_code, by_category in values.items():
        for category_code, value in by_category.items():
            ParticipantCount.objects.update_or_create(
                region=regions[regency_code],
                category=categories[category_code],
                period=period,
                defaults={"report": report, "active_participants": value},
            )
    mark_stale([(province.pk, period)])
    return report


def put_workforce(region_code: str, year: int, value: int, kind: str = "EMPLOYED") -> None:
    WorkforceTotal.objects.update_or_create(
        kind=WorkforceKind.objects.get(code=kind),
        region=Region.objects.get(code=region_code),
        year=year,
        month=None,
        defaults={"value": value, "source": "test"},
    )


def put_target(
    region_code: str,
    year: int,
    participants: int | None = None,
    percent: float | None = None,
    category: str | None = None,
) -> None:
    Target.objects.update_or_create(
        region=Region.objects.get(code=region_code),
        year=year,
        category=Category.objects.get(code=category) if category else None,
        defaults={"participants": participants, "percent": percent, "source": "test"},
    )


def spread(total: int, parts: int) -> list[int]:
    """Split a total into `parts` unequal whole numbers that add up to it exactly."""
    weights = [i + 1 for i in range(parts)]
    shares = [total * w // sum(weights) for w in weights]
    shares[-1] += total - sum(shares)
    return shares
