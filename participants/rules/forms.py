"""The filters of the rules' results, the follow-ups and the outliers, and the admin's form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from participants.kernel.periods import FIRST_PERIOD, current_period
from participants.rules.models import ValidationRule
from participants.rules.services import rule_problems
from regions import access
from regions.access.users import PortalUser
from regions.models import Region

MONTH_FORMATS = ["%Y-%m"]


def month_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=MONTH_FORMATS,
        required=False,
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )


def _in_range(period: dt.date | None) -> dt.date | None:
    if period is not None and not FIRST_PERIOD <= period <= current_period():
        raise forms.ValidationError(_("Choose a month from 2014-01 until this month."))
    return period


class PlaceMonthForm(forms.Form):
    """?wilayah=<province or regency code>&bulan=YYYY-MM, the place among those the user sees."""

    wilayah = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), to_field_name="code", required=False
    )
    bulan = month_field(_("Month"))
    levels: tuple[str, ...] = (Region.Level.PROVINCE,)

    def __init__(self, user: PortalUser, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        places = access.regions_for(user).filter(level__in=self.levels).defer("boundary")
        field = self.fields["wilayah"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = places.order_by("code")

    def clean_bulan(self) -> dt.date | None:
        return _in_range(self.cleaned_data.get("bulan"))


class RuleAdminForm(forms.ModelForm):
    """Checks a rule's expressions and thresholds when it is saved: a clear error by field."""

    class Meta:
        model = ValidationRule
        fields = (
            "name_id",
            "name_en",
            "left",
            "operator",
            "right",
            "importance",
            "period_type",
            "regions",
            "parameters",
            "description_id",
            "description_en",
            "is_active",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rule = self.instance
        for name in ("left", "right", "parameters", "operator"):
            if name in data:
                setattr(rule, name, data[name])
        for field, messages in rule_problems(rule).items():
            self.add_error(field if field in self.fields else None, messages)
        return data
