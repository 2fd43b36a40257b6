"""The meeting form, typed in the host region's local time, with its attendees and actions."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.kernel.pickers import DATE, ScopedForm
from agreements.kernel.rows import kept
from agreements.meetings.models import Attendee, FollowUpAction, Meeting


class MeetingForm(ScopedForm):
    """The time is typed in the host region's zone and stored in UTC."""

    date = forms.DateField(label=_("Date"), widget=DATE)
    time = forms.TimeField(
        label=_("Time (host region's zone)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "title",
            "host_region",
            "place",
            "regions",
            "offices",
            "chair",
            "summary",
            "decisions",
            "source_url",
        ]
        widgets = {"regions": forms.SelectMultiple(attrs={"size": 6})}

    field_order = ["kind", "title", "date", "time", "host_region", "place", "regions"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            local = self.instance.local_start
            self.initial.update({"date": local.date(), "time": local.time()})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        host, day, time = data.get("host_region"), data.get("date"), data.get("time")
        if host and day and time:
            naive = dt.datetime.combine(day, time)
            self.instance.starts_at = timezone.make_aware(naive, ZoneInfo(host.timezone))
        return data


AttendeeFormSet = forms.inlineformset_factory(
    Meeting, Attendee, fields=["name", "position", "institution"], extra=1, can_delete=True
)


ActionFormSet = forms.inlineformset_factory(
    Meeting,
    FollowUpAction,
    fields=["description", "owner", "due_date", "status"],
    widgets={"due_date": DATE, "description": forms.TextInput()},
    extra=1,
    can_delete=True,
)


def attendees_of(formset: Any) -> list[tuple[str, str, str]]:
    """The (name, position, institution) of the attendees a submitted formset keeps."""
    return [
        (f.cleaned_data["name"], f.cleaned_data["position"], f.cleaned_data["institution"])
        for f in kept(formset)
    ]


def actions_of(formset: Any) -> list[FollowUpAction]:
    """The follow-up actions a submitted formset keeps, not yet saved."""
    return [f.save(commit=False) for f in kept(formset)]
