"""Every dashboard table as plain columns and rows, for the CSV and XLSX downloads.

Built from the same `panels` data as the pages, so a download always equals the screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from coverage_portal.dashboards.completeness import ProvinceReporting, RegencyReporting
from coverage_portal.dashboards.scorecard import Scorecard
from participants.selectors import RegionCoverage, change_notes

TEXT, INTEGER, PERCENT, POINTS, DATE = "text", "integer", "percent", "points", "date"


@dataclass
class Table:
    name: str
    title: str
    columns: list[tuple[str, str]]  # (heading, kind)
    rows: list[list[Any]] = field(default_factory=list)


def _denominator(row: Any) -> list[Any]:
    if row is None or row.denominator_kind is None:
        return ["", None, None]
    return [row.denominator_kind.code, row.denominator_value, row.denominator_year]


def _denominator_columns() -> list[tuple[str, str]]:
    return [
        (_("Denominator"), TEXT),
        (_("Denominator value"), INTEGER),
        (_("Denominator year"), INTEGER),
    ]


def ranking(name: str, title: str, items: list[RegionCoverage]) -> Table:
    columns = [
        (_("Code"), TEXT),
        (_("Region"), TEXT),
        (_("Participants"), INTEGER),
        (_("Coverage (%)"), PERCENT),
        (_("vs last month (pts)"), POINTS),
        (_("vs last year (pts)"), POINTS),
        (_("Change note"), TEXT),
        (_("Target progress (%)"), PERCENT),
        (_("Regencies reported"), INTEGER),
        (_("Regencies expected"), INTEGER),
        (_("All approved"), TEXT),
        (_("Completeness"), TEXT),
        *_denominator_columns(),
    ]
    rows = [
        [
            i.region.code,
            i.region.name,
            i.now.participants if i.now else None,
            i.coverage,
            i.change_month,
            i.change_year,
            change_notes(i.now, i.last_month, i.last_year),
            i.progress,
            i.now.regencies_reported if i.now else None,
            i.now.regencies_expected if i.now else None,
            (_("yes") if i.now.all_approved else _("no")) if i.now else "",
            i.status_label,
            *_denominator(i.now),
        ]
        for i in items
    ]
    return Table(name, title, columns, rows)


def categories(title: str, rows: list[Any], completeness: str) -> Table:
    columns = [
        (_("Category"), TEXT),
        (_("Name"), TEXT),
        (_("Part of"), TEXT),
        (_("Participants"), INTEGER),
        (_("Coverage (%)"), PERCENT),
        (_("Completeness"), TEXT),
        *_denominator_columns(),
    ]
    body = [
        [
            r.category.code,
            r.category.name,
            "" if r.category.is_top_level else _("sub-group"),
            r.participants,
            r.coverage_percent,
            getattr(r, "unknown", "") or getattr(r, "partial", "") or completeness,
            *_denominator(r),
        ]
        for r in rows
    ]
    return Table("kategori", title, columns, body)


def trend(title: str, points: list[Any]) -> Table:
    """`points`: the panels' TrendRow list, so a download marks what the chart marks."""
    columns = [
        (_("Month"), TEXT),
        (_("Participants"), INTEGER),
        (_("Coverage (%)"), PERCENT),
        (_("Completeness"), TEXT),
        *_denominator_columns(),
        (_("Denominator change"), TEXT),
    ]
    body = [
        [
            f"{p.period:%Y-%m}",
            p.row.participants if p.row else None,
            p.row.coverage_percent if p.row else None,
            (p.partial or _("complete")) if p.row else _("not reported"),
            *_denominator(p.row),
            p.denominator_note,
        ]
        for p in points
    ]
    return Table("tren", title, columns, body)


def completeness(title: str, items: list[ProvinceReporting]) -> Table:
    columns = [
        (_("Code"), TEXT),
        (_("Province"), TEXT),
        (_("Status"), TEXT),
        (_("Deadline"), DATE),
        (_("Submitted"), DATE),
        (_("Approved"), DATE),
        (_("Late"), TEXT),
        (_("Regencies reported"), INTEGER),
        (_("Regencies expected"), INTEGER),
    ]
    body = [
        [
            i.province.code,
            i.province.name,
            i.status,
            i.deadline,
            i.submitted_on,
            i.approved_on,
            _("yes") if i.late else _("no"),
            i.regencies_reported,
            i.regencies_expected,
        ]
        for i in items
    ]
    return Table("kelengkapan", title, columns, body)


def regency_completeness(title: str, items: list[RegencyReporting]) -> Table:
    columns = [
        (_("Code"), TEXT),
        (_("Regency / city"), TEXT),
        (_("Reported"), TEXT),
        (_("Approved"), TEXT),
    ]
    body = [
        [
            i.regency.code,
            i.regency.name,
            _("yes") if i.reported else _("no"),
            _("yes") if i.approved else _("no"),
        ]
        for i in items
    ]
    return Table("kelengkapan", title, columns, body)


def scorecards(title: str, cards: list[Scorecard]) -> Table:
    columns = [(_("Rank"), INTEGER), (_("Code"), TEXT), (_("Region"), TEXT)]
    columns.append((_("Completeness"), TEXT))
    if cards:
        columns += [(f"{c.label}", POINTS) for c in cards[0].criteria]
    columns.append((_("Total"), POINTS))
    body = [
        [
            card.rank,
            card.region.code,
            card.region.name,
            card.completeness,
            *(c.points for c in card.criteria),
            card.total,
        ]
        for card in cards
    ]
    return Table("skor", title, columns, body)
