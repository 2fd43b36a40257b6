"""Pages of commitments, regional regulations and budget allocations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements.kernel.pages import add_errors, flash_error, get_visible, list_page
from agreements.kernel.permissions import may_change, require_change
from agreements.kernel.uploads import DocumentForm
from agreements.meetings.selectors import meetings_for
from agreements.mou.selectors import agreements_for
from agreements.records import exports, selectors, services
from agreements.records.filters import BudgetFilter, CommitmentFilter, RegulationFilter
from agreements.records.forms import (
    BudgetForm,
    CommitmentForm,
    CommitmentStatusForm,
    RegulationForm,
)
from agreements.records.models import Commitment
from regions.values.numbers import read_digits


@login_required
def commitment_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        template="agreements/commitment_list.html",
        queryset=selectors.commitments_for(request.user),
        filterset=CommitmentFilter,
        table=exports.commitments_table,
        name="komitmen",
    )


@login_required
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_visible(
        selectors.commitments_for(request.user).prefetch_related("documents"), pk
    )
    context = {
        "commitment": commitment,
        "editable": may_change(request.user, commitment),
        "status_form": CommitmentStatusForm(initial={"status": commitment.status}),
        "document_form": DocumentForm(),
        "today": timezone.localdate(),
    }
    return render(request, "agreements/commitment_detail.html", context)


@login_required
def commitment_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    commitment = _commitment_for_form(request, pk)
    form = CommitmentForm(request.POST or None, instance=commitment, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.commitment_save(actor=request.user, commitment=form.save(commit=False))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The commitment was saved."))
            return redirect("agreements:commitment-detail", saved.pk)
    source = commitment.agreement or commitment.meeting
    context = {"form": form, "record": commitment if pk else None, "source": source}
    return render(request, "agreements/commitment_form.html", context)


def _commitment_for_form(request: HttpRequest, pk: int | None) -> Commitment:
    """An existing commitment, or a new one attached to ?agreement= or ?meeting=."""
    if pk:
        commitment = get_visible(selectors.commitments_for(request.user), pk)
        require_change(request.user, commitment)
        return commitment
    source = request.GET.get("agreement"), request.GET.get("meeting")
    ids = [read_digits(text, max_digits=18) for text in source]
    if ids[0] is not None:
        agreement = get_visible(agreements_for(request.user), ids[0])
        return Commitment(agreement=agreement, region=agreement.region)
    if ids[1] is not None:
        meeting = get_visible(meetings_for(request.user), ids[1])
        return Commitment(meeting=meeting, region=meeting.host_region)
    raise PermissionDenied


@login_required
@require_POST
def commitment_status(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_object_or_404(selectors.commitments_for(request.user), pk=pk)
    form = CommitmentStatusForm(request.POST)
    if form.is_valid():
        try:
            services.commitment_set_status(
                actor=request.user, commitment=commitment, **form.cleaned_data
            )
        except ValidationError as error:
            flash_error(request, error)
    return redirect("agreements:commitment-detail", commitment.pk)


@login_required
def regulation_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        template="agreements/regulation_list.html",
        queryset=selectors.regulations_for(request.user),
        filterset=RegulationFilter,
        table=exports.regulations_table,
        name="regulasi",
    )


@login_required
def regulation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    regulation = get_visible(
        selectors.regulations_for(request.user).prefetch_related("documents"), pk
    )
    context = {
        "regulation": regulation,
        "editable": may_change(request.user, regulation),
        "document_form": DocumentForm(),
    }
    return render(request, "agreements/regulation_detail.html", context)


def _simple_edit(
    request: HttpRequest, *, queryset: QuerySet, pk: int | None, form_class: Any, save: Any
) -> tuple[Any, Any]:
    """Shared by regulation and budget forms: returns (form, saved record or None)."""
    record = get_visible(queryset, pk) if pk else queryset.model()
    if pk:
        require_change(request.user, record)
    form = form_class(request.POST or None, instance=record, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            return form, save(request.user, form.save(commit=False))
        except ValidationError as error:
            add_errors(form, error)
    return form, None


@login_required
def regulation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    form, saved = _simple_edit(
        request,
        queryset=selectors.regulations_for(request.user),
        pk=pk,
        form_class=RegulationForm,
        save=lambda user, record: services.regulation_save(actor=user, regulation=record),
    )
    if saved:
        messages.success(request, _("The regulation was saved."))
        return redirect("agreements:regulation-detail", saved.pk)
    title = _("Edit regulation") if pk else _("New regional regulation")
    return render(request, "agreements/simple_form.html", {"form": form, "title": title})


@login_required
def budget_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        template="agreements/budget_list.html",
        queryset=selectors.budgets_for(request.user),
        filterset=BudgetFilter,
        table=exports.budgets_table,
        name="anggaran",
    )


@login_required
def budget_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    form, saved = _simple_edit(
        request,
        queryset=selectors.budgets_for(request.user),
        pk=pk,
        form_class=BudgetForm,
        save=lambda user, record: services.budget_save(actor=user, budget=record),
    )
    if saved:
        messages.success(request, _("The budget allocation was saved."))
        return redirect(f"{_budget_list_url()}?region={saved.region.code}")
    title = _("Edit budget allocation") if pk else _("New budget allocation")
    return render(request, "agreements/simple_form.html", {"form": form, "title": title})


def _budget_list_url() -> str:
    return reverse("agreements:budget-list")
