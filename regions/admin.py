from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.http import HttpRequest

from regions import access
from regions.access import Action
from regions.access.admin import (
    PortalAdminMixin,
    PortalModelAdmin,
    ReferenceListAdmin,
    ReferenceListMixin,
    ScopedAdminMixin,
    ScopedStackedInline,
    ScopedTabularInline,
    formset_saved_by_service,
)
from regions.models import Notification, Office, OfficeRegency, Region, UserScope, WorkerHeartbeat
from regions.permission_labels import PermissionLabelsMixin
from regions.services import user_scope_assign


@admin.register(Region)
class RegionAdmin(ReferenceListMixin, ScopedAdminMixin, admin.ModelAdmin):
    scope_field = "pk"
    change_action = Action.ADMINISTER
    list_display = ("code", "name", "level", "kind", "parent", "timezone", "valid_until")
    list_filter = ("level", "kind", "timezone", ("valid_until", admin.EmptyFieldListFilter))
    search_fields = ("code", "name")
    list_select_related = ("parent", "successor")
    autocomplete_fields = ("parent", "successor")
    exclude = ("boundary",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).defer("boundary", "parent__boundary")

    def get_readonly_fields(self, request: HttpRequest, obj=None):  # type: ignore[no-untyped-def]
        # Other data points at regions by code: once saved, code and level never change.
        return ("code", "level") if obj else ()


class OfficeRegencyInline(ScopedTabularInline):
    model = OfficeRegency
    autocomplete_fields = ("region",)
    extra = 1


@admin.register(Office)
class OfficeAdmin(ReferenceListAdmin):
    list_display = ("name", "kind", "parent", "head_name")
    list_filter = ("kind", "parent")
    search_fields = ("name", "code", "head_name")
    list_select_related = ("parent",)
    prepopulated_fields = {"code": ("name",)}
    inlines = (OfficeRegencyInline,)


class UserScopeInline(ScopedStackedInline):
    model = UserScope
    can_delete = False
    autocomplete_fields = ("province", "office")


@admin.register(UserScope)
class UserScopeAdmin(PortalModelAdmin):
    """Who may do what where: national administrators see and assign every scope; everyone
    else sees only their own."""

    list_display = ("user", "role", "kind", "province", "office")
    list_filter = ("role", "kind")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    list_select_related = ("user", "province", "office")
    autocomplete_fields = ("user", "province", "office")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request).defer("province__boundary")
        if self.has_administer_permission(request):
            return queryset
        return queryset.filter(user_id=getattr(request.user, "pk", None))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and self.has_administer_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and self.has_administer_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and self.has_administer_permission(request)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # The service derives the scope's kind and keeps the role's group and staff flag.
        saved = user_scope_assign(
            user=obj.user, role=obj.role, province=obj.province, office=obj.office
        )
        obj.pk, obj.kind = saved.pk, saved.kind


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(PortalModelAdmin):
    list_display = ("hostname", "seen_at")
    search_fields = ("hostname",)
    list_filter = ("hostname",)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_administer_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Notification)
class NotificationAdmin(PortalModelAdmin):
    """Read-only, for national administrators: who was told what, and whether by email."""

    list_display = ("user", "key", "event", "created_at", "read_at", "emailed_at")
    search_fields = ("user__username", "key", "event")
    list_select_related = ("user",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def get_queryset(self, request: HttpRequest):  # type: ignore[no-untyped-def]
        queryset = super().get_queryset(request)
        return queryset if access.is_national(request.user) else queryset.none()


User = get_user_model()
admin.site.unregister(User)


admin.site.unregister(Group)


@admin.register(Group)
class PortalGroupAdmin(PermissionLabelsMixin, GroupAdmin):
    pass


@admin.register(User)
class PortalUserAdmin(PermissionLabelsMixin, PortalAdminMixin, UserAdmin):
    inlines = (UserScopeInline,)
    list_display = ("username", "get_full_name", "email", "scope", "is_staff", "is_active")
    list_select_related = ("scope", "scope__province", "scope__office")
    list_filter = ("scope__role", "is_staff", "is_active")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_view_permission(request, obj)
        return allowed and access.allows(request.user, Action.ADMINISTER)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not UserScope:
            super().save_formset(request, form, formset, change)
            return
        formset_saved_by_service(formset)
        for scope_form in formset.forms:
            data = scope_form.cleaned_data
            if data and not data.get("DELETE") and data.get("role"):
                user_scope_assign(
                    user=form.instance,
                    role=data["role"],
                    province=data.get("province"),
                    office=data.get("office"),
                )
