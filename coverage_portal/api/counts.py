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
from coverage_portal.api.errors import first_message
from coverage_portal.api.fields import MonthField, MonthFilter, TextField
from coverage_portal.api.guards import MayEnterData
from participants.models import ParticipantCount
from participants.selectors import counts_for
from participants.services import MAX_CELLS, bulk_result, bulk_write


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


class CountInSerializer(serializers.Serializer):
    region = TextField(max_length=16, help_text="Regency code, e.g. 61.71.")
    category = TextField(max_length=30, help_text="Category code, e.g. PU.")
    period = MonthField(help_text="YYYY-MM")
    active_participants = serializers.IntegerField(allow_null=True, min_value=0)
    inactive_participants = serializers.IntegerField(
        allow_null=True, required=False, default=None, min_value=0
    )
    employers = serializers.IntegerField(allow_null=True, required=False, default=None, min_value=0)
    no_data_reason = TextField(
        allow_blank=True,
        required=False,
        default="",
        max_length=250,
        help_text="Instead of active_participants: why there is no figure.",
    )


class ExpectedVersionSerializer(serializers.Serializer):
    province = TextField(max_length=16)
    period = MonthField()
    version = serializers.IntegerField(min_value=1)


class BulkSerializer(serializers.Serializer):
    counts = CountInSerializer(many=True, allow_empty=False)
    expected_versions = ExpectedVersionSerializer(many=True, required=False, default=list)
    dry_run = serializers.BooleanField(default=False)

    def validate_counts(self, counts: list[dict]) -> list[dict]:
        if len(counts) > MAX_CELLS:
            raise serializers.ValidationError(f"Send at most {MAX_CELLS} counts in one request.")
        return counts


class ProblemSerializer(serializers.Serializer):
    index = serializers.IntegerField(
        allow_null=True, help_text="Position of the cell in `counts`; null for the whole request."
    )
    field = serializers.CharField()
    message = serializers.CharField()


class BulkResultSerializer(serializers.Serializer):
    """Documentation only. Fields are built in get_fields: a declared `errors` field would
    hide Serializer.errors."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {
            "applied": serializers.BooleanField(),
            "dry_run": serializers.BooleanField(),
            "created": serializers.IntegerField(),
            "updated": serializers.IntegerField(),
            "unchanged": serializers.IntegerField(),
            "errors": ProblemSerializer(many=True),
            "warnings": ProblemSerializer(many=True),
        }


class CountListView(ConditionalGetMixin, generics.ListAPIView):
    serializer_class = CountSerializer
    filterset_class = CountFilter

    def get_queryset(self) -> QuerySet[ParticipantCount]:
        counts = counts_for(self.request.user).select_related(
            "region", "region__parent", "category", "report"
        )
        counts = counts.defer("region__boundary", "region__parent__boundary")
        return counts.order_by("period", "region__code", "category__order", "category__code")

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
        "`expected_versions` you give is a conflict (409) and nothing is written; so is a "
        "cell the rules refuse (an unknown code, a locked month, a region outside the "
        "account's scope). A body of the wrong form is a 400.",
        request=BulkSerializer,
        responses={
            200: BulkResultSerializer,
            400: OpenApiResponse(BulkResultSerializer, "Not a bulk write; nothing stored."),
            409: OpenApiResponse(
                BulkResultSerializer, "A cell broke a rule, or a report changed; nothing stored."
            ),
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
        # A well-formed write the data refuses is a conflict, as in DHIS2's imports.
        code = status.HTTP_409_CONFLICT if result["errors"] else status.HTTP_200_OK
        return Response(result, status=code)


def _unread(errors: Any) -> Response:
    """Serializer errors in the bulk answer's own shape, one problem per cell and field."""
    return Response(unread_result(errors), status=status.HTTP_400_BAD_REQUEST)


def unread_result(errors: Any) -> dict[str, Any]:
    """Serializer errors as problems; DRF keys a list's errors by the failing items' index."""
    problems = []
    for name, detail in errors.items() if isinstance(errors, dict) else [("body", errors)]:
        if name == "counts" and isinstance(detail, dict):
            for index, cell_errors in detail.items():
                fields = cell_errors if isinstance(cell_errors, dict) else {"counts": cell_errors}
                position = index if isinstance(index, int) else None
                problems += [
                    {"index": position, "field": field_name, "message": first_message(messages)}
                    for field_name, messages in fields.items()
                ]
        else:
            problems.append({"index": None, "field": name, "message": first_message(detail)})
    return bulk_result(errors=problems, dry_run=False)
