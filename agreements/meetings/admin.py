"""Admin pages of meetings, limited to the user's scope; a meeting, its attendees and its
follow-up actions are saved together by meeting_record."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from agreements.kernel.permissions import may_change
from agreements.meetings import services
from agreements.meetings.forms import actions_of, attendees_of
from agreements.meetings.models import Attendee, FollowUpAction, Meeting
from agreements.meetings.selectors import meetings_for
from regions import access
from regions.access import Action
from regions.access.admin import ScopedAdminMixin, ScopedTabularInline, formset_saved_by_service


class AttendeeInline(ScopedTabularInline):
    model = Attendee
    extra = 0


class ActionInline(ScopedTabularInline):
    model = FollowUpAction
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    """A meeting is read by anyone who may view one of its regions and changed (through
    meeting_record) by whoever may log activity on all of them, as on the meeting page."""

    change_action = Action.LOG_ACTIVITY
    scope_field = "host_region"
    list_display = ["title", "kind", "starts_at", "host_region"]
    list_filter = ["kind"]
    search_fields = ["title", "place", "chair"]
    filter_horizontal = ["regions", "offices"]
    inlines = [AttendeeInline, ActionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return meetings_for(request.user).defer("host_region__boundary")

    def _may_change(self, request: HttpRequest, obj: Any) -> bool:
        if obj is None:
            return access.allows(request.user, self.change_action)
        return may_change(request.user, obj)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Saved with its attendees and actions in save_related, in one meeting_record."""

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        inline = {formset.model: formset for formset in formsets}
        attendees, actions = inline.get(Attendee), inline.get(FollowUpAction)
        services.meeting_record(
            actor=request.user,
            meeting=form.instance,
            regions=form.cleaned_data["regions"],
            offices=form.cleaned_data["offices"],
            attendees=None if attendees is None else attendees_of(attendees),
            actions=None if actions is None else actions_of(actions),
        )
        for formset in formsets:
            formset_saved_by_service(formset)
