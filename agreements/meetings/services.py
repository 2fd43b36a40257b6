"""Writes to meetings: the meeting, who attended and the follow-up actions agreed.

`meeting_record` is the one write the page, the admin and the API make; the acting user must
be able to log activity on the host region and every region concerned, and may name only
offices serving their scope.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.kernel.audit import audited, delete_audited
from agreements.kernel.permissions import require_change, require_offices
from agreements.meetings.models import FollowUpAction, Meeting
from regions.access.users import PortalUser, recorded
from regions.models import Office, Region


@transaction.atomic
def meeting_save(
    *,
    actor: PortalUser,
    meeting: Meeting,
    regions: Iterable[Region],
    offices: Iterable[Office] = (),
) -> Meeting:
    """Create or edit a meeting; the acting user must cover the old and the new regions."""
    regions, offices = list(regions), list(offices)
    if not regions:
        raise ValidationError({"regions": _("Choose at least one region concerned.")})
    if meeting.pk is not None:
        require_change(actor, Meeting.objects.get(pk=meeting.pk))
    else:
        meeting.created_by = recorded(actor)
    for region in [meeting.host_region, *regions]:
        require_change(actor, Meeting(host_region=region))
    require_offices(actor, offices, field="offices")
    meeting.full_clean()
    audited(meeting, actor).save()
    meeting.regions.set(regions)
    meeting.offices.set(offices)
    return meeting


@transaction.atomic
def attendees_set(
    *, actor: PortalUser, meeting: Meeting, people: Iterable[tuple[str, str, str]]
) -> None:
    """Replace the attendee list with (name, position, institution) triples."""
    require_change(actor, meeting)
    delete_audited(meeting.attendees.all(), actor)
    for name, position, institution in people:
        attendee = meeting.attendees.model(
            meeting=meeting, name=name, position=position, institution=institution
        )
        attendee.full_clean()
        audited(attendee, actor).save()


@transaction.atomic
def action_save(*, actor: PortalUser, action: FollowUpAction) -> FollowUpAction:
    require_change(actor, action.meeting)
    if action.status == FollowUpAction.Status.DONE and action.done_on is None:
        action.done_on = timezone.localdate()
    action.full_clean()
    audited(action, actor).save()
    return action


@transaction.atomic
def actions_set(*, actor: PortalUser, meeting: Meeting, actions: Iterable[FollowUpAction]) -> None:
    """The meeting's follow-up actions become `actions`: new ones are added, those already
    recorded are changed, the others are removed."""
    require_change(actor, meeting)
    actions = list(actions)
    if any(a.pk is not None and a.meeting_id != meeting.pk for a in actions):
        raise ValidationError(_("A follow-up action belongs to another meeting."))
    kept = [a.pk for a in actions if a.pk is not None]
    delete_audited(meeting.actions.exclude(pk__in=kept), actor)
    for action in actions:
        action.meeting = meeting
        action_save(actor=actor, action=action)


@transaction.atomic
def meeting_record(
    *,
    actor: PortalUser,
    meeting: Meeting,
    regions: Iterable[Region],
    offices: Iterable[Office] = (),
    attendees: Iterable[tuple[str, str, str]] | None = None,
    actions: Iterable[FollowUpAction] | None = None,
) -> Meeting:
    """A meeting with its (name, position, institution) attendees and its follow-up actions,
    saved all or nothing. None leaves the attendees or the actions as they are."""
    saved = meeting_save(actor=actor, meeting=meeting, regions=regions, offices=offices)
    if attendees is not None:
        attendees_set(actor=actor, meeting=saved, people=attendees)
    if actions is not None:
        actions_set(actor=actor, meeting=saved, actions=actions)
    return saved


@transaction.atomic
def action_complete(
    *, actor: PortalUser, action: FollowUpAction, done_on: dt.date | None = None
) -> FollowUpAction:
    require_change(actor, action.meeting)
    if action.status != FollowUpAction.Status.OPEN:
        raise ValidationError(_("Only an open follow-up action can be marked done."))
    action.status = FollowUpAction.Status.DONE
    action.done_on = done_on or timezone.localdate()
    audited(action, actor).save(update_fields=["status", "done_on"])
    return action
