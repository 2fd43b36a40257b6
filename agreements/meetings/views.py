"""Meeting pages: list, detail, the form with attendees and actions, .ics, marking actions done."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements.kernel.pages import add_errors, flash_error, get_visible, list_page
from agreements.kernel.permissions import may_change, require_change
from agreements.kernel.rows import adding_row, quiet, with_extra_row
from agreements.kernel.uploads import DocumentForm
from agreements.meetings import exports, selectors, services
from agreements.meetings.filters import MeetingFilter
from agreements.meetings.forms import (
    ActionFormSet,
    AttendeeFormSet,
    MeetingForm,
    actions_of,
    attendees_of,
)
from agreements.meetings.models import Meeting
from regions.access.users import PortalUser
from regions.spreadsheets import safe_filename


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        template="agreements/meeting_list.html",
        queryset=selectors.meetings_for(request.user),
        filterset=MeetingFilter,
        table=exports.meetings_table,
        name="rapat",
    )


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_visible(
        selectors.meetings_for(request.user).prefetch_related(
            "attendees", "actions", "documents", "commitments__region"
        ),
        pk,
    )
    context = {
        "meeting": meeting,
        "editable": may_change(request.user, meeting),
        "today": timezone.localdate(),
        "document_form": DocumentForm(),
    }
    return render(request, "agreements/meeting_detail.html", context)


@login_required
def meeting_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    meeting = get_visible(selectors.meetings_for(request.user), pk) if pk else Meeting()
    if pk:
        require_change(request.user, meeting)
    adding = adding_row(request)
    data = with_extra_row(request.POST, adding) if adding else request.POST or None
    form = MeetingForm(data, instance=meeting, user=request.user)
    attendees = AttendeeFormSet(data, instance=meeting, prefix="att")
    actions = ActionFormSet(data, instance=meeting, prefix="act")
    if adding:
        quiet(form, attendees, actions)
    elif request.method == "POST" and all(f.is_valid() for f in (form, attendees, actions)):
        try:
            saved = _record(request.user, form, attendees, actions)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect("agreements:meeting-detail", saved.pk)
    context = {
        "form": form,
        "attendees": attendees,
        "actions": actions,
        "record": meeting if pk else None,
    }
    return render(request, "agreements/meeting_form.html", context)


def _record(user: PortalUser, form: MeetingForm, attendees: Any, actions: Any) -> Meeting:
    return services.meeting_record(
        actor=user,
        meeting=form.save(commit=False),
        regions=form.cleaned_data["regions"],
        offices=form.cleaned_data["offices"],
        attendees=attendees_of(attendees),
        actions=actions_of(actions),
    )


@login_required
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_visible(selectors.meetings_for(request.user), pk)
    url = request.build_absolute_uri(meeting_url(meeting))
    response = HttpResponse(exports.meeting_ics(meeting, url), content_type="text/calendar")
    name = safe_filename(f"rapat-{meeting.pk}", "ics")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def meeting_url(meeting: Meeting) -> str:
    return reverse("agreements:meeting-detail", args=[meeting.pk])


@login_required
@require_POST
def action_complete(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a follow-up action done; an htmx request gets the updated row back."""
    action = get_object_or_404(
        selectors.actions_for(request.user).select_related("meeting__host_region"), pk=pk
    )
    try:
        services.action_complete(actor=request.user, action=action)
    except ValidationError as error:
        flash_error(request, error)
    if request.htmx:  # type: ignore[attr-defined]
        context = {"action": action, "editable": True, "today": timezone.localdate()}
        return render(request, "agreements/_action_row.html", context)
    return redirect("agreements:meeting-detail", action.meeting_id)
