from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from participants.kernel.periods import add_months, current_period
from participants.rules.forms import PlaceMonthForm, month_field
from regions.models import Region

MAX_MONTHS = 60


class OutlierForm(PlaceMonthForm):
    """?wilayah=&dari=YYYY-MM&sampai=YYYY-MM&metode=mad|yoy; defaults: the last 12 months."""

    levels: tuple[str, ...] = (Region.Level.PROVINCE, Region.Level.REGENCY)
    dari = month_field(_("From"))
    metode = forms.ChoiceField(
        label=_("Method"),
        required=False,
        choices=[
            ("mad", _("Against its last 12 months (median/MAD)")),
            ("yoy", _("Year-on-year change against all regencies (median/MAD)")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bulan"].label = _("To")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        last: dt.date = data.get("bulan") or add_months(current_period(), -1)
        first: dt.date = data.get("dari") or add_months(last, -11)
        if first > last:
            raise forms.ValidationError(_("The first month comes after the last."))
        if (last.year - first.year) * 12 + last.month - first.month >= MAX_MONTHS:
            raise forms.ValidationError(_("Choose at most 60 months."))
        data.update(dari=first, bulan=last, metode=data.get("metode") or "mad")
        return data
