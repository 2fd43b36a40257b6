"""The app's public door for reads: other floors (dashboards, home) import from here.

`timeline_for` and the scorecard facts (`agreement_in_force`, `regulation_in_force`,
`budget_for_year`, `commitment_counts`) are the stable interface the dashboards call; each
feature package keeps its own selectors and this module only re-exports them.
"""

from agreements.meetings.selectors import (
    actions_for,
    meetings_for,
    meetings_in,
    overdue_actions_for,
    upcoming_meetings_for,
)
from agreements.mou.selectors import (
    agreement_in_force,
    agreements_for,
    agreements_in_force,
    expiring_agreements_for,
)
from agreements.records.selectors import (
    BudgetTotals,
    CommitmentCounts,
    budget_for_year,
    budgets_for,
    budgets_for_year,
    commitment_counts,
    commitments_counted,
    commitments_for,
    regulation_in_force,
    regulations_for,
    regulations_in_force,
)
from agreements.timeline.selectors import TimelineEntry, timeline_for
from agreements.timeline.versions import timeline_version

__all__ = [
    "BudgetTotals",
    "CommitmentCounts",
    "TimelineEntry",
    "actions_for",
    "agreement_in_force",
    "agreements_for",
    "agreements_in_force",
    "budget_for_year",
    "budgets_for",
    "budgets_for_year",
    "commitment_counts",
    "commitments_counted",
    "commitments_for",
    "expiring_agreements_for",
    "meetings_for",
    "meetings_in",
    "overdue_actions_for",
    "regulation_in_force",
    "regulations_for",
    "regulations_in_force",
    "timeline_for",
    "timeline_version",
    "upcoming_meetings_for",
]
