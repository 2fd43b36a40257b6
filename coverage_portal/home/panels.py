"""What each role sees first on the home page; one function per role, each a dict for its
template. Everything is read through the apps' public selectors, already scoped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from agreements import selectors as agreements
from coverage_portal import health
from participants import selectors as participants
from regions import access
from regions.access.users import PortalUser
from regions.models import Role

TEMPLATES: dict[str, str] = {
    Role.NATIONAL_ADMIN: "home/admin.html",
    Role.PROVINCIAL_OFFICER: "home/officer.html",
    Role.PROVINCIAL_APPROVER: "home/approver.html",
    Role.BRANCH_STAFF: "home/branch.html",
    Role.VIEWER: "home/viewer.html",
}


def officer(user: PortalUser) -> dict[str, Any]:
    period = participants.due_period()
    province = participants.single_province(user)
    if province is None:
        return {"period": period}
    earlier = [participants.add_months(period, -n) for n in (1, 2, 3)]
    return {
        "period": period,
        "province": province,
        "todo": participants.report_todo(province, period),
        "returned": [r for r in participants.returned_reports(user) if r.period != period],
        "earlier": [participants.report_todo(province, p) for p in earlier],
    }


def approver(user: PortalUser) -> dict[str, Any]:
    waiting = list(participants.reports_waiting(user))
    return {
        "period": participants.due_period(),
        "waiting": waiting,
        "decisions": participants.recent_decisions(user),
    }


def branch(user: PortalUser) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "today": today,
        "meetings": agreements.upcoming_meetings_for(user, now=timezone.now())[:10],
        "actions": agreements.overdue_actions_for(user, today=today)[:20],
        "expiring": agreements.expiring_agreements_for(user, today=today),
    }


def viewer(user: PortalUser) -> dict[str, Any]:
    period = participants.due_period()
    return {"period": period, "summary": participants.reporting_summary(user, period)}


def admin(user: PortalUser) -> dict[str, Any]:
    return {
        **viewer(user),
        "approved": participants.approved_recently(user)[:15],
        "stalled": list(participants.stalled_recomputes(user)[:20]),
        "failed": list(participants.failed_buckets_for(user)[:20]),
        "failures": participants.import_failures_for(user)[:10],
        "liveness": health.liveness_for_home(),
    }


BUILDERS: dict[str, Callable[[PortalUser], dict[str, Any]]] = {
    Role.NATIONAL_ADMIN: admin,
    Role.PROVINCIAL_OFFICER: officer,
    Role.PROVINCIAL_APPROVER: approver,
    Role.BRANCH_STAFF: branch,
    Role.VIEWER: viewer,
}


def home(user: PortalUser) -> tuple[str, dict[str, Any]]:
    """The template and context of the user's home; a user without a role gets a note."""
    role = access.role_of(user)
    if role not in BUILDERS:
        return "home/no_role.html", {}
    return TEMPLATES[role], {"role": role, **BUILDERS[role](user)}
