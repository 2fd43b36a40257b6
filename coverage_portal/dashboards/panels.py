"""What each dashboard page shows, assembled from the coverage selectors.

Views, exports and the printable report all call these builders, so a number is computed
in one place and every rendering of it agrees.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from agreements import selectors as agreements
from coverage_portal.dashboards import completeness, parts, published, scorecard
from coverage_portal.dashboards.charts import (
    category_chart,
    long_month_label,
    map_values,
    trend_chart,
    trend_rows,
)
from participants import selectors as coverage
from participants.selectors import add_months, month_end, parse_period
from regions import selectors as region_selectors
from regions.access.users import PortalUser
from regions.models import Region

TIMELINE_KINDS = {
    "agreement": _("agreement"),
    "meeting": _("meeting"),
    "regulation": _("regulation"),
    "budget": _("budget"),
    "commitment": _("commitment"),
}


def pick_period(
    months: list[coverage.MonthCompleteness], wanted: str | None, newest: bool = False
) -> dt.date | None:
    """The month asked for when it has figures; otherwise the latest complete month (the
    partial-month rule in participants.coverage.completeness), or the newest when `newest`."""
    periods = [m.period for m in months]
    if wanted:
        try:
            period = parse_period(wanted)
        except ValueError:
            period = None
        if period in periods:
            return period
    if newest:
        return periods[0] if periods else None
    return coverage.latest_complete(months)


def _period_context(
    user: PortalUser, wanted: str | None, region: Region | None = None, newest: bool = False
) -> dict[str, Any]:
    months = coverage.period_choices(user, region)
    period = pick_period(months, wanted, newest)
    by_period = {m.period: m for m in months}
    return {
        "periods": [m.period for m in months],
        "months": by_period,
        "period_options": [(f"{m.period:%Y-%m}", option_label(m)) for m in months],
        "period": period,
        "period_param": f"{period:%Y-%m}" if period else "",
        "completeness": by_period.get(period) if period else None,
        "deadline_day": settings.REPORT_DEADLINE_DAY,
        "computed": coverage.last_computation(),  # keys the cached parts (parts.cached)
    }


def option_label(month: coverage.MonthCompleteness) -> str:
    """'November 2026 · partial: 12 of 38 provinces reported' in the month selector."""
    name = long_month_label(month.period)
    return f"{name} · {month.label}" if month.partial else name


def national(user: PortalUser, wanted: str | None) -> dict[str, Any]:
    context = _period_context(user, wanted)
    period = context["period"]
    context["title"] = _titled(str(_("National dashboard")), period)
    if period is None:
        return context
    nation = coverage.national_region(user)
    ranking = parts.cached(
        "ranking",
        user,
        context["computed"],
        [context["completeness"]],
        period,
        build=lambda: coverage.coverage_of_regions(
            user, level=Region.Level.PROVINCE, period=period, month=context["completeness"]
        ),
    )
    context.update(ranking=ranking, map_values=map_values(ranking), nation=nation)
    if nation is not None:
        context.update(_cached_figures(user, nation, context))
    return context


def _cached_figures(user: PortalUser, region: Region, context: dict[str, Any]) -> dict[str, Any]:
    return parts.cached(
        "figures",
        user,
        context["computed"],
        context["months"].values(),
        region.pk,
        context["period"],
        build=lambda: _region_figures(user, region, context),
    )


def _region_figures(user: PortalUser, region: Region, context: dict[str, Any]) -> dict[str, Any]:
    period = context["period"]
    trend = coverage.region_trend(user, region, period)
    total = trend[-1].row  # the trend ends with the chosen month: no separate query
    categories = coverage.region_categories(user, region, period) if total else []
    months = {p: m.of(region) for p, m in context["months"].items()}
    rows = trend_rows(trend, months)
    return {
        "total": total,
        "categories": categories,
        "category_chart": category_chart(categories),
        "trend": trend,
        "trend_rows": rows,
        "trend_chart": trend_chart(rows),
        "projection": coverage.row_progress(
            total,
            {
                p.period: p.row.participants
                for p in trend
                if p.row is not None and p.row.participants is not None
            },
        ),
        "target_source": coverage.target_source(region, period.year) if total else "",
    }


def province(
    user: PortalUser,
    code: str,
    wanted: str | None,
    *,
    region: Region | None = None,
    agreements: bool = False,
    demo_data: bool | None = None,
) -> dict[str, Any]:
    """The province page. Its timeline and scorecard are drawn here with `agreements` (the
    printable report); the page itself is kept as HTML and `agreement_slots` draws them."""
    region = region or coverage.readable_region(user, code, Region.Level.PROVINCE)
    context = {"region": region, **_period_context(user, wanted, region)}
    context["title"] = _titled(region.name, context["period"])
    period = context["period"]
    if period is None:
        return context
    regencies = parts.cached(
        "regencies",
        user,
        context["computed"],
        [context["completeness"]],
        region.pk,
        period,
        build=lambda: coverage.coverage_of_regions(
            user,
            level=Region.Level.REGENCY,
            period=period,
            parent=region,
            month=context["completeness"],
        ),
    )
    context.update(regencies=regencies, map_values=map_values(regencies))
    context.update(_cached_figures(user, region, context))
    _with_agreements(user, context, agreements)
    # Asked once for the page (or by the caller): the note and the header's badge read the
    # same answer.
    context["demo_data"] = coverage.demo_data_present() if demo_data is None else demo_data
    context["published_note"] = published.note(user, region, demo_data=context["demo_data"])
    return context


def _titled(name: str, period: dt.date | None) -> str:
    return f"{name} · {formats.date_format(period, 'F Y')}" if period else name


def _with_agreements(user: PortalUser, context: dict[str, Any], now: bool) -> None:
    """What the scorecard needs of the figures; the scorecard and timeline themselves now,
    or later by `agreement_slots`."""
    non_asn = next((r for r in context["categories"] if r.category.code == scorecard.NON_ASN), None)
    region = context["region"]
    context["live"] = {"total": context["total"], "non_asn": non_asn}
    if now:
        context.update(agreements_panels(user, region, context["period"], **context["live"]))
    elif region.level == Region.Level.REGENCY:  # kept: its scorecard links to the parent's
        context["live"]["parent_code"] = region.parent.code


def agreements_panels(
    user: PortalUser,
    region: Region,
    period: dt.date,
    *,
    total: Any,
    non_asn: Any,
    parent_code: str | None = None,
) -> dict[str, Any]:
    """The region's scorecard and its agreements timeline over the trend's 24 months."""
    start = add_months(period, -23)
    entries = agreements.timeline_for(user, region, start=start, end=month_end(period))
    return {
        "scorecard": scorecard.score(region, period, total, non_asn),
        "timeline": [(entry, TIMELINE_KINDS.get(entry.kind, entry.kind)) for entry in entries],
    }


def office_slots(region: Region) -> dict[str, str]:
    """A regency's BPJS offices, drawn for every request (offices keep no history to key a
    kept copy on)."""
    if region.level != Region.Level.REGENCY:
        return {}
    offices = region_selectors.offices_serving(region)
    return {"offices": render_to_string("dashboards/_offices.html", {"offices": offices})}


def agreement_slots(
    user: PortalUser, region: Region, period: dt.date | None, live: dict[str, Any]
) -> dict[str, str]:
    """A province's or regency's timeline and scorecard, drawn into slots of the kept page."""
    if period is None:
        return {}
    context = {"region": region, "period_param": f"{period:%Y-%m}", **live}
    context.update(agreements_panels(user, region, period, **live))
    return {
        "timeline": render_to_string("dashboards/_timeline.html", context),
        "scorecard": render_to_string("dashboards/_scorecard_card.html", context),
    }


def regency(
    user: PortalUser, code: str, wanted: str | None, *, region: Region | None = None
) -> dict[str, Any]:
    """The regency page, its offices, timeline and scorecard left to `office_slots` and
    `agreement_slots`."""
    region = region or coverage.readable_region(user, code, Region.Level.REGENCY)
    context = {"region": region, **_period_context(user, wanted, region)}
    context["title"] = _titled(region.name, context["period"])
    if context["period"] is not None:
        context.update(_cached_figures(user, region, context))
        _with_agreements(user, context, now=False)
    return context


def scorecards(user: PortalUser, code: str | None, wanted: str | None) -> dict[str, Any]:
    """The national ranking of provinces, or of one province's regencies."""
    region = region_selectors.region_for(user, code, Region.Level.PROVINCE) if code else None
    context: dict[str, Any] = {
        "region": region,
        "method": scorecard.METHOD,
        "pillars": scorecard.PILLARS,
    }
    context.update(_period_context(user, wanted, region))
    if context["period"] is not None:
        level = Region.Level.REGENCY if region else Region.Level.PROVINCE
        context["cards"] = scorecard.ranking(
            user, level=level, period=context["period"], parent=region
        )
        where = f"&wilayah={region.code}" if region else ""
        context["export_query"] = f"bulan={context['period_param']}{where}"
    return context


# The completeness pages open on the newest month, the one being reported: showing who has
# not reported yet is what they are for.
def completeness_national(user: PortalUser, wanted: str | None) -> dict[str, Any]:
    context = _period_context(user, wanted, newest=True)
    if context["period"] is not None:
        context["provinces"] = completeness.provinces(user, context["period"])
    return context


def completeness_province(user: PortalUser, code: str, wanted: str | None) -> dict[str, Any]:
    region = region_selectors.region_for(user, code, Region.Level.PROVINCE)
    context = {"region": region, **_period_context(user, wanted, region, newest=True)}
    period = context["period"]
    if period is not None:
        context["provinces"] = [
            p for p in completeness.provinces(user, period) if p.province.pk == region.pk
        ]
        context["regencies"] = completeness.regencies(user, region, period)
    return context
