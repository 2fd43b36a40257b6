"""Reference data: regions with their history, participant categories, workforce kinds."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.fields import CODE_IN_PATH
from participants.models import Category, WorkforceKind
from regions.access import Action, regions_for
from regions.models import Region


class RegionSerializer(serializers.ModelSerializer):
    # `parent` names a field here; DRF's metaclass takes it off the class, so it never
    # replaces Serializer.parent (mypy cannot know that).
    parent: Any = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    successor: Any = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    predecessors: Any = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Region
        fields = [
            "code",
            "name",
            "level",
            "kind",
            "parent",
            "timezone",
            "valid_from",
            "valid_until",
            "successor",
            "predecessors",
        ]


class RegionFilter(django_filters.FilterSet):
    parent = django_filters.CharFilter(
        field_name="parent__code", help_text="Parent's code: 61 gives Kalimantan Barat's regencies."
    )
    current = django_filters.BooleanFilter(
        field_name="valid_until", lookup_expr="isnull", help_text="true: only today's regions."
    )
    valid_on = django_filters.DateFilter(method="filter_valid_on", help_text="YYYY-MM-DD")

    class Meta:
        model = Region
        fields = ["level", "kind"]

    def filter_valid_on(self, queryset: QuerySet, name: str, value: object) -> QuerySet:
        return queryset.valid_on(value)  # type: ignore[attr-defined]


REGION_EXAMPLE = OpenApiExample(
    "Mimika before the Papua split",
    value={
        "code": "91.09",
        "name": "Kabupaten Mimika",
        "level": "regency",
        "kind": "kabupaten",
        "parent": "91",
        "timezone": "Asia/Jayapura",
        "valid_from": None,
        "valid_until": "2022-07-31",
        "successor": "94.04",
        "predecessors": [],
    },
    response_only=True,
)


@extend_schema_view(
    list=extend_schema(
        summary="Regions in the account's scope",
        description="Provinces and regencies (Kemendagri codes), past and present: a retired "
        "region has `valid_until` and usually a `successor`.",
        examples=[REGION_EXAMPLE],
    ),
    retrieve=extend_schema(summary="One region by Kemendagri code", examples=[REGION_EXAMPLE]),
)
class RegionViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = RegionSerializer
    filterset_class = RegionFilter
    lookup_field = "code"
    lookup_value_regex = CODE_IN_PATH

    def get_queryset(self) -> QuerySet[Region]:
        return (
            regions_for(self.request.user, Action.VIEW)
            .defer("boundary")
            .select_related("parent", "successor")
            .prefetch_related("predecessors")
            .order_by("code")
        )


class CategorySerializer(serializers.ModelSerializer):
    parent: Any = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    measured_by: Any = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = Category
        fields = ["code", "name_id", "name_en", "parent", "measured_by", "is_active", "order"]


@extend_schema_view(
    list=extend_schema(
        summary="Participant categories",
        description="Totals add top-level categories only; a sub-group (`parent` set, e.g. "
        "NON_ASN in PU) is never counted twice. `measured_by` names its denominator.",
        examples=[
            OpenApiExample(
                "Non-ASN",
                value={
                    "code": "NON_ASN",
                    "name_id": "Non-ASN",
                    "name_en": "Non-civil-servant staff",
                    "parent": "PU",
                    "measured_by": "NON_ASN_HEADCOUNT",
                    "is_active": True,
                    "order": 20,
                },
                response_only=True,
            )
        ],
    ),
    retrieve=extend_schema(summary="One category by code"),
)
class CategoryViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CategorySerializer
    queryset = Category.objects.select_related("parent", "measured_by").order_by("order", "code")
    filterset_fields = ["is_active"]
    lookup_field = "code"
    lookup_value_regex = CODE_IN_PATH


class WorkforceKindSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkforceKind
        fields = ["code", "name_id", "name_en", "description"]


@extend_schema_view(
    list=extend_schema(
        summary="Workforce kinds (coverage denominators)",
        examples=[
            OpenApiExample(
                "Employed population",
                value={
                    "code": "EMPLOYED",
                    "name_id": "Penduduk bekerja (BPS Sakernas)",
                    "name_en": "Employed population (BPS Sakernas)",
                    "description": "",
                },
                response_only=True,
            )
        ],
    ),
    retrieve=extend_schema(summary="One workforce kind by code"),
)
class WorkforceKindViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = WorkforceKindSerializer
    queryset = WorkforceKind.objects.order_by("code")
    lookup_field = "code"
    lookup_value_regex = CODE_IN_PATH
