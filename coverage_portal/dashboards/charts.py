"""Month labels, the trend rows and the chart data of the dashboards (one source for the
pages, the PDF and the downloads, so every rendering marks the same months)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import formats
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from participants import selectors as coverage
from regions.models import Region
from regions.values.formatting import format_number, format_percent


def not_reported_text() -> str:
    return gettext("not reported")


REGION_PAGES: dict[str, str] = {
    Region.Level.PROVINCE: "dashboards:province",
    Region.Level.REGENCY: "dashboards:regency",
}


def _label(period: dt.date, pattern: str, language: str) -> str:
    return formats.date_format(period, pattern)


def month_label(period: dt.date) -> str:
    """'Des 2022'; cached, since every page labels 24–60 months and the format is slow."""
    return _label(period, "M Y", get_language() or "id")


def long_month_label(period: dt.date) -> str:
    return _label(period, "F Y", get_language() or "id")


def map_values(items: list[coverage.RegionCoverage]) -> dict[str, dict[str, Any]]:
    """Per region code: what the map colours by and shows on hover, already formatted."""
    values = {}
    for item in items:
        row, region = item.now, item.region
        values[region.code] = {
            "name": region.name,
            "coverage": float(row.coverage_percent)
            if row and row.coverage_percent is not None
            else None,
            "coverage_text": format_percent(item.coverage),
            "participants_text": format_number(row.participants) if row else not_reported_text(),
            "url": reverse(REGION_PAGES[region.level], args=[region.code]),
        }
    return values


@dataclass
class TrendRow:
    """One month of a trend as a table shows it: figures, completeness, denominator step."""

    period: dt.date
    label: str
    row: Any
    partial: str  # the partial-month label, empty when complete
    denominator_note: str  # set where the denominator's kind or year changes


def trend_rows(
    trend: list[coverage.TrendPoint], months: dict[dt.date, coverage.MonthCompleteness]
) -> list[TrendRow]:
    rows, previous = [], None
    for point in trend:
        month = months.get(point.period)
        rows.append(
            TrendRow(
                period=point.period,
                label=long_month_label(point.period),
                row=point.row,
                partial=month.label if point.row is not None and month and month.partial else "",
                denominator_note=_denominator_step(previous, point.row),
            )
        )
        previous = point.row or previous
    return rows


def _denominator_step(previous: Any, row: Any) -> str:
    if not coverage.denominator_changed(row, previous):
        return ""
    return str(
        _("new denominator: %(kind)s %(year)s")
        % {
            "kind": row.denominator_kind.name if row.denominator_kind else "",
            "year": row.denominator_year,
        }
    )


def trend_chart(rows: list[TrendRow]) -> dict[str, Any]:
    def percent(row: Any) -> float | None:
        return float(row.coverage_percent) if row and row.coverage_percent is not None else None

    return {
        "labels": [month_label(r.period) for r in rows],
        "coverage": [percent(r.row) for r in rows],
        "participants": [r.row.participants if r.row else None for r in rows],
        "partial": [bool(r.partial) for r in rows],
        "denominator_changes": [
            {"index": i, "label": r.denominator_note}
            for i, r in enumerate(rows)
            if r.denominator_note
        ],
        "partial_label": str(_("partial month")),
    }


def category_chart(rows: list[Any]) -> dict[str, Any]:
    # A category without a figure has no bar (it is "–" with its reason in the table).
    top = [r for r in rows if r.category.is_top_level and r.participants is not None]
    return {
        "labels": [r.category.name for r in top],
        "participants": [r.participants for r in top],
    }
