"""Reads for data entry, the report list and the audit trail, scoped through regions.access."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from participants.counts.deadlines import is_late
from participants.counts.models import Category, MonthlyReport, ParticipantCount, ReportEvent
from participants.entry.checks import expected_regencies
from participants.entry.validation import CellInput
from participants.entry.workflow import latest_step, returned_among
from participants.kernel.periods import add_months
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region

CellKey = tuple[int, int]  # region id, category id


@dataclass
class Grid:
    """Everything the data-entry page shows for one province × month, read once: the cells,
    last month's values as hints, the report and its latest step, and what the user may do."""

    province: Region
    period: dt.date
    report: MonthlyReport | None
    regencies: list[Region]
    categories: list[Category]
    counts: dict[CellKey, ParticipantCount]
    previous: dict[CellKey, int | None]
    actions: frozenset[Action] = frozenset()
    step: ReportEvent | None = None
    totals: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for (_region, category), count in self.counts.items():
            self.totals[category] = self.totals.get(category, 0) + (count.active_participants or 0)

    @property
    def editable(self) -> bool:
        return Action.ENTER_DATA in self.actions and (
            self.report is None or self.report.is_editable
        )

    @property
    def province_total(self) -> int:
        """Top-level categories only: NON_ASN is inside PU and must not be counted twice."""
        return sum(v for pk, v in self.totals.items() if self.category(pk).parent_id is None)

    def category(self, pk: int) -> Category:
        return next(c for c in self.categories if c.pk == pk)

    def after_write(self, cells: Sequence[CellInput], report: MonthlyReport | None) -> Grid:
        """The grid as a write of `cells` left it, without reading it again: the write held
        the report's lock and checked its version, so nothing else changed meanwhile."""
        counts = dict(self.counts)
        for cell in cells:
            counts[(cell.region_id, cell.category_id)] = ParticipantCount(
                region_id=cell.region_id,
                category_id=cell.category_id,
                period=cell.period,
                active_participants=cell.active_participants,
                inactive_participants=cell.inactive_participants,
                employers=cell.employers,
                no_data_reason=cell.no_data_reason.strip(),
            )
        if report is not None:
            report.province = self.province
        return replace(self, counts=counts, report=report or self.report, totals={})


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


def grid_for(user: PortalUser, code: str, period: dt.date) -> Grid:
    """The data-entry page's read: one question to regions.access for what the user may see
    here, one for what they may do; 404 for a province outside their scope."""
    visible = access.regions_for(user, Action.VIEW)
    province = visible.provinces().filter(code=code).defer("boundary").first()
    if province is None:
        raise Http404
    report = report_for(province, period)
    # Read into dictionaries: unordered, without the model ordering's joins and sort.
    counts = counts_for(user, visible=visible).filter(region__parent=province).order_by()
    current = {(c.region_id, c.category_id): c for c in counts.filter(period=period)}
    previous = counts.filter(period=add_months(period, -1)).values_list(
        "region_id", "category_id", "active_participants"
    )
    used = {c for _r, c in current}
    regencies = expected_regencies(province, period).defer("boundary").filter(pk__in=visible)
    return Grid(
        province=province,
        period=period,
        report=report,
        regencies=list(regencies),
        categories=_shown_categories(used),
        counts=current,
        previous={(r, c): v for r, c, v in previous},
        actions=access.actions_on(user, province),
        step=latest_step(report),
    )


def _shown_categories(used: set[int]) -> list[Category]:
    """Active categories and retired ones still holding a value, each sub-category's parent
    taken from the same read (the column heads name it)."""
    categories = list(Category.objects.all())
    by_pk = {c.pk: c for c in categories}
    for category in categories:
        if category.parent_id in by_pk:
            category.parent = by_pk[category.parent_id]
    return [c for c in categories if c.is_active or c.pk in used]


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


def counts_for(
    user: PortalUser | None,
    *,
    regions: QuerySet[Region] | None = None,
    periods: list[dt.date] | None = None,
    visible: QuerySet[Region] | None = None,
) -> QuerySet[ParticipantCount]:
    """The one reader of stored counts: those of `regions` (any level: a province or the
    country means the regencies beneath) for `periods`, in the user's scope.

    `visible` is the regions a page has already asked regions.access for (the grid asks once),
    used as the scope instead of asking again. `user=None` is a trusted system caller (a
    command), as in counts_write.
    """
    counts = ParticipantCount.objects.all()
    if periods is not None:
        counts = counts.filter(period__in=periods)
    if regions is not None:
        counts = counts.filter(region__in=_regencies_under(regions))
    if visible is not None:
        counts = counts.filter(region__in=visible)
    elif user is not None:
        counts = access.scoped(counts, user, Action.VIEW)
    return counts


def _regencies_under(regions: QuerySet[Region]) -> QuerySet[Region]:
    """Regencies among `regions`, or under a province or the country among them."""
    national = regions.filter(level=Region.Level.NATIONAL).exists()
    regencies = Region.objects.filter(level=Region.Level.REGENCY)
    if national:
        return regencies
    return regencies.filter(Q(pk__in=regions.values("pk")) | Q(parent__in=regions.values("pk")))
