"""Admin pages, limited to the user's scope through regions.admin_scoping."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from agreements import services
from agreements.models import (
    Agreement,
    BudgetAllocation,
    Commitment,
    LegalBasis,
    Regulation,
    Signatory,
)
from agreements.models_documents import Document, Notification
from agreements.models_meetings import Attendee, FollowUpAction, Meeting
from agreements.permissions import may_change
from regions import access
from regions.access import Action
from regions.admin_numbers import NumbersAdminMixin
from regions.admin_scoping import ScopedModelAdmin


@admin.register(LegalBasis)
class LegalBasisAdmin(admin.ModelAdmin):
    list_display = ["short_name", "title", "issued_on"]
    search_fields = ["short_name", "title"]


class SignatoryInline(admin.TabularInline):
    model = Signatory
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(ScopedModelAdmin):
    change_action = Action.LOG_ACTIVITY
    list_display = ["title", "kind", "region", "office", "signed_on", "valid_until", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "region_number", "office_number", "region__name"]
    filter_horizontal = ["legal_bases"]
    inlines = [SignatoryInline]
    # status changes go through the lifecycle services on the agreement page
    readonly_fields = ["status", "successor", "ended_on"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.agreement_save(actor=request.user, agreement=obj)


@admin.register(Commitment)
class CommitmentAdmin(NumbersAdminMixin, ScopedModelAdmin):
    change_action = Action.LOG_ACTIVITY
    list_display = ["description", "region", "kind", "due_date", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["description", "responsible"]
    raw_id_fields = ["agreement", "meeting"]
    rupiah_fields = ("amount",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.commitment_save(actor=request.user, commitment=obj)


@admin.register(Regulation)
class RegulationAdmin(ScopedModelAdmin):
    change_action = Action.LOG_ACTIVITY
    list_display = ["__str__", "region", "title", "enacted_on"]
    list_filter = ["kind", "year"]
    search_fields = ["title", "number", "region__name"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.regulation_save(actor=request.user, regulation=obj)


@admin.register(BudgetAllocation)
class BudgetAllocationAdmin(NumbersAdminMixin, ScopedModelAdmin):
    change_action = Action.LOG_ACTIVITY
    list_display = ["region", "year", "category_code", "workers", "amount", "realised"]
    rupiah_fields = ("amount", "realised")
    list_filter = ["year", "category_code"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.budget_save(actor=request.user, budget=obj)


class AttendeeInline(admin.TabularInline):
    model = Attendee
    extra = 0


class ActionInline(admin.TabularInline):
    model = FollowUpAction
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(ScopedModelAdmin):
    change_action = Action.LOG_ACTIVITY
    scope_field = "host_region"
    list_display = ["title", "kind", "starts_at", "host_region"]
    list_filter = ["kind"]
    search_fields = ["title", "place", "chair"]
    filter_horizontal = ["regions", "offices"]
    inlines = [AttendeeInline, ActionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = admin.ModelAdmin.get_queryset(self, request)
        concerned = access.scoped(Meeting.regions.through.objects.all(), request.user)
        return queryset.filter(pk__in=concerned.values("meeting_id"))

    def _may_change(self, request: HttpRequest, obj: Any) -> bool:
        if obj is None:
            return access.allows(request.user, self.change_action)
        return may_change(request.user, obj)


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Read-only: documents are added through the checked upload on each record's page."""

    list_display = ["original_name", "content_type", "size", "uploaded_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        return queryset if access.is_national(request.user) else queryset.none()


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "key", "created_at", "read_at", "emailed_at"]
    search_fields = ["user__username", "key"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        return queryset if access.is_national(request.user) else queryset.none()
