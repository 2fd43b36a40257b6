"""Admin for validation rules (national administrators write, everyone with a role reads) and
their results (read-only, scoped). Saves go through rule_save, so a rule with bad syntax or an
unknown code is refused with the problem on its field."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from participants.rules.forms import RuleAdminForm
from participants.rules.models import RuleResult, ValidationRule
from participants.rules.services import rule_save
from regions.access.admin import ReferenceListMixin, ScopedModelAdmin


@admin.register(ValidationRule)
class ValidationRuleAdmin(ReferenceListMixin, SimpleHistoryAdmin):
    form = RuleAdminForm
    list_display = ("shown_name", "statement", "importance", "period_type", "builtin", "is_active")
    list_filter = ("importance", "period_type", "is_active")
    search_fields = ("name_id", "name_en", "left", "right")
    filter_horizontal = ("regions",)
    readonly_fields = ("builtin", "shown_name")
    fieldsets = (
        (None, {"fields": ("name_id", "name_en", "builtin", "is_active")}),
        (
            None,
            {
                "fields": ("left", "operator", "right"),
                "description": (
                    "PU, NON_ASN, workforce(KONSTRUKSI), target(PU), PU[previous], "
                    "PU[last_year], 0.9 * PU[previous]"
                ),
            },
        ),
        (None, {"fields": ("importance", "period_type", "regions", "parameters")}),
        (None, {"fields": ("description_id", "description_en")}),
    )

    @admin.display(description=_("name"), ordering="name_id")
    def shown_name(self, rule: ValidationRule) -> str:
        return rule.name

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.builtin:
            return fieldsets
        # A built-in check's name follows the page's language: no stored text to edit.
        first = {"fields": ("shown_name", "builtin", "is_active")}
        return ((None, first), *fieldsets[1:])

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.builtin:
            return False  # switch a built-in check off instead: quality.py expects its row
        return super().has_delete_permission(request, obj)

    def save_model(
        self, request: HttpRequest, obj: ValidationRule, form: Any, change: bool
    ) -> None:
        rule_save(actor=request.user, rule=obj)  # regions follow in save_related


@admin.register(RuleResult)
class RuleResultAdmin(ScopedModelAdmin):
    list_display = ("period", "region", "rule", "left_value", "right_value", "outcome")
    list_filter = ("outcome", "rule")
    date_hierarchy = "period"
    list_select_related = ("region", "rule")

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
