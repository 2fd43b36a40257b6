"""Forms of the agreement pages: particulars, signatories and the lifecycle steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.kernel.pickers import DATE, ScopedForm
from agreements.kernel.rows import kept
from agreements.mou.models import Agreement, Signatory


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


def signatories_of(formset: Any) -> list[tuple[str, str, str]]:
    """The (side, name, position) of the signatories a submitted formset keeps."""
    return [
        (f.cleaned_data["side"], f.cleaned_data["name"], f.cleaned_data["position"])
        for f in kept(formset)
    ]
