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
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from participants.kernel.periods import add_months, current_period, format_period, parse_period
from participants.transfer import grid_shape, staging
from participants.transfer.counts_export import export_rows, template_rows, with_header
from participants.transfer.counts_import import ImportReport, counts_import
from participants.transfer.failures import import_failure_record
from participants.transfer.forms import (
    SHAPES,
    ExportForm,
    ImportConfirmForm,
    ImportUploadForm,
    PreviewPageForm,
    TemplateForm,
)
from participants.transfer.preview import check_record, preview_page
from regions import access, selectors
from regions.access import Action
from regions.models import Region
from regions.spreadsheets import CONTENT_TYPES, safe_filename, streamed_spreadsheet_response
from regions.values.formatting import format_number

PREVIEW_TEMPLATE = "participants/transfer/import.html"


def _require_enter_data(request: HttpRequest) -> None:
    if not access.allows(request.user, Action.ENTER_DATA):
        raise PermissionDenied


def _import_page(request: HttpRequest, status: int = 200, **context: Any) -> HttpResponse:
    # The partial is a preview's check: without one (the upload page itself) the whole page.
    partial = getattr(request, "htmx", False) and context.get("report") is not None
    template = "participants/transfer/_preview.html" if partial else PREVIEW_TEMPLATE
    context.setdefault("form", ImportUploadForm())
    context["provinces"] = selectors.provinces_for(request.user)
    context["due_month"] = format_period(add_months(current_period(), -1))
    context["shapes"] = SHAPES
    response = render(request, template, context, status=status)
    if getattr(request, "htmx", False) and not partial:
        response["HX-Retarget"], response["HX-Reswap"] = "body", "innerHTML"
    return response


@login_required
@require_GET
def import_upload(request: HttpRequest) -> HttpResponse:
    _require_enter_data(request)
    return _import_page(request, imported=_imported_months(request))


def _imported_months(request: HttpRequest) -> list[dict[str, Any]]:
    """The months just imported (?selesai=61:2024-05,…), within the user's scope."""
    months = []
    for item in request.GET.get("selesai", "").split(",")[:24]:
        code, _sep, period = item.partition(":")
        try:
            month = parse_period(period)
        except ValueError:
            continue
        province = selectors.provinces_for(request.user).filter(code=code).first()
        if province is not None:
            months.append({"province": province, "period": month, "text": period})
    return months


@login_required
@require_POST
def import_preview(request: HttpRequest) -> HttpResponse:
    _require_enter_data(request)
    form = ImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _import_page(request, status=400, form=form)
    upload = form.cleaned_data["file"]
    report = counts_import(actor=request.user, data=upload, filename=upload.name, dry_run=True)
    if not report.ok:
        import_failure_record(actor=request.user, filename=upload.name, report=report)
    token = staging.stage(
        request.session,
        user_id=_user_id(request),
        source=upload,
        filename=upload.name,
        check=check_record(report),
    )
    return _preview(request, token, upload.name, staging.check_of(**_staged(request, token)))


def _staged(request: HttpRequest, token: str) -> dict[str, Any]:
    return {"session": request.session, "user_id": _user_id(request), "token": token}


def _user_id(request: HttpRequest) -> int:
    return int(request.user.pk or 0)  # the views are behind login_required


def _preview(
    request: HttpRequest,
    token: str,
    filename: str,
    check: dict[str, Any] | None,
    page: int = 1,
    status: int = 200,
    confirm: ImportConfirmForm | None = None,
) -> HttpResponse:
    if check is None:
        messages.error(request, _("That upload is no longer available; please upload it again."))
        return redirect("participants:import-upload")
    confirm = confirm or ImportConfirmForm(initial={"token": token})
    report = preview_page(token, check, page)
    return _import_page(request, status, report=report, filename=filename, confirm=confirm)


@login_required
@require_GET
def import_preview_page(request: HttpRequest, token: str) -> HttpResponse:
    """Another page of a preview's problems, from what the check recorded."""
    _require_enter_data(request)
    page = PreviewPageForm(request.GET)
    number = page.cleaned_data["halaman"] if page.is_valid() else 1
    entry = request.session.get(staging.SESSION_KEY, {}).get(token, {})
    check = staging.check_of(**_staged(request, token))
    return _preview(request, token, entry.get("filename", ""), check, page=number or 1)


@login_required
@require_POST
def import_cancel(request: HttpRequest) -> HttpResponse:
    _require_enter_data(request)
    confirm = ImportConfirmForm(request.POST)
    if confirm.is_valid():
        staging.discard(**_staged(request, confirm.cleaned_data["token"]))
    messages.info(request, _("The upload was discarded; nothing was imported."))
    return redirect("participants:import-upload")


@login_required
@require_POST
def import_apply(request: HttpRequest) -> HttpResponse:
    _require_enter_data(request)
    confirm = ImportConfirmForm(request.POST)
    if not confirm.is_valid():
        return _preview(request, "", "", None)
    token = confirm.cleaned_data["token"]
    with staging.staged_file(**_staged(request, token)) as staged:
        if not staged:
            return _preview(request, token, "", None)
        handle, entry = staged
        if entry["warnings"] and not confirm.cleaned_data["acknowledge"]:
            confirm.add_error("acknowledge", _("Please confirm that you have read the warnings."))
            check = staging.check_of(**_staged(request, token))
            return _preview(request, token, entry["filename"], check, status=400, confirm=confirm)
        report = counts_import(
            actor=request.user,
            data=handle,
            filename=entry["filename"],
            warnings_acknowledged=bool(entry["warnings"]),
        )
    # Applied or refused, the preview is done with: a refused file is uploaded again.
    staging.discard(**_staged(request, token))
    if not report.applied:  # the data changed since the preview, e.g. a month was approved
        import_failure_record(
            actor=request.user, filename=entry["filename"], report=report, applying=True
        )
        refused = preview_page("", check_record(report), 1)
        return _import_page(request, 409, report=refused, filename=entry["filename"])
    messages.success(request, _summary(report))
    done = ",".join(f"{code}:{format_period(period)}" for code, period in report.months)
    return redirect(reverse("participants:import-upload") + f"?selesai={done}")


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
    name = _("participant-count-template-%(province)s-%(month)s") % {
        "province": province.code,
        "month": format_period(period),
    }
    fmt = form.cleaned_data["format"]
    if form.cleaned_data["shape"] == "grid":
        return _grid_template(province, period, fmt, name)
    return _download(template_rows(province=province, period=period), fmt, name)


def _grid_template(province: Region, period: Any, fmt: str, name: str) -> HttpResponse:
    if fmt == "xlsx":
        content: bytes | str = grid_shape.template_xlsx(province, period)
    else:
        content = grid_shape.template_csv(province, period)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{safe_filename(name, fmt)}"'
    return response


def _province(request: HttpRequest, code: str, *, national_ok: bool = False) -> Region | None:
    """The province by code within the user's scope (404 outside); blank = national."""
    if not code and national_ok:
        if not access.is_national(request.user):
            raise PermissionDenied
        return None
    return selectors.region_for(request.user, code, Region.Level.PROVINCE)


def _download(rows: Iterable[tuple[Any, ...]], fmt: str, name: str) -> HttpResponseBase:
    return streamed_spreadsheet_response(with_header(rows), fmt=fmt, stem=name)
