"""Workforce totals (coverage denominators) and targets: read in scope; national
administrators write them through participants' services, which mark coverage stale."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.filters import region_filterset
from coverage_portal.api.guards import MayAdminister
from coverage_portal.api.writes import ServiceWriteMixin, region_field
from participants import services
from participants.models import Category, Target, WorkforceKind, WorkforceTotal
from regions import access
from regions.access import Action
from regions.access.users import PortalUser


class WorkforceTotalSerializer(serializers.ModelSerializer):
    kind = serializers.SlugRelatedField(slug_field="code", queryset=WorkforceKind.objects.all())
    region = region_field()

    class Meta:
        model = WorkforceTotal
        fields = ["id", "kind", "region", "year", "month", "value", "source", "note"]
        validators: list[Any] = []  # the model's constraints are checked by the service


class TargetSerializer(serializers.ModelSerializer):
    region = region_field()
    category = serializers.SlugRelatedField(
        slug_field="code", queryset=Category.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Target
        fields = ["id", "region", "year", "category", "participants", "percent", "source", "note"]
        validators: list[Any] = []


def _docs(noun: str, example: dict[str, Any]) -> Any:
    write = "National administrators only; coverage is recomputed after the change."
    return extend_schema_view(
        list=extend_schema(summary=f"{noun}s in the account's scope"),
        retrieve=extend_schema(summary=f"One {noun.lower()}"),
        create=extend_schema(
            summary=f"Add a {noun.lower()}",
            description=write,
            examples=[OpenApiExample(noun, value=example, request_only=True)],
        ),
        update=extend_schema(summary=f"Change a {noun.lower()}", description=write),
        partial_update=extend_schema(summary=f"Change a {noun.lower()}", description=write),
    )


@_docs(
    "Workforce total",
    {
        "kind": "EMPLOYED",
        "region": "61",
        "year": 2022,
        "month": None,
        "value": 1830662,
        "source": "BPS Sakernas Agustus 2022",
        "note": "",
    },
)
class WorkforceTotalViewSet(ServiceWriteMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    serializer_class = WorkforceTotalSerializer
    filterset_class = region_filterset(WorkforceTotal, ["year", "month", "kind__code"])
    write_permission = MayAdminister

    def get_queryset(self) -> QuerySet[WorkforceTotal]:
        totals = WorkforceTotal.objects.select_related("kind", "region").defer("region__boundary")
        return access.scoped(totals, self.request.user, Action.VIEW).order_by(
            "region__code", "-year", "pk"
        )

    def service(self, *, actor: PortalUser, instance: Any, **m2m: Any) -> Any:
        return services.workforce_total_save(total=instance, actor=actor)


@_docs(
    "Target",
    {
        "region": "61",
        "year": 2021,
        "category": None,
        "participants": 235000,
        "percent": None,
        "source": "Target nasional 2021",
        "note": "",
    },
)
class TargetViewSet(ServiceWriteMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    serializer_class = TargetSerializer
    filterset_class = region_filterset(Target, ["year"])
    write_permission = MayAdminister

    def get_queryset(self) -> QuerySet[Target]:
        targets = Target.objects.select_related("region", "category").defer("region__boundary")
        return access.scoped(targets, self.request.user, Action.VIEW).order_by(
            "region__code", "-year", "pk"
        )

    def service(self, *, actor: PortalUser, instance: Any, **m2m: Any) -> Any:
        return services.target_save(target=instance, actor=actor)
