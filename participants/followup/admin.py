"""Follow-ups in the admin: read-only and scoped, with their history. They are opened and
closed on the outlier and follow-up pages and through the API (one service each)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from participants.followup.models import FollowUp
from regions.access.admin import ScopedAdminMixin


@admin.register(FollowUp)
class FollowUpAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    scope_field = "count__region"
    list_display = ("count", "opened_by", "opened_at", "closed_by", "closed_at")
    list_filter = ("closed_at",)
    list_select_related = ("count__region", "count__category", "opened_by", "closed_by")
    readonly_fields = (
        "count",
        "comment",
        "opened_by",
        "opened_at",
        "closed_by",
        "closed_at",
        "closing_comment",
    )

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
