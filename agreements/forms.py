"""Forms for the agreements pages; region and office pickers are limited to the user's scope."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.meetings.models import Attendee, FollowUpAction, Meeting
from agreements.models import Agreement, BudgetAllocation, Commitment, Regulation, Signatory
from regions import access
from regions import selectors as region_selectors
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region
from regions.values.numbers import DecimalNumberField, WholeNumberField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _regions(user: PortalUser) -> Any:
    return (
        access.regions_for(user, Action.LOG_ACTIVITY)
        .current()
        .exclude(level=Region.Level.NATIONAL)
        .order_by("code")
    )


class ScopedForm(forms.ModelForm):
    """Limits every region and office picker to the user's scope; pickers are searchable."""

    def __init__(self, *args: Any, user: PortalUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for name in ("region", "host_region", "regions"):
            if name in self.fields:
                self.fields[name].queryset = _regions(user)  # type: ignore[attr-defined]
        for name in ("office", "offices"):
            if name in self.fields:
                offices = region_selectors.offices_for(user, Action.LOG_ACTIVITY)
                self.fields[name].queryset = offices  # type: ignore[attr-defined]
        for name in ("region", "host_region", "regions", "office", "offices"):
            if name in self.fields:
                self.fields[name].widget.attrs["data-searchable"] = "1"


class AgreementForm(ScopedForm):
    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title",
            "region",
            "office",
            "region_number",
            "office_number",
            "signed_place",
            "valid_from",
            "valid_until",
            "legal_bases",
            "scope",
        ]
        widgets = {
            "valid_from": DATE,
            "valid_until": DATE,
            "legal_bases": forms.CheckboxSelectMultiple,
        }


SignatoryFormSet = forms.inlineformset_factory(
    Agreement, Signatory, fields=["side", "name", "position"], extra=2, can_delete=True
)


class SignForm(forms.Form):
    signed_on = forms.DateField(label=_("Date signed"), widget=DATE)
    place = forms.CharField(label=_("Place signed"), max_length=200, required=False)


class TerminateForm(forms.Form):
    ended_on = forms.DateField(label=_("Ended on"), widget=DATE)
    reason = forms.CharField(label=_("Reason for ending"), widget=forms.Textarea(attrs={"rows": 2}))


class RenewForm(forms.Form):
    successor = forms.ModelChoiceField(label=_("Renewed by"), queryset=Agreement.objects.none())

    def __init__(self, *args: Any, agreement: Agreement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = Agreement.objects.filter(  # type: ignore[attr-defined]
            region=agreement.region,
            status__in=[Agreement.Status.DRAFT, Agreement.Status.SIGNED, Agreement.Status.ACTIVE],
            predecessor__isnull=True,
        ).exclude(pk=agreement.pk)


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


class CommitmentForm(ScopedForm):
    class Meta:
        model = Commitment
        fields = [
            "region",
            "kind",
            "description",
            "responsible",
            "due_date",
            "status",
            "evidence",
            "category_code",
            "workers",
            "amount",
        ]
        widgets = {"due_date": DATE, "description": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"workers": WholeNumberField, "amount": DecimalNumberField}


class CommitmentStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Commitment.Status.choices)
    evidence = forms.CharField(label=_("Evidence"), required=False)


class RegulationForm(ScopedForm):
    class Meta:
        model = Regulation
        fields = [
            "region",
            "kind",
            "number",
            "year",
            "title",
            "enacted_on",
            "revoked_on",
            "source_url",
        ]
        widgets = {"enacted_on": DATE, "revoked_on": DATE}


class BudgetForm(ScopedForm):
    class Meta:
        model = BudgetAllocation
        fields = [
            "region",
            "year",
            "category_code",
            "label",
            "workers",
            "amount",
            "realised",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}
        field_classes = {
            "workers": WholeNumberField,
            "amount": DecimalNumberField,
            "realised": DecimalNumberField,
        }


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, DOCX, JPG or PNG)"))
    title = forms.CharField(label=_("Description"), max_length=200, required=False)
