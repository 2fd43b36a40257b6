"""What every API view shares: paging and conditional GET."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response


class Pagination(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


class ConditionalGetMixin:
    """ETag on every successful read, so a client polling unchanged data gets 304s.

    The tag hashes the rendered body: it is right whatever produced the figures (counts,
    a recompute, a scope change), at the cost of rendering before answering 304.
    """

    def finalize_response(
        self, request: Request, response: HttpResponseBase, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        patch_vary_headers(response, ("Authorization", "Cookie"))
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if isinstance(response, Response):
            response.render()
        if getattr(response, "streaming", False):
            return response
        set_response_etag(response)
        response.headers.setdefault("Cache-Control", "private, no-cache")
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), response=response
        )
        return conditional if conditional is not None else response
