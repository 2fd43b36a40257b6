"""Forms of commitments, regional regulations and budget allocations; amounts and counts are
read the Indonesian way (regions.values.numbers)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.kernel.pickers import DATE, ScopedForm
from agreements.records.models import BudgetAllocation, Commitment, Regulation
from regions.values.numbers import DecimalNumberField, WholeNumberField


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
