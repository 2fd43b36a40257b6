"""What the public may see: coverage-table rows whose every contributing report is approved.

Only national and province rows, only figures (no names of people, documents or notes). The
portal's users read through scoped selectors; the public reads this, which takes no user:
its one rule is `all_approved`, so a draft, submitted or reopened month never shows here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from participants.models import Category, CoverageRow
from participants.selectors import (
    UNKNOWN_WORDS,
    add_months,
    collected_categories,
    two_decimals,
    unknown_code,
    unknown_reason,
)
from regions.models import Region

LEVELS = (Region.Level.NATIONAL, Region.Level.PROVINCE)
TREND_MONTHS = 24


def _approved() -> Any:
    return CoverageRow.objects.filter(all_approved=True, level__in=LEVELS)


def published_periods(limit: int = 60) -> list[dt.date]:
    """Months with at least one approved province, newest first."""
    key = f"public:periods:{limit}"
    periods = cache.get(key)
    if periods is None:
        rows = _approved().filter(level=Region.Level.PROVINCE, category__isnull=True)
        periods = list(rows.values_list("period", flat=True).distinct().order_by("-period")[:limit])
        cache.set(key, periods, settings.PUBLIC_CACHE_SECONDS)
    return periods


def all_published_periods() -> list[dt.date]:
    """Every month with an approved province, for the whole-range downloads."""
    return published_periods(limit=1200)


def fully_published_periods(limit: int = 60) -> list[dt.date]:
    """Months whose national figure is published: every province's report approved."""
    key = "public:fully-published"
    periods = cache.get(key)
    if periods is None:
        rows = _approved().filter(level=Region.Level.NATIONAL, category__isnull=True)
        periods = list(rows.values_list("period", flat=True).distinct().order_by("-period")[:limit])
        cache.set(key, periods, settings.PUBLIC_CACHE_SECONDS)
    return periods


def default_period(periods: list[dt.date]) -> dt.date | None:
    """The page opens on the newest fully published month; before any, on the newest with
    an approved province (its other provinces then read "awaiting approval")."""
    full = fully_published_periods()
    return full[0] if full else (periods[0] if periods else None)


def month_figures(period: dt.date) -> dict[str, Any]:
    """Everything the page and the downloads show for one month, cached per language."""
    key = f"public:month:{period:%Y-%m}:{get_language()}"
    figures = cache.get(key)
    if figures is None:
        figures = _build(period)
        cache.set(key, figures, settings.PUBLIC_CACHE_SECONDS)
    return figures


def _build(period: dt.date) -> dict[str, Any]:
    rows = list(
        _approved()
        .filter(period=period)
        .select_related("region", "category", "denominator_kind")
        .defer("region__boundary")
        .order_by("region__code")
    )
    provinces = list(Region.objects.provinces().valid_on(period).defer("boundary").order_by("code"))
    totals = {r.region_id: r for r in rows if r.category_id is None}
    national = next((r for r in totals.values() if r.level == Region.Level.NATIONAL), None)
    categories = _categories(rows)
    collected = collected_categories([period])
    lines = [_province(p, totals.get(p.pk), rows, collected) for p in provinces]
    if national:
        lines.append(_line(national, rows, collected))
    for line in lines:
        _columns(line, categories)
    return {
        "period": period,
        "categories": categories,
        "national": lines.pop() if national else None,
        "provinces": lines,
        "national_columns": 4 + sum(1 for c in categories if not c["subgroup"]),
        "provinces_approved": sum(1 for p in provinces if p.pk in totals),
        "provinces_expected": len(provinces),
        "trend": _trend(period),
    }


def _categories(rows: list[CoverageRow]) -> list[dict[str, Any]]:
    used = {r.category_id for r in rows if r.category_id}
    shown = Category.objects.filter(pk__in=used).select_related("parent").order_by("order", "code")
    return [
        {
            "code": c.code,
            "name": c.name,
            "subgroup": c.parent_id is not None,
            "parent": c.parent.code if c.parent else "",
        }
        for c in shown
    ]


def _columns(line: dict[str, Any], categories: list[dict[str, Any]]) -> None:
    """Each category's (value, why it is unknown) in the order of the table's columns."""
    values, unknown = line.get("by_category", {}), line.get("unknown", {})
    pairs = [(c, values.get(c["code"]), unknown.get(c["code"], "")) for c in categories]
    line["all_columns"] = pairs
    line["columns"] = [(value, why) for c, value, why in pairs if not c["subgroup"]]


def _line(total: CoverageRow, rows: list[CoverageRow], collected: set) -> dict[str, Any]:
    kind = total.denominator_kind
    mine = [r for r in rows if r.region_id == total.region_id and r.category is not None]
    codes = {
        r.category.code: unknown_code(
            r, total=total, collected=(r.period, r.category_id) in collected
        )
        for r in mine
        if r.category and r.participants is None
    }
    return {
        "code": total.region.code,
        "name": total.region.name,
        "level": total.level,
        "participants": total.participants,
        "unknown_total": unknown_reason(total),
        "unknown_total_code": unknown_code(total),
        "by_category": {r.category.code: r.participants for r in mine if r.category},
        "unknown": {code: str(UNKNOWN_WORDS[why]) for code, why in codes.items() if why},
        "unknown_codes": codes,
        "coverage_percent": two_decimals(total.coverage_percent),
        "denominator": None
        if total.denominator_value is None or kind is None
        else {
            "kind": kind.code,
            "name": kind.name,
            "value": total.denominator_value,
            "year": total.denominator_year,
        },
        "regencies_reported": total.regencies_reported,
        "regencies_expected": total.regencies_expected,
    }


def _province(
    province: Region, total: CoverageRow | None, rows: list[CoverageRow], collected: set
) -> dict:
    if total is None:
        return {"code": province.code, "name": province.name, "approved": False}
    return {**_line(total, rows, collected), "approved": True}


def _trend(end: dt.date) -> list[dict[str, Any]]:
    """The national total for each of the last months; unapproved months stay empty."""
    start = add_months(end, -(TREND_MONTHS - 1))
    rows = _approved().filter(
        level=Region.Level.NATIONAL, category__isnull=True, period__gte=start, period__lte=end
    )
    found = {r.period: r for r in rows if r.participants is not None}
    points = []
    for i in range(TREND_MONTHS):
        period = add_months(start, i)
        row = found.get(period)
        points.append(
            {
                "period": period,
                "participants": row.participants if row else None,
                "coverage_percent": two_decimals(row.coverage_percent) if row else None,
            }
        )
    return points
