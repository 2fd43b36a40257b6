"""Admin pages, limited to the user's scope through regions.access.admin.

Every save goes through agreements.services (the same checks as the pages); a service's
ValidationError shows on the form.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from agreements import selectors, services
from agreements.documents.models import Document
from agreements.meetings.models import Attendee, FollowUpAction, Meeting
from agreements.models import (
    Agreement,
    BudgetAllocation,
    Commitment,
    LegalBasis,
    Regulation,
    Signatory,
)
from agreements.permissions import may_change
from regions import access
from regions.access import Action
from regions.access.admin import (
    PortalModelAdmin,
    ReferenceListAdmin,
    ScopedModelAdmin,
    ScopedTabularInline,
    formset_saved_by_service,
)
from regions.values.admin import NumbersAdminMixin


@admin.register(LegalBasis)
class LegalBasisAdmin(ReferenceListAdmin):
    list_display = ["short_name", "title", "issued_on"]
    search_fields = ["short_name", "title"]


class RecordAdmin(ScopedModelAdmin):
    """Agreements records: changed by whoever may log activity for their region."""

    change_action = Action.LOG_ACTIVITY

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).defer("region__boundary")


def _forms_kept(formset: Any) -> list[Any]:
    return [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


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
        services.agreement_save(
            actor=request.user, agreement=obj, legal_bases=form.cleaned_data.get("legal_bases")
        )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        people = [
            (f.cleaned_data["side"], f.cleaned_data["name"], f.cleaned_data["position"])
            for f in _forms_kept(formset)
        ]
        services.signatory_set(actor=request.user, agreement=form.instance, people=people)
        formset_saved_by_service(formset)


@admin.register(Commitment)
class CommitmentAdmin(NumbersAdminMixin, RecordAdmin):
    list_display = ["description", "region", "kind", "due_date", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["description", "responsible"]
    raw_id_fields = ["agreement", "meeting"]
    rupiah_fields = ("amount",)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        # The source must be a record the user may see, as on the commitment page.
        if db_field.name == "agreement":
            kwargs["queryset"] = selectors.agreements_for(request.user, Action.LOG_ACTIVITY)
        if db_field.name == "meeting":
            kwargs["queryset"] = selectors.meetings_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.commitment_save(actor=request.user, commitment=obj)


@admin.register(Regulation)
class RegulationAdmin(RecordAdmin):
    list_display = ["__str__", "region", "title", "enacted_on"]
    list_filter = ["kind", "year"]
    search_fields = ["title", "number", "region__name"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.regulation_save(actor=request.user, regulation=obj)


@admin.register(BudgetAllocation)
class BudgetAllocationAdmin(NumbersAdminMixin, RecordAdmin):
    list_display = ["region", "year", "category_code", "workers", "amount", "realised"]
    rupiah_fields = ("amount", "realised")
    list_filter = ["year", "category_code"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.budget_save(actor=request.user, budget=obj)


class AttendeeInline(ScopedTabularInline):
    model = Attendee
    extra = 0


class ActionInline(ScopedTabularInline):
    model = FollowUpAction
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(ScopedModelAdmin):
    """A meeting is read by anyone who may view one of its regions and changed (through
    meeting_save) by whoever may log activity on all of them, as on the meeting page."""

    change_action = Action.LOG_ACTIVITY
    scope_field = "host_region"
    list_display = ["title", "kind", "starts_at", "host_region"]
    list_filter = ["kind"]
    search_fields = ["title", "place", "chair"]
    filter_horizontal = ["regions", "offices"]
    inlines = [AttendeeInline, ActionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return selectors.meetings_for(request.user).defer("host_region__boundary")

    def _may_change(self, request: HttpRequest, obj: Any) -> bool:
        if obj is None:
            return access.allows(request.user, self.change_action)
        return may_change(request.user, obj)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.meeting_save(
            actor=request.user,
            meeting=obj,
            regions=form.cleaned_data["regions"],
            offices=form.cleaned_data["offices"],
        )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # meeting_save has set the regions and offices; the inlines go through their services.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        meeting, user = form.instance, request.user
        formset_saved_by_service(formset)
        if formset.model is Attendee:
            people = [
                (f.cleaned_data["name"], f.cleaned_data["position"], f.cleaned_data["institution"])
                for f in _forms_kept(formset)
            ]
            services.attendees_set(actor=user, meeting=meeting, people=people)
            return
        for action_form in formset.forms:
            data = action_form.cleaned_data
            if data.get("DELETE") and action_form.instance.pk:
                services.action_delete(actor=user, action=action_form.instance)
            elif data and not data.get("DELETE"):
                action = action_form.save(commit=False)
                action.meeting = meeting
                services.action_save(actor=user, action=action)


@admin.register(Document)
class DocumentAdmin(PortalModelAdmin):
    """Read-only: documents are added through the checked upload on each record's page."""

    list_display = ["original_name", "content_type", "size", "uploaded_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        return queryset if access.is_national(request.user) else queryset.none()
