"""Who hears of each workflow step, and what they read.

Submitting tells the province's approvers; sending back and approving tell its officers;
reopening tells both. Each notification links to the report's grid.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from participants.counts.models import MonthlyReport, ReportEvent
from participants.kernel.periods import format_period
from regions.models import Role
from regions.notifications.messages import as_month
from regions.notifications.services import notification_send
from regions.selectors import people_acting_on

Step = ReportEvent.Action
SENTENCES = {
    "participants.report_submitted": _(
        "%(province)s submitted the report for %(month)s: it waits for your approval."
    ),
    "participants.report_sent_back": _(
        "The report of %(province)s for %(month)s was sent back: “%(comment)s”"
    ),
    "participants.report_approved": _("The report of %(province)s for %(month)s was approved."),
    "participants.report_reopened": _(
        "The report of %(province)s for %(month)s was reopened: “%(comment)s”"
    ),
}
AUDIENCE = {
    Step.SUBMITTED: (Role.PROVINCIAL_APPROVER,),
    Step.SENT_BACK: (Role.PROVINCIAL_OFFICER,),
    Step.APPROVED: (Role.PROVINCIAL_OFFICER,),
    Step.REOPENED: (Role.PROVINCIAL_OFFICER, Role.PROVINCIAL_APPROVER),
}


def step_notify(event: ReportEvent) -> None:
    """Notify the people the step concerns (not the person who took it)."""
    roles = AUDIENCE.get(event.action)  # type: ignore[call-overload]
    if not roles:
        return
    report: MonthlyReport = event.report
    people = [u for role in roles for u in people_acting_on(report.province, role)]
    period = format_period(report.period)
    notification_send(
        recipients=[u for u in people if u.pk != event.actor_id],
        key=f"participants.report_{event.action}",
        params={
            "province": report.province.name,
            "month": as_month(report.period),
            "comment": event.comment,
        },
        link=reverse("participants:grid", args=[report.province.code, period]),
        event=f"report-{event.action}:{event.pk}",
    )
