"""Participant categories, monthly reports and counts.

A count is a stock: active participants at the end of a month, per regency and category.
The province × month report carries the approval workflow for all of its counts.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from participants.counts.deadlines import report_deadline
from participants.kernel.naming import CODE_VALIDATOR, BilingualName
from regions import bounds
from regions.models import Region
from regions.text_rule import bounded_text


@bounded_text
class Category(BilingualName):
    """A participant segment (PU, BPU, …); a sub-group (NON_ASN within PU) has a parent.

    Totals add up top-level categories only, so a sub-group is never counted twice.
    Retiring a category (is_active=False) keeps every count already recorded against it.
    """

    code = models.CharField(_("code"), max_length=30, unique=True, validators=[CODE_VALIDATOR])
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_active = models.BooleanField(_("active"), default=True)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="subgroups",
        limit_choices_to={"parent__isnull": True},
        verbose_name=_("part of"),
    )
    measured_by = models.ForeignKey(
        "participants.WorkforceKind",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="categories",
        verbose_name=_("measured against"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("participant category")
        verbose_name_plural = _("participant categories")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    @property
    def is_top_level(self) -> bool:
        return self.parent_id is None


@bounded_text
class MonthlyReport(models.Model):
    """One province's counts for one month, and where they stand in the approval workflow."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        REOPENED = "reopened", _("Reopened")

    province = models.ForeignKey(
        Region,
        models.PROTECT,
        related_name="monthly_reports",
        limit_choices_to={"level": Region.Level.PROVINCE},
        verbose_name=_("province"),
    )
    period = models.DateField(_("period (first day of the month)"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Raised on every save; guards against lost updates.")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period", "province__code"]
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")
        constraints = [
            models.UniqueConstraint(fields=["province", "period"], name="one_report_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.province.name} {self.period:%Y-%m}"

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.REOPENED)

    @property
    def deadline(self) -> dt.date:
        """The reporting deadline: by default the 10th of the following month."""
        return report_deadline(self.period)


DEMO_COMMENT = "demo"  # the comment a demo write puts on its events
# The report steps that change which provinces have reported a month (a save or an import
# changes figures, not the report's status).
COMPLETENESS_STEPS = ("submitted", "approved", "sent_back", "reopened")


@bounded_text
class ReportEvent(models.Model):
    """One step of a report's workflow: who did what, when, and why."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        SAVED = "saved", _("Saved")
        IMPORTED = "imported", _("Imported")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        SENT_BACK = "sent_back", _("Sent back")
        REOPENED = "reopened", _("Reopened")

    report = models.ForeignKey(MonthlyReport, models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(_("at"), db_index=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("report event")
        verbose_name_plural = _("report events")
        # Every page asks whether demo data is shown; without demo data that question would
        # scan every event, so the few demo events get an index of their own.
        indexes = [
            models.Index(
                fields=["comment"],
                condition=models.Q(comment=DEMO_COMMENT),
                name="reportevent_demo",
            ),
            # Kept dashboards ask for the latest step that changes a month's completeness on
            # every request; at a month's end thousands of saves come after it.
            models.Index(
                fields=["id"],
                condition=models.Q(action__in=COMPLETENESS_STEPS),
                name="reportevent_step",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.get_action_display()} · {self.at:%Y-%m-%d %H:%M}"


@bounded_text
class ParticipantCount(models.Model):
    """Active participants (and optionally inactive ones and employers) at a month's end.

    Either a value or an explicit "no data" with a reason. `period` repeats the report's so
    the coverage SQL can group counts without a join.
    """

    report = models.ForeignKey(MonthlyReport, models.PROTECT, related_name="counts")
    region = models.ForeignKey(
        Region,
        models.PROTECT,
        related_name="participant_counts",
        limit_choices_to={"level": Region.Level.REGENCY},
        verbose_name=_("regency"),
    )
    category = models.ForeignKey(
        Category, models.PROTECT, related_name="counts", verbose_name=_("category")
    )
    period = models.DateField(_("period"))
    active_participants = models.PositiveBigIntegerField(
        _("active participants"),
        null=True,
        blank=True,
        validators=bounds.at_most(bounds.PEOPLE_IN_A_REGENCY),
    )
    inactive_participants = models.PositiveBigIntegerField(
        _("inactive participants"),
        null=True,
        blank=True,
        validators=bounds.at_most(bounds.PEOPLE_IN_A_REGENCY),
    )
    employers = models.PositiveIntegerField(
        _("registered employers"),
        null=True,
        blank=True,
        validators=bounds.at_most(bounds.EMPLOYERS_IN_A_REGENCY),
    )
    no_data = models.BooleanField(_("no data"), default=False)
    no_data_reason = models.CharField(
        _("reason for no data"), max_length=250, blank=True, validators=[bounds.PLAIN_TEXT]
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(
        excluded_fields=["updated_at"], history_change_reason_field=models.TextField(null=True)
    )

    class Meta:
        ordering = ["period", "region__code", "category__order"]
        verbose_name = _("participant count")
        verbose_name_plural = _("participant counts")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "category", "period"], name="one_count_per_cell"
            ),
            models.CheckConstraint(
                condition=(
                    Q(no_data=False, active_participants__isnull=False)
                    | (Q(no_data=True, active_participants__isnull=True) & ~Q(no_data_reason=""))
                ),
                name="count_value_or_no_data_with_reason",
            ),
            models.CheckConstraint(
                condition=bounds.in_range("active_participants", 0, bounds.PEOPLE_IN_A_REGENCY)
                & bounds.in_range("inactive_participants", 0, bounds.PEOPLE_IN_A_REGENCY)
                & bounds.in_range("employers", 0, bounds.EMPLOYERS_IN_A_REGENCY),
                name="count_values_within_bounds",
            ),
        ]
        indexes = [models.Index(fields=["period", "category"])]

    def __str__(self) -> str:
        return f"{self.region.code} {self.category.code} {self.period:%Y-%m}"
