"""Rules and their stored results, as a user may see them."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from participants.rules.models import RuleResult, ValidationRule
from regions import access
from regions.access.users import PortalUser
from regions.models import Region


def rules_for(user: PortalUser) -> QuerySet[ValidationRule]:
    """Rules are reference data: everyone signed in with a role reads them."""
    if access.role_of(user) is None:
        return ValidationRule.objects.none()
    return ValidationRule.objects.prefetch_related("regions")


def rule_results_for(
    user: PortalUser,
    *,
    province: Region | None = None,
    period: dt.date | None = None,
    outcome: str | None = None,
) -> QuerySet[RuleResult]:
    rows = access.scoped(RuleResult.objects.all(), user)
    if province is not None:
        rows = rows.filter(region__parent=province)
    if period is not None:
        rows = rows.filter(period=period)
    if outcome:
        rows = rows.filter(outcome=outcome)
    return (
        rows.select_related("rule", "region")
        .defer("region__boundary")
        .order_by("period", "region__code", "rule__name_id")
    )
