"""Commitments, regional regulations and APBD budget allocations: read in scope, create and
edit through the agreements services."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from agreements import services
from agreements.models import Agreement, BudgetAllocation, Commitment, Meeting, Regulation
from agreements.selectors import budgets_for, commitments_for, regulations_for
from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.fields import IdFilter, region_filterset
from coverage_portal.api.writes import ServiceWriteMixin, region_field
from regions.access.users import PortalUser


def documented(noun: str, example: dict[str, Any]) -> Any:
    summaries = {
        "list": f"{noun}s in the account's scope",
        "retrieve": f"One {noun.lower()}",
        "create": f"Record a {noun.lower()}",
        "update": f"Change a {noun.lower()}",
        "partial_update": f"Change some fields of a {noun.lower()}",
    }
    examples = {"create": [OpenApiExample(noun, value=example, request_only=True)]}
    return extend_schema_view(
        **{
            name: extend_schema(summary=summary, examples=examples.get(name, []))
            for name, summary in summaries.items()
        }
    )


class CommitmentSerializer(serializers.ModelSerializer):
    region = region_field()
    agreement = serializers.PrimaryKeyRelatedField(
        queryset=Agreement.objects.all(), allow_null=True, required=False
    )
    meeting = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Commitment
        fields = [
            "id",
            "region",
            "agreement",
            "meeting",
            "kind",
            "description",
            "responsible",
            "due_date",
            "status",
            "done_on",
            "evidence",
            "category_code",
            "workers",
            "amount",
        ]


@documented(
    "Commitment",
    {
        "region": "74.11",
        "meeting": 3,
        "kind": "budget",
        "responsible": "Pemkab Kolaka Timur",
        "description": "Iuran seluruh tenaga honorer non-ASN dari APBD",
        "due_date": "2022-01-31",
        "category_code": "NON_ASN",
    },
)
class CommitmentViewSet(ServiceWriteMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    serializer_class = CommitmentSerializer
    filterset_class = region_filterset(
        Commitment,
        ["kind", "status"],
        agreement=IdFilter(field_name="agreement_id"),
        meeting=IdFilter(field_name="meeting_id"),
    )

    def get_queryset(self) -> QuerySet[Commitment]:
        return (
            commitments_for(self.request.user).defer("region__boundary").order_by("due_date", "pk")
        )

    def service(self, *, actor: PortalUser, instance: Any, **m2m: Any) -> Any:
        return services.commitment_save(actor=actor, commitment=instance)


class RegulationSerializer(serializers.ModelSerializer):
    region = region_field()

    class Meta:
        model = Regulation
        fields = [
            "id",
            "region",
            "kind",
            "number",
            "year",
            "title",
            "enacted_on",
            "revoked_on",
            "source_url",
            "notes",
        ]


@documented(
    "Regulation",
    {
        "region": "74.11",
        "kind": "perda",
        "number": "5",
        "year": 2020,
        "title": "Perlindungan jaminan sosial ketenagakerjaan",
        "enacted_on": "2020-09-01",
    },
)
class RegulationViewSet(ServiceWriteMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    serializer_class = RegulationSerializer
    filterset_class = region_filterset(Regulation, ["kind", "year"])

    def get_queryset(self) -> QuerySet[Regulation]:
        return regulations_for(self.request.user).defer("region__boundary").order_by("-year", "pk")

    def service(self, *, actor: PortalUser, instance: Any, **m2m: Any) -> Any:
        return services.regulation_save(actor=actor, regulation=instance)


class BudgetSerializer(serializers.ModelSerializer):
    region = region_field()

    class Meta:
        model = BudgetAllocation
        fields = [
            "id",
            "region",
            "year",
            "category_code",
            "label",
            "workers",
            "amount",
            "realised",
            "notes",
        ]


@documented(
    "Budget allocation",
    {
        "region": "74.11",
        "year": 2022,
        "category_code": "NON_ASN",
        "label": "Honorer",
        "workers": 2100,
        "amount": 352800000,
    },
)
class BudgetViewSet(ServiceWriteMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    serializer_class = BudgetSerializer
    filterset_class = region_filterset(BudgetAllocation, ["year", "category_code"])

    def get_queryset(self) -> QuerySet[BudgetAllocation]:
        return budgets_for(self.request.user).defer("region__boundary").order_by("-year", "pk")

    def service(self, *, actor: PortalUser, instance: Any, **m2m: Any) -> Any:
        return services.budget_save(actor=actor, budget=instance)
