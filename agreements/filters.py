"""List filters: region (a province includes its regencies), office, kind, status, dates, search."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.meetings.models import Meeting
from agreements.models import Agreement, BudgetAllocation, Commitment, Regulation
from agreements.selectors import status_as_read
from regions.models import Office

DATE = {"type": "date"}


def _date_bound(label: Any, field: str, lookup: str) -> df.DateFilter:
    """One end of a date range ("gte" from, "lte" until), with the browser's date picker."""
    return df.DateFilter(
        label=label, field_name=field, lookup_expr=lookup, widget=forms.DateInput(attrs=DATE)
    )


def _in_area(field: str) -> Any:
    def method(queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            Q(**{f"{field}__code": value}) | Q(**{f"{field}__parent__code": value})
        )

    return method


def _search(*fields: str) -> Any:
    def method(queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition) if value else queryset

    return method


class AgreementFilter(df.FilterSet):
    q = df.CharFilter(
        label=_("search"), method=_search("title", "region_number", "office_number", "scope")
    )
    region = df.CharFilter(label=_("region code"), method=_in_area("region"))
    office = df.ModelChoiceFilter(label=_("BPJS office"), queryset=Office.objects.all())
    kind = df.ChoiceFilter(label=_("kind"), choices=Agreement.Kind.choices)
    status = df.ChoiceFilter(
        label=_("status"), choices=Agreement.Status.choices, method="filter_status"
    )
    signed_from = _date_bound(_("signed from"), "signed_on", "gte")
    signed_to = _date_bound(_("signed until"), "signed_on", "lte")

    class Meta:
        model = Agreement
        fields: list[str] = []

    def filter_status(self, queryset: QuerySet[Agreement], name: str, value: str) -> Any:
        """By the status the dates give today, as the list shows it."""
        return queryset.filter(status_as_read(value, timezone.localdate())) if value else queryset


class MeetingFilter(df.FilterSet):
    q = df.CharFilter(
        label=_("search"), method=_search("title", "place", "chair", "summary", "decisions")
    )
    region = df.CharFilter(label=_("region code"), method="filter_region")
    office = df.ModelChoiceFilter(
        label=_("BPJS office"), field_name="offices", queryset=Office.objects.all()
    )
    kind = df.ChoiceFilter(label=_("kind"), choices=Meeting.Kind.choices)
    date_from = df.DateFilter(
        label=_("from"),
        field_name="starts_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs=DATE),
    )
    date_to = df.DateFilter(
        label=_("until"),
        field_name="starts_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs=DATE),
    )

    class Meta:
        model = Meeting
        fields: list[str] = []

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        area = Q(regions__code=value) | Q(regions__parent__code=value)
        return queryset.filter(pk__in=Meeting.objects.filter(area).values("pk"))


class CommitmentFilter(df.FilterSet):
    q = df.CharFilter(label=_("search"), method=_search("description", "responsible"))
    region = df.CharFilter(label=_("region code"), method=_in_area("region"))
    office = df.ModelChoiceFilter(
        label=_("BPJS office"), queryset=Office.objects.all(), method="filter_office"
    )
    kind = df.ChoiceFilter(label=_("kind"), choices=Commitment.Kind.choices)
    status = df.ChoiceFilter(label=_("status"), choices=Commitment.Status.choices)
    due_from = _date_bound(_("due from"), "due_date", "gte")
    due_to = _date_bound(_("due until"), "due_date", "lte")

    class Meta:
        model = Commitment
        fields: list[str] = []

    def filter_office(self, queryset: QuerySet, name: str, value: Office | None) -> QuerySet:
        """Commitments made in an agreement or a meeting the office was party to."""
        if value is None:
            return queryset
        return queryset.filter(Q(agreement__office=value) | Q(meeting__offices=value)).distinct()


class RegulationFilter(df.FilterSet):
    q = df.CharFilter(label=_("search"), method=_search("title", "number"))
    region = df.CharFilter(label=_("region code"), method=_in_area("region"))
    kind = df.ChoiceFilter(label=_("kind"), choices=Regulation.Kind.choices)
    year = df.NumberFilter(label=_("year"))
    enacted_from = _date_bound(_("enacted from"), "enacted_on", "gte")
    enacted_to = _date_bound(_("enacted until"), "enacted_on", "lte")

    class Meta:
        model = Regulation
        fields: list[str] = []


class BudgetFilter(df.FilterSet):
    q = df.CharFilter(label=_("search"), method=_search("label", "category_code", "notes"))
    region = df.CharFilter(label=_("region code"), method=_in_area("region"))
    year = df.NumberFilter(label=_("APBD year"))

    class Meta:
        model = BudgetAllocation
        fields: list[str] = []
