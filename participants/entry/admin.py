"""Admin for categories, monthly reports and counts. Coverage models have their own admin.

Counts edited here still go through `counts_write(source="admin")`, so validation, the lock,
history and stale marks cannot be skipped; reports change status only on the data-entry page.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from participants.counts.models import Category, MonthlyReport, ParticipantCount, ReportEvent
from participants.entry.categories import categories_set_active, category_save
from participants.entry.services import CellInput, WriteResult, counts_write
from regions import access
from regions.access import Action
from regions.access.admin import ReferenceListAdmin, ScopedModelAdmin
from regions.values.admin import NumbersAdminMixin


@admin.register(Category)
class CategoryAdmin(ReferenceListAdmin):
    """National administrators add and retire categories; one with counts is never deleted."""

    list_display = ("code", "name_id", "name_en", "parent", "order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("code", "name_id", "name_en")
    actions = ("retire", "reactivate")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.counts.exists():
            return False  # retire it instead: its history must stay
        return super().has_delete_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: Category, form: Any, change: bool) -> None:
        # Which categories exist and add up changes every coverage figure: recompute.
        category_save(category=obj, actor=request.user)

    @admin.action(
        description=_("Retire the selected categories (keep their counts)"),
        permissions=["administer"],
    )
    def retire(self, request: HttpRequest, queryset: QuerySet[Category]) -> None:
        self._set_active(request, queryset, active=False)

    @admin.action(description=_("Reactivate the selected categories"), permissions=["administer"])
    def reactivate(self, request: HttpRequest, queryset: QuerySet[Category]) -> None:
        self._set_active(request, queryset, active=True)

    def _set_active(self, request: HttpRequest, queryset: QuerySet[Category], active: bool) -> None:
        try:
            categories_set_active(categories=queryset, active=active, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)


class ReportEventInline(admin.TabularInline):
    model = ReportEvent
    extra = 0
    fields = ("at", "action", "actor", "comment")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(MonthlyReport)
class MonthlyReportAdmin(ScopedModelAdmin):
    """Read-only here: the workflow (submit, approve, reopen) lives on the data-entry page."""

    scope_field = "province"
    change_action = Action.ENTER_DATA
    list_display = ("province", "period", "status", "version", "submitted_at", "approved_at")
    list_filter = ("status", "period")
    list_select_related = ("province",)
    readonly_fields = ("province", "period", "status", "version", "submitted_at", "approved_at")
    inlines = (ReportEventInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).defer("province__boundary")

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CountForm(forms.ModelForm):
    """Validates an admin edit with the same service the grid uses, as a dry run."""

    request: HttpRequest

    class Meta:
        model = ParticipantCount
        fields = (
            "region",
            "category",
            "period",
            "active_participants",
            "inactive_participants",
            "employers",
            "no_data_reason",
        )

    def cell(self) -> CellInput:
        data = self.cleaned_data
        return CellInput(
            region_id=data["region"].pk,
            category_id=data["category"].pk,
            period=data["period"],
            active_participants=data.get("active_participants"),
            inactive_participants=data.get("inactive_participants"),
            employers=data.get("employers"),
            no_data_reason=data.get("no_data_reason") or "",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors or not {"region", "category", "period"} <= set(data):
            return data
        result = counts_write(
            actor=self.request.user, cells=[self.cell()], source="admin", dry_run=True
        )
        raise_problems(result)
        return data


def raise_problems(result: WriteResult) -> None:
    if result.errors:
        raise ValidationError([problem.message for problem in result.errors])


@admin.register(ParticipantCount)
class ParticipantCountAdmin(NumbersAdminMixin, ScopedModelAdmin):
    scope_field = "region"
    change_action = Action.ENTER_DATA
    form = CountForm
    list_display = ("region", "category", "period", "active_participants", "no_data", "updated_by")
    list_filter = ("category", "period")
    list_select_related = ("region", "category", "updated_by")
    search_fields = ("region__code", "region__name")
    date_hierarchy = "period"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).defer("region__boundary")

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kw: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kw)
        form.request = request  # type: ignore[attr-defined]
        return form

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a value is corrected or marked "no data", never removed

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not access.can(request.user, Action.ENTER_DATA, obj.region):
            raise PermissionDenied
        result = counts_write(actor=request.user, cells=[form.cell()], source="admin")
        if not result.applied:
            for problem in result.errors:
                messages.error(request, problem.message)
            return
        for warning in result.warnings:
            messages.warning(request, warning.message)
        saved = ParticipantCount.objects.get(
            region=obj.region, category=obj.category, period=obj.period
        )
        obj.pk, obj.report_id = saved.pk, saved.report_id
