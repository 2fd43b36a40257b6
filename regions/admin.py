from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from regions import access
from regions.access import Action
from regions.admin_scoping import ScopedModelAdmin
from regions.models import Notification, Office, OfficeRegency, Region, UserScope, WorkerHeartbeat


@admin.register(Region)
class RegionAdmin(ScopedModelAdmin):
    scope_field = "pk"
    change_action = Action.ADMINISTER
    list_display = ("code", "name", "level", "kind", "parent", "timezone", "valid_until")
    list_filter = ("level", "kind", "timezone", ("valid_until", admin.EmptyFieldListFilter))
    search_fields = ("code", "name")
    list_select_related = ("parent", "successor")
    autocomplete_fields = ("parent", "successor")
    exclude = ("boundary",)

    def get_readonly_fields(self, request: HttpRequest, obj=None):  # type: ignore[no-untyped-def]
        # Other data points at regions by code: once saved, code and level never change.
        return ("code", "level") if obj else ()


class OfficeRegencyInline(admin.TabularInline):
    model = OfficeRegency
    autocomplete_fields = ("region",)
    extra = 1


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent", "head_name")
    list_filter = ("kind", "parent")
    search_fields = ("name", "code", "head_name")
    list_select_related = ("parent",)
    prepopulated_fields = {"code": ("name",)}
    inlines = (OfficeRegencyInline,)


class UserScopeInline(admin.StackedInline):
    model = UserScope
    can_delete = False
    autocomplete_fields = ("province", "office")


@admin.register(UserScope)
class UserScopeAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "kind", "province", "office")
    list_filter = ("role", "kind")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    list_select_related = ("user", "province", "office")
    autocomplete_fields = ("user", "province", "office")


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ("hostname", "seen_at")
    search_fields = ("hostname",)
    list_filter = ("hostname",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
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


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    inlines = (UserScopeInline,)
    list_display = ("username", "get_full_name", "email", "scope", "is_staff", "is_active")
    list_select_related = ("scope", "scope__province", "scope__office")
    list_filter = ("scope__role", "is_staff", "is_active")
