"""Data entry, the reports list, workflow steps and the audit trail (thin views)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from participants.counts.models import Category, MonthlyReport
from participants.entry import selectors, services
from participants.entry.forms import PeriodForm, ReopenForm, SendBackForm, SubmitForm, read_grid
from participants.entry.grid import grid_page, grid_save
from participants.kernel.periods import FIRST_PERIOD, add_months, current_period, parse_period
from regions import access
from regions.access import Action


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _period(text: str) -> Any:
    """A reporting month from the URL; 404 outside January 2014 … this month."""
    try:
        period = parse_period(text)
    except ValueError:
        raise Http404 from None
    if not FIRST_PERIOD <= period <= current_period():
        raise Http404
    return period


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    form = PeriodForm(request.GET or None)
    chosen = form.cleaned_data.get("period") if form.is_valid() else None
    period = chosen or add_months(current_period(), -1)
    single = selectors.single_province(request.user)
    rows = selectors.report_rows(request.user, period, months=12 if single else 1)
    context = {"rows": rows, "form": form, "period": period, "single": single}
    # Every role reads the data-quality pages (each scoped to its regions); no role, no links.
    context["quality_links"] = access.allows(request.user, Action.VIEW)
    return render(request, "participants/report_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def grid(request: HttpRequest, code: str, period: str) -> HttpResponse:
    grid = selectors.grid_for(request.user, code, _period(period))
    if request.method == "GET":
        page = grid_page(grid)
    else:
        page = grid_save(actor=request.user, grid=grid, submission=read_grid(request.POST, grid))
        if page.saved and not _htmx(request):
            messages.success(request, page.saved)
            return redirect(request.path)
    name = "grid_form.html" if _htmx(request) else "grid.html"
    return render(request, f"participants/{name}", page.context())


def _step(request: HttpRequest, code: str, period: str, run: Callable[[Any], Any]) -> HttpResponse:
    province = selectors.province_for(request.user, code)
    report = get_object_or_404(MonthlyReport, province=province, period=_period(period))
    try:
        run(report)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("participants:grid", code=code, period=period)


@login_required
@require_POST
def submit(request: HttpRequest, code: str, period: str) -> HttpResponse:
    form = SubmitForm(request.POST)
    form.is_valid()
    acknowledged = bool(form.cleaned_data.get("acknowledge_warnings"))

    def run(report: MonthlyReport) -> None:
        services.report_submit(actor=request.user, report=report, acknowledge_warnings=acknowledged)
        messages.success(request, _("The report was submitted for approval."))

    return _step(request, code, period, run)


@login_required
@require_POST
def approve(request: HttpRequest, code: str, period: str) -> HttpResponse:
    def run(report: MonthlyReport) -> None:
        services.report_approve(actor=request.user, report=report)
        messages.success(request, _("The report was approved and is now locked."))

    return _step(request, code, period, run)


@login_required
@require_POST
def send_back(request: HttpRequest, code: str, period: str) -> HttpResponse:
    form = SendBackForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""

    def run(report: MonthlyReport) -> None:
        services.report_send_back(actor=request.user, report=report, comment=comment)
        messages.success(request, _("The report was sent back to the officers."))

    return _step(request, code, period, run)


@login_required
@require_POST
def reopen(request: HttpRequest, code: str, period: str) -> HttpResponse:
    form = ReopenForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""

    def run(report: MonthlyReport) -> None:
        services.report_reopen(actor=request.user, report=report, reason=reason)
        messages.success(request, _("The report was reopened."))

    return _step(request, code, period, run)


@login_required
def report_history(request: HttpRequest, code: str, period: str) -> HttpResponse:
    province = selectors.province_for(request.user, code)
    report = get_object_or_404(MonthlyReport, province=province, period=_period(period))
    context = {
        "report": report,
        "events": selectors.report_events(report),
        "changes": selectors.with_previous(selectors.report_changes(request.user, report)),
    }
    return render(request, "participants/report_history.html", context)


@login_required
def cell_history(
    request: HttpRequest, code: str, period: str, regency: str, category: str
) -> HttpResponse:
    province = selectors.province_for(request.user, code)
    region = get_object_or_404(
        access.regions_for(request.user, Action.VIEW), parent=province, code=regency
    )
    cat = get_object_or_404(Category, code=category)
    changes = selectors.cell_changes(request.user, region, cat, _period(period))
    context = {
        "province": province,
        "period": _period(period),
        "region": region,
        "category": cat,
        "changes": selectors.with_previous(changes),
    }
    name = "cell_history_partial.html" if _htmx(request) else "cell_history.html"
    return render(request, f"participants/{name}", context)
