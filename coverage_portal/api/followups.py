"""Follow-ups on values: listed in scope, opened and closed through participants' services."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.guards import MayView
from participants import services
from participants.models import FollowUp
from participants.selectors import counts_for, followups_for


class FollowUpSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="count.region.code", read_only=True)
    category = serializers.CharField(source="count.category.code", read_only=True)
    period = serializers.DateField(source="count.period", read_only=True)
    count = serializers.IntegerField(source="count_id", min_value=1, max_value=2**62)
    comment = serializers.CharField(max_length=1000)

    class Meta:
        model = FollowUp
        fields = [
            "id",
            "count",
            "region",
            "category",
            "period",
            "comment",
            "opened_at",
            "closed_at",
            "closing_comment",
        ]
        read_only_fields = ["opened_at", "closed_at", "closing_comment"]


class CloseSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=1000)


@extend_schema_view(
    list=extend_schema(summary="Follow-ups in the account's scope (newest first)"),
    retrieve=extend_schema(summary="One follow-up"),
    create=extend_schema(
        summary="Mark a value for follow-up",
        description="Officers and approvers of the value's province, and national users.",
    ),
)
class FollowUpViewSet(
    ConditionalGetMixin,
    mixins.CreateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    serializer_class = FollowUpSerializer
    permission_classes = [MayView]

    def get_queryset(self) -> QuerySet[FollowUp]:
        return followups_for(self.request.user)

    def perform_create(self, serializer: serializers.BaseSerializer[FollowUp]) -> None:
        visible = counts_for(self.request.user).select_related("report__province")
        count = get_object_or_404(visible, pk=serializer.validated_data["count_id"])
        comment = serializer.validated_data["comment"]
        serializer.instance = services.followup_open(
            actor=self.request.user, count=count, comment=comment
        )

    @extend_schema(request=CloseSerializer, responses=FollowUpSerializer, summary="Close it")
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        data = CloseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        closed = services.followup_close(
            actor=request.user, followup=self.get_object(), comment=data.validated_data["comment"]
        )
        return Response(FollowUpSerializer(closed).data)
