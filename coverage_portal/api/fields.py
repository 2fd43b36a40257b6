"""Serializer fields the resources share."""

from __future__ import annotations

import datetime as dt
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from participants.selectors import parse_period


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2023-12"})
class MonthField(serializers.Field):
    """A reporting month on the wire: 'YYYY-MM' (stored as its first day)."""

    default_error_messages = {"month": "Give a month as YYYY-MM, e.g. 2023-12."}

    def to_internal_value(self, data: Any) -> dt.date:
        try:
            return parse_period(str(data))
        except ValueError:
            self.fail("month")

    def to_representation(self, value: dt.date) -> str:
        return f"{value:%Y-%m}"
