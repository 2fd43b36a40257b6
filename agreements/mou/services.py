"""Writes to agreements: their particulars and signatories, and the steps of their lifecycle.

Each service checks the acting user's scope, for the record and for every office it names,
validates with full_clean(), raises ValidationError with a message an officer can act on, and
names the acting user in the record's history (agreements.kernel.audit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.kernel.audit import audited, delete_audited
from agreements.kernel.permissions import require_change, require_change_as_stored, require_offices
from agreements.mou.models import Agreement, LegalBasis
from regions.access.users import PortalUser, recorded

Status = Agreement.Status
# The daily job has no acting user; its history rows say why the agreement moved.
BY_DATES = "status by its dates (daily job)"


# Which status may follow which; renewal and expiry have their own services below.
TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.SIGNED},
    Status.SIGNED: {Status.ACTIVE, Status.TERMINATED},
    Status.ACTIVE: {Status.EXPIRED, Status.TERMINATED, Status.RENEWED},
    Status.EXPIRED: {Status.RENEWED},
    Status.TERMINATED: set(),
    Status.RENEWED: set(),
}


def _move(agreement: Agreement, target: str, actor: PortalUser, **changes: Any) -> Agreement:
    # A step taken before the daily job has run starts from the status the dates give.
    by_dates = agreement.effective_status
    audited(agreement, actor)
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
    require_change_as_stored(actor, agreement)
    require_offices(actor, [agreement.office], field="office")
    if agreement.pk is None:
        agreement.created_by = recorded(actor)
        agreement.status = Status.DRAFT
    agreement.full_clean()
    audited(agreement, actor).save()
    if legal_bases is not None:
        agreement.legal_bases.set(legal_bases)
    return agreement


@transaction.atomic
def signatory_set(
    *, actor: PortalUser, agreement: Agreement, people: Iterable[tuple[str, str, str]]
) -> None:
    """Replace the signatories with (side, name, position) triples."""
    require_change(actor, agreement)
    delete_audited(agreement.signatories.all(), actor)
    for side, name, position in people:
        signatory = agreement.signatories.model(
            agreement=agreement, side=side, name=name, position=position
        )
        signatory.full_clean()
        audited(signatory, actor).save()


@transaction.atomic
def agreement_record(
    *,
    actor: PortalUser,
    agreement: Agreement,
    legal_bases: Iterable[LegalBasis] | None = None,
    signatories: Iterable[tuple[str, str, str]] | None = None,
) -> Agreement:
    """An agreement with its legal bases and its (side, name, position) signatories, saved
    all or nothing: the one write the page, the admin and the API make. None leaves the
    legal bases or the signatories as they are."""
    saved = agreement_save(actor=actor, agreement=agreement, legal_bases=legal_bases)
    if signatories is not None:
        signatory_set(actor=actor, agreement=saved, people=signatories)
    return saved


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
        actor,
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
    return _move(agreement, Status.ACTIVE, actor)


@transaction.atomic
def agreement_terminate(
    *, actor: PortalUser, agreement: Agreement, ended_on: dt.date, reason: str
) -> Agreement:
    require_change(actor, agreement)
    if not reason.strip():
        raise ValidationError(_("Give the reason the agreement was terminated."))
    return _move(agreement, Status.TERMINATED, actor, ended_on=ended_on, end_reason=reason)


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
    return _move(agreement, Status.RENEWED, actor, successor=successor, ended_on=ended_on)


@transaction.atomic
def agreements_roll_status(*, today: dt.date) -> tuple[int, int]:
    """Activate signed agreements whose start has come and expire those whose end has passed.

    Runs in the daily job with no acting user: these moves follow from the dates alone.
    Returns (activated, expired).
    """
    starting = Agreement.objects.filter(status=Status.SIGNED, valid_from__lte=today).exclude(
        valid_until__lt=today
    )
    activated = 0
    for agreement in starting.select_for_update():
        _roll(agreement, Status.ACTIVE)
        activated += 1
    ending = Agreement.objects.filter(
        status__in=[Status.ACTIVE, Status.SIGNED], valid_until__lt=today
    )
    expired = 0
    for agreement in ending.select_for_update():
        agreement.ended_on = agreement.valid_until
        _roll(agreement, Status.EXPIRED, "ended_on")
        expired += 1
    return activated, expired


def _roll(agreement: Agreement, status: str, *changed: str) -> None:
    # One save each, not update(): a queryset update writes no history row.
    agreement.status = status
    audited(agreement, None, BY_DATES).save(update_fields=["status", *changed, "updated_at"])
