"""The analysis pages: thin views over the pivot, the reporting-rate grid and the card."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from coverage_portal.analysis import reporting
from coverage_portal.analysis.infographic.cache import card_png
from coverage_portal.analysis.infographic.figures import card_figures
from coverage_portal.analysis.pivot import download
from coverage_portal.analysis.pivot.choice import PivotError
from coverage_portal.analysis.pivot.page import context, pivot_for
from regions.spreadsheets import spreadsheet_response


@require_GET
@login_required
def pivot(request: HttpRequest) -> HttpResponse:
    try:
        found = context(request.user, request.GET)
    except PivotError as error:
        return render(request, "analysis/pivot.html", {"error": str(error)}, status=400)
    return render(request, "analysis/pivot.html", found)


def _pivot_download(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        found = pivot_for(request.user, request.GET)
    except PivotError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    if found is None:
        return HttpResponse(status=404)
    return spreadsheet_response(
        download.rows(found), fmt=fmt, stem=download.stem(found), bom=fmt == "csv"
    )


@require_GET
@login_required
def pivot_csv(request: HttpRequest) -> HttpResponse:
    return _pivot_download(request, "csv")


@require_GET
@login_required
def pivot_xlsx(request: HttpRequest) -> HttpResponse:
    return _pivot_download(request, "xlsx")


def _reporting(request: HttpRequest) -> reporting.Grid:
    end, count = reporting.choice(request.GET)
    return reporting.grid_for(request.user, end, count)


@require_GET
@login_required
def reporting_rates(request: HttpRequest) -> HttpResponse:
    try:
        grid = _reporting(request)
    except reporting.GridError as error:
        return render(request, "analysis/reporting.html", {"error": str(error)}, status=400)
    context = {
        "grid": grid,
        "lines": [(p, grid.row(p), grid.by_province[p.pk]) for p in grid.provinces],
        "month_totals": [grid.by_month[m] for m in grid.months],
        "query": request.GET.urlencode(),
        "end": grid.months[-1],
        "count": len(grid.months),
    }
    return render(request, "analysis/reporting.html", context)


@require_GET
@login_required
def reporting_csv(request: HttpRequest) -> HttpResponse:
    try:
        grid = _reporting(request)
    except reporting.GridError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    stem = f"pelaporan-{grid.months[0]:%Y-%m}-{grid.months[-1]:%Y-%m}"
    return spreadsheet_response(reporting.spreadsheet_rows(grid), fmt="csv", stem=stem, bom=True)


@require_GET
@login_required
def infographic(request: HttpRequest, code: str) -> HttpResponse:
    """A province's card as PNG; 404 outside the scope or without figures."""
    figures = card_figures(request.user, code, request.GET.get("bulan"))
    if figures is None:
        raise Http404
    response = HttpResponse(card_png(figures), content_type="image/png")
    name = f"infografik-{figures.code}-{figures.month}.png"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = "private, max-age=300"
    return response
