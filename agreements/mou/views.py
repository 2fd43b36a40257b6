"""Agreement pages: the list with filters and downloads, the detail, the form with its
signatories, and the lifecycle steps (sign, activate, terminate, renew)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements.kernel.pages import add_errors, flash_error, get_visible, list_page
from agreements.kernel.permissions import may_change, require_change
from agreements.kernel.rows import adding_row, quiet, with_extra_row
from agreements.kernel.uploads import DocumentForm
from agreements.mou import exports, selectors, services
from agreements.mou.filters import AgreementFilter
from agreements.mou.forms import (
    AgreementForm,
    RenewForm,
    SignatoryFormSet,
    SignForm,
    TerminateForm,
    signatories_of,
)
from agreements.mou.models import Agreement


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
            saved = services.agreement_record(
                actor=request.user,
                agreement=form.save(commit=False),
                legal_bases=form.cleaned_data["legal_bases"],
                signatories=signatories_of(people),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The agreement was saved."))
            return redirect("agreements:agreement-detail", saved.pk)
    context = {"form": form, "people": people, "record": agreement if pk else None}
    return render(request, "agreements/agreement_form.html", context)


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
