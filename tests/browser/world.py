"""One small world for the screen and keyboard checks: every role, a read-only month waiting
for the approver, a due month with a warning for the officer, dashboards' figures, agreements.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from participants.entry.services import counts_write, report_submit
from participants.models import MonthlyReport
from participants.selectors import add_months, due_period
from regions.demo import seed_offices
from regions.models import Office, Role
from tests.agreements.factories import ActionFactory, ActiveAgreementFactory, MeetingFactory
from tests.participants.conftest import full_month


@dataclasses.dataclass
class World:
    people: dict[str, Any]
    due: str  # YYYY-MM, the officer's editable month
    waiting: str  # YYYY-MM, submitted: read-only, waiting for the approver
    agreement: int
    meeting: int


def build(make_user: Any) -> World:
    seed_offices()
    people = {
        "officer": make_user(Role.PROVINCIAL_OFFICER, province="61"),
        "approver": make_user(Role.PROVINCIAL_APPROVER, province="61"),
        "viewer": make_user(Role.VIEWER),
        "branch": make_user(Role.BRANCH_STAFF, office=Office.objects.get(code="cabang-kolaka")),
        "admin": make_user(Role.NATIONAL_ADMIN),
    }
    due, waiting = due_period(), add_months(due_period(), -1)
    officer = people["officer"]
    counts_write(actor=officer, cells=full_month("61", add_months(waiting, -1)), source="web")
    counts_write(actor=officer, cells=full_month("61", waiting), source="web")
    report_submit(
        actor=officer,
        report=MonthlyReport.objects.get(period=waiting),
        acknowledge_warnings=True,
    )
    cells = full_month("61", due)
    cells[-1] = dataclasses.replace(cells[-1], active_participants=0)  # a drop to zero: a warning
    counts_write(actor=officer, cells=cells, source="web")
    agreement = ActiveAgreementFactory.create()
    meeting = MeetingFactory.create()
    ActionFactory.create(meeting=meeting)
    return World(people, f"{due:%Y-%m}", f"{waiting:%Y-%m}", agreement.pk, meeting.pk)
