"""Who may call the API and how often; imported by DRF's settings, so nothing here may
import rest_framework.views (DRF loads these classes while defining its views)."""

from __future__ import annotations

from typing import Any

from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from regions import access
from regions.access import Action


class MayView(permissions.BasePermission):
    """Signed in (token or session) and holding a role; where is decided per query."""

    message = "This account has no role in the portal; ask an administrator for one."

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated) and access.allows(
            request.user, Action.VIEW
        )


class MayEnterData(MayView):
    """Imports need a role that enters counts somewhere; each cell's province is checked by
    counts_write, and a refusal there is named in the answer."""

    message = "This account's role may not enter counts."

    def has_permission(self, request: Request, view: Any) -> bool:
        return super().has_permission(request, view) and access.allows(
            request.user, Action.ENTER_DATA
        )


class TokenRateThrottle(SimpleRateThrottle):
    """One budget per API token (per user for session calls), so one script cannot starve
    the colleagues who share an account's other tokens."""

    scope = "token"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        token_key = getattr(request.auth, "token_key", None)
        if token_key:
            ident = f"token-{token_key}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"address-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class MayLogActivity(MayView):
    """Roles that record agreements and meetings; the service checks the record's regions."""

    message = "This account's role may not record agreements or meetings."

    def has_permission(self, request: Request, view: Any) -> bool:
        return super().has_permission(request, view) and access.allows(
            request.user, Action.LOG_ACTIVITY
        )


class MayAdminister(MayView):
    message = "Only national administrators change workforce totals and targets."

    def has_permission(self, request: Request, view: Any) -> bool:
        return super().has_permission(request, view) and access.can(
            request.user, Action.ADMINISTER, None
        )


class MayViewOrImport(MayView):
    """Reads for every role; a POST (an import) only for roles that enter counts."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return super().has_permission(request, view)
        self.message = MayEnterData.message
        return MayEnterData().has_permission(request, view)
