"""Who may read or change an agreements record, and which references they may name, answered
through regions.access.

Every record says which regions concern it (`regions_concerned()`): one region for an
agreement, regulation, budget or commitment; the host and the regions concerned for a meeting;
the owner's for a document. Anyone who may view one of them reads the record, and only
someone who may log activity on every one of them changes it, so a branch never rewrites the
minutes of a province-wide meeting it only took part in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Office, Region


def regions_of(record: Any) -> list[Region]:
    return list(record.regions_concerned())


def may_view(user: PortalUser, record: Any) -> bool:
    return any(access.can(user, Action.VIEW, region) for region in regions_of(record))


def may_change(user: PortalUser, record: Any) -> bool:
    regions = regions_of(record)
    return bool(regions) and all(access.can(user, Action.LOG_ACTIVITY, r) for r in regions)


def require_change(user: PortalUser, record: Any) -> None:
    if not may_change(user, record):
        raise PermissionDenied


def require_offices(user: PortalUser, offices: Iterable[Office | None], *, field: str) -> None:
    """A record names only BPJS offices serving the user's scope (or their regional offices),
    whichever door it comes through: the page's picker offers no other, the API and the
    admin are checked here."""
    named = {office.pk: office for office in offices if office is not None}
    if not named:
        return
    allowed = set(
        access.offices_for(user, Action.LOG_ACTIVITY)
        .filter(pk__in=named)
        .values_list("pk", flat=True)
    )
    outside = [str(office) for pk, office in named.items() if pk not in allowed]
    if outside:
        raise ValidationError(
            {
                field: _("%(offices)s is outside your scope; choose an office serving it.")
                % {"offices": ", ".join(sorted(outside))}
            }
        )


def require_change_as_stored(user: PortalUser, record: Any) -> None:
    """The record as it will be, and as it is stored: an edit may not move a record out of
    a region the user cannot change, nor into one."""
    require_change(user, record)
    if record.pk is not None:
        require_change(user, type(record)._default_manager.get(pk=record.pk))
