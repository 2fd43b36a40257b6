"""Filters of the meeting list."""

from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from agreements.kernel.pages import date_bound, office_filter, search
from agreements.meetings.models import Meeting
from agreements.meetings.selectors import meetings_in


class MeetingFilter(df.FilterSet):
    q = df.CharFilter(
        label=_("search"), method=search("title", "place", "chair", "summary", "decisions")
    )
    region = df.CharFilter(label=_("region code"), method="filter_region")
    office = office_filter(field_name="offices")
    kind = df.ChoiceFilter(label=_("kind"), choices=Meeting.Kind.choices)
    date_from = date_bound(_("from"), "starts_at", "date__gte")
    date_to = date_bound(_("until"), "starts_at", "date__lte")

    class Meta:
        model = Meeting
        fields: list[str] = []

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Hosted in or concerning the region (a province: one of its regencies too)."""
        return queryset.filter(meetings_in(value)) if value else queryset
