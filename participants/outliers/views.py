"""The outlier analysis page and its CSV download (every row, no cap)."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from participants.followup.forms import FollowUpOpenForm
from participants.followup.services import follows_up
from participants.outliers.forms import OutlierForm
from participants.outliers.selectors import Outlier, outliers_for
from regions.values.formatting import format_number

PAGE_SIZE = 100


@login_required
def outlier_list(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    form = OutlierForm(request.user, request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "participants/outliers/list.html", {"form": form}, status=400)
    if not request.GET:
        form = OutlierForm(request.user, {})
        form.is_valid()
    data = form.cleaned_data
    found = outliers_for(
        request.user,
        first=data["dari"],
        last=data["bulan"],
        region=data.get("wilayah"),
        method=data["metode"],
    )
    if request.GET.get("format") == "csv":
        return _csv(found)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("halaman"))
    context = {
        "form": form,
        "page": page,
        "total": len(found),
        "mark_form": FollowUpOpenForm(),
        "query": request.GET.urlencode(),
        "follows_up": follows_up(request.user),
    }
    return render(request, "participants/outliers/list.html", context)


def _lines(found: list[Outlier]) -> Iterator[list[str]]:
    yield [
        _("Regency code"),
        _("Regency"),
        _("Category"),
        _("Month"),
        _("Value"),
        _("Reference"),
        _("Score"),
        _("Followed up"),
    ]
    for o in found:
        yield [
            o.region_code,
            o.region_name,
            o.category_code,
            f"{o.period:%Y-%m}",
            format_number(o.value),
            format_number(o.reference),
            o.score_text,
            _("yes") if o.followed_up else _("no"),
        ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv(found: list[Outlier]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(line) for line in _lines(found)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="pencilan.csv"'
    return response
