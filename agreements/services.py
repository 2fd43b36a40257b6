"""Every write to agreements, commitments, regulations, budgets and meetings goes through here.

Each service checks the acting user's scope (`by`), validates with full_clean() and raises
ValidationError with a message an officer can act on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.meetings.models import FollowUpAction, Meeting
from agreements.models import Agreement, BudgetAllocation, Commitment, LegalBasis, Regulation
from agreements.permissions import regions_of, require_change
from regions.access.users import PortalUser, recorded
from regions.models import Office, Region

Status = Agreement.Status

# Which status may follow which; renewal and expiry have their own services below.
TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.SIGNED},
    Status.SIGNED: {Status.ACTIVE, Status.TERMINATED},
    Status.ACTIVE: {Status.EXPIRED, Status.TERMINATED, Status.RENEWED},
    Status.EXPIRED: {Status.RENEWED},
    Status.TERMINATED: set(),
    Status.RENEWED: set(),
}


def _move(agreement: Agreement, target: str, **changes: Any) -> Agreement:
    # A step taken before the daily job has run starts from the status the dates give.
    by_dates = agreement.effective_status
    if by_dates == target and not changes:  # the dates have already made it so
        agreement.status = target
        agreement.save(update_fields=["status", "updated_at"])
        return agreement
    agreement.status = by_dates
    if target not in TRANSITIONS[agreement.status]:
        raise ValidationError(
            _("An agreement that is %(current)s cannot become %(target)s.")
            % {
                "current": Status(agreement.status).label.lower(),
                "target": Status(target).label.lower(),
            }
        )
    for field, value in changes.items():
        setattr(agreement, field, value)
    agreement.status = target
    agreement.full_clean()
    agreement.save(update_fields=["status", *changes, "updated_at"])
    return agreement


@transaction.atomic
def agreement_save(
    *, actor: PortalUser, agreement: Agreement, legal_bases: Iterable[LegalBasis] | None = None
) -> Agreement:
    """Create or edit an agreement's particulars; its status moves only through the services."""
    require_change(actor, agreement)
    if agreement.pk is None:
        agreement.created_by = recorded(actor)
        agreement.status = Status.DRAFT
    agreement.full_clean()
    agreement.save()
    if legal_bases is not None:
        agreement.legal_bases.set(legal_bases)
    return agreement


@transaction.atomic
def signatory_set(
    *, actor: PortalUser, agreement: Agreement, people: Iterable[tuple[str, str, str]]
) -> None:
    """Replace the signatories with (side, name, position) triples."""
    require_change(actor, agreement)
    agreement.signatories.all().delete()
    for side, name, position in people:
        signatory = agreement.signatories.model(
            agreement=agreement, side=side, name=name, position=position
        )
        signatory.full_clean()
        signatory.save()


@transaction.atomic
def agreement_sign(
    *, actor: PortalUser, agreement: Agreement, signed_on: dt.date, place: str = ""
) -> Agreement:
    require_change(actor, agreement)
    if signed_on > timezone.localdate():
        raise ValidationError(_("An agreement cannot be signed on a future date."))
    return _move(
        agreement,
        Status.SIGNED,
        signed_on=signed_on,
        signed_place=place or agreement.signed_place,
        valid_from=agreement.valid_from or signed_on,
    )


@transaction.atomic
def agreement_activate(
    *, actor: PortalUser, agreement: Agreement, today: dt.date | None = None
) -> Agreement:
    require_change(actor, agreement)
    today = today or timezone.localdate()
    if agreement.valid_from and agreement.valid_from > today:
        raise ValidationError(
            _("This agreement only takes effect on %(day)s.") % {"day": agreement.valid_from}
        )
    return _move(agreement, Status.ACTIVE)


@transaction.atomic
def agreement_terminate(
    *, actor: PortalUser, agreement: Agreement, ended_on: dt.date, reason: str
) -> Agreement:
    require_change(actor, agreement)
    if not reason.strip():
        raise ValidationError(_("Give the reason the agreement was terminated."))
    return _move(agreement, Status.TERMINATED, ended_on=ended_on, end_reason=reason)


@transaction.atomic
def agreement_renew(*, actor: PortalUser, agreement: Agreement, successor: Agreement) -> Agreement:
    """Mark `agreement` as renewed by `successor`, a newer agreement of the same region."""
    require_change(actor, agreement)
    require_change(actor, successor)
    if successor.pk == agreement.pk or successor.region_id != agreement.region_id:
        raise ValidationError(_("The renewal must be another agreement of the same region."))
    if successor.status in (Status.EXPIRED, Status.TERMINATED, Status.RENEWED):
        raise ValidationError(_("The renewal must be a draft, signed or active agreement."))
    if Agreement.objects.filter(successor=successor).exclude(pk=agreement.pk).exists():
        raise ValidationError(_("That agreement already renews another one."))
    ended_on = agreement.ended_on or successor.valid_from or successor.signed_on
    return _move(agreement, Status.RENEWED, successor=successor, ended_on=ended_on)


@transaction.atomic
def agreements_roll_status(*, today: dt.date) -> tuple[int, int]:
    """Activate signed agreements whose start has come and expire those whose end has passed.

    Runs in the daily job with no acting user: these moves follow from the dates alone.
    Returns (activated, expired).
    """
    starting = Agreement.objects.filter(status=Status.SIGNED, valid_from__lte=today).exclude(
        valid_until__lt=today
    )
    activated = starting.update(status=Status.ACTIVE, updated_at=timezone.now())
    ending = Agreement.objects.filter(
        status__in=[Status.ACTIVE, Status.SIGNED], valid_until__lt=today
    )
    expired = 0
    for agreement in ending.select_for_update():
        agreement.status = Status.EXPIRED
        agreement.ended_on = agreement.valid_until
        agreement.save(update_fields=["status", "ended_on", "updated_at"])
        expired += 1
    return activated, expired


def _save_checked(*, actor: PortalUser, record: models.Model) -> Any:
    require_change(actor, record)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def commitment_save(*, actor: PortalUser, commitment: Commitment) -> Commitment:
    """A commitment is owned by one region, which must be a party to its agreement or meeting."""
    if commitment.agreement is None and commitment.meeting is None:
        raise ValidationError(_("A commitment belongs to an agreement or a meeting."))
    parties = regions_of(commitment.agreement or commitment.meeting)  # type: ignore[arg-type]
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
    commitment.save(update_fields=["status", "done_on", "evidence"])
    return commitment


@transaction.atomic
def regulation_save(*, actor: PortalUser, regulation: Regulation) -> Regulation:
    return _save_checked(actor=actor, record=regulation)


@transaction.atomic
def budget_save(*, actor: PortalUser, budget: BudgetAllocation) -> BudgetAllocation:
    if budget.realised is not None and budget.realised > budget.amount:
        raise ValidationError({"realised": _("The realised amount exceeds the allocation.")})
    return _save_checked(actor=actor, record=budget)


@transaction.atomic
def meeting_save(
    *,
    actor: PortalUser,
    meeting: Meeting,
    regions: Iterable[Region],
    offices: Iterable[Office] = (),
) -> Meeting:
    """Create or edit a meeting; the acting user must cover the old and the new regions."""
    regions = list(regions)
    if not regions:
        raise ValidationError({"regions": _("Choose at least one region concerned.")})
    if meeting.pk is not None:
        require_change(actor, Meeting.objects.get(pk=meeting.pk))
    else:
        meeting.created_by = recorded(actor)
    for region in [meeting.host_region, *regions]:
        require_change(actor, Meeting(host_region=region))
    meeting.full_clean()
    meeting.save()
    meeting.regions.set(regions)
    meeting.offices.set(offices)
    return meeting


@transaction.atomic
def attendees_set(
    *, actor: PortalUser, meeting: Meeting, people: Iterable[tuple[str, str, str]]
) -> None:
    """Replace the attendee list with (name, position, institution) triples."""
    require_change(actor, meeting)
    meeting.attendees.all().delete()
    for name, position, institution in people:
        attendee = meeting.attendees.model(
            meeting=meeting, name=name, position=position, institution=institution
        )
        attendee.full_clean()
        attendee.save()


@transaction.atomic
def action_save(*, actor: PortalUser, action: FollowUpAction) -> FollowUpAction:
    require_change(actor, action.meeting)
    if action.status == FollowUpAction.Status.DONE and action.done_on is None:
        action.done_on = timezone.localdate()
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_delete(*, actor: PortalUser, action: FollowUpAction) -> None:
    require_change(actor, action.meeting)
    action.delete()


@transaction.atomic
def action_complete(
    *, actor: PortalUser, action: FollowUpAction, done_on: dt.date | None = None
) -> FollowUpAction:
    require_change(actor, action.meeting)
    if action.status != FollowUpAction.Status.OPEN:
        raise ValidationError(_("Only an open follow-up action can be marked done."))
    action.status = FollowUpAction.Status.DONE
    action.done_on = done_on or timezone.localdate()
    action.save(update_fields=["status", "done_on"])
    return action
