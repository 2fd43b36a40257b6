"""Filters of the commitment, regulation and budget lists."""

from __future__ import annotations

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from agreements.kernel.pages import date_bound, in_area, office_filter, search
from agreements.records.models import BudgetAllocation, Commitment, Regulation
from regions.models import Office


class CommitmentFilter(df.FilterSet):
    q = df.CharFilter(label=_("search"), method=search("description", "responsible"))
    region = df.CharFilter(label=_("region code"), method=in_area("region"))
    office = office_filter(method="filter_office")
    kind = df.ChoiceFilter(label=_("kind"), choices=Commitment.Kind.choices)
    status = df.ChoiceFilter(label=_("status"), choices=Commitment.Status.choices)
    due_from = date_bound(_("due from"), "due_date", "gte")
    due_to = date_bound(_("due until"), "due_date", "lte")

    class Meta:
        model = Commitment
        fields: list[str] = []

    def filter_office(self, queryset: QuerySet, name: str, value: Office | None) -> QuerySet:
        """Commitments made in an agreement or a meeting the office was party to."""
        if value is None:
            return queryset
        return queryset.filter(Q(agreement__office=value) | Q(meeting__offices=value)).distinct()


class RegulationFilter(df.FilterSet):
    q = df.CharFilter(label=_("search"), method=search("title", "number"))
    region = df.CharFilter(label=_("region code"), method=in_area("region"))
    kind = df.ChoiceFilter(label=_("kind"), choices=Regulation.Kind.choices)
    year = df.NumberFilter(label=_("year"))
    enacted_from = date_bound(_("enacted from"), "enacted_on", "gte")
    enacted_to = date_bound(_("enacted until"), "enacted_on", "lte")

    class Meta:
        model = Regulation
        fields: list[str] = []


class BudgetFilter(df.FilterSet):
    q = df.CharFilter(label=_("search"), method=search("label", "category_code", "notes"))
    region = df.CharFilter(label=_("region code"), method=in_area("region"))
    year = df.NumberFilter(label=_("APBD year"))

    class Meta:
        model = BudgetAllocation
        fields: list[str] = []
