"""The query string a pager's links keep: the page's filters, without its page number."""

from __future__ import annotations

from django.http import HttpRequest


def filters_query(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("halaman", None)
    return query.urlencode()
