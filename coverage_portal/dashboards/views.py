"""Dashboard pages: thin views over `panels`, which read the scoped coverage selectors."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from coverage_portal.dashboards import downloads, exports, geo, pages, panels, pdf
from coverage_portal.dashboards import report as report_data
from participants import selectors as coverage
from regions import selectors as region_selectors
from regions.loader import NATIONAL_CODE
from regions.models import Region
from regions.spreadsheets import CONTENT_TYPES


def _month(request: HttpRequest) -> str | None:
    return request.GET.get("bulan")


def _shown(
    request: HttpRequest, page: pages.Page, slots: dict[str, str], *, skip_to_map: bool
) -> HttpResponse:
    context = {"page": page, "content": page.filled(slots), "skip_to_map": skip_to_map}
    return render(request, "dashboards/page.html", context)


@require_GET
@login_required
def national(request: HttpRequest) -> HttpResponse:
    user, wanted = request.user, _month(request)
    page = pages.cached_page(
        request,
        "national",
        None,
        wanted,
        lambda: ("dashboards/national.html", panels.national(user, wanted)),
    )
    return _shown(request, page, {}, skip_to_map=True)


def _region_page(request: HttpRequest, code: str, level: str) -> HttpResponse:
    """A province's or regency's page: kept HTML, with its live parts drawn into it."""
    user, wanted = request.user, _month(request)
    region = coverage.readable_region(user, code, level)

    def build() -> tuple[str, dict[str, Any]]:
        if level == Region.Level.REGENCY:
            return "dashboards/regency.html", panels.regency(user, code, wanted, region=region)
        # `cached_page` has asked whether demo data is shown before it builds.
        demo_data = bool(getattr(request, "demo_data", False))
        context = panels.province(user, code, wanted, region=region, demo_data=demo_data)
        return "dashboards/province.html", context

    page = pages.cached_page(request, level, region, wanted, build)
    slots = pages.kept_slots(
        page, lambda: panels.agreement_slots(user, region, page.period, page.live)
    )
    slots = {**slots, **panels.office_slots(region)}
    return _shown(request, page, slots, skip_to_map=level == Region.Level.PROVINCE)


@require_GET
@login_required
def province(request: HttpRequest, code: str) -> HttpResponse:
    return _region_page(request, code, Region.Level.PROVINCE)


@require_GET
@login_required
def regency(request: HttpRequest, code: str) -> HttpResponse:
    return _region_page(request, code, Region.Level.REGENCY)


@require_GET
@login_required
@cache_control(private=True, max_age=3600)
def boundaries(request: HttpRequest, code: str) -> HttpResponse:
    """GeoJSON of the current children of a region the user may read (ID → provinces)."""
    if code == NATIONAL_CODE:  # the country's outline is public; its features are scoped
        parent = Region.objects.defer("boundary").get(code=NATIONAL_CODE)
    else:
        parent = region_selectors.region_for(request.user, code, Region.Level.PROVINCE)
    return HttpResponse(geo.children_geojson(request.user, parent), "application/geo+json")


@require_GET
@login_required
def export(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    built, stem = downloads.build(request.user, table, request.GET)
    return exports.download(built, fmt, stem)


@require_GET
@login_required
def completeness_national(request: HttpRequest) -> HttpResponse:
    context = panels.completeness_national(request.user, _month(request))
    return render(request, "dashboards/completeness.html", context)


@require_GET
@login_required
def completeness_province(request: HttpRequest, code: str) -> HttpResponse:
    context = panels.completeness_province(request.user, code, _month(request))
    return render(request, "dashboards/completeness.html", context)


@require_GET
@login_required
def scorecards(request: HttpRequest) -> HttpResponse:
    context = panels.scorecards(request.user, request.GET.get("wilayah"), _month(request))
    return render(request, "dashboards/scorecard.html", context)


@require_GET
@login_required
def report(request: HttpRequest, code: str) -> HttpResponse:
    context = report_data.context(request.user, code, _month(request))
    return render(request, "dashboards/report.html", context)


@require_GET
@login_required
def report_pdf(request: HttpRequest, code: str) -> HttpResponse:
    body, stem = pdf.build(request.user, code, _month(request))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{stem}.pdf"'
    return response
