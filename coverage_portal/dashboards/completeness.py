"""Completeness and timeliness of the monthly reports for one month.

A region is expected to report only for months in which it existed (region validity), so
the new Papua provinces are not "missing" before their creation. Late is about the deadline
(10th of the next month, in the province's own time zone); locked is about approval: a
report can be approved yet late, or on time yet still a draft.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.utils import timezone

from participants import selectors as coverage
from participants.models import MonthlyReport
from regions.access.users import PortalUser
from regions.models import Region


def local_date(moment: dt.datetime, region: Region) -> dt.date:
    return timezone.localtime(moment, ZoneInfo(region.timezone)).date()


@dataclass
class ProvinceReporting:
    province: Region
    period: dt.date
    report: MonthlyReport | None
    regencies_expected: int
    regencies_reported: int
    today: dt.date

    @property
    def deadline(self) -> dt.date:
        return coverage.report_deadline(self.period)

    @property
    def status(self) -> str:
        return self.report.get_status_display() if self.report else "–"

    @property
    def submitted_on(self) -> dt.date | None:
        at = self.report.submitted_at if self.report else None
        return local_date(at, self.province) if at else None

    @property
    def approved_on(self) -> dt.date | None:
        at = self.report.approved_at if self.report else None
        return local_date(at, self.province) if at else None

    @property
    def late(self) -> bool:
        return coverage.submission_is_late(
            period=self.period,
            submitted_at=self.report.submitted_at if self.report else None,
            zone_name=self.province.timezone,
        )


def provinces(user: PortalUser, period: dt.date) -> list[ProvinceReporting]:
    """Every province that existed in `period` and lies in the user's scope."""
    ranking = coverage.coverage_of_regions(user, level=Region.Level.PROVINCE, period=period)
    reports = coverage.reports_for(user, period)
    expected = dict(
        coverage.expected_regencies(user, period)
        .order_by()
        .values("parent_id")
        .annotate(n=Count("id"))
        .values_list("parent_id", "n")
    )
    return [
        ProvinceReporting(
            province=item.region,
            period=period,
            report=reports.get(item.region.pk),
            regencies_expected=expected.get(item.region.pk, 0),
            regencies_reported=item.now.regencies_reported if item.now else 0,
            today=timezone.localtime(timezone.now(), ZoneInfo(item.region.timezone)).date(),
        )
        for item in sorted(ranking, key=lambda i: i.region.code)
    ]


@dataclass
class RegencyReporting:
    regency: Region
    reported: bool
    approved: bool


def regencies(user: PortalUser, province: Region, period: dt.date) -> list[RegencyReporting]:
    items = coverage.coverage_of_regions(
        user, level=Region.Level.REGENCY, period=period, parent=province
    )
    return [
        RegencyReporting(
            regency=item.region,
            reported=bool(item.now and item.now.regencies_reported),
            approved=bool(item.now and item.now.all_approved),
        )
        for item in sorted(items, key=lambda i: i.region.code)
    ]
