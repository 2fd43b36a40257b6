"""What the pivot page and its downloads need, from the query string."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from coverage_portal.analysis.pivot import choice as c
from coverage_portal.analysis.pivot.table import Member, Pivot, Total, Value, build
from participants import selectors as coverage
from participants.models import Category
from regions.access.users import PortalUser
from regions.values.formatting import format_number, format_percent


def pivot_for(user: PortalUser, params: Mapping[str, str]) -> Pivot | None:
    """The pivot asked for; None when the user has no figures at all. PivotError on bad input."""
    latest = coverage.latest_complete_period(user)
    if latest is None:
        return None
    return build(user, c.parse(user, params, latest))


def context(user: PortalUser, params: Mapping[str, str]) -> dict[str, Any]:
    pivot = pivot_for(user, params)
    result: dict[str, Any] = {
        "pivot": pivot,
        "dimensions": c.DIMENSIONS.items(),
        "measures": c.MEASURES.items(),
        "levels": [(key, label) for key, (_level, label) in c.LEVELS.items()],
        "sorts": c.SORTS.items(),
        "categories": Category.objects.order_by("order", "code"),
        "months": coverage.available_periods(user),
    }
    if pivot is not None:
        result.update(
            choice=pivot.choice.query(), query=urlencode(pivot.choice.query()), **_lines(pivot)
        )
    return result


def shown(value: Value, measure: str) -> str:
    """632.494, or 34,55% for a percentage; '–' when unknown, never 0."""
    if measure in c.PERCENT_MEASURES:
        return format_percent(value)
    return format_number(value)


def _measure(pivot: Pivot, *members: Member | None) -> str:
    for member in members:
        if member is not None and "measure" in member.coords:
            return str(member.coords["measure"])
    return pivot.choice.measure


def _total(total: Total | None, measure: str) -> dict[str, Any] | None:
    if total is None:
        return None
    return {"text": shown(total.value, measure), "partial": total.partial}


def _lines(pivot: Pivot) -> dict[str, Any]:
    """The table as rows of formatted cells, each with the measure it shows."""
    lines = []
    for row in pivot.rows:
        cells = [shown(pivot.value(row, k), _measure(pivot, row, k)) for k in pivot.columns]
        total = (pivot.row_totals or {}).get(row.key)
        lines.append({"member": row, "cells": cells, "total": _total(total, _measure(pivot, row))})
    footer = None
    if pivot.column_totals is not None:
        footer = {
            "cells": [
                _total(pivot.column_totals[k.key], _measure(pivot, k)) for k in pivot.columns
            ],
            "total": _total(pivot.grand_total, pivot.choice.measure),
        }
    return {"lines": lines, "footer": footer}
