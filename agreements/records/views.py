"""Regulations, budgets, documents and the per-region timeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import exports, selectors, services
from agreements.documents.models import Document
from agreements.documents.services import document_attach, document_delete
from agreements.filters import BudgetFilter, RegulationFilter
from agreements.forms import BudgetForm, DocumentForm, RegulationForm
from agreements.pages import add_errors, flash_error, get_visible, list_page
from agreements.permissions import may_change, may_view, require_change
from regions import access
from regions.access import Action
from regions.models import Region


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


OWNER_QUERYSETS: dict[str, Callable[[Any], QuerySet]] = {
    "agreement": selectors.agreements_for,
    "meeting": selectors.meetings_for,
    "regulation": selectors.regulations_for,
    "commitment": selectors.commitments_for,
}


@login_required
@require_POST
def document_upload(request: HttpRequest, owner: str, pk: int) -> HttpResponse:
    if owner not in OWNER_QUERYSETS:
        raise Http404
    record = get_visible(OWNER_QUERYSETS[owner](request.user), pk)
    require_change(request.user, record)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            document_attach(
                actor=request.user,
                owner=record,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            flash_error(request, error)
        else:
            messages.success(request, _("The document was attached."))
    else:
        messages.error(request, _("Choose a file to upload."))
    return redirect(f"agreements:{owner}-detail", record.pk)


@login_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(Document.objects.all(), pk=pk)
    if not may_view(request.user, document):
        raise Http404  # as for every record outside the user's scope
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )


@login_required
@require_POST
def document_remove(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.all(), pk=pk)
    if not may_view(request.user, document):
        raise Http404  # as for every record outside the user's scope
    owner = document.owner
    document_delete(actor=request.user, document=document)
    messages.success(request, _("The document was removed."))
    return redirect(f"agreements:{owner._meta.model_name}-detail", owner.pk)


@login_required
def region_timeline(request: HttpRequest, code: str) -> HttpResponse:
    region = access.regions_for(request.user, Action.VIEW).filter(code=code).first()
    if region is None or region.level == Region.Level.NATIONAL:
        raise Http404
    entries = selectors.timeline_for(request.user, region)
    context = {"region": region, "entries": entries, "today": timezone.localdate()}
    return render(request, "agreements/timeline.html", context)
