"""The coverage of one region and month as a plain dict (coverage_report, JSON, tables).

It carries the month's completeness by the one partial-month rule
(participants.coverage.completeness): `completeness` is complete, partial or not_reported,
with the provincial reports it rests on; a region that has not reported has no
participants or coverage (null), never 0.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from participants.counts.models import Category
from participants.coverage.completeness import (
    MonthCompleteness,
    collected_categories,
    has_figures,
    month_completeness,
    row_status,
    unknown_reason,
)
from participants.coverage.models import CoverageRow
from participants.coverage.progress import Progress, row_progress
from participants.kernel.periods import add_months, format_period
from regions.models import Region


class NoCoverage(LookupError):
    pass


def coverage_summary(region: Region, period: dt.date, category: Category | None = None) -> dict:
    rows = {
        r.category_id: r
        for r in CoverageRow.objects.filter(region=region, period=period).select_related(
            "category", "denominator_kind"
        )
    }
    main = rows.get(category.pk if category else None)
    if main is None:
        raise NoCoverage(f"{region.code} {format_period(period)}")
    month = month_completeness(period, region=region)
    summary = {
        "region": region.code,
        "region_name": region.name,
        "period": format_period(period),
        "category": category.code if category else None,
        "participants": _participants(rows, main, category),
        "unknown": _unknown(rows, main, category),
        "denominator": denominator_fields(main),
        "coverage_percent": two_decimals(main.coverage_percent),
        "target": target_fields(main),
        "projection": projection_fields(row_progress(main, _series(main))),
        "regencies_reported": main.regencies_reported,
        "regencies_expected": main.regencies_expected,
        "all_approved": main.all_approved,
        **completeness_fields(main, month),
    }
    if not has_figures(main):
        summary.update(
            participants={"total": None},
            unknown={"total": unknown_reason(main)},
            coverage_percent=None,
            projection=None,
        )
    return summary


def completeness_fields(row: CoverageRow, month: MonthCompleteness) -> dict[str, Any]:
    """`month` narrowed to the row's region (MonthCompleteness.of)."""
    return {
        "completeness": row_status(row, month),
        "reports_submitted": month.reported,
        "reports_expected": month.expected_count,
    }


def _unknown(rows: dict, main: CoverageRow, category: Category | None) -> dict[str, str]:
    """Why each null figure of `_participants` is unknown (participants.coverage.completeness)."""
    collected = collected_categories([main.period])
    by_code = {r.category.code: r for r in rows.values() if r.category}
    return {
        code: unknown_reason(
            by_code.get(code),
            total=main,
            collected=code in by_code and (main.period, by_code[code].category_id) in collected,
        )
        for code, value in _participants(rows, main, category).items()
        if value is None and code != "total"
    }


def _participants(
    rows: dict, main: CoverageRow, category: Category | None
) -> dict[str, int | None]:
    by_code = {r.category.code: r.participants for r in rows.values() if r.category}
    if category:
        shown = {c: v for c, v in by_code.items() if c == category.code}
        shown.update({s.code: by_code.get(s.code) for s in category.subgroups.all()})
        return {"total": main.participants, **shown}
    return {"total": main.participants, **dict(sorted(by_code.items()))}


def denominator_fields(row: CoverageRow) -> dict[str, Any] | None:
    if row.denominator_value is None:
        return None
    kind = row.denominator_kind.code if row.denominator_kind else None
    return {"kind": kind, "value": row.denominator_value, "year": row.denominator_year}


def target_fields(row: CoverageRow) -> dict[str, Any] | None:
    if row.target_participants is None and row.target_percent is None:
        return None
    return {
        "participants": row.target_participants,
        "percent": two_decimals(row.target_percent),
        "gap": row.target_gap,
    }


def _series(row: CoverageRow) -> dict[dt.date, int]:
    """The region's participants over the 12 months before the row, as the projection reads
    (months the region did not report are left out, as on the pages)."""
    history = CoverageRow.objects.filter(
        regencies_reported__gt=0,
        region_id=row.region_id,
        category=row.category,  # None: the all-categories total
        period__gte=add_months(row.period, -12),
        period__lte=row.period,
    )
    return {p: n for p, n in history.values_list("period", "participants") if n is not None}


def projection_fields(found: Progress | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "reached": found.reached,
        "reached_in": format_period(found.reached_in) if found.reached_in else None,
        "monthly_trend": two_decimals(found.monthly_trend),
        "needed_per_month": found.needed_per_month,
    }


def two_decimals(value: Decimal | None) -> float | None:
    if value is None:
        return None
    return float(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
