"""What each role has to do with the monthly reports: the reads behind the home pages.

The due month is the month just ended: on 3 May the April report is due (by 10 May).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from participants.counts.deadlines import is_late, report_deadline
from participants.counts.models import Category, MonthlyReport, ReportEvent
from participants.coverage.models import StaleBucket
from participants.entry.checks import expected_regencies, missing_cells, report_warnings
from participants.entry.workflow import STEPS, is_returned, latest_step
from participants.kernel.periods import add_months, current_period
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region

STALLED_AFTER = dt.timedelta(minutes=15)


def due_period() -> dt.date:
    return add_months(current_period(), -1)


@dataclass
class ReportTodo:
    """Where one province's report for one month stands, and what is left to do."""

    province: Region
    period: dt.date
    report: MonthlyReport | None
    step: ReportEvent | None
    empty_cells: int
    warnings: int
    late: bool

    @property
    def returned(self) -> bool:
        return is_returned(self.report, self.step)

    @property
    def status(self) -> str:
        return self.report.status if self.report else "not_started"

    @property
    def deadline(self) -> dt.date:
        return report_deadline(self.period)


def report_todo(province: Region, period: dt.date) -> ReportTodo:
    report = MonthlyReport.objects.filter(province=province, period=period).first()
    shown = report or MonthlyReport(province=province, period=period)
    editable = report is None or report.is_editable
    return ReportTodo(
        province=province,
        period=period,
        report=report,
        step=latest_step(report),
        empty_cells=_empty_cells(report, province, period) if editable else 0,
        warnings=len(report_warnings(report)) if report and editable else 0,
        late=is_late(shown),
    )


def _empty_cells(report: MonthlyReport | None, province: Region, period: dt.date) -> int:
    if report is not None:
        return len(missing_cells(report))
    categories = Category.objects.filter(is_active=True).count()
    return expected_regencies(province, period).count() * categories


def _in_scope(user: PortalUser, action: Action) -> QuerySet[MonthlyReport]:
    reports = MonthlyReport.objects.select_related("province").defer("province__boundary")
    return access.scoped(reports, user, action, field="province")


def reports_waiting(user: PortalUser) -> QuerySet[MonthlyReport]:
    """Submitted reports the user may approve, oldest month first."""
    waiting = _in_scope(user, Action.APPROVE).filter(status=MonthlyReport.Status.SUBMITTED)
    return waiting.order_by("period", "province__code")


def recent_decisions(user: PortalUser, *, limit: int = 10) -> QuerySet[ReportEvent]:
    """The latest approvals and send-backs on reports the user may approve."""
    decided = ReportEvent.objects.filter(
        action__in=(ReportEvent.Action.APPROVED, ReportEvent.Action.SENT_BACK),
        report__in=_in_scope(user, Action.APPROVE).values("pk"),
    )
    return decided.select_related("report__province", "actor").order_by("-at", "-pk")[:limit]


def approved_recently(user: PortalUser, *, months: int = 3) -> QuerySet[MonthlyReport]:
    """Approved reports of the last months: the ones a national administrator may reopen."""
    since = add_months(current_period(), -months)
    approved = _in_scope(user, Action.REOPEN).filter(
        status=MonthlyReport.Status.APPROVED, period__gte=since
    )
    return approved.order_by("-approved_at")


def returned_reports(user: PortalUser) -> list[MonthlyReport]:
    """Drafts whose latest step is a send-back, with `returned_comment` set on each."""
    last = ReportEvent.objects.filter(report=OuterRef("pk"), action__in=STEPS).order_by(
        "-at", "-pk"
    )
    drafts = _in_scope(user, Action.ENTER_DATA).filter(status=MonthlyReport.Status.DRAFT)
    annotated = drafts.annotate(
        last_step=Subquery(last.values("action")[:1]),
        returned_comment=Subquery(last.values("comment")[:1]),
    )
    return list(annotated.filter(last_step=ReportEvent.Action.SENT_BACK).order_by("-period"))


def stalled_recomputes(user: PortalUser) -> QuerySet[StaleBucket]:
    """Coverage buckets marked stale more than 15 minutes ago: the recompute is not running."""
    if not access.is_national(user):
        return StaleBucket.objects.none()
    cutoff = timezone.now() - STALLED_AFTER
    stalled = StaleBucket.objects.filter(marked_at__lt=cutoff, failed_at__isnull=True)
    stalled = stalled.select_related("province")
    return stalled.defer("province__boundary").order_by("marked_at")


@dataclass
class ReportingSummary:
    """How far the provinces in a user's scope are with one month's reports."""

    period: dt.date
    expected: list[Region]
    by_status: dict[int, str]  # province id → report status (absent: not started)

    def count(self, *statuses: str) -> int:
        return sum(1 for p in self.expected if self.by_status.get(p.pk) in statuses)

    @property
    def submitted(self) -> int:
        return self.count(MonthlyReport.Status.SUBMITTED, MonthlyReport.Status.APPROVED)

    @property
    def approved(self) -> int:
        return self.count(MonthlyReport.Status.APPROVED)

    @property
    def missing(self) -> list[Region]:
        done = (MonthlyReport.Status.SUBMITTED, MonthlyReport.Status.APPROVED)
        return [p for p in self.expected if self.by_status.get(p.pk) not in done]

    @property
    def percent(self) -> float:
        return 100 * self.submitted / len(self.expected) if self.expected else 0.0


def reporting_summary(user: PortalUser, period: dt.date) -> ReportingSummary:
    """Provinces that existed in the month (region validity) and their report's status."""
    provinces = access.regions_for(user, Action.VIEW).provinces().valid_on(period)
    expected = list(provinces.defer("boundary").order_by("code"))
    reports = MonthlyReport.objects.filter(province__in=expected, period=period)
    return ReportingSummary(period, expected, dict(reports.values_list("province_id", "status")))
