"""A ModelAdmin mixin that applies regions.access to every admin view of a model.

Any app's admin for a model that belongs to a region sets `scope_field` (the path from the
model to its Region, e.g. "report__province") and `change_action`; lists, change pages,
saves and region pickers are then limited to the user's scope, and an object outside it
answers 403 rather than being silently hidden behind a redirect.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest

from regions import access
from regions.access import Action
from regions.models import Region


class ScopedAdminMixin:
    scope_field: str = "region"
    change_action: Action = Action.ADMINISTER
    model: type[models.Model]

    def region_of(self, obj: models.Model) -> Region | None:
        if self.scope_field == "pk":
            return obj if isinstance(obj, Region) else None
        value: Any = obj
        for part in self.scope_field.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value

    def get_queryset(self, request: HttpRequest) -> models.QuerySet[Any]:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        return access.scoped(queryset, request.user, Action.VIEW, self.scope_field)

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Any:
        obj = super().get_object(request, object_id, from_field)  # type: ignore[misc]
        if obj is None and self.model._default_manager.filter(pk=object_id).exists():
            raise PermissionDenied
        return obj

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)  # type: ignore[misc]
        return allowed and self._may_change(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)  # type: ignore[misc]
        return allowed and self._may_change(request, obj)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        allowed = super().has_add_permission(request, *args)  # type: ignore[misc]
        return allowed and access.allows(request.user, self.change_action)

    def _may_change(self, request: HttpRequest, obj: Any) -> bool:
        if obj is None:
            return access.allows(request.user, self.change_action)
        return access.can(request.user, self.change_action, self.region_of(obj))

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not access.can(request.user, self.change_action, self.region_of(obj)):
            raise PermissionDenied
        super().save_model(request, obj, form, change)  # type: ignore[misc]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.related_model is Region:
            kwargs["queryset"] = access.regions_for(request.user, self.change_action)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]


class ScopedModelAdmin(ScopedAdminMixin, admin.ModelAdmin):
    pass
