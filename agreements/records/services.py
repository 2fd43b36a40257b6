"""Writes to commitments, regional regulations and APBD budget allocations.

Each service checks the acting user's scope for the record as stored and as it will be,
validates with full_clean() and raises ValidationError with a message an officer can act on.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.kernel.audit import audited
from agreements.kernel.permissions import (
    may_view,
    regions_of,
    require_change,
    require_change_as_stored,
)
from agreements.records.models import BudgetAllocation, Commitment, Regulation
from regions.access.users import PortalUser


def _save_checked(*, actor: PortalUser, record: models.Model) -> Any:
    require_change_as_stored(actor, record)
    record.full_clean()
    audited(record, actor).save()
    return record


@transaction.atomic
def commitment_save(*, actor: PortalUser, commitment: Commitment) -> Commitment:
    """A commitment is owned by one region, which must be a party to its agreement or meeting."""
    source = commitment.agreement or commitment.meeting
    if source is None:
        raise ValidationError(_("A commitment belongs to an agreement or a meeting."))
    if not may_view(actor, source):
        raise ValidationError(_("The agreement or meeting is outside your scope."))
    parties = regions_of(source)
    allowed = {r.pk for r in parties} | {r.parent_id for r in parties}
    if commitment.region_id not in allowed:
        raise ValidationError({"region": _("Choose a region that is party to the source.")})
    if commitment.status == Commitment.Status.DONE and commitment.done_on is None:
        commitment.done_on = timezone.localdate()
    return _save_checked(actor=actor, record=commitment)


@transaction.atomic
def commitment_set_status(
    *, actor: PortalUser, commitment: Commitment, status: str, evidence: str = ""
) -> Commitment:
    require_change(actor, commitment)
    if commitment.status in (Commitment.Status.DONE, Commitment.Status.DROPPED):
        raise ValidationError(_("This commitment is closed; its status can no longer change."))
    commitment.status = status
    commitment.done_on = timezone.localdate() if status == Commitment.Status.DONE else None
    commitment.evidence = evidence or commitment.evidence
    commitment.full_clean()
    audited(commitment, actor).save(update_fields=["status", "done_on", "evidence"])
    return commitment


@transaction.atomic
def regulation_save(*, actor: PortalUser, regulation: Regulation) -> Regulation:
    return _save_checked(actor=actor, record=regulation)


@transaction.atomic
def budget_save(*, actor: PortalUser, budget: BudgetAllocation) -> BudgetAllocation:
    if budget.realised is not None and budget.realised > budget.amount:
        raise ValidationError({"realised": _("The realised amount exceeds the allocation.")})
    return _save_checked(actor=actor, record=budget)
