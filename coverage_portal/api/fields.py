"""What the resources share to read the wire: the one month field (serializers and filters
read a month the same way), region filters, and query parameters that fail with a 400."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from participants.selectors import exchange_codes

MONTH_PATTERN = r"^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$"
# A region, category or workforce-kind code in a path (61.71, PU, EMPLOYED).
CODE_IN_PATH = r"[A-Za-z0-9._-]{1,64}"
MONTH_SCHEMA = {"type": "string", "pattern": MONTH_PATTERN, "example": "2023-12"}


def month(text: str) -> dt.date:
    """'2023-12' → 1 December 2023, years 2000–2100; ValueError (with a message) otherwise."""
    try:
        return exchange_codes.iso_month(text)
    except exchange_codes.WireError as error:
        raise ValueError(error.message) from error


@extend_schema_field(MONTH_SCHEMA)
class MonthField(serializers.Field):
    """A reporting month on the wire: 'YYYY-MM' (stored as its first day)."""

    def to_internal_value(self, data: Any) -> dt.date:
        try:
            if not isinstance(data, str):
                raise ValueError(exchange_codes.iso_month_message(data))
            return month(data)
        except ValueError as error:
            raise ValidationError(str(error)) from error

    def to_representation(self, value: dt.date) -> str:
        return f"{value:%Y-%m}"


class _MonthFormField(forms.CharField):
    def to_python(self, value: Any) -> dt.date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return month(text)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="month") from error


@extend_schema_field(MONTH_SCHEMA)
class MonthFilter(django_filters.Filter):
    """A filter on a month, read by the same function as MonthField."""

    field_class = _MonthFormField


def region_filterset(
    model: Any, fields: list[str], **filters: django_filters.Filter
) -> type[django_filters.FilterSet]:
    """A FilterSet on `fields` plus `region` (a Kemendagri code) for a model with a region,
    and any other `filters` declared by name."""
    meta = type("Meta", (), {"model": model, "fields": fields})
    region = django_filters.CharFilter(field_name="region__code", help_text="e.g. 61 or 61.71")
    attributes = {"region": region, "Meta": meta, **filters}
    return type(f"{model.__name__}Filter", (django_filters.FilterSet,), attributes)


@extend_schema_field({"type": "integer", "minimum": 1})
class IdFilter(django_filters.NumberFilter):
    """A related record by id: an id that matches nothing gives an empty list, not a 400."""

    field_class = forms.IntegerField


class TextField(serializers.CharField):
    """A string, and only a string: DRF's CharField would take 0 or 1.5 as "0" or "1.5"."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


def required(request: Request, name: str) -> str:
    value = request.query_params.get(name, "").strip()
    if not value:
        raise ValidationError({name: [f"The parameter {name} is required."]})
    return value


def month_param(name: str, text: str) -> dt.date:
    try:
        return month(text)
    except ValueError as error:
        raise ValidationError({name: [str(error)]}) from error


def dry_run_param() -> OpenApiParameter:
    return OpenApiParameter(
        "dryRun", bool, description="true: check and count, store nothing.", default=False
    )
