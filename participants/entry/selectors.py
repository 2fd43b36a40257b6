"""Reads for data entry, the report list and the audit trail, scoped through regions.access."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from participants.entry.checks import expected_regencies
from participants.entry.deadlines import is_late
from participants.entry.models import Category, MonthlyReport, ParticipantCount, ReportEvent
from participants.entry.workflow import returned_among
from participants.periods import add_months
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region

CellKey = tuple[int, int]  # region id, category id


@dataclass
class Grid:
    """Everything the data-entry page shows for one province × month."""

    province: Region
    period: dt.date
    report: MonthlyReport | None
    regencies: list[Region]
    categories: list[Category]
    counts: dict[CellKey, ParticipantCount]
    previous: dict[CellKey, int | None]
    editable: bool
    totals: dict[int, int] = field(default_factory=dict)

    @property
    def province_total(self) -> int:
        """Top-level categories only: NON_ASN is inside PU and must not be counted twice."""
        return sum(v for pk, v in self.totals.items() if self.category(pk).parent_id is None)

    def category(self, pk: int) -> Category:
        return next(c for c in self.categories if c.pk == pk)


def province_for(user: PortalUser, code: str) -> Region:
    province = (
        access.regions_for(user, Action.VIEW).provinces().filter(code=code).defer("boundary")
    ).first()
    if province is None:
        raise Http404
    return province


def single_province(user: PortalUser) -> Region | None:
    """The province of a province-scoped user (their reports page lists a year of months)."""
    scope = access.scope_of(user)
    if scope is None or scope.kind != scope.Kind.PROVINCE:
        return None
    return scope.province


def report_for(province: Region, period: dt.date) -> MonthlyReport | None:
    report = MonthlyReport.objects.filter(province=province, period=period).first()
    if report is not None:
        report.province = province  # the caller's, without a second read of its boundary
    return report


def _values(user: PortalUser, province: Region, period: dt.date) -> QuerySet[ParticipantCount]:
    counts = ParticipantCount.objects.filter(region__parent=province, period=period)
    return access.scoped(counts, user, Action.VIEW)


def visible_regencies(user: PortalUser, province: Region, period: dt.date) -> QuerySet[Region]:
    """The province's regencies of that month that the user may see: branch staff see only
    the regencies their office serves, province and national users all of them."""
    regencies = expected_regencies(province, period).defer("boundary")
    return access.scoped(regencies, user, Action.VIEW, field="pk")


def grid_for(user: PortalUser, province: Region, period: dt.date) -> Grid:
    report = report_for(province, period)
    counts = {(c.region_id, c.category_id): c for c in _values(user, province, period)}
    previous = {
        (r, c): v
        for r, c, v in _values(user, province, add_months(period, -1)).values_list(
            "region_id", "category_id", "active_participants"
        )
    }
    used = {c for _r, c in counts}
    categories = [c for c in Category.objects.all() if c.is_active or c.pk in used]
    grid = Grid(
        province=province,
        period=period,
        report=report,
        regencies=list(visible_regencies(user, province, period)),
        categories=categories,
        counts=counts,
        previous=previous,
        editable=access.can(user, Action.ENTER_DATA, province)
        and (report is None or report.is_editable),
    )
    for (_region, category), count in counts.items():
        grid.totals[category] = grid.totals.get(category, 0) + (count.active_participants or 0)
    return grid


def report_rows(user: PortalUser, period: dt.date, months: int) -> list[dict[str, Any]]:
    """Province × month rows (existing or not yet started) for the user's reports page."""
    provinces = list(access.regions_for(user, Action.VIEW).provinces().current().defer("boundary"))
    periods = [add_months(period, -n) for n in range(months)]
    reports = MonthlyReport.objects.filter(province__in=provinces, period__in=periods)
    found = {(r.province_id, r.period): r for r in reports}
    returned = returned_among(reports)
    rows = []
    for d in periods:
        for province in sorted(provinces, key=lambda p: p.code):
            report = _with_province(found.get((province.pk, d)), province)
            shown = report or MonthlyReport(province=province, period=d)
            rows.append(
                {
                    "province": province,
                    "period": d,
                    "report": report,
                    "returned": report is not None and report.pk in returned,
                    "deadline": shown.deadline,
                    "late": is_late(shown),
                }
            )
    return rows


def _with_province(report: MonthlyReport | None, province: Region) -> MonthlyReport | None:
    if report is not None:
        report.province = province  # saves a query per row when the template asks
    return report


def report_events(report: MonthlyReport) -> QuerySet[ReportEvent]:
    return report.events.select_related("actor").order_by("-at", "-pk")


def report_changes(user: PortalUser, report: MonthlyReport) -> QuerySet[Any]:
    """Every recorded value of the report's cells the user may see, newest first, with who
    and through what."""
    history = ParticipantCount.history.model  # type: ignore[attr-defined]
    return (
        access.scoped(history.objects.filter(report_id=report.pk), user, Action.VIEW)
        .select_related("history_user", "region", "category")
        .defer("region__boundary")
        .order_by("-history_date", "-history_id")
    )


def cell_changes(
    user: PortalUser, region: Region, category: Category, period: dt.date
) -> QuerySet[Any]:
    history = ParticipantCount.history.model  # type: ignore[attr-defined]
    return (
        access.scoped(
            history.objects.filter(region=region, category=category, period=period),
            user,
            Action.VIEW,
        )
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )


def with_previous(changes: QuerySet[Any]) -> list[tuple[Any, Any]]:
    """Pair each history row with the value it replaced (old → new) for the same cell."""
    rows = list(changes)
    older: dict[tuple[int, int, dt.date], Any] = {}
    pairs: list[tuple[Any, Any]] = []
    for row in reversed(rows):
        key = (row.region_id, row.category_id, row.period)
        pairs.append((row, older.get(key)))
        older[key] = row
    return list(reversed(pairs))
