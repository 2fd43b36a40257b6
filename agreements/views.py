"""Agreement and commitment pages: lists with filters and exports, details, forms, lifecycle."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import exports, selectors, services
from agreements.filters import AgreementFilter, CommitmentFilter
from agreements.forms import (
    AgreementForm,
    CommitmentForm,
    CommitmentStatusForm,
    DocumentForm,
    RenewForm,
    SignatoryFormSet,
    SignForm,
    TerminateForm,
)
from agreements.formsets import adding_row, quiet, with_extra_row
from agreements.models import Agreement, Commitment
from agreements.permissions import may_change, require_change
from agreements.viewkit import add_errors, flash_error, get_visible, list_page
from regions.numbers import read_digits


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        template="agreements/agreement_list.html",
        queryset=selectors.agreements_for(request.user).order_by("-signed_on", "-pk"),
        filterset=AgreementFilter,
        table=exports.agreements_table,
        name="kesepakatan",
    )


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_visible(
        selectors.agreements_for(request.user).prefetch_related(
            "signatories", "legal_bases", "documents", "commitments__region"
        ),
        pk,
    )
    editable = may_change(request.user, agreement)
    context = {
        "agreement": agreement,
        "editable": editable,
        "today": timezone.localdate(),
        "sign_form": SignForm(initial={"signed_on": timezone.localdate()}),
        "terminate_form": TerminateForm(),
        "renew_form": RenewForm(agreement=agreement) if editable else None,
        "document_form": DocumentForm(),
        "predecessor": Agreement.objects.filter(successor=agreement).first(),
    }
    return render(request, "agreements/agreement_detail.html", context)


@login_required
def agreement_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    agreement = get_visible(selectors.agreements_for(request.user), pk) if pk else Agreement()
    if pk:
        require_change(request.user, agreement)
    adding = adding_row(request)
    data = with_extra_row(request.POST, adding) if adding else request.POST or None
    form = AgreementForm(data, instance=agreement, user=request.user)
    people = SignatoryFormSet(data, instance=agreement, prefix="sig")
    if adding:
        quiet(form, people)
    elif request.method == "POST" and form.is_valid() and people.is_valid():
        try:
            with transaction.atomic():
                saved = services.agreement_save(
                    actor=request.user,
                    agreement=form.save(commit=False),
                    legal_bases=form.cleaned_data["legal_bases"],
                )
                services.signatory_set(actor=request.user, agreement=saved, people=_people(people))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The agreement was saved."))
            return redirect("agreements:agreement-detail", saved.pk)
    context = {"form": form, "people": people, "record": agreement if pk else None}
    return render(request, "agreements/agreement_form.html", context)


def _people(formset: Any) -> list[tuple[str, str, str]]:
    return [
        (f.cleaned_data["side"], f.cleaned_data["name"], f.cleaned_data["position"])
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def _lifecycle(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    agreement = get_visible(selectors.agreements_for(request.user), pk)
    require_change(request.user, agreement)
    try:
        _run_step(request, agreement, step)
    except ValidationError as error:
        flash_error(request, error)
    else:
        messages.success(
            request,
            _("The agreement is now: %(status)s.") % {"status": agreement.get_status_display()},
        )
    return redirect("agreements:agreement-detail", agreement.pk)


def _run_step(request: HttpRequest, agreement: Agreement, step: str) -> None:
    user = request.user
    if step == "activate":
        services.agreement_activate(actor=user, agreement=agreement)
        return
    form: Any = {"sign": SignForm, "terminate": TerminateForm}.get(step)
    form = form(request.POST) if form else RenewForm(request.POST, agreement=agreement)
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    data = form.cleaned_data
    if step == "sign":
        services.agreement_sign(
            actor=user, agreement=agreement, signed_on=data["signed_on"], place=data["place"]
        )
    elif step == "terminate":
        services.agreement_terminate(
            actor=user, agreement=agreement, ended_on=data["ended_on"], reason=data["reason"]
        )
    else:
        services.agreement_renew(actor=user, agreement=agreement, successor=data["successor"])


@login_required
@require_POST
def agreement_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if step not in ("sign", "activate", "terminate", "renew"):
        raise PermissionDenied
    return _lifecycle(request, pk, step)


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
        agreement = get_visible(selectors.agreements_for(request.user), ids[0])
        return Commitment(agreement=agreement, region=agreement.region)
    if ids[1] is not None:
        meeting = get_visible(selectors.meetings_for(request.user), ids[1])
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
