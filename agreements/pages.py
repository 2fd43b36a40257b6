"""Shared pieces of the agreements views: scoped lookups, list pages with exports, forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from agreements import exports
from regions import access
from regions.access import Action

PAGE_SIZE = 50


def get_visible(queryset: QuerySet, pk: int) -> Any:
    """A record from a scoped queryset: one outside the user's scope is simply not found."""
    return get_object_or_404(queryset, pk=pk)


def list_page(
    request: HttpRequest,
    *,
    template: str,
    queryset: QuerySet,
    filterset: type,
    table: Callable[[Any], list[list]],
    name: str,
) -> HttpResponse:
    """A filtered, paginated list; `?format=csv|xlsx` downloads the same filtered rows."""
    filtered = filterset(request.GET, queryset=queryset)
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        return exports.respond(table(filtered.qs), name, fmt)
    page = Paginator(filtered.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filtered,
        "page": page,
        "query": query.urlencode(),
        "can_add": access.allows(request.user, Action.LOG_ACTIVITY),
    }
    return render(request, template, context)


def add_errors(form: BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def flash_error(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)
