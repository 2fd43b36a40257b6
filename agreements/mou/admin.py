"""Admin pages of legal bases and agreements, limited to the user's scope
(regions.access.admin); an agreement and its signatories are saved by agreement_record. Every
records admin shows django-simple-history's History, held to the same scope."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from agreements.mou import services
from agreements.mou.forms import signatories_of
from agreements.mou.models import Agreement, LegalBasis, Signatory
from regions.access import Action
from regions.access.admin import (
    ReferenceListMixin,
    ScopedAdminMixin,
    ScopedTabularInline,
    formset_saved_by_service,
)


@admin.register(LegalBasis)
class LegalBasisAdmin(ReferenceListMixin, SimpleHistoryAdmin):
    list_display = ["short_name", "title", "issued_on"]
    search_fields = ["short_name", "title"]


class RecordAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    """Agreements records: changed by whoever may log activity for their region."""

    change_action = Action.LOG_ACTIVITY

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).defer("region__boundary")


class SignatoryInline(ScopedTabularInline):
    model = Signatory
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(RecordAdmin):
    list_display = ["title", "kind", "region", "office", "signed_on", "valid_until", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "region_number", "office_number", "region__name"]
    filter_horizontal = ["legal_bases"]
    inlines = [SignatoryInline]
    # status changes go through the lifecycle services on the agreement page
    readonly_fields = ["status", "successor", "ended_on"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Saved with its signatories in save_related, in one agreement_record."""

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        people = next((f for f in formsets if f.model is Signatory), None)
        services.agreement_record(
            actor=request.user,
            agreement=form.instance,
            legal_bases=form.cleaned_data.get("legal_bases"),
            signatories=None if people is None else signatories_of(people),
        )
        for formset in formsets:
            formset_saved_by_service(formset)
