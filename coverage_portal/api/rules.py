"""Validation rules (read by every role, written by national administrators through
participants' rule_save) and the results of the nightly run over history, in scope."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.fields import IdFilter, region_filterset
from coverage_portal.api.guards import MayAdminister, MayView
from coverage_portal.api.writes import REGIONS, ServiceWriteMixin
from participants import services
from participants.models import RuleResult, ValidationRule
from participants.selectors import rule_results_for, rules_for
from regions.access.users import PortalUser


class ValidationRuleSerializer(serializers.ModelSerializer):
    regions = serializers.SlugRelatedField(
        slug_field="code", queryset=REGIONS, many=True, required=False
    )

    class Meta:
        model = ValidationRule
        fields = [
            "id",
            "name_id",
            "name_en",
            "builtin",
            "left",
            "operator",
            "right",
            "importance",
            "period_type",
            "regions",
            "parameters",
            "description_id",
            "description_en",
            "is_active",
        ]
        read_only_fields = ["builtin"]
        validators: list[Any] = []  # the service checks the expressions and thresholds


class RuleResultSerializer(serializers.ModelSerializer):
    region: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = RuleResult
        fields = ["id", "rule", "region", "period", "left_value", "right_value", "outcome"]


WRITE = "National administrators only; the expressions are checked (syntax, known codes)."


@extend_schema_view(
    list=extend_schema(summary="Validation rules, built-in checks included"),
    retrieve=extend_schema(summary="One validation rule"),
    create=extend_schema(
        summary="Add a validation rule",
        description=WRITE,
        examples=[
            OpenApiExample(
                "NON_ASN within PU",
                value={
                    "name_id": "NON_ASN tidak melebihi PU",
                    "name_en": "NON_ASN within PU",
                    "left": "NON_ASN",
                    "operator": "<=",
                    "right": "PU",
                    "importance": "error",
                    "period_type": "monthly",
                },
                request_only=True,
            )
        ],
    ),
    update=extend_schema(summary="Change a validation rule", description=WRITE),
    partial_update=extend_schema(summary="Change a validation rule", description=WRITE),
)
class ValidationRuleViewSet(ServiceWriteMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    serializer_class = ValidationRuleSerializer
    write_permission = MayAdminister
    m2m = ("regions",)

    def get_queryset(self) -> QuerySet[ValidationRule]:
        return rules_for(self.request.user)

    def service(self, *, actor: PortalUser, instance: Any, **m2m: Any) -> Any:
        return services.rule_save(actor=actor, rule=instance, regions=m2m.get("regions"))


@extend_schema_view(
    list=extend_schema(summary="Rule outcomes per regency and month in the account's scope"),
    retrieve=extend_schema(summary="One rule outcome"),
)
class RuleResultViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = RuleResultSerializer
    permission_classes = [MayView]
    filterset_class = region_filterset(
        RuleResult, ["period", "outcome"], rule=IdFilter(field_name="rule_id")
    )

    def get_queryset(self) -> QuerySet[RuleResult]:
        return rule_results_for(self.request.user)
