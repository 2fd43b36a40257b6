"""The pivot table over the precomputed coverage table, as on /analisis/pivot/: the same query
parameters, the same cells and totals (the table's own aggregates), unknown as null."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coverage_portal.analysis.pivot import choice as c
from coverage_portal.analysis.pivot.page import pivot_for
from coverage_portal.analysis.pivot.table import Pivot, Total, Value
from coverage_portal.api.base import ConditionalGetMixin

PARAMETERS = [
    OpenApiParameter("baris", str, enum=list(c.DIMENSIONS), description="Rows (default wilayah)"),
    OpenApiParameter("kolom", str, enum=list(c.DIMENSIONS), description="Columns (kategori)"),
    OpenApiParameter("ukuran", str, enum=list(c.MEASURES), description="Measure (peserta)"),
    OpenApiParameter("tingkat", str, enum=list(c.LEVELS), description="Region level"),
    OpenApiParameter("wilayah", str, description="ID or a province code: the regions under it"),
    OpenApiParameter("dari", str, description="First month, YYYY-MM"),
    OpenApiParameter("sampai", str, description="Last month, YYYY-MM (default: latest complete)"),
    OpenApiParameter("tahun", str, description="A whole year instead of dari/sampai"),
    OpenApiParameter("kategori", str, description="A category code; empty for all categories"),
    OpenApiParameter("urut", str, enum=list(c.SORTS), description="Row order"),
]
TOTAL = inline_serializer(
    "PivotTotal",
    {"value": serializers.FloatField(allow_null=True), "partial": serializers.BooleanField()},
    allow_null=True,
)
MEMBER = inline_serializer(
    "PivotMember", {"key": serializers.CharField(), "label": serializers.CharField()}
)
RESPONSE = inline_serializer(
    "Pivot",
    {
        "choice": serializers.DictField(child=serializers.CharField()),
        "rows": MEMBER.__class__(many=True),
        "columns": MEMBER.__class__(many=True),
        "cells": serializers.ListField(
            child=serializers.ListField(child=serializers.FloatField(allow_null=True))
        ),
        "row_totals": TOTAL.__class__(many=True, allow_null=True),
        "column_totals": TOTAL.__class__(many=True, allow_null=True),
        "grand_total": TOTAL,
    },
)


def _number(value: Value) -> float | int | None:
    if isinstance(value, Decimal):
        return float(round(value, 2))
    return value


def _total(total: Total | None) -> dict[str, Any] | None:
    return None if total is None else {"value": _number(total.value), "partial": total.partial}


def as_json(pivot: Pivot) -> dict[str, Any]:
    rows, columns = pivot.rows, pivot.columns
    return {
        "choice": pivot.choice.query(),
        "rows": [{"key": str(r.key), "label": r.label} for r in rows],
        "columns": [{"key": str(k.key), "label": k.label} for k in columns],
        "cells": [[_number(pivot.value(r, k)) for k in columns] for r in rows],
        "row_totals": None
        if pivot.row_totals is None
        else [_total(pivot.row_totals[r.key]) for r in rows],
        "column_totals": None
        if pivot.column_totals is None
        else [_total(pivot.column_totals[k.key]) for k in columns],
        "grand_total": _total(pivot.grand_total),
    }


class PivotView(ConditionalGetMixin, APIView):
    @extend_schema(
        summary="A pivot table over the coverage table, in scope",
        description="Rows, columns and filters as on /analisis/pivot/. Totals are the coverage "
        "table's own aggregates (the parent region's row, the all-categories row), so they equal "
        "coverage_report; `partial` says a total stands over cells some of which are unknown "
        "(null: not reported, or the region did not exist). Months have no total (a stock).",
        parameters=PARAMETERS,
        responses={200: RESPONSE, 400: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request) -> Response:
        try:
            pivot = pivot_for(request.user, request.query_params)
        except c.PivotError as error:
            raise exceptions.ValidationError({"detail": [str(error)]}) from error
        if pivot is None:
            raise exceptions.NotFound("No coverage figures yet.")
        return Response(as_json(pivot))
