"""What each dashboard page shows, assembled from the coverage selectors.

Views, exports and the printable report all call these builders, so a number is computed
in one place and every rendering of it agrees.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from agreements import selectors as agreements
from coverage_portal.dashboards import completeness, scorecard
from participants import selectors as coverage
from participants.selectors import add_months, month_end, parse_period
from regions import selectors as region_selectors
from regions.formatting import format_number, format_percent
from regions.models import Region
from regions.users import PortalUser

TIMELINE_KINDS = {
    "agreement": _("agreement"),
    "meeting": _("meeting"),
    "regulation": _("regulation"),
    "budget": _("budget"),
    "commitment": _("commitment"),
}
REGION_PAGES: dict[str, str] = {
    Region.Level.PROVINCE: "dashboards:province",
    Region.Level.REGENCY: "dashboards:regency",
}


def pick_period(periods: list[dt.date], wanted: str | None) -> dt.date | None:
    """The month asked for when it has figures; otherwise the latest month that has."""
    if wanted:
        try:
            period = parse_period(wanted)
        except ValueError:
            period = None
        if period in periods:
            return period
    return periods[0] if periods else None


@lru_cache(maxsize=2048)
def _label(period: dt.date, pattern: str, language: str) -> str:
    return formats.date_format(period, pattern)


def month_label(period: dt.date) -> str:
    """'Des 2022'; cached, since every page labels 24–60 months and the format is slow."""
    return _label(period, "M Y", get_language() or "id")


def long_month_label(period: dt.date) -> str:
    return _label(period, "F Y", get_language() or "id")


def map_values(items: list[coverage.RegionCoverage]) -> dict[str, dict[str, Any]]:
    """Per region code: what the map colours by and shows on hover, already formatted."""
    values = {}
    for item in items:
        row, region = item.now, item.region
        values[region.code] = {
            "name": region.name,
            "coverage": float(row.coverage_percent)
            if row and row.coverage_percent is not None
            else None,
            "coverage_text": format_percent(item.coverage),
            "participants_text": format_number(row.participants) if row else "–",
            "url": reverse(REGION_PAGES[region.level], args=[region.code]),
        }
    return values


def trend_chart(trend: list[coverage.TrendPoint]) -> dict[str, Any]:
    def percent(p: coverage.TrendPoint) -> float | None:
        return (
            float(p.row.coverage_percent) if p.row and p.row.coverage_percent is not None else None
        )

    return {
        "labels": [month_label(p.period) for p in trend],
        "coverage": [percent(p) for p in trend],
        "participants": [p.row.participants if p.row else None for p in trend],
    }


def category_chart(rows: list[Any]) -> dict[str, Any]:
    top = [r for r in rows if r.category.is_top_level]
    return {
        "labels": [r.category.name for r in top],
        "participants": [r.participants for r in top],
    }


def _period_context(user: PortalUser, wanted: str | None) -> dict[str, Any]:
    periods = coverage.available_periods(user)
    period = pick_period(periods, wanted)
    return {
        "periods": periods,
        "period_options": [(f"{p:%Y-%m}", long_month_label(p)) for p in periods],
        "period": period,
        "period_param": f"{period:%Y-%m}" if period else "",
        "deadline_day": settings.REPORT_DEADLINE_DAY,
    }


def national(user: PortalUser, wanted: str | None) -> dict[str, Any]:
    context = _period_context(user, wanted)
    period = context["period"]
    if period is None:
        return context
    nation = coverage.national_region(user)
    ranking = coverage.coverage_of_regions(user, level=Region.Level.PROVINCE, period=period)
    context.update(ranking=ranking, map_values=map_values(ranking), nation=nation)
    if nation is not None:
        context.update(_region_figures(user, nation, period))
    return context


def _region_figures(user: PortalUser, region: Region, period: dt.date) -> dict[str, Any]:
    trend = coverage.region_trend(user, region, period)
    total = trend[-1].row  # the trend ends with the chosen month: no separate query
    categories = coverage.region_categories(user, region, period)
    return {
        "total": total,
        "categories": categories,
        "category_chart": category_chart(categories),
        "trend": trend,
        "trend_rows": [(long_month_label(p.period), p.row) for p in trend],
        "trend_chart": trend_chart(trend),
        "projection": coverage.row_progress(
            total, {p.period: p.row.participants for p in trend if p.row is not None}
        ),
    }


def province(user: PortalUser, code: str, wanted: str | None) -> dict[str, Any]:
    region = coverage.readable_region(user, code, Region.Level.PROVINCE)
    context = {"region": region, **_period_context(user, wanted)}
    period = context["period"]
    if period is None:
        return context
    regencies = coverage.coverage_of_regions(
        user, level=Region.Level.REGENCY, period=period, parent=region
    )
    context.update(regencies=regencies, map_values=map_values(regencies))
    context.update(_region_figures(user, region, period))
    context.update(_agreements_panels(user, context))
    return context


def _agreements_panels(user: PortalUser, context: dict[str, Any]) -> dict[str, Any]:
    """The region's scorecard and its agreements timeline over the trend's 24 months."""
    region, period = context["region"], context["period"]
    non_asn = next((r for r in context["categories"] if r.category.code == scorecard.NON_ASN), None)
    start = add_months(period, -23)
    entries = agreements.timeline_for(user, region, start=start, end=month_end(period))
    return {
        "scorecard": scorecard.score(region, period, context["total"], non_asn),
        "timeline": [(entry, TIMELINE_KINDS.get(entry.kind, entry.kind)) for entry in entries],
    }


def regency(user: PortalUser, code: str, wanted: str | None) -> dict[str, Any]:
    region = coverage.readable_region(user, code, Region.Level.REGENCY)
    context = {
        "region": region,
        "offices": list(region_selectors.offices_serving(region)),
        **_period_context(user, wanted),
    }
    if context["period"] is not None:
        context.update(_region_figures(user, region, context["period"]))
        context.update(_agreements_panels(user, context))
    return context


def scorecards(user: PortalUser, code: str | None, wanted: str | None) -> dict[str, Any]:
    """The national ranking of provinces, or of one province's regencies."""
    region = region_selectors.region_for(user, code, Region.Level.PROVINCE) if code else None
    context: dict[str, Any] = {
        "region": region,
        "method": scorecard.METHOD,
        "pillars": scorecard.PILLARS,
    }
    context.update(_period_context(user, wanted))
    if context["period"] is not None:
        level = Region.Level.REGENCY if region else Region.Level.PROVINCE
        context["cards"] = scorecard.ranking(
            user, level=level, period=context["period"], parent=region
        )
        where = f"&wilayah={region.code}" if region else ""
        context["export_query"] = f"bulan={context['period_param']}{where}"
    return context


def completeness_national(user: PortalUser, wanted: str | None) -> dict[str, Any]:
    context = _period_context(user, wanted)
    if context["period"] is not None:
        context["provinces"] = completeness.provinces(user, context["period"])
    return context


def completeness_province(user: PortalUser, code: str, wanted: str | None) -> dict[str, Any]:
    region = region_selectors.region_for(user, code, Region.Level.PROVINCE)
    context = {"region": region, **_period_context(user, wanted)}
    period = context["period"]
    if period is not None:
        context["provinces"] = [
            p for p in completeness.provinces(user, period) if p.province.pk == region.pk
        ]
        context["regencies"] = completeness.regencies(user, region, period)
    return context
