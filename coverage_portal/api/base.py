"""What every API view shares: paging and conditional GET."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django.http import HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coverage_portal.api import query_check


class Pagination(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


class ConditionalGetMixin(APIView):
    """ETag on every successful read, so a client polling unchanged data gets 304s; query
    parameters checked against the published schema before the view reads them.

    The tag hashes the rendered body: it is right whatever produced the figures (counts,
    a recompute, a scope change), at the cost of rendering before answering 304.
    """

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        query_check.check(request)

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ("Authorization", "Cookie"))
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if isinstance(response, SimpleTemplateResponse):
            response.render()
        if not isinstance(response, HttpResponse):
            return response
        set_response_etag(response)
        response.headers.setdefault("Cache-Control", "private, no-cache")
        etag = response.get("ETag")
        conditional = get_conditional_response(request, etag=etag, response=response)
        return cast(Response, conditional or response)


class JsonOnlyNegotiation(DefaultContentNegotiation):
    """Always the JSON renderer: a view that writes other formats itself (DHIS2's XML, CSV,
    ADX) decides by the Accept header, so DRF must not answer 406 before it is asked."""

    def select_renderer(
        self, request: Request, renderers: Iterable[Any], format_suffix: str | None = None
    ) -> tuple[Any, str]:
        renderer = next(iter(renderers))
        return renderer, renderer.media_type
