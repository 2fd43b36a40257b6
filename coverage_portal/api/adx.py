"""ADX over HTTP: GET a month's counts as ADX, POST ADX through the dataValueSets import."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.exchange_schema import ImportSummarySerializer
from coverage_portal.api.guards import MayViewOrImport
from coverage_portal.api.imports import import_response
from coverage_portal.api.params import dry_run_param, period_param, required
from participants.selectors import exported_counts, readable
from participants.services import adx_document as adx_format

CONTENT_TYPE = "application/adx+xml"
EXAMPLE = """<?xml version='1.0' encoding='utf-8'?>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-01-15T09:00:00+07:00">
  <group orgUnit="61.71" period="2023-12-01/P1M">
    <dataValue dataElement="PU" value="132004"/>
    <dataValue dataElement="PU" measure="INACTIVE" value="20311"/>
    <dataValue dataElement="BPU" value="25016"/>
  </group>
</adx>"""


class AdxParser(BaseParser):
    """Hands the raw bytes on: adx_format parses them safely, with its own size limit."""

    media_type = CONTENT_TYPE

    def parse(
        self, stream: Any, media_type: Any = None, parser_context: Any = None
    ) -> dict[str, bytes]:
        return {"adx": stream.read(adx_format.MAX_BYTES + 1) if stream is not None else b""}


class XmlParser(AdxParser):
    media_type = "application/xml"


class AdxView(ConditionalGetMixin, APIView):
    parser_classes = [AdxParser, XmlParser]

    permission_classes = [MayViewOrImport]

    @extend_schema(
        operation_id="adx_export",
        summary="Export a month as an IHE ADX document",
        description='One group per regency and month (`period="YYYY-MM-01/P1M"`); a province '
        'gives its regencies, `ID` the country. Cells marked "no data" are left out (ADX has '
        "no empty value). Valid against the IHE ADX 2015 loose schema. 404 when the account "
        "may read no counts for that region and month.",
        parameters=[
            OpenApiParameter("orgUnit", str, required=True, description="e.g. 61 or 61.71"),
            OpenApiParameter("period", str, required=True, description="YYYY-MM, e.g. 2023-12"),
        ],
        responses={
            (200, CONTENT_TYPE): OpenApiResponse(
                str, "The ADX document.", examples=[OpenApiExample("ADX", value=EXAMPLE)]
            )
        },
    )
    def get(self, request: Request) -> HttpResponse:
        region = readable(request.user, required(request, "orgUnit"))
        period = period_param("period", required(request, "period"))
        counts = exported_counts(request.user, region, period)
        if not adx_format.has_values(counts):
            return Response(
                {"detail": f"No counts for {region.code} in {period:%Y-%m}.", "errors": {}},
                status=404,
            )
        body = adx_format.render(counts, period)
        return HttpResponse(body, content_type=f"{CONTENT_TYPE}; charset=utf-8")

    @extend_schema(
        operation_id="adx_import",
        summary="Import an ADX document (all values or none)",
        description="Content-Type application/adx+xml. Read safely: a DTD or entity "
        "declaration is refused (400), as are periods other than a calendar month and values "
        "that are not whole numbers. Then the same import as dataValueSets, with the same "
        "summary.",
        parameters=[dry_run_param()],
        request={CONTENT_TYPE: {"type": "string"}},
        responses={
            200: ImportSummarySerializer,
            400: OpenApiResponse(ImportSummarySerializer, "Not an acceptable ADX document."),
            409: OpenApiResponse(ImportSummarySerializer, "A value was refused; none stored."),
        },
        examples=[OpenApiExample("ADX", value=EXAMPLE, request_only=True)],
    )
    def post(self, request: Request) -> Response:
        return import_response(request, lambda: adx_format.parse(_body(request)))


def _body(request: Request) -> bytes:
    data = request.data
    body = data.get("adx", b"") if isinstance(data, dict) else b""
    return body if isinstance(body, bytes) else b""
