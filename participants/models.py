"""The app's models, defined in the feature packages; importing them here registers them."""

from participants.counts.models import Category, MonthlyReport, ParticipantCount, ReportEvent
from participants.coverage.models import (
    CoverageRow,
    RecomputeBucket,
    StaleBucket,
    Target,
    WorkforceKind,
    WorkforceTotal,
)
from participants.followup.models import FollowUp
from participants.rules.models import RuleResult, ValidationRule
from participants.transfer.models import ImportFailure

__all__ = [
    "Category",
    "CoverageRow",
    "FollowUp",
    "ImportFailure",
    "MonthlyReport",
    "ParticipantCount",
    "RecomputeBucket",
    "ReportEvent",
    "RuleResult",
    "StaleBucket",
    "Target",
    "ValidationRule",
    "WorkforceKind",
    "WorkforceTotal",
]
