"""Partial months: the one rule for whether a month's figures are complete.

A province *reports* a month by submitting its monthly report. A region's figures for a
month are **complete** when every provincial report they rest on is submitted or approved:
the national figure rests on every province that existed for the whole month, a
province's on its own report, a regency's on its province's. A draft or reopened report
has not been reported (its figures may still change). Anything less is **partial**, and
says how much is in: "12 of 38 provinces reported".

Pages, exports, the PDF and `coverage_report` default to the newest complete month
(`latest_complete`); newer months stay selectable, labelled partial. There is no
threshold: a month with one province missing is partial, because its national total lacks
that province. When no month is complete yet, the newest month is the default.

Within any month, a region none of whose regencies has a count has **not reported**
("belum melapor"): `has_figures` is false, and pages show that instead of 0, with no
change against other months.

Unknown is never 0: a row without figures has participants NULL, and `unknown_reason` is the
one rule for why ("belum melapor", "tidak dikumpulkan" for a category a reporting region
marked "no data", "kategori belum ada" for a category no region had that month);
`partial_sum` says when a known sum leaves out regencies without a figure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participants.counts.models import MonthlyReport
from participants.coverage.models import CoverageRow
from participants.kernel.periods import month_end
from regions.access import Action, regions_for, scoped
from regions.access.users import PortalUser
from regions.models import Region

REPORTED = (MonthlyReport.Status.SUBMITTED, MonthlyReport.Status.APPROVED)
COMPLETE, PARTIAL, NOT_REPORTED = "complete", "partial", "not_reported"


@dataclasses.dataclass(frozen=True)
class MonthCompleteness:
    """Which provincial reports a month's figures rest on, and which are in."""

    period: dt.date
    expected: frozenset[int]  # province ids expected to report
    submitted: frozenset[int]  # province ids whose report is submitted or approved

    @property
    def reported(self) -> int:
        return len(self.expected & self.submitted)

    @property
    def expected_count(self) -> int:
        return len(self.expected)

    @property
    def complete(self) -> bool:
        return bool(self.expected) and self.expected <= self.submitted

    @property
    def partial(self) -> bool:
        return not self.complete

    @property
    def label(self) -> str:
        """'complete', or e.g. 'partial: 12 of 38 provinces reported'."""
        if self.complete:
            return _("complete")
        if self.expected_count == 1:
            return _("partial: the provincial report is not yet submitted")
        return _("partial: %(reported)s of %(expected)s provinces reported") % {
            "reported": self.reported,
            "expected": self.expected_count,
        }

    def of(self, region: Region) -> MonthCompleteness:
        """Narrowed to the provinces a region's figures rest on."""
        if region.level == Region.Level.NATIONAL:
            return self
        province = region.pk if region.level == Region.Level.PROVINCE else region.parent_id
        return dataclasses.replace(self, expected=self.expected & {province})


class Counts(Protocol):
    """What the rules read of a coverage row: a `CoverageRow`, or the same columns read as a
    tuple where a page has too many rows to build models for (participants.coverage.tables)."""

    @property
    def participants(self) -> int | None: ...

    @property
    def regencies_reported(self) -> int: ...

    @property
    def regencies_expected(self) -> int: ...


class CategoryCounts(Counts, Protocol):
    @property
    def category_id(self) -> int | None: ...


def has_figures(row: Counts | None) -> bool:
    """Whether a region reported anything in the row's month: at least one regency's count."""
    return row is not None and row.regencies_reported > 0


NOT_COLLECTED = gettext_lazy("not collected")
CATEGORY_NOT_YET = gettext_lazy("category did not exist yet")
# Why a figure is unknown: a fixed code for machine formats (the open data), words elsewhere.
UNKNOWN_WORDS = {
    "not_reported": gettext_lazy("not reported"),
    "not_collected": NOT_COLLECTED,
    "category_not_yet": CATEGORY_NOT_YET,
}


def unknown_code(
    row: CategoryCounts | None, *, total: Counts | None = None, collected: bool = True
) -> str:
    """Why a row has no figure as a code of `UNKNOWN_WORDS`, "" when it has one.

    `total` is the region's all-categories row of the month, `collected` whether any region
    had a figure for the row's category that month (`collected_categories`).
    """
    if has_figures(row):
        return ""
    if total is not None and not has_figures(total):
        return "not_reported"
    if total is None and (row is None or row.category_id is None):
        return "not_reported"
    return "not_collected" if collected else "category_not_yet"


def unknown_reason(
    row: CategoryCounts | None, *, total: Counts | None = None, collected: bool = True
) -> str:
    """Why a row has no figure, in words ("" when it has one)."""
    code = unknown_code(row, total=total, collected=collected)
    return str(UNKNOWN_WORDS[code]) if code else ""


def partial_sum(row: Counts | None) -> str:
    """ "12 of 14 regencies" when a known sum leaves some out, else ""."""
    if not has_figures(row) or row is None or row.regencies_reported >= row.regencies_expected:
        return ""
    return _("partial: %(reported)s of %(expected)s regencies") % {
        "reported": row.regencies_reported,
        "expected": row.regencies_expected,
    }


def collected_categories(periods: Iterable[dt.date]) -> set[tuple[dt.date, int]]:
    """(month, category id) pairs some region had a figure for: one query of national rows."""
    rows = CoverageRow.objects.filter(
        period__in=set(periods),
        level=Region.Level.NATIONAL,
        category__isnull=False,
        regencies_reported__gt=0,
    )
    return {(period, cid) for period, cid in rows.values_list("period", "category_id")}


def row_status(row: Counts | None, month: MonthCompleteness) -> str:
    """COMPLETE, PARTIAL or NOT_REPORTED for a region's row, `month` narrowed to the region."""
    if not has_figures(row):
        return NOT_REPORTED
    return COMPLETE if month.complete else PARTIAL


def status_label(status: str, month: MonthCompleteness) -> str:
    if status == NOT_REPORTED:
        return _("not reported")
    return month.label


def months_completeness(
    periods: Iterable[dt.date], *, user: PortalUser | None = None
) -> dict[dt.date, MonthCompleteness]:
    """Completeness of each month, within the user's scope (everything when no user).

    Two queries however many months: the provinces and the reports that are in.
    """
    wanted = sorted(set(periods))
    if not wanted:
        return {}
    provinces = Region.objects.provinces()
    reports = MonthlyReport.objects.filter(period__in=wanted, status__in=REPORTED)
    if user is not None:
        provinces = regions_for(user, Action.VIEW).provinces()
        reports = scoped(reports, user, Action.VIEW, field="province")
    validity = list(provinces.order_by().values_list("id", "valid_from", "valid_until"))
    submitted: dict[dt.date, set[int]] = defaultdict(set)
    for province_id, period in reports.order_by().values_list("province_id", "period"):
        submitted[period].add(province_id)
    return {
        period: MonthCompleteness(
            period=period,
            expected=frozenset(pk for pk, start, end in validity if _whole(period, start, end)),
            submitted=frozenset(submitted[period]),
        )
        for period in wanted
    }


def _whole(period: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """A province reports for a month it existed in from the first to the last day."""
    return (start is None or start <= period) and (end is None or month_end(period) <= end)


def month_completeness(
    period: dt.date, *, user: PortalUser | None = None, region: Region | None = None
) -> MonthCompleteness:
    """One month's completeness, nationally or in the user's scope, narrowed to `region`."""
    month = months_completeness([period], user=user)[period]
    return month.of(region) if region is not None else month


def latest_complete(months: list[MonthCompleteness]) -> dt.date | None:
    """The newest complete month of `months`; the newest month when none is complete."""
    newest_first = sorted(months, key=lambda m: m.period, reverse=True)
    for month in newest_first:
        if month.complete:
            return month.period
    return newest_first[0].period if newest_first else None
