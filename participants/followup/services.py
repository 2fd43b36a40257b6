"""Marking a value for follow-up and closing it: officers, approvers and national teams."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participants.counts.models import ParticipantCount
from participants.followup.models import FollowUp
from regions import access
from regions.access import Action
from regions.access.users import PortalUser, recorded
from regions.models import Region


def follows_up(user: PortalUser) -> bool:
    """Whether the user's role marks and closes follow-ups anywhere: officers, approvers and
    the national administrators. Viewers and branch staff only read them."""
    return access.allows(user, Action.ENTER_DATA) or access.allows(user, Action.APPROVE)


def may_follow_up(user: PortalUser, province: Region) -> bool:
    """The province's officers and approvers, and national administrators, follow values up."""
    if access.is_national(user):
        return follows_up(user)
    return access.can(user, Action.ENTER_DATA, province) or access.can(
        user, Action.APPROVE, province
    )


def _require(user: PortalUser, count: ParticipantCount) -> None:
    if not may_follow_up(user, count.report.province):
        raise PermissionDenied


def _text(comment: str, message: str) -> str:
    if not isinstance(comment, str) or not comment.strip():
        raise ValidationError({"comment": message}, code="required")
    return comment.strip()


@transaction.atomic
def followup_open(*, actor: PortalUser, count: ParticipantCount, comment: str) -> FollowUp:
    _require(actor, count)
    text = _text(comment, _("Say what needs following up."))
    if FollowUp.objects.filter(count=count, closed_at__isnull=True).exists():
        raise ValidationError(_("This value is already marked for follow-up."), code="open")
    followup = FollowUp(
        count=count, comment=text, opened_by=recorded(actor), opened_at=timezone.now()
    )
    followup.full_clean()
    followup.save()
    return followup


@transaction.atomic
def followup_close(*, actor: PortalUser, followup: FollowUp, comment: str) -> FollowUp:
    followup = (
        FollowUp.objects.select_for_update()
        .select_related("count__report__province")
        .get(pk=followup.pk)
    )
    _require(actor, followup.count)
    text = _text(comment, _("Say how the follow-up was resolved."))
    if not followup.is_open:
        raise ValidationError(_("This follow-up is already closed."), code="closed")
    followup.closing_comment, followup.closed_at = text, timezone.now()
    followup.closed_by = recorded(actor)
    try:
        followup.full_clean()
    except ValidationError as error:
        raise ValidationError(
            {"comment": error.message_dict.get("closing_comment", error.messages)}
        ) from None
    followup.save()
    return followup
