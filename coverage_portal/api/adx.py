"""/api/v1/adx: a month's counts as an IHE ADX document, and ADX imported (the same import
and WebMessage as /api/dataValueSets, which also speaks ADX by Content-Type or `.adx`)."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import UnsupportedMediaType
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.dhis2 import options
from coverage_portal.api.dhis2.data_value_sets import body_kind, read_body
from coverage_portal.api.dhis2.shapes import ORG_UNIT, WebMessageSerializer
from coverage_portal.api.fields import MONTH_PATTERN, month_param, required
from coverage_portal.api.guards import MayViewOrImport
from participants.selectors import (
    ExportQuery,
    ExportRefused,
    adx_has_values,
    adx_schema,
    exchange_write,
    exported_counts,
)
from participants.services import import_document

CONTENT_TYPE = "application/adx+xml"
EXAMPLE = """<?xml version='1.0' encoding='utf-8'?>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-01-15T09:00:00+07:00">
  <group orgUnit="61.71" period="2023-12-01/P1M" dataSet="KEPESERTAAN">
    <dataValue dataElement="PU" value="132004"/>
    <dataValue dataElement="PU" measure="INACTIVE" value="20311"/>
    <dataValue dataElement="BPU" value="25016"/>
  </group>
</adx>"""


class AdxSchemaView(ConditionalGetMixin, APIView):
    """The strict XML Schema of the portal's ADX (its codes enumerated); an XSD, not an API
    operation, so it stays out of the OpenAPI document."""

    @extend_schema(exclude=True)
    def get(self, request: Request) -> HttpResponse:
        return HttpResponse(adx_schema(), content_type="application/xml; charset=utf-8")


class AdxView(ConditionalGetMixin, APIView):
    permission_classes = [MayViewOrImport]

    @extend_schema(
        operation_id="adx_export",
        summary="Export a month as an IHE ADX document",
        description='One group per regency and month (`period="YYYY-MM-01/P1M"`, '
        '`dataSet="KEPESERTAAN"`); a province gives its regencies, `ID` the country. Cells '
        'marked "no data" are left out (ADX has no empty value). Valid against the IHE ADX '
        "2015 loose schema and the portal's strict one (/api/adx/schema.xsd). "
        "404 when the account may read no counts for that region and month.",
        parameters=[
            OpenApiParameter(
                "orgUnit", str, required=True, pattern=ORG_UNIT, description="e.g. 61 or 61.71"
            ),
            OpenApiParameter(
                "period",
                str,
                required=True,
                pattern=MONTH_PATTERN,
                description="YYYY-MM, e.g. 2023-12",
            ),
        ],
        responses={
            (200, CONTENT_TYPE): OpenApiResponse(
                str, "The ADX document.", examples=[OpenApiExample("ADX", value=EXAMPLE)]
            )
        },
    )
    def get(self, request: Request) -> HttpResponse:
        code = required(request, "orgUnit")
        period = month_param("period", required(request, "period"))
        try:
            counts = exported_counts(request.user, ExportQuery(org_units=[code], periods=[period]))
        except ExportRefused as refused:
            return Response({"detail": refused.message, "errors": {}}, status=refused.status)
        if not adx_has_values(counts):
            return Response(
                {"detail": f"No counts for {code} in {period:%Y-%m}.", "errors": {}}, status=404
            )
        body = exchange_write("adx", counts, False)
        return HttpResponse(body, content_type=f"{CONTENT_TYPE}; charset=utf-8")

    @extend_schema(
        operation_id="adx_import",
        summary="Import an ADX document",
        description="Content-Type application/adx+xml. Read safely: a DTD or entity "
        "declaration is refused (400). Then the same import as /api/dataValueSets, with the "
        "same options and WebMessage.",
        parameters=options.IMPORT_PARAMETERS,
        request={CONTENT_TYPE: {"type": "string", "description": "The ADX document."}},
        responses={
            200: WebMessageSerializer,
            400: OpenApiResponse(description="Not an acceptable ADX document, or a bad parameter."),
            409: OpenApiResponse(WebMessageSerializer, "Conflicts; see atomicMode."),
        },
        examples=[OpenApiExample("ADX", value=EXAMPLE, request_only=True)],
    )
    def post(self, request: Request) -> Response:
        if body_kind(request) not in ("adx", "xml"):
            raise UnsupportedMediaType(request.content_type or "")
        summary = import_document(
            actor=request.user,
            body=read_body(request),
            kind="adx",
            options=options.import_options(request),
        )
        return Response(summary.web_message(), status=summary.http_status)
