"""Monthly reports (one per province × month) and their workflow steps as POST actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.fields import MonthField, MonthFilter
from participants import services
from participants.models import MonthlyReport, ReportEvent
from participants.selectors import monthly_reports_for, submission_is_late


class EventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None, allow_null=True)

    class Meta:
        model = ReportEvent
        fields = ["action", "actor", "at", "comment"]


class ReportSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.code")
    province_name = serializers.CharField(source="province.name")
    period = MonthField(read_only=True)
    deadline = serializers.DateField()
    locked = serializers.BooleanField(source="is_locked")
    late = serializers.SerializerMethodField()

    class Meta:
        model = MonthlyReport
        fields = [
            "id",
            "province",
            "province_name",
            "period",
            "status",
            "version",
            "locked",
            "late",
            "deadline",
            "submitted_at",
            "approved_at",
            "updated_at",
        ]

    def get_late(self, report: MonthlyReport) -> bool:
        return submission_is_late(
            period=report.period,
            submitted_at=report.submitted_at,
            zone_name=report.province.timezone,
        )


class ReportDetailSerializer(ReportSerializer):
    events = EventSerializer(many=True)

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "events"]


class SubmitSerializer(serializers.Serializer):
    acknowledge_warnings = serializers.BooleanField(
        default=False, help_text="true: the warnings were reviewed (needed when there are any)."
    )


class CommentSerializer(serializers.Serializer):
    comment = serializers.CharField(help_text="What needs to change.")


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(help_text="Why the approved month is reopened.")


class ReportFilter(django_filters.FilterSet):
    province = django_filters.CharFilter(field_name="province__code", help_text="e.g. 61")
    period = MonthFilter(field_name="period", help_text="YYYY-MM")

    class Meta:
        model = MonthlyReport
        fields = ["status"]


REPORT_EXAMPLE = OpenApiExample(
    "Kalimantan Barat, December 2023",
    value={
        "id": 12,
        "province": "61",
        "province_name": "Kalimantan Barat",
        "period": "2023-12",
        "status": "submitted",
        "version": 5,
        "locked": False,
        "late": False,
        "deadline": "2024-01-10",
        "submitted_at": "2024-01-08T03:20:00Z",
        "approved_at": None,
        "updated_at": "2024-01-08T03:20:00Z",
    },
    response_only=True,
)


def _step(summary: str, body: Any, description: str) -> Any:
    return extend_schema(
        summary=summary,
        description=description + " The answer is the report after the step.",
        request=body,
        responses={200: ReportDetailSerializer},
        examples=[REPORT_EXAMPLE],
    )


@extend_schema_view(
    list=extend_schema(summary="Monthly reports in the account's scope", examples=[REPORT_EXAMPLE]),
    retrieve=extend_schema(summary="One monthly report with its workflow history"),
)
class ReportViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    filterset_class = ReportFilter

    def get_queryset(self) -> QuerySet[MonthlyReport]:
        return monthly_reports_for(self.request.user, with_events=self.action != "list")

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return ReportSerializer if self.action == "list" else ReportDetailSerializer

    def _run(
        self, request: Request, body: type[serializers.Serializer], step: Callable
    ) -> Response:
        payload = body(data=request.data)
        payload.is_valid(raise_exception=True)
        report = step(actor=request.user, report=self.get_object(), **payload.validated_data)
        fresh = self.get_queryset().get(pk=report.pk)
        return Response(ReportDetailSerializer(fresh).data)

    @_step("Submit for approval", SubmitSerializer, "Provincial officers; every cell filled.")
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        return self._run(request, SubmitSerializer, services.report_submit)

    @_step("Approve (locks the month)", None, "Provincial approvers; the report is submitted.")
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        return self._run(request, serializers.Serializer, services.report_approve)

    @_step("Send back to the officers", CommentSerializer, "Provincial approvers, with a comment.")
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request: Request, pk: str | None = None) -> Response:
        return self._run(request, CommentSerializer, services.report_send_back)

    @_step("Reopen an approved month", ReasonSerializer, "National administrators, with a reason.")
    @action(detail=True, methods=["post"])
    def reopen(self, request: Request, pk: str | None = None) -> Response:
        return self._run(request, ReasonSerializer, services.report_reopen)
