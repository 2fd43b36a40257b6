"""Filters of the agreement list."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.kernel.pages import date_bound, in_area, office_filter, search
from agreements.mou.models import Agreement
from agreements.mou.selectors import status_as_read


class AgreementFilter(df.FilterSet):
    q = df.CharFilter(
        label=_("search"), method=search("title", "region_number", "office_number", "scope")
    )
    region = df.CharFilter(label=_("region code"), method=in_area("region"))
    office = office_filter()
    kind = df.ChoiceFilter(label=_("kind"), choices=Agreement.Kind.choices)
    status = df.ChoiceFilter(
        label=_("status"), choices=Agreement.Status.choices, method="filter_status"
    )
    signed_from = date_bound(_("signed from"), "signed_on", "gte")
    signed_to = date_bound(_("signed until"), "signed_on", "lte")

    class Meta:
        model = Agreement
        fields: list[str] = []

    def filter_status(self, queryset: QuerySet[Agreement], name: str, value: str) -> Any:
        """By the status the dates give today, as the list shows it."""
        return queryset.filter(status_as_read(value, timezone.localdate())) if value else queryset
