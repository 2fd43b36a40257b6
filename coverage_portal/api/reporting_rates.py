"""Reporting rates over many months, as on /analisis/pelaporan/: each province's monthly report
per month (approved, submitted, pending, missing; "" before the province existed)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coverage_portal.analysis import reporting
from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.fields import MONTH_SCHEMA


def _tally(tally: reporting.Tally) -> dict[str, Any]:
    rate = tally.rate
    return {
        "expected": tally.expected,
        "submitted": tally.submitted,
        "approved": tally.approved,
        "late": tally.late,
        "missing": tally.missing,
        "rate": float(round(rate, 2)) if isinstance(rate, Decimal) else None,
    }


def as_json(grid: reporting.Grid) -> dict[str, Any]:
    return {
        "months": [f"{m:%Y-%m}" for m in grid.months],
        "provinces": [
            {
                "code": p.code,
                "name": p.name,
                "cells": [
                    {"period": f"{m:%Y-%m}", "state": cell.state or None, "late": cell.late}
                    for m, cell in grid.row(p)
                ],
                **_tally(grid.by_province[p.pk]),
            }
            for p in grid.provinces
        ],
        "per_month": [{"period": f"{m:%Y-%m}", **_tally(grid.by_month[m])} for m in grid.months],
        "total": _tally(grid.total),
    }


class ReportingRatesView(ConditionalGetMixin, APIView):
    @extend_schema(
        summary="Reporting rates: a province × month grid of the monthly reports, in scope",
        description="state: approved, submitted, pending (not yet due) or missing (overdue); "
        "null where the province did not exist that month (not expected, never missing). "
        "late: submitted after the deadline, in the province's own time zone.",
        parameters=[
            OpenApiParameter(
                "sampai",
                MONTH_SCHEMA,
                description="Last month, YYYY-MM (default: due)",
            ),
            OpenApiParameter(
                "jumlah",
                {"type": "integer", "minimum": 1, "maximum": reporting.MAX_MONTHS},
                description="Number of months, 1–36 (default 12)",
            ),
        ],
        responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request) -> Response:
        try:
            end, count = reporting.choice(request.query_params)
        except reporting.GridError as error:
            raise exceptions.ValidationError({"detail": str(error)}) from error
        return Response(as_json(reporting.grid_for(request.user, end, count)))
