"""The app's models, defined in the feature packages; importing them here registers them."""

from participants.coverage.models import (
    CoverageRow,
    RecomputeBucket,
    StaleBucket,
    Target,
    WorkforceKind,
    WorkforceTotal,
)
from participants.entry.models import Category, MonthlyReport, ParticipantCount, ReportEvent

__all__ = [
    "Category",
    "CoverageRow",
    "MonthlyReport",
    "ParticipantCount",
    "RecomputeBucket",
    "ReportEvent",
    "StaleBucket",
    "Target",
    "WorkforceKind",
    "WorkforceTotal",
]
