"""Who and why an agreements record's history names (django-simple-history).

simple-history takes the user from the web request through its middleware; a service names
the acting user on the record itself, so the API, commands, tasks and tests are recorded
as truly as a page, and a job with no user says why the record moved.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import models

from regions.access.users import PortalUser, recorded

R = TypeVar("R", bound=models.Model)


def audited(record: R, actor: PortalUser | None, reason: str | None = None) -> R:
    """`record`, its next history row naming `actor` (nobody for a job) and `reason`."""
    record._history_user = recorded(actor)  # type: ignore[attr-defined]
    if reason:
        record._change_reason = reason  # type: ignore[attr-defined]
    return record


def delete_audited(records: models.QuerySet[R], actor: PortalUser | None) -> None:
    """Delete one by one: a queryset's delete() would record its rows' removal under the
    request's user, or nobody's outside a request, rather than the acting user's."""
    for record in records:
        audited(record, actor).delete()
