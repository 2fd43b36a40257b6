"""Upload counts (preview, then confirm), download exports and blank templates.

Every download asks `regions.selectors.region_for`, which answers 404 for a province outside
the user's scope; uploads are checked row by row by `counts_write`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from participants.periods import current_period, format_period
from participants.transfer import staging
from participants.transfer.counts_export import export_rows, template_rows, with_header
from participants.transfer.counts_import import ImportReport, counts_import
from participants.transfer.forms import (
    ExportForm,
    ImportConfirmForm,
    ImportUploadForm,
    TemplateForm,
)
from regions import access, selectors
from regions.access import Action
from regions.formatting import format_number
from regions.models import Region
from regions.spreadsheets import streamed_spreadsheet_response

PREVIEW_TEMPLATE = "participants/transfer/import.html"


def _require_enter_data(request: HttpRequest) -> None:
    if not access.allows(request.user, Action.ENTER_DATA):
        raise PermissionDenied


def _import_page(request: HttpRequest, status: int = 200, **context: Any) -> HttpResponse:
    partial = getattr(request, "htmx", False)
    template = "participants/transfer/_preview.html" if partial else PREVIEW_TEMPLATE
    context.setdefault("form", ImportUploadForm())
    context["provinces"] = selectors.provinces_for(request.user)
    context["this_month"] = format_period(current_period())
    return render(request, template, context, status=status)


@login_required
@require_GET
def import_upload(request: HttpRequest) -> HttpResponse:
    _require_enter_data(request)
    return _import_page(request)


@login_required
@require_POST
def import_preview(request: HttpRequest) -> HttpResponse:
    _require_enter_data(request)
    form = ImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _import_page(request, status=400, form=form)
    upload = form.cleaned_data["file"]
    data = upload.read()
    report = counts_import(actor=request.user, data=data, filename=upload.name, dry_run=True)
    token = ""
    if report.ok:
        token = staging.stage(
            request.session, data=data, filename=upload.name, warnings=len(report.warnings)
        )
    confirm = ImportConfirmForm(initial={"token": token})
    return _import_page(request, report=report, filename=upload.name, confirm=confirm)


@login_required
@require_POST
def import_apply(request: HttpRequest) -> HttpResponse:
    _require_enter_data(request)
    confirm = ImportConfirmForm(request.POST)
    staged = confirm.is_valid() and staging.staged_file(
        request.session, confirm.cleaned_data["token"]
    )
    if not staged:
        messages.error(request, _("That upload is no longer available; please upload it again."))
        return redirect("participants:import-upload")
    data, entry = staged
    if entry["warnings"] and not confirm.cleaned_data["acknowledge"]:
        report = counts_import(
            actor=request.user, data=data, filename=entry["filename"], dry_run=True
        )
        confirm.add_error("acknowledge", _("Please confirm that you have read the warnings."))
        return _import_page(
            request, status=400, report=report, filename=entry["filename"], confirm=confirm
        )
    report = counts_import(actor=request.user, data=data, filename=entry["filename"])
    if not report.applied:  # the data changed since the preview, e.g. a month was approved
        return _import_page(request, status=409, report=report, filename=entry["filename"])
    staging.discard(request.session, confirm.cleaned_data["token"])
    messages.success(request, _summary(report))
    return redirect("participants:import-upload")


def _summary(report: ImportReport) -> str:
    message = _(
        "Imported %(rows)s rows: %(created)s created, %(updated)s updated, %(unchanged)s unchanged."
    )
    numbers = ("rows", "created", "updated", "unchanged")
    return message % {name: format_number(getattr(report, name)) for name in numbers}


@login_required
@require_GET
def export_counts(request: HttpRequest) -> HttpResponseBase:
    form = ExportForm(request.GET or None)
    if not form.is_valid():
        context = {"form": form, "provinces": selectors.provinces_for(request.user)}
        context["national"] = access.is_national(request.user)
        status = 400 if request.GET else 200
        return render(request, "participants/transfer/export.html", context, status=status)
    province = _province(request, form.cleaned_data["province"], national_ok=True)
    rows = export_rows(user=request.user, province=province, periods=form.periods())
    place = province.code if province else "nasional"
    return _download(rows, form.cleaned_data["format"], f"jumlah-peserta-{place}-{form.label()}")


@login_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponseBase:
    form = TemplateForm(request.GET)
    if not form.is_valid():
        return _import_page(request, status=400, template_form=form)
    province = _province(request, form.cleaned_data["province"])
    assert province is not None
    # A template is for importing: only those who may enter the province's data get one.
    access.require(request.user, Action.ENTER_DATA, province)
    period = form.cleaned_data["period"]
    rows = template_rows(province=province, period=period)
    name = f"templat-jumlah-peserta-{province.code}-{format_period(period)}"
    return _download(rows, form.cleaned_data["format"], name)


def _province(request: HttpRequest, code: str, *, national_ok: bool = False) -> Region | None:
    """The province by code within the user's scope (404 outside); blank = national."""
    if not code and national_ok:
        if not access.is_national(request.user):
            raise PermissionDenied
        return None
    return selectors.region_for(request.user, code, Region.Level.PROVINCE)


def _download(rows: Iterable[tuple[Any, ...]], fmt: str, name: str) -> HttpResponseBase:
    return streamed_spreadsheet_response(with_header(rows), fmt=fmt, stem=name)
