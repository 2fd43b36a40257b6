"""What the pivot page and its downloads need, from the query string."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape
from typing import Any
from urllib.parse import urlencode

from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from coverage_portal.analysis.pivot import choice as c
from coverage_portal.analysis.pivot.table import Member, Pivot, Total, Value, build
from participants import selectors as coverage
from regions.access.users import PortalUser
from regions.values.formatting import format_number, format_percent


def pivot_for(user: PortalUser, params: Mapping[str, str]) -> Pivot | None:
    """The pivot asked for; None when the user has no figures at all. PivotError on bad input."""
    return _pivot(user, params)[0]


def _pivot(user: PortalUser, params: Mapping[str, str]) -> tuple[Pivot | None, list[dt.date]]:
    """The pivot and the months with figures (the form's choices): each read once, and the
    months' completeness, which picks the default month, reused by the completeness measure."""
    periods = coverage.available_periods(user)
    known = coverage.months_completeness(periods, user=user)
    latest = coverage.latest_complete([known[p] for p in periods])
    if latest is None:
        return None, periods
    return build(user, c.parse(user, params, latest), known), periods


def context(user: PortalUser, params: Mapping[str, str]) -> dict[str, Any]:
    pivot, periods = _pivot(user, params)
    result: dict[str, Any] = {
        "pivot": pivot,
        "dimensions": c.DIMENSIONS.items(),
        "measures": c.MEASURES.items(),
        "levels": [(key, label) for key, (_level, label) in c.LEVELS.items()],
        "sorts": c.SORTS.items(),
        "months": periods,
    }
    if pivot is not None:
        result.update(
            categories=pivot.categories,
            choice=pivot.choice.query(),
            query=urlencode(pivot.choice.query()),
            **_lines(pivot),
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


def _partial_mark() -> str:
    return f'<abbr title="{escape(_("partial"))}">*</abbr>'


def _row_html(line: dict[str, Any], partial: str) -> SafeString:
    """A body row as the template would write it: a national pivot has thousands of cells,
    which Django's template loop renders twenty times slower than this join."""
    member: Member = line["member"]
    depth = f' data-depth="{member.depth}"' if member.depth else ""
    cells = "".join(f'<td class="num">{escape(text)}</td>' for text in line["cells"])
    total = line["total"]
    if total is not None:
        mark = partial if total["partial"] else ""
        cells += f'<td class="num total">{escape(total["text"])}{mark}</td>'
    # Every value is escaped: the stdlib's escape is Django's without its laziness check,
    # which costs more than escaping a number.
    return mark_safe(
        f'<tr data-code="{escape(str(localize(member.key)))}"{depth}>'
        f'<th scope="row">{escape(member.label)}</th>{cells}</tr>'
    )


def _lines(pivot: Pivot) -> dict[str, Any]:
    """The table as rows of formatted cells, each with the measure it shows."""
    lines = []
    # Which measure a cell shows depends on its row or its column, never on both (one axis
    # at most is the measure): worked out once per column, not once per cell.
    columns = [(k.key, _measure(pivot, k)) for k in pivot.columns]
    partial = _partial_mark()
    for row in pivot.rows:
        own = row.coords.get("measure")
        cells = [shown(pivot.cells[(row.key, key)], own or m) for key, m in columns]
        total = _total((pivot.row_totals or {}).get(row.key), _measure(pivot, row))
        line = {"member": row, "cells": cells, "total": total}
        line["html"] = _row_html(line, partial)
        lines.append(line)
    footer = None
    if pivot.column_totals is not None:
        footer = {
            "cells": [
                _total(pivot.column_totals[k.key], _measure(pivot, k)) for k in pivot.columns
            ],
            "total": _total(pivot.grand_total, pivot.choice.measure),
        }
    return {"lines": lines, "footer": footer}
