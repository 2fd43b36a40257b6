"""Coverage tables: national (provinces) and per province (regencies), with exports."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from participants.coverage.export import table_response
from participants.coverage.kept import kept_table
from participants.coverage.selectors import latest_complete_period
from participants.coverage.table_html import body_rows
from participants.coverage.tables import coverage_table
from participants.kernel.periods import parse_period
from regions.models import Region
from regions.selectors import region_for


def _chosen_period(request: HttpRequest, parent: Region | None) -> dt.date | None:
    """The month asked for, else the newest complete one (participants.coverage.completeness)."""
    text = request.GET.get("period", "")
    if text:
        try:
            return parse_period(text)
        except ValueError as error:
            raise Http404 from error
    return latest_complete_period(request.user, parent)


def _render(request: HttpRequest, parent: Region | None) -> HttpResponse:
    period = _chosen_period(request, parent)
    if period is None:
        return render(request, "participants/coverage/empty.html", {"parent": parent})
    export = request.GET.get("format")
    if export in ("csv", "xlsx"):
        return table_response(coverage_table(request.user, period=period, parent=parent), export)
    content = kept_table(request, parent, period, lambda: _table_html(request, parent, period))
    context = {"content": content, "parent": parent, "period": period}
    return render(request, "participants/coverage/table.html", context)


def _table_html(request: HttpRequest, parent: Region | None, period: dt.date) -> str:
    table = coverage_table(request.user, period=period, parent=parent)
    context = {"table": table, "body_rows": body_rows(table)}
    return render_to_string("participants/coverage/_table.html", context, request)


@login_required
def national(request: HttpRequest) -> HttpResponse:
    return _render(request, None)


@login_required
def province(request: HttpRequest, code: str) -> HttpResponse:
    return _render(request, region_for(request.user, code, Region.Level.PROVINCE))
