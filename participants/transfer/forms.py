"""Forms for uploading counts, and for choosing what to export or which template to download."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from participants.kernel.periods import (
    FIRST_PERIOD,
    add_months,
    current_period,
    format_period,
    parse_period,
)
from regions import bounds

MAX_UPLOAD_BYTES = bounds.IMPORT_MAX_BYTES
FORMATS = [("xlsx", "Excel (XLSX)"), ("csv", "CSV")]
SHAPES = [
    ("grid", _("Grid: regencies × categories, as on the entry page")),
    ("long", _("Long: one row per regency and category, as the export")),
]


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_BYTES // 2**20}
            )
        return upload


class ImportConfirmForm(forms.Form):
    token = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    acknowledge = forms.BooleanField(
        label=_("I have read the warnings and the values are correct."), required=False
    )


class PreviewPageForm(forms.Form):
    halaman = forms.IntegerField(min_value=1, max_value=10_000, required=False)


class PeriodField(forms.CharField):
    def to_python(self, value: Any) -> dt.date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            period = parse_period(text)
        except ValueError:
            raise forms.ValidationError(_("Write the month as YYYY-MM, e.g. 2023-12.")) from None
        if not FIRST_PERIOD <= period <= current_period():
            raise forms.ValidationError(_("Choose a month from 2014-01 until this month."))
        return period


class ExportForm(forms.Form):
    province = forms.CharField(label=_("Province"), required=False)
    period = PeriodField(label=_("Month (YYYY-MM)"), required=False)
    year = forms.IntegerField(
        label=_("or a whole year"), required=False, min_value=FIRST_PERIOD.year, max_value=2100
    )
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, initial="xlsx")

    def clean_year(self) -> int | None:
        year: int | None = self.cleaned_data.get("year")
        if year is not None and year > current_period().year:
            raise forms.ValidationError(_("Choose a year from 2014 until this year."))
        return year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        if bool(data.get("period")) == bool(data.get("year")):
            raise forms.ValidationError(_("Choose either a month or a year."))
        return data

    def periods(self) -> list[dt.date]:
        year: int | None = self.cleaned_data.get("year")
        if year:
            return [dt.date(year, month, 1) for month in range(1, 13)]
        period: dt.date = self.cleaned_data["period"]
        return [period]

    def label(self) -> str:
        year = self.cleaned_data.get("year")
        return str(year) if year else format_period(self.cleaned_data["period"])


class TemplateForm(forms.Form):
    province = forms.CharField(label=_("Province"))
    period = PeriodField(label=_("Month (YYYY-MM)"), required=False)
    shape = forms.ChoiceField(label=_("Layout"), choices=SHAPES, initial="grid", required=False)
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, initial="xlsx")

    def clean_period(self) -> dt.date:
        """The month just ended by default: the one whose report is due."""
        return self.cleaned_data.get("period") or add_months(current_period(), -1)

    def clean_shape(self) -> str:
        return self.cleaned_data.get("shape") or "grid"
