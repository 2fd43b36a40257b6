"""Documents in the admin: read-only, and only for national users."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from agreements.documents.models import Document
from regions import access
from regions.access.admin import PortalAdminMixin


@admin.register(Document)
class DocumentAdmin(PortalAdminMixin, SimpleHistoryAdmin):
    """Read-only: documents are added through the checked upload on each record's page."""

    list_display = ["original_name", "content_type", "size", "uploaded_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        return queryset if access.is_national(request.user) else queryset.none()
