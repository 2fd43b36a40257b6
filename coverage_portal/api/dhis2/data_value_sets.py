"""DHIS2's Web API /api/dataValueSets: export and import data value sets.

Formats by suffix (.json, .xml, .csv, .adx) or by Accept / Content-Type: JSON, DXF2 XML,
DHIS2 CSV and ADX, read and written by participants' exchange. The import follows DHIS2's
options (importStrategy, dryRun, atomicMode, async) and answers DHIS2's WebMessage with its
ImportSummary. orgUnit is a Kemendagri code, dataElement a category code, period YYYYMM.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, PolymorphicProxySerializer, extend_schema
from rest_framework.exceptions import NotAcceptable, UnsupportedMediaType, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coverage_portal.api.base import ConditionalGetMixin, JsonOnlyNegotiation
from coverage_portal.api.dhis2 import options
from coverage_portal.api.dhis2.shapes import (
    DATA_VALUE_SET_EXAMPLE,
    IMPORT_EXAMPLES,
    DataValueSetOutSerializer,
    DataValueSetSerializer,
    JobMessageSerializer,
    WebMessageSerializer,
)
from coverage_portal.api.guards import MayViewOrImport
from coverage_portal.api.schema import ErrorSerializer
from participants.selectors import ExportRefused, exchange_write, exported_counts
from participants.services import Summary, document_refusal, import_document, job_start

MAX_BYTES = 20 * 1024 * 1024
MEDIA_TYPES = {
    "json": "application/json",
    "xml": "application/xml",
    "csv": "application/csv",
    "adx": "application/adx+xml",
}
ACCEPTED = {
    "application/json": "json",
    "text/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/csv": "csv",
    "text/csv": "csv",
    "application/adx+xml": "adx",
    "application/xml+adx": "adx",
    "*/*": "json",
    "application/*": "json",
}


def negotiated(request: Request, suffix: str | None) -> str:
    """The format asked for: the suffix, else the first Accept type the API writes."""
    if suffix:
        return suffix
    header = request.headers.get("Accept", "")
    if not header.strip():
        return "json"
    for part in header.split(","):
        media, _sep, params = part.partition(";")
        if "q=0" in params.replace(" ", "") and "q=0." not in params.replace(" ", ""):
            continue
        kind = ACCEPTED.get(media.strip().lower())
        if kind:
            return kind
    raise NotAcceptable(
        _("Ask for application/json, application/xml, application/csv or application/adx+xml.")
    )


def body_kind(request: Request) -> str:
    media = (request.content_type or "").split(";")[0].strip().lower()
    return ACCEPTED.get(media, "") if media not in ("*/*", "application/*") else ""


class DataValueSetView(ConditionalGetMixin, APIView):
    permission_classes = [MayViewOrImport]
    content_negotiation_class = JsonOnlyNegotiation

    @extend_schema(
        operation_id="dataValueSets_export",
        summary="Export data values (DHIS2 dataValueSets)",
        description="orgUnit (repeatable) is a Kemendagri code: a regency gives its own values, "
        "a province those of its regencies, `ID` the whole country (as DHIS2's children=true). "
        "Give period (repeatable, YYYYMM), or startDate and endDate, or lastUpdated. Only "
        "regions in the account's scope (404 otherwise). Also served as XML (DXF2), CSV and "
        "ADX by suffix (.xml, .csv, .adx) or Accept header.",
        parameters=options.EXPORT_PARAMETERS,
        responses={
            200: DataValueSetOutSerializer,
            404: OpenApiResponse(description="An orgUnit outside the account's scope."),
            406: OpenApiResponse(description="An Accept type the API does not write."),
            409: OpenApiResponse(description="Too many values, or no period given."),
        },
        examples=[DATA_VALUE_SET_EXAMPLE],
    )
    def get(self, request: Request, format: str | None = None) -> Any:
        kind = negotiated(request, format)
        query = options.export_query(request)
        try:
            counts = exported_counts(request.user, query)
        except ExportRefused as refused:
            return Response({"detail": refused.message, "errors": {}}, status=refused.status)
        body = exchange_write(kind, counts, query.include_deleted)
        if kind == "json":
            for name, given in (("orgUnit", query.org_units), ("period", query.periods)):
                if len(given) == 1:  # DHIS2 names the one unit and period asked for
                    body[name] = given[0] if name == "orgUnit" else f"{given[0]:%Y%m}"
            return Response(body)
        return HttpResponse(body, content_type=f"{MEDIA_TYPES[kind]}; charset=utf-8")

    @extend_schema(
        operation_id="dataValueSets_import",
        summary="Import data values (DHIS2 dataValueSets)",
        description="Every value goes through the portal's count rules. importStrategy "
        "CREATE (new values only), UPDATE (stored values only), CREATE_AND_UPDATE, DELETE "
        "(clears values: audited, shown as no data). atomicMode ALL stores nothing while any "
        "value is refused; NONE stores the rest. dryRun checks without storing; async=true "
        "queues a job (see /api/system/tasks/). Any disaggregation, attribute or code the "
        "portal does not know is a conflict (409) naming the data values' indexes. Also "
        "reads DXF2 XML, DHIS2 CSV and ADX (by Content-Type).",
        parameters=options.IMPORT_PARAMETERS,
        request=DataValueSetSerializer,
        responses={
            200: PolymorphicProxySerializer(
                component_name="ImportAnswer",
                serializers=[WebMessageSerializer, JobMessageSerializer],
                resource_type_field_name=None,
            ),
            400: OpenApiResponse(
                PolymorphicProxySerializer(
                    component_name="ImportRefusal",
                    serializers=[WebMessageSerializer, ErrorSerializer],
                    resource_type_field_name=None,
                ),
                "Not a data value set, or a bad parameter; nothing stored.",
            ),
            409: OpenApiResponse(WebMessageSerializer, "Conflicts; see atomicMode."),
        },
        examples=IMPORT_EXAMPLES,
    )
    def post(self, request: Request, format: str | None = None) -> Response:
        import_options = options.import_options(request)
        kind = body_kind(request) or (format if format in MEDIA_TYPES else "")
        body = read_body(request)
        if not kind:
            raise UnsupportedMediaType(request.content_type or "")
        if options.is_async(request):
            refused = document_refusal(body=body, kind=kind, options=import_options)
            if refused is not None:
                return Response(refused.web_message(), status=refused.http_status)
            job = job_start(
                actor_id=int(request.user.pk or 0), body=body, kind=kind, options=import_options
            )
            message = {"httpStatus": "OK", "httpStatusCode": 200, "status": "OK"}
            return Response(message | {"message": "Initiated dataValueImport", "response": job})
        summary: Summary = import_document(
            actor=request.user, body=body, kind=kind, options=import_options
        )
        return Response(summary.web_message(), status=summary.http_status)


def read_body(request: Request) -> bytes:
    """The raw document, read up to the exchange's bound (a larger one is a 400)."""
    stream = request.stream
    body = stream.read(MAX_BYTES + 1) if stream is not None else b""
    if len(body) > MAX_BYTES:
        raise ValidationError({"body": [_("The document is larger than 20 MB.")]})
    return body
