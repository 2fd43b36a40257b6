"""The admin follows the pages' rules: shared ModelAdmin machinery over regions.access.

- `PortalAdminMixin` (every portal admin): a malformed id is a 404, a service's
  ValidationError during a save is shown on the form (never a 500), admin actions may require
  `administer` (national administrators), every region or office picker (foreign key and
  many-to-many, inlines too) is narrowed to the user's scope, and history views (Django's and
  django-simple-history's) answer only for objects the user may see.
- `ScopedAdminMixin` adds rows: an admin for a model that belongs to a region sets
  `scope_field` (the path to its Region, e.g. "report__province") and `change_action`; lists,
  change pages and saves are then limited to the user's scope, and an object outside it
  answers 403 rather than being silently hidden behind a redirect.
- `ReferenceListMixin`: lists every record cites (legal bases, categories, workforce kinds,
  offices, regions): everyone with the view permission reads them, only national
  administrators write them.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse

from regions import access
from regions.access import Action
from regions.kernel.models import Office, Region
from regions.values.numbers import read_digits

SERVICE_ERROR = "_portal_admin_service_error"


def add_service_error(form: BaseForm, error: ValidationError) -> None:
    """A service's ValidationError on the form: by field where it names one on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _with_service_error(form_class: type[BaseForm], error: ValidationError) -> type[BaseForm]:
    def clean(self: Any) -> Any:
        data = form_class.clean(self)
        add_service_error(self, error)
        return data

    return type(form_class.__name__, (form_class,), {"clean": clean})


def formset_saved_by_service(formset: Any) -> None:
    """An inline a service saved instead of formset.save(): the admin's change message still
    asks the formset what it created, changed and deleted."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []


def narrowed_queryset(db_field: Any, request: HttpRequest, action: Action) -> Any:
    """The choices a region- or office-bearing field may offer this user, or None."""
    if db_field.related_model is Region:
        return access.regions_for(request.user, action).defer("boundary")
    if db_field.related_model is Office:
        return access.offices_for(request.user, action)
    return None


class KeysOnlyAutocompleteSelect(AutocompleteSelect):
    """Showing a refused form again, Django's widget looks the typed value up as a key: text
    that is no key of the model (a space, a NUL) would be a 500, so it is left out."""

    def optgroups(self, name: str, value: Any, attr: Any = None) -> Any:
        target = self.field.target_field
        keys = []
        for item in value:
            try:
                target.get_prep_value(target.to_python(item))
            except (ValidationError, ValueError, TypeError):
                continue
            keys.append(item)
        return super().optgroups(name, keys, attr)


class ScopedChoicesMixin:
    """Region and office pickers (foreign keys and many-to-many) limited to the user's scope;
    shared by ModelAdmins and inlines."""

    change_action: Action = Action.ADMINISTER

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        queryset = narrowed_queryset(db_field, request, self.change_action)
        if queryset is not None:
            kwargs["queryset"] = queryset
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]
        if field is not None and isinstance(field.widget, AutocompleteSelect):
            field.widget.__class__ = KeysOnlyAutocompleteSelect
        return field

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        queryset = narrowed_queryset(db_field, request, self.change_action)
        if queryset is not None:
            kwargs["queryset"] = queryset
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]


class PortalAdminMixin(ScopedChoicesMixin):
    model: type[models.Model]

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Any:
        self.valid_id(object_id, from_field)
        obj = super().get_object(request, object_id, from_field)  # type: ignore[misc]
        if obj is None:
            self.not_found(object_id, from_field)
        return obj

    def not_found(self, object_id: str, from_field: str | None) -> None:
        """No such object for this user: a 404, as on the pages."""
        raise Http404

    def valid_id(self, object_id: str, from_field: str | None = None) -> Any:
        """The id as its field's value; a malformed one (`abc` for a number) is a 404."""
        meta = self.model._meta
        field: Any = meta.pk if from_field is None else meta.get_field(from_field)
        try:
            return field.to_python(unquote(object_id))
        except (ValidationError, ValueError, TypeError):
            raise Http404 from None

    def has_administer_permission(self, request: HttpRequest) -> bool:
        """For `@admin.action(permissions=["administer"])`: national administrators only."""
        return access.allows(request.user, Action.ADMINISTER)

    def history_view(self, request: HttpRequest, object_id: str, extra_context: Any = None) -> Any:
        if self.get_object(request, object_id) is None:
            raise Http404
        return super().history_view(request, object_id, extra_context)  # type: ignore[misc]

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> Any:
        """django-simple-history's view of one past version. Reverting would write around the
        services (validation, stale marks), so the admin only shows it."""
        if request.method != "GET":
            raise PermissionDenied
        if self.get_object(request, object_id) is None:
            raise Http404
        if read_digits(version_id, max_digits=18) is None:
            raise Http404
        view = super().history_form_view  # type: ignore[misc]
        return view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def _changeform_view(
        self, request: HttpRequest, object_id: str | None, form_url: str, extra_context: Any
    ) -> HttpResponse:
        """A service refusing the save (its ValidationError) shows the form again with the
        error on it; nothing of the refused save is kept."""
        view = super()._changeform_view  # type: ignore[misc]
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                return view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            setattr(request, SERVICE_ERROR, error)
            return view(request, object_id, form_url, extra_context)

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kw: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kw)  # type: ignore[misc]
        error = getattr(request, SERVICE_ERROR, None)
        return form if error is None else _with_service_error(form, error)


class ScopedAdminMixin(PortalAdminMixin):
    scope_field: str = "region"

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

    def not_found(self, object_id: str, from_field: str | None) -> None:
        pk = self.valid_id(object_id, from_field)
        if self.model._default_manager.filter(pk=pk).exists():
            raise PermissionDenied
        raise Http404

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


class ReferenceListMixin(PortalAdminMixin):
    """Read by everyone with the view permission, written by national administrators only."""

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        allowed = super().has_add_permission(request, *args)  # type: ignore[misc]
        return allowed and self.has_administer_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)  # type: ignore[misc]
        return allowed and self.has_administer_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)  # type: ignore[misc]
        return allowed and self.has_administer_permission(request)


class PortalModelAdmin(PortalAdminMixin, admin.ModelAdmin):
    pass


class ScopedModelAdmin(ScopedAdminMixin, admin.ModelAdmin):
    pass


class ReferenceListAdmin(ReferenceListMixin, admin.ModelAdmin):
    pass


class ScopedTabularInline(ScopedChoicesMixin, admin.TabularInline):
    pass


class ScopedStackedInline(ScopedChoicesMixin, admin.StackedInline):
    pass
