"""What every agreements page shares: a record looked up in scope, a service's refusal shown
on the form or as a message, and lists with filters, pages and downloads.

Downloads neutralise text a spreadsheet would run as a formula (regions.spreadsheets):
officers open them in Excel and the cells come from free text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import django_filters as df
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regions import access
from regions import selectors as region_selectors
from regions.access import Action
from regions.models import Office
from regions.spreadsheets import spreadsheet_response

PAGE_SIZE = 50


def get_visible(queryset: QuerySet, pk: int) -> Any:
    """A record from a scoped queryset: one outside the user's scope is simply not found."""
    return get_object_or_404(queryset, pk=pk)


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


# --- Lists ----------------------------------------------------------------------------------


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
    filtered = filterset(request.GET, queryset=queryset, request=request)
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        stem = f"{name}-{timezone.localdate().isoformat()}"
        return spreadsheet_response(table(filtered.qs), fmt=fmt, stem=stem, bom=True)
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


def table(columns: Sequence[tuple[str, Callable[[Any], Any]]], rows: Iterable[Any]) -> list[list]:
    """A download's rows: the column titles, then one row per record."""
    header = [str(title) for title, _get in columns]
    return [header, *([get(row) for _title, get in columns] for row in rows)]


def date_bound(label: Any, field: str, lookup: str) -> df.DateFilter:
    """One end of a date range ("gte" from, "lte" until), with the browser's date picker."""
    return df.DateFilter(
        label=label,
        field_name=field,
        lookup_expr=lookup,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


def in_area(field: str) -> Any:
    """Filter by a region code: the region itself and, for a province, its regencies."""

    def method(queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            Q(**{f"{field}__code": value}) | Q(**{f"{field}__parent__code": value})
        )

    return method


def search(*fields: str) -> Any:
    def method(queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition) if value else queryset

    return method


def _offices_seen(request: HttpRequest | None) -> QuerySet[Office]:
    if request is None:
        return Office.objects.none()
    return region_selectors.offices_for(request.user, Action.VIEW)  # type: ignore[arg-type]


def office_filter(**kwargs: Any) -> df.ModelChoiceFilter:
    """The BPJS office filter offers only the offices the user may see."""
    return df.ModelChoiceFilter(label=_("BPJS office"), queryset=_offices_seen, **kwargs)
