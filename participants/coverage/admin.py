"""Admin for workforce kinds and totals, targets, and the read-only coverage table.

Saves go through the coverage services so every change marks its buckets stale; history
(who, when, old and new value) comes from django-simple-history.
"""

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from participants.coverage.models import (
    CoverageRow,
    StaleBucket,
    Target,
    WorkforceKind,
    WorkforceTotal,
)
from participants.coverage.services import (
    mark_everything_stale,
    target_delete,
    target_save,
    workforce_total_delete,
    workforce_total_save,
)
from regions.access import Action
from regions.access.admin import ReferenceListMixin, ScopedAdminMixin
from regions.access.users import PortalUser
from regions.values.admin import NumbersAdminMixin, formatted_column
from regions.values.formatting import format_percent


class ServiceBackedAdmin(NumbersAdminMixin, ScopedAdminMixin, SimpleHistoryAdmin):
    change_action = Action.ADMINISTER
    save_service: Any = None
    delete_service: Any = None

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not self._may_change(request, obj):
            raise PermissionDenied
        type(self).save_service(obj, actor=request.user)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        if not self._may_change(request, obj):
            raise PermissionDenied
        type(self).delete_service(obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(WorkforceTotal)
class WorkforceTotalAdmin(ServiceBackedAdmin):
    list_display = ("region", "kind", "year", "month", "value", "source")
    list_filter = ("kind", "year", "region__level")
    search_fields = ("region__code", "region__name", "source")
    list_select_related = ("region", "kind")
    autocomplete_fields = ("region",)

    @staticmethod
    def save_service(obj: WorkforceTotal, actor: PortalUser) -> None:
        workforce_total_save(total=obj, actor=actor)

    @staticmethod
    def delete_service(obj: WorkforceTotal, actor: PortalUser) -> None:
        workforce_total_delete(total=obj, actor=actor)


@admin.register(Target)
class TargetAdmin(ServiceBackedAdmin):
    list_display = ("region", "year", "category", "participants", "percent", "source")
    percent_fields = ("percent",)
    list_filter = ("year", "category", "region__level")
    search_fields = ("region__code", "region__name", "source")
    list_select_related = ("region", "category")
    autocomplete_fields = ("region",)

    @staticmethod
    def save_service(obj: Target, actor: PortalUser) -> None:
        target_save(target=obj, actor=actor)

    @staticmethod
    def delete_service(obj: Target, actor: PortalUser) -> None:
        target_delete(target=obj, actor=actor)


@admin.register(CoverageRow)
class CoverageRowAdmin(NumbersAdminMixin, ScopedAdminMixin, admin.ModelAdmin):
    """Read-only: the engine writes this table; the action rebuilds it."""

    list_display = (
        "region",
        "period",
        "category",
        "participants",
        "denominator_value",
        "coverage_percent",
        "regencies_reported",
        "regencies_expected",
        "all_approved",
    )
    percent_fields = ("coverage_percent", "target_percent")
    list_filter = ("level", "period", "category", "all_approved")
    search_fields = ("region__code", "region__name")
    list_select_related = ("region", "category")
    actions = ["recompute_everything"]
    # Every field is read-only, so the detail page shows them formatted too.
    fields = readonly_fields = (
        "region",
        "period",
        "category",
        *(
            formatted_column(CoverageRow._meta.get_field(name), shown)  # type: ignore[arg-type]
            for name, shown in (
                ("participants", None),
                ("denominator_value", None),
                ("coverage_percent", format_percent),
                ("target_participants", None),
                ("target_percent", format_percent),
                ("target_gap", None),
                ("regencies_reported", None),
                ("regencies_expected", None),
            )
        ),
        "denominator_kind",
        "denominator_year",
        "all_approved",
        "computed_at",
    )

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).defer("region__boundary")

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Recompute the whole coverage table"), permissions=["administer"])
    def recompute_everything(self, request: HttpRequest, queryset: Any) -> None:
        if not self.has_administer_permission(request):
            raise PermissionDenied
        mark_everything_stale()
        self.message_user(request, _("Every bucket is marked stale; the recompute is queued."))


@admin.register(WorkforceKind)
class WorkforceKindAdmin(ReferenceListMixin, SimpleHistoryAdmin):
    list_display = ("code", "name_id", "name_en")
    search_fields = ("code", "name_id", "name_en")


@admin.register(StaleBucket)
class StaleBucketAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """Buckets waiting for the recompute, and those it could not compute (with the reason):
    for national administrators; the engine writes them, nobody edits them."""

    scope_field = "province"
    list_display = ("province", "period", "marked_at", "failed_at", "error")
    list_filter = (("failed_at", admin.EmptyFieldListFilter), "period")
    list_select_related = ("province",)
    readonly_fields = ("province", "period", "marked_at", "failed_at", "error")

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).defer("province__boundary")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_administer_permission(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_administer_permission(request)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
