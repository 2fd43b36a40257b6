"""Participant counts: read them, and write many at once through participants' counts_write."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ParseError
from rest_framework.request import Request
from rest_framework.response import Response

from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.bulk import (
    BulkResultSerializer,
    BulkSerializer,
    bulk_write,
    unread_result,
)
from coverage_portal.api.fields import MonthField
from coverage_portal.api.filters import MonthFilter
from coverage_portal.api.guards import MayEnterData
from participants.models import ParticipantCount
from regions import access
from regions.access import Action


class CountSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.code")
    region_name = serializers.CharField(source="region.name")
    province = serializers.CharField(source="region.parent.code")
    category = serializers.CharField(source="category.code")
    period = MonthField(read_only=True)
    report_id = serializers.IntegerField(source="report.pk")
    report_status = serializers.CharField(source="report.status")
    report_version = serializers.IntegerField(source="report.version")

    class Meta:
        model = ParticipantCount
        fields = [
            "region",
            "region_name",
            "province",
            "category",
            "period",
            "active_participants",
            "inactive_participants",
            "employers",
            "no_data",
            "no_data_reason",
            "report_id",
            "report_status",
            "report_version",
            "updated_at",
        ]


class CountFilter(django_filters.FilterSet):
    province = django_filters.CharFilter(
        field_name="region__parent__code", help_text="Province code, e.g. 61."
    )
    region = django_filters.CharFilter(field_name="region__code", help_text="Regency, e.g. 61.71.")
    category = django_filters.CharFilter(field_name="category__code", help_text="e.g. PU.")
    period = MonthFilter(field_name="period", help_text="YYYY-MM, e.g. 2023-12.")

    class Meta:
        model = ParticipantCount
        fields: list[str] = []


COUNT_EXAMPLE = OpenApiExample(
    "Kota Pontianak, PU, December 2023",
    value={
        "region": "61.71",
        "region_name": "Kota Pontianak",
        "province": "61",
        "category": "PU",
        "period": "2023-12",
        "active_participants": 132004,
        "inactive_participants": 20311,
        "employers": 3120,
        "no_data": False,
        "no_data_reason": "",
        "report_id": 12,
        "report_status": "approved",
        "report_version": 4,
        "updated_at": "2024-01-08T03:12:09Z",
    },
    response_only=True,
)


class CountListView(ConditionalGetMixin, generics.ListAPIView):
    serializer_class = CountSerializer
    filterset_class = CountFilter

    def get_queryset(self) -> QuerySet[ParticipantCount]:
        counts = ParticipantCount.objects.select_related(
            "region", "region__parent", "category", "report"
        ).defer("region__boundary", "region__parent__boundary")
        return access.scoped(counts, self.request.user, Action.VIEW).order_by(
            "period", "region__code", "category__order", "category__code"
        )

    @extend_schema(
        summary="Participant counts in the account's scope",
        description="End-of-month stocks per regency × category, with the report they belong "
        "to (its status and the version to send back as an expected version).",
        examples=[COUNT_EXAMPLE],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class CountBulkView(generics.GenericAPIView):
    serializer_class = BulkSerializer
    permission_classes = [MayEnterData]

    @extend_schema(
        summary="Write many counts at once (all or nothing)",
        description="Every cell goes through the portal's count rules (scope, locked months, "
        "retired categories, sub-groups within their parent, versions). With `dry_run` "
        "nothing is stored and the answer says what would happen. A report saved since the "
        "`expected_versions` you give is a conflict (409) and nothing is written.",
        request=BulkSerializer,
        responses={
            200: BulkResultSerializer,
            400: OpenApiResponse(BulkResultSerializer, "A cell broke a rule; nothing stored."),
            409: OpenApiResponse(BulkResultSerializer, "A report changed meanwhile."),
        },
        examples=[
            OpenApiExample(
                "Two cells, dry run",
                value={
                    "dry_run": True,
                    "expected_versions": [{"province": "61", "period": "2023-12", "version": 4}],
                    "counts": [
                        {
                            "region": "61.71",
                            "category": "PU",
                            "period": "2023-12",
                            "active_participants": 132004,
                        },
                        {
                            "region": "61.72",
                            "category": "BPU",
                            "period": "2023-12",
                            "active_participants": None,
                            "no_data_reason": "Data belum tersedia",
                        },
                    ],
                },
                request_only=True,
            ),
            OpenApiExample(
                "Result",
                value={
                    "applied": False,
                    "dry_run": True,
                    "created": 1,
                    "updated": 1,
                    "unchanged": 0,
                    "errors": [],
                    "warnings": [],
                },
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        try:
            serializer = self.get_serializer(data=request.data)
        except ParseError as error:
            return _unread({"body": [f"The body is not valid JSON: {error.detail}"]})
        if not serializer.is_valid():
            return _unread(serializer.errors)
        result = bulk_write(actor=request.user, **serializer.validated_data)
        code: int = status.HTTP_200_OK
        if result["errors"]:
            conflict = any(e["field"] == "version" for e in result["errors"])
            code = status.HTTP_409_CONFLICT if conflict else status.HTTP_400_BAD_REQUEST
        return Response(result, status=code)


def _unread(errors: Any) -> Response:
    """Serializer errors in the bulk answer's own shape, one problem per cell and field."""
    return Response(unread_result(errors), status=status.HTTP_400_BAD_REQUEST)
