"""DHIS2's Web API dataValueSets (JSON): export a month, import values, same import summary.

orgUnit is a Kemendagri code, dataElement a category code, period DHIS2's monthly YYYYMM;
how inactive participants, employers and "no data" travel is told in exchange.py.
"""

from __future__ import annotations

import re
from typing import Any

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ParseError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.errors import first_message
from coverage_portal.api.exchange_schema import (
    DATA_VALUE_SET_EXAMPLE,
    IMPORT_EXAMPLES,
    DataValueSetSerializer,
    ImportSummarySerializer,
)
from coverage_portal.api.guards import MayViewOrImport
from coverage_portal.api.imports import import_response
from coverage_portal.api.params import (
    dhis2_format,
    dhis2_period,
    dry_run_param,
    required,
)
from participants.selectors import ExportedCount, exported_counts, readable
from participants.services import (
    MAX_VALUES,
    MEASURES,
    DataValue,
    FormatError,
    conflict,
)

WHOLE = re.compile(r"^-?[0-9]{1,19}$")


class DataValueSetView(ConditionalGetMixin, APIView):
    permission_classes = [MayViewOrImport]

    @extend_schema(
        operation_id="dataValueSets_export",
        summary="Export a month as a DHIS2 data value set",
        description="orgUnit is a Kemendagri code: a regency gives its own values, a province "
        "those of its regencies, `ID` the whole country. Only regions in the account's scope.",
        parameters=[
            OpenApiParameter("orgUnit", str, required=True, description="e.g. 61 or 61.71"),
            OpenApiParameter("period", str, required=True, description="YYYYMM, e.g. 202312"),
        ],
        responses={200: DataValueSetSerializer},
        examples=[DATA_VALUE_SET_EXAMPLE],
    )
    def get(self, request: Request) -> Response:
        code = required(request, "orgUnit")
        period = dhis2_period("period", required(request, "period"))
        region = readable(request.user, code)
        text = dhis2_format(period)
        values = [
            _as_json(count, text, measure, value, comment)
            for count in exported_counts(request.user, region, period)
            for measure, value, comment in count.measures()
        ]
        return Response({"orgUnit": region.code, "period": text, "dataValues": values})

    @extend_schema(
        operation_id="dataValueSets_import",
        summary="Import a DHIS2 data value set (all values or none)",
        description="Every value goes through the portal's count rules; any refusal leaves "
        "everything as it was and is named in `conflicts` (HTTP 409). `dryRun=true` checks "
        "and counts without storing.",
        parameters=[dry_run_param()],
        request=DataValueSetSerializer,
        responses={
            200: ImportSummarySerializer,
            400: OpenApiResponse(ImportSummarySerializer, "Not a data value set."),
            409: OpenApiResponse(ImportSummarySerializer, "A value was refused; none stored."),
        },
        examples=IMPORT_EXAMPLES,
    )
    def post(self, request: Request) -> Response:
        return import_response(request, lambda: parse_data_value_set(_json_body(request)))


def _as_json(
    count: ExportedCount, period: str, measure: str, value: int | None, comment: str
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "dataElement": count.category,
        "period": period,
        "orgUnit": count.region,
        "categoryOptionCombo": measure,
        "value": "" if value is None else str(value),
        "lastUpdated": count.updated_at.isoformat(),
        "followup": False,
    }
    if comment:
        item["comment"] = comment
    return item


def _json_body(request: Request) -> Any:
    try:
        return request.data
    except ParseError as error:
        raise FormatError(
            [conflict("body", f"The body is not valid JSON: {error.detail}")]
        ) from error


def parse_data_value_set(data: Any) -> list[DataValue]:
    if not isinstance(data, dict) or not isinstance(data.get("dataValues"), list):
        raise FormatError([conflict("dataValues", "Send an object with a list `dataValues`.")])
    items = data["dataValues"]
    if not items or len(items) > MAX_VALUES:
        message = f"Send between 1 and {MAX_VALUES} data values in one request."
        raise FormatError([conflict("dataValues", message)])
    defaults = {key: data.get(key) for key in ("orgUnit", "period")}
    values: list[DataValue] = []
    problems: list[dict[str, str]] = []
    for index, item in enumerate(items):
        try:
            values.append(_data_value(item, defaults))
        except serializers.ValidationError as error:
            problems.append(conflict(f"dataValues[{index}]", first_message(error.detail)))
    if problems:
        raise FormatError(problems)
    return values


def _data_value(item: Any, defaults: dict[str, Any]) -> DataValue:
    if not isinstance(item, dict):
        raise serializers.ValidationError("Each data value is an object.")
    org_unit = _text(item.get("orgUnit", defaults["orgUnit"]), "orgUnit")
    period_text = _text(item.get("period", defaults["period"]), "period")
    measure = _text(item.get("categoryOptionCombo") or "ACTIVE", "categoryOptionCombo")
    if measure not in MEASURES:
        raise serializers.ValidationError(
            f"categoryOptionCombo {measure!r} is not one of {', '.join(MEASURES)}."
        )
    comment = item.get("comment") or ""
    if not isinstance(comment, str):
        raise serializers.ValidationError("comment must be text.")
    return DataValue(
        org_unit=org_unit,
        data_element=_text(item.get("dataElement"), "dataElement"),
        period=dhis2_period("period", period_text),
        period_text=period_text,
        value=whole_number(item.get("value")),
        measure=measure,
        comment=comment,
    )


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise serializers.ValidationError(f"{name} is missing.")
    return value.strip()


def whole_number(value: Any) -> int | None:
    """DHIS2 sends values as text: '385004' → 385004; '' or null → no value."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if WHOLE.match(text):
        return int(text)
    raise serializers.ValidationError(f"value {value!r} is not a whole number.")
