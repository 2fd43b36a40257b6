"""A province's infographic card as PNG, as on /analisis/infografik/<code>.png."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.views import APIView

from coverage_portal.analysis.infographic.cache import card_png
from coverage_portal.analysis.infographic.figures import card_figures


class InfographicView(APIView):
    @extend_schema(
        summary="A province's infographic card (PNG, 1080 × 1350), in scope",
        description="In the request's language (Accept-Language or ?lang=). The figures drawn "
        "are also in the PNG's text metadata `figures` (JSON).",
        parameters=[OpenApiParameter("bulan", str, description="YYYY-MM (default: latest)")],
        responses={(200, "image/png"): OpenApiTypes.BINARY, 404: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request, code: str) -> HttpResponse:
        figures = card_figures(request.user, code, request.query_params.get("bulan"))
        if figures is None:
            raise exceptions.NotFound("No coverage figures for this province yet.")
        return HttpResponse(card_png(figures), content_type="image/png")
