"""Which table a download URL names, built for the asking user (scoped like the pages)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from coverage_portal.dashboards import completeness, panels, scorecard, tables
from participants import selectors as coverage
from regions import selectors as region_selectors
from regions.access.users import PortalUser
from regions.loader import NATIONAL_CODE
from regions.models import Region


def region_by_code(user: PortalUser, code: str) -> Region:
    """The region a download is about; 404 when unknown or outside the user's scope."""
    if code == NATIONAL_CODE:
        nation = coverage.national_region(user)
        if nation is None:
            raise Http404
        return nation
    level = Region.Level.REGENCY if "." in code else Region.Level.PROVINCE
    return region_selectors.region_for(user, code, level)


def _period(user: PortalUser, wanted: str | None, code: str | None, newest: bool) -> dt.date:
    """The month asked for, else the page's default for the region (the partial-month rule)."""
    region = region_by_code(user, code) if code else None
    period = panels.pick_period(coverage.period_choices(user, region), wanted, newest)
    if period is None:
        raise Http404
    return period


def _ranking(user: PortalUser, period: dt.date, code: str | None) -> tables.Table:
    items = coverage.coverage_of_regions(user, level=Region.Level.PROVINCE, period=period)
    return tables.ranking("peringkat", _("Province ranking"), items)


def _regencies(user: PortalUser, period: dt.date, code: str | None) -> tables.Table:
    province = region_by_code(user, code or "")
    if province.level != Region.Level.PROVINCE:
        raise Http404
    items = coverage.coverage_of_regions(
        user, level=Region.Level.REGENCY, period=period, parent=province
    )
    return tables.ranking("kabupaten", province.name, items)


def _categories(user: PortalUser, period: dt.date, code: str | None) -> tables.Table:
    region = region_by_code(user, code or NATIONAL_CODE)
    month = coverage.month_completeness(period, user=user, region=region)
    rows = coverage.region_categories(user, region, period)
    return tables.categories(region.name, rows, month.label)


def _trend(user: PortalUser, period: dt.date, code: str | None) -> tables.Table:
    region = region_by_code(user, code or NATIONAL_CODE)
    trend = coverage.region_trend(user, region, period)
    months = coverage.months_completeness([p.period for p in trend], user=user)
    rows = panels.trend_rows(trend, {p: m.of(region) for p, m in months.items()})
    return tables.trend(region.name, rows)


def _completeness(user: PortalUser, period: dt.date, code: str | None) -> tables.Table:
    if code:
        province = region_by_code(user, code)
        items = completeness.regencies(user, province, period)
        return tables.regency_completeness(province.name, items)
    return tables.completeness(_("Completeness"), completeness.provinces(user, period))


def _scorecards(user: PortalUser, period: dt.date, code: str | None) -> tables.Table:
    region = region_by_code(user, code) if code else None
    if region is not None and region.level != Region.Level.PROVINCE:
        raise Http404
    level = Region.Level.REGENCY if region else Region.Level.PROVINCE
    cards = scorecard.ranking(user, level=level, period=period, parent=region)
    return tables.scorecards(region.name if region else _("Inpres 2/2021 scorecard"), cards)


BUILDERS: dict[str, Callable[[Any, dt.date, str | None], tables.Table]] = {
    "peringkat": _ranking,
    "kabupaten": _regencies,
    "kategori": _categories,
    "tren": _trend,
    "kelengkapan": _completeness,
    "skor": _scorecards,
}


def build(user: PortalUser, name: str, params: Any) -> tuple[tables.Table, str]:
    """The table and a dated file name stem, e.g. `kategori-61-2022-12`."""
    builder = BUILDERS.get(name)
    if builder is None:
        raise Http404
    code = params.get("wilayah") or None
    period = _period(user, params.get("bulan"), code, newest=name == "kelengkapan")
    table = builder(user, period, code)
    return table, "-".join(p for p in (name, code, f"{period:%Y-%m}") if p)
