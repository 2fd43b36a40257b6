"""Filter pieces shared by the API's resources (django-filter)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms

from participants.selectors import parse_period


class MonthField(forms.CharField):
    """A month written YYYY-MM; stored periods are the first day of the month."""

    def to_python(self, value: Any) -> dt.date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_period(text)
        except ValueError as error:
            raise forms.ValidationError(
                f"Give a month as YYYY-MM, e.g. 2023-12, not {text!r}.", code="month"
            ) from error


class MonthFilter(django_filters.Filter):
    field_class = MonthField


def region_filterset(model: Any, fields: list[str]) -> type[django_filters.FilterSet]:
    """A FilterSet on `fields` plus `region` (a Kemendagri code) for a model with a region."""
    meta = type("Meta", (), {"model": model, "fields": fields})
    region = django_filters.CharFilter(field_name="region__code", help_text="e.g. 61 or 61.71")
    return type(
        f"{model.__name__}Filter", (django_filters.FilterSet,), {"region": region, "Meta": meta}
    )
