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
from django.views.decorators.http import require_GET

from coverage_portal.public.figures import month_figures, published_periods
from coverage_portal.public.limits import rate_limited
from coverage_portal.public.opendata import LICENCE, rows_of
from coverage_portal.public.trend import bars
from participants.selectors import parse_period
from regions.spreadsheets import neutralise


def _period(request: HttpRequest) -> tuple[dt.date | None, list[dt.date]]:
    periods = published_periods()
    text = request.GET.get("bulan", "")
    if not text:
        return (periods[0] if periods else None), periods
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
    context = {
        "figures": figures,
        "periods": periods,
        "bars": bars(figures["trend"]) if figures else [],
        "licence": LICENCE,
    }
    return render(request, "public/index.html", context)


def _download(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_CACHE_SECONDS}"
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    return response


@require_GET
@rate_limited
def data_csv(request: HttpRequest) -> HttpResponse:
    period, _periods = _period(request)
    if period is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv.writer(response)
    rows = rows_of(month_figures(period))
    writer.writerow(list(rows[0]) if rows else [])
    for row in rows:
        writer.writerow([neutralise(value) for value in row.values()])
    return _download(response, f"cakupan-{period:%Y-%m}.csv")


@require_GET
@rate_limited
def data_json(request: HttpRequest) -> HttpResponse:
    period, _periods = _period(request)
    if period is None:
        raise Http404
    body: dict[str, Any] = {
        "period": f"{period:%Y-%m}",
        "licence": LICENCE,
        "note": "Approved figures only; see `regencies_reported` for completeness.",
        "rows": rows_of(month_figures(period)),
    }
    response = HttpResponse(
        json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type="application/json",
    )
    return _download(response, f"cakupan-{period:%Y-%m}.json")
