"""The one place that answers "which regions may this user act on, and may they do X here".

Views, exports, admin querysets and the API all ask this module; nothing filters by hand.
A user acts through a role (what they may do) and a scope (where): national, one province
(the province and all its regencies, past and present) or one BPJS office (the regencies it
serves and the provinces they lie in).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from regions.access.users import PortalUser
from regions.kernel.models import Office, Region, RegionQuerySet, Role, UserScope


class Action(StrEnum):
    VIEW = "view"
    ENTER_DATA = "enter_data"
    APPROVE = "approve"
    REOPEN = "reopen"
    LOG_ACTIVITY = "log_activity"
    ADMINISTER = "administer"


ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.NATIONAL_ADMIN: frozenset(Action),
    Role.PROVINCIAL_OFFICER: frozenset({Action.VIEW, Action.ENTER_DATA, Action.LOG_ACTIVITY}),
    Role.PROVINCIAL_APPROVER: frozenset({Action.VIEW, Action.APPROVE}),
    Role.BRANCH_STAFF: frozenset({Action.VIEW, Action.LOG_ACTIVITY}),
    Role.VIEWER: frozenset({Action.VIEW}),
}


def scope_of(user: PortalUser) -> UserScope | None:
    """The user's role and scope; a superuser without one acts as a national administrator."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    scope = _cached_scope(user)
    if scope is None and user.is_superuser:
        return UserScope(user=user, role=Role.NATIONAL_ADMIN, kind=UserScope.Kind.NATIONAL)
    return scope


def scope_key(user: PortalUser) -> str:
    """The user's scope as text, for keys of what users of one scope see alike (kept pages)."""
    scope = scope_of(user)
    if scope is None:
        return "none"
    return f"{scope.role}:{scope.kind}:{scope.province_id}:{scope.office_id}"


def _cached_scope(user: PortalUser) -> UserScope | None:
    """`user.scope`, read once per request with its province and office, without the
    province's boundary GeoJSON (the header of every page names the province)."""
    assert isinstance(user, Model)  # signed in: a stored user
    reverse = UserScope._meta.get_field("user").remote_field  # the `user.scope` side
    if not reverse.is_cached(user):
        found = (
            UserScope.objects.select_related("province", "office")
            .defer("province__boundary")
            .filter(user=user)
            .first()
        )
        reverse.set_cached_value(user, found)
    return cast(UserScope | None, reverse.get_cached_value(user))


def role_of(user: PortalUser) -> str | None:
    scope = scope_of(user)
    return scope.role if scope else None


def allows(user: PortalUser, action: Action) -> bool:
    """Whether the user's role may do `action` anywhere at all."""
    role = role_of(user)
    return role is not None and action in ROLE_ACTIONS.get(role, frozenset())


def _scope_filter(scope: UserScope) -> Q | None:
    if scope.kind == UserScope.Kind.NATIONAL:
        return None
    if scope.kind == UserScope.Kind.PROVINCE:
        return Q(pk=scope.province_id) | Q(parent_id=scope.province_id)
    served = Q(serving_office_link__office_id=scope.office_id)
    served_provinces = Region.objects.filter(served).values("parent_id")
    return served | Q(pk__in=served_provinces)


def regions_for(user: PortalUser, action: Action = Action.VIEW) -> RegionQuerySet:
    """Every region (any level, any validity) on which the user may do `action`."""
    if not allows(user, action):
        return Region.objects.none()
    scope = scope_of(user)
    assert scope is not None  # allows() has checked it
    condition = _scope_filter(scope)
    return Region.objects.all() if condition is None else Region.objects.filter(condition)


def is_national(user: PortalUser) -> bool:
    scope = scope_of(user)
    return scope is not None and scope.kind == UserScope.Kind.NATIONAL


def can(user: PortalUser, action: Action, region: Region | None) -> bool:
    """May the user do `action` on something that belongs to `region`?"""
    if region is None:
        return is_national(user) and allows(user, action)
    if not allows(user, action):
        return False
    scope = scope_of(user)
    assert scope is not None
    if scope.kind == UserScope.Kind.NATIONAL:
        return True
    if scope.kind == UserScope.Kind.PROVINCE:
        return scope.province_id in (region.pk, region.parent_id)
    return regions_for(user, action).filter(pk=region.pk).exists()


def actions_on(user: PortalUser, region: Region) -> frozenset[Action]:
    """Every action the user may do on `region`: one answer for all of a page's buttons."""
    role = role_of(user)
    possible = ROLE_ACTIONS.get(role, frozenset()) if role else frozenset()
    return frozenset(action for action in possible if can(user, action, region))


def require(user: PortalUser, action: Action, region: Region | None) -> None:
    """Raise PermissionDenied (HTTP 403) unless the user may do `action` on `region`."""
    if not can(user, action, region):
        raise PermissionDenied


def scoped(
    queryset: QuerySet[Any], user: PortalUser, action: Action = Action.VIEW, field: str = "region"
) -> QuerySet[Any]:
    """Narrow any queryset whose rows point at a region through `field` to the user's scope."""
    if not allows(user, action):
        return queryset.none()
    if is_national(user):
        return queryset
    return queryset.filter(**{f"{field}__in": regions_for(user, action)})


def offices_for(user: PortalUser, action: Action = Action.VIEW) -> QuerySet[Office]:
    """BPJS offices serving a regency on which the user may do `action`, with their regional
    offices: the offices a record of theirs can name."""
    if not allows(user, action):
        return Office.objects.none()
    if is_national(user):
        return Office.objects.all()
    branches = Office.objects.filter(officeregency__region__in=regions_for(user, action))
    return Office.objects.filter(Q(pk__in=branches) | Q(branches__in=branches)).distinct()
