"""The monthly report's workflow: draft → submitted → approved (locked) → reopened → submitted.

Officers submit, approvers approve or send back with a comment, and only a national
administrator reopens an approved month. Every step is a ReportEvent (who, when, why).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from participants.counts.models import MonthlyReport, ReportEvent
from participants.coverage.staleness import mark_stale
from participants.entry.checks import missing_cells, report_warnings
from participants.entry.notices import step_notify
from participants.entry.versions import ACKNOWLEDGED_NOTE, last_save
from participants.rules.checks import blocking, report_findings, to_acknowledge
from regions import access
from regions.access import Action
from regions.access.users import PortalUser, recorded

Status = MonthlyReport.Status


def _locked(report: MonthlyReport) -> MonthlyReport:
    return MonthlyReport.objects.select_for_update().select_related("province").get(pk=report.pk)


def _require_status(report: MonthlyReport, *allowed: str) -> None:
    if report.status not in allowed:
        raise ValidationError(
            _("This report is %(status)s; that step is not possible now.")
            % {"status": report.get_status_display().lower()},
            code="status",
        )


def _require_text(text: str, message: str) -> str:
    if not text.strip():
        raise ValidationError(message, code="required")
    return text.strip()


def _step(
    report: MonthlyReport,
    actor: PortalUser | None,
    action: str,
    status: str,
    comment: str = "",
    **times: Any,
) -> MonthlyReport:
    report.status = status
    for name, value in times.items():
        setattr(report, name, value)
    report.version += 1  # the row is locked (select_for_update), so no increment is lost
    report.save(update_fields=["status", "version", "updated_at", *times])
    event = ReportEvent.objects.create(
        report=report, action=action, actor=recorded(actor), at=timezone.now(), comment=comment
    )
    step_notify(event)
    # Approval state is part of the coverage table (all_approved): recompute this bucket.
    mark_stale([(report.province_id, report.period)])
    return report


@transaction.atomic
def report_submit(
    *, actor: PortalUser, report: MonthlyReport, acknowledge_warnings: bool = False
) -> MonthlyReport:
    """Submit for approval: every expected cell filled, and every warning acknowledged."""
    report = _locked(report)
    access.require(actor, Action.ENTER_DATA, report.province)
    _require_status(report, Status.DRAFT, Status.REOPENED)
    missing = missing_cells(report)
    if missing:
        raise ValidationError(
            _(
                "%(count)s cells are still empty, e.g. %(example)s. Enter a value or mark "
                "“no data” with a reason."
            )
            % {"count": len(missing), "example": missing[0]},
            code="incomplete",
        )
    findings = report_findings(report.province, report.period)
    if blocking(findings):
        raise ValidationError(
            _("%(count)s validation rules with importance “error” are not met, e.g. %(example)s")
            % {"count": len(blocking(findings)), "example": blocking(findings)[0].message},
            code="rules",
        )
    warnings = [*report_warnings(report), *to_acknowledge(findings)]
    if warnings and not (acknowledge_warnings or acknowledged_at_import(report)):
        raise ValidationError(
            _("Please review and acknowledge the %(count)s warnings before submitting.")
            % {"count": len(warnings)},
            code="warnings",
        )
    comment = _("%(count)s warnings acknowledged") % {"count": len(warnings)} if warnings else ""
    first = report.submitted_at or timezone.now()  # timeliness counts the first submission
    return _step(
        report, actor, ReportEvent.Action.SUBMITTED, Status.SUBMITTED, comment, submitted_at=first
    )


@transaction.atomic
def report_approve(*, actor: PortalUser, report: MonthlyReport) -> MonthlyReport:
    """Approve a submitted report; its counts are locked from now on."""
    report = _locked(report)
    access.require(actor, Action.APPROVE, report.province)
    _require_status(report, Status.SUBMITTED)
    return _step(
        report, actor, ReportEvent.Action.APPROVED, Status.APPROVED, approved_at=timezone.now()
    )


@transaction.atomic
def report_send_back(*, actor: PortalUser, report: MonthlyReport, comment: str) -> MonthlyReport:
    """Return a submitted report to the officers as a draft, saying what to fix."""
    comment = _require_text(comment, _("Say what needs to change before sending it back."))
    report = _locked(report)
    access.require(actor, Action.APPROVE, report.province)
    _require_status(report, Status.SUBMITTED)
    return _step(report, actor, ReportEvent.Action.SENT_BACK, Status.DRAFT, comment)


@transaction.atomic
def report_reopen(*, actor: PortalUser, report: MonthlyReport, reason: str) -> MonthlyReport:
    """Unlock an approved report (national administrators only), with a reason on record."""
    reason = _require_text(reason, _("Give a reason for reopening this report."))
    report = _locked(report)
    if not access.is_national(actor):
        access.require(actor, Action.REOPEN, None)
    access.require(actor, Action.REOPEN, report.province)
    _require_status(report, Status.APPROVED)
    return _step(
        report, actor, ReportEvent.Action.REOPENED, Status.REOPENED, reason, approved_at=None
    )


def acknowledged_at_import(report: MonthlyReport) -> bool:
    """The last write was an import whose warnings the officer confirmed having read."""
    last = last_save(report)
    return last is not None and last.comment.endswith(ACKNOWLEDGED_NOTE)


STEPS = (
    ReportEvent.Action.SUBMITTED,
    ReportEvent.Action.APPROVED,
    ReportEvent.Action.SENT_BACK,
    ReportEvent.Action.REOPENED,
)


def latest_step(report: MonthlyReport | None) -> ReportEvent | None:
    """The report's latest workflow step (saves and imports are not steps)."""
    if report is None or report.pk is None:
        return None
    steps = report.events.filter(action__in=STEPS).select_related("actor")
    return steps.order_by("-at", "-pk").first()


def is_returned(report: MonthlyReport | None, step: ReportEvent | None) -> bool:
    """Sent back and not resubmitted yet: a draft whose latest step is the send-back.

    Derived from the events rather than stored as a status, so the workflow keeps its four
    states and nothing needs migrating; the approver's comment is the step's comment.
    """
    return (
        report is not None
        and report.status == Status.DRAFT
        and step is not None
        and step.action == ReportEvent.Action.SENT_BACK
    )


def returned_among(reports: QuerySet[MonthlyReport]) -> set[int]:
    """The ids of `reports` that `is_returned`, in one query (for lists of reports)."""
    latest = (
        ReportEvent.objects.filter(report=OuterRef("pk"), action__in=STEPS)
        .order_by("-at", "-pk")
        .values("action")[:1]
    )
    drafts = reports.filter(status=Status.DRAFT).annotate(latest_action=Subquery(latest))
    sent_back = drafts.filter(latest_action=ReportEvent.Action.SENT_BACK)
    return set(sent_back.values_list("pk", flat=True))
