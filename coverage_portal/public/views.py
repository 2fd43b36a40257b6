"""/publik/: the page, and its figures as open-data CSV and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coverage_portal.public import package
from coverage_portal.public.figures import (
    all_published_periods,
    default_period,
    fully_published_periods,
    month_figures,
    published_periods,
)
from coverage_portal.public.limits import rate_limited
from coverage_portal.public.opendata import COLUMNS, LICENCE_URL, licence, rows_of
from coverage_portal.public.trend import chart
from participants.selectors import parse_period
from regions.spreadsheets import neutralise


def _period(request: HttpRequest) -> tuple[dt.date | None, list[dt.date]]:
    periods = published_periods()
    text = request.GET.get("bulan", "")
    if not text:
        return default_period(periods), periods
    try:
        period = parse_period(text)
    except ValueError as error:
        raise Http404 from error
    if period not in periods:
        raise Http404
    return period, periods


@require_GET
@rate_limited
def page(request: HttpRequest) -> HttpResponse:
    period, periods = _period(request)
    figures = month_figures(period) if period else None
    full = set(fully_published_periods())
    context = {
        "figures": figures,
        "periods": [(p, p in full) for p in periods],
        "chart": chart(figures["trend"]) if figures else None,
        "licence": licence(),
    }
    return render(request, "public/index.html", context)


def _download(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_CACHE_SECONDS}"
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


def _csv(rows: list[dict[str, Any]], name: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([neutralise(value) for value in row.values()])
    return _download(response, name)


@require_GET
@rate_limited
def data_csv(request: HttpRequest) -> HttpResponse:
    period, _periods = _period(request)
    if period is None:
        raise Http404
    return _csv(rows_of(month_figures(period)), f"cakupan-{period:%Y-%m}.csv")


@require_GET
@rate_limited
def data_all_csv(request: HttpRequest) -> HttpResponse:
    """Every published month in one file, oldest first: a backfill is one request."""
    rows = [
        row
        for period in reversed(all_published_periods())
        for row in rows_of(month_figures(period))
    ]
    return _csv(rows, package.ALL_CSV)


def _base(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _json(body: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(
        json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json",
    )
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_CACHE_SECONDS}"
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


@require_GET
@rate_limited
def datapackage_json(request: HttpRequest) -> HttpResponse:
    return _json(package.datapackage(_base(request)))


@require_GET
@rate_limited
def dcat_json(request: HttpRequest) -> HttpResponse:
    return _json(package.dcat(_base(request), all_published_periods()))


@require_GET
@rate_limited
def data_json(request: HttpRequest) -> HttpResponse:
    period, _periods = _period(request)
    if period is None:
        raise Http404
    body: dict[str, Any] = {
        "period": f"{period:%Y-%m}",
        "licence": licence(),
        "note": _("Approved figures only; see regencies_reported for completeness."),
        "rows": rows_of(month_figures(period)),
    }
    response = HttpResponse(
        json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type="application/json",
    )
    return _download(response, f"cakupan-{period:%Y-%m}.json")
