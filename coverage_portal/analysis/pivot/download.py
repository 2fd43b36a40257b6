"""The pivot as spreadsheet rows (header first) for the one CSV/XLSX writer."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from coverage_portal.analysis.pivot import choice as c
from coverage_portal.analysis.pivot.table import Pivot, Total, Value

UNKNOWN = "–"  # unknown stays a dash in a download too, never an empty cell read as 0


def _cell(value: Value) -> Any:
    if value is None:
        return UNKNOWN
    return round(value, 2) if isinstance(value, Decimal) else value


def _total(total: Total | None) -> list[Any]:
    if total is None:
        return []
    return [_cell(total.value), "*" if total.partial else ""]


def rows(pivot: Pivot) -> Iterator[list[Any]]:
    header = [str(c.DIMENSIONS[pivot.choice.rows]), *(k.label for k in pivot.columns)]
    if pivot.row_totals is not None:
        header += [pivot.row_total_label, _("partial")]
    yield header
    for row in pivot.rows:
        line = [row.label, *(_cell(pivot.value(row, k)) for k in pivot.columns)]
        if pivot.row_totals is not None:
            line += _total(pivot.row_totals[row.key])
        yield line
    if pivot.column_totals is not None:
        totals = pivot.column_totals
        line = [pivot.column_total_label, *(_cell(totals[k.key].value) for k in pivot.columns)]
        yield line + _total(pivot.grand_total)
        yield ["", *("*" if totals[k.key].partial else "" for k in pivot.columns)]
    if pivot.any_partial:
        yield [_("* a total over regions or categories of which some have not reported")]


def stem(pivot: Pivot) -> str:
    choice = pivot.choice
    return f"pivot-{choice.parent.code}-{choice.start:%Y-%m}-{choice.end:%Y-%m}-{choice.measure}"
