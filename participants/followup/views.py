"""Follow-ups: the list per province and month, marking a value, closing a follow-up."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from participants.entry.selectors import counts_for
from participants.followup.forms import FollowUpCloseForm, FollowUpFilterForm, FollowUpOpenForm
from participants.followup.selectors import followups_for
from participants.followup.services import follows_up, followup_close, followup_open
from participants.kernel.paging import filters_query

PAGE_SIZE = 100


@login_required
def followup_list(request: HttpRequest) -> HttpResponse:
    form = FollowUpFilterForm(request.user, request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    rows = followups_for(
        request.user,
        province=data.get("wilayah"),
        period=data.get("bulan"),
        open_only=bool(data.get("terbuka")),
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("halaman"))
    context = {"form": form, "page": page, "close_form": FollowUpCloseForm()}
    context["query"] = filters_query(request)
    context["follows_up"] = follows_up(request.user)
    return render(request, "participants/followup/list.html", context)


def _back(request: HttpRequest, target: str) -> HttpResponse:
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect(reverse("participants:followup-list"))


def _refused(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def followup_mark(request: HttpRequest) -> HttpResponse:
    form = FollowUpOpenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a comment for the follow-up."))
        return _back(request, request.POST.get("next", ""))
    visible = counts_for(request.user).select_related("report__province")
    count = visible.filter(pk=form.cleaned_data["count"]).first()
    if count is None:
        raise Http404
    try:
        followup_open(actor=request.user, count=count, comment=form.cleaned_data["comment"])
        messages.success(request, _("Marked for follow-up."))
    except ValidationError as error:
        _refused(request, error)
    return _back(request, form.cleaned_data["next"])


@login_required
@require_POST
def followup_done(request: HttpRequest) -> HttpResponse:
    form = FollowUpCloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say how the follow-up was resolved."))
        return redirect(reverse("participants:followup-list"))
    followup = followups_for(request.user).filter(pk=form.cleaned_data["followup"]).first()
    if followup is None:
        raise Http404
    try:
        followup_close(actor=request.user, followup=followup, comment=form.cleaned_data["comment"])
        messages.success(request, _("Follow-up closed."))
    except ValidationError as error:
        _refused(request, error)
    return redirect(reverse("participants:followup-list"))
