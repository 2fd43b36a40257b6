"""Indonesian numbers in the admin: typed through regions.values.numbers, shown through formatting.

A ModelAdmin that mixes in `NumbersAdminMixin` reads every count, total and amount a person
types with the one parser ("150.000" is 150000; "150,5" is refused where a whole number is
expected) and shows those columns in its lists as 632.494, 34,55% or Rp36.722.869.847.
Years, months and ordering numbers (small integers) are left as they are. A subclass that
needs its own `formfield_overrides` extends `NUMBER_FORMFIELDS` rather than replacing it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import HttpRequest

from regions.values.formatting import format_number, format_percent, format_rupiah
from regions.values.numbers import NUMBER_FORMFIELDS

FORMATTED = (
    models.PositiveBigIntegerField,
    models.PositiveIntegerField,
    models.BigIntegerField,
    models.DecimalField,
)


def formatted_column(
    field: models.Field, show: Callable[[Any], str] | None = None
) -> Callable[[Any], str]:
    """A list column showing `field` the Indonesian way, still sortable by the field."""
    name = field.name
    places = getattr(field, "decimal_places", 0) or 0

    def shown(obj: Any) -> str:
        value = getattr(obj, name)
        return show(value) if show else format_number(value, places)

    shown.__name__ = name
    return admin.display(description=field.verbose_name, ordering=name)(shown)


class NumbersAdminMixin:
    formfield_overrides: ClassVar[Mapping[type[models.Field[Any, Any]], Mapping[str, Any]]] = (
        NUMBER_FORMFIELDS
    )
    percent_fields: tuple[str, ...] = ()
    rupiah_fields: tuple[str, ...] = ()
    model: type[models.Model]

    def get_list_display(self, request: HttpRequest) -> Any:
        names = super().get_list_display(request)  # type: ignore[misc]
        return [self._column(name) for name in names]

    def _column(self, name: Any) -> Any:
        if not isinstance(name, str):
            return name
        try:
            field = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return name
        if name in self.percent_fields:
            return formatted_column(field, format_percent)  # type: ignore[arg-type]
        if name in self.rupiah_fields:
            return formatted_column(field, format_rupiah)  # type: ignore[arg-type]
        if isinstance(field, FORMATTED):
            return formatted_column(field)  # type: ignore[arg-type]
        return name
