"""Admin pages of commitments, regional regulations and budget allocations, limited to the
user's scope; every save goes through the records services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from agreements.meetings.selectors import meetings_for
from agreements.mou.admin import RecordAdmin
from agreements.mou.selectors import agreements_for
from agreements.records import services
from agreements.records.models import BudgetAllocation, Commitment, Regulation
from regions.access import Action
from regions.values.admin import NumbersAdminMixin


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
            kwargs["queryset"] = agreements_for(request.user, Action.LOG_ACTIVITY)
        if db_field.name == "meeting":
            kwargs["queryset"] = meetings_for(request.user)
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
