"""What a region has promised, put in law and put in money: commitments, regional regulations
and APBD budget allocations (the scorecard's facts)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.mou.models import Agreement
from regions import bounds
from regions.models import Region
from regions.text_rule import bounded_text


@bounded_text
class Regulation(models.Model):
    """A regional regulation on employment social security (Perda, Perkada, Surat Edaran…)."""

    class Kind(models.TextChoices):
        PERDA = "perda", _("Regional regulation (Perda)")
        PERKADA = "perkada", _("Head of region regulation (Pergub/Perbup/Perwali)")
        KEPUTUSAN = "keputusan", _("Decree (Keputusan)")
        INSTRUKSI = "instruksi", _("Instruction (Instruksi)")
        SURAT_EDARAN = "surat_edaran", _("Circular (Surat Edaran)")

    region = models.ForeignKey(
        Region, models.PROTECT, related_name="regulations", verbose_name=_("region")
    )
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    number = models.CharField(
        _("number"),
        max_length=60,
        blank=True,
        validators=[bounds.PLAIN_TEXT],
        help_text=_("Leave empty while it is not known."),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=bounds.year_validators())
    title = models.CharField(_("title"), max_length=400, validators=[bounds.PLAIN_TEXT])
    enacted_on = models.DateField(
        _("date enacted"), null=True, blank=True, validators=[bounds.DATE_BOUNDS]
    )
    revoked_on = models.DateField(
        _("date revoked"), null=True, blank=True, validators=[bounds.DATE_BOUNDS]
    )
    source_url = models.URLField(_("source link"), blank=True)
    notes = models.TextField(_("notes"), blank=True, validators=[bounds.MULTILINE_TEXT])
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "region__code"]
        verbose_name = _("regional regulation")
        verbose_name_plural = _("regional regulations")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "kind", "number", "year"], name="regulation_unique_number"
            ),
            models.CheckConstraint(
                condition=bounds.in_range("year", bounds.FIRST_YEAR, bounds.LAST_YEAR)
                & bounds.in_range("enacted_on", bounds.FIRST_DAY, bounds.LAST_DAY)
                & bounds.in_range("revoked_on", bounds.FIRST_DAY, bounds.LAST_DAY),
                name="regulation_within_bounds",
            ),
        ]

    def __str__(self) -> str:
        if not self.number:
            return _("%(kind)s of %(year)s (number not recorded)") % {
                "kind": self.get_kind_display(),
                "year": self.year,
            }
        return f"{self.get_kind_display()} {self.number}/{self.year}"

    @property
    def effective_on(self) -> dt.date:
        return self.enacted_on or dt.date(self.year, 1, 1)

    def regions_concerned(self) -> list[Region]:
        """The regions whose scope decides who reads and changes it (kernel.permissions)."""
        return [self.region]


@bounded_text
class BudgetAllocation(models.Model):
    """Money a region puts in its APBD for one group of workers in one budget year."""

    region = models.ForeignKey(
        Region, models.PROTECT, related_name="budget_allocations", verbose_name=_("region")
    )
    year = models.PositiveSmallIntegerField(_("APBD year"), validators=bounds.year_validators())
    category_code = models.CharField(
        _("category or group code"),
        max_length=30,
        help_text=_("e.g. NON_ASN, PEKERJA_RENTAN"),
        validators=[bounds.PLAIN_TEXT],
    )
    label = models.CharField(_("group"), max_length=120, blank=True, validators=[bounds.PLAIN_TEXT])
    workers = models.PositiveIntegerField(
        _("workers to cover"),
        null=True,
        blank=True,
        validators=bounds.at_most(bounds.PEOPLE_IN_A_REGENCY),
    )
    amount = models.DecimalField(
        _("amount (Rp)"), max_digits=18, decimal_places=0, validators=bounds.at_most(bounds.RUPIAH)
    )
    realised = models.DecimalField(
        _("realised (Rp)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=bounds.at_most(bounds.RUPIAH),
    )
    notes = models.TextField(_("notes"), blank=True, validators=[bounds.MULTILINE_TEXT])
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "region__code", "category_code"]
        verbose_name = _("budget allocation")
        verbose_name_plural = _("budget allocations")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "category_code"], name="budget_unique_per_group"
            ),
            models.CheckConstraint(
                condition=bounds.in_range("year", bounds.FIRST_YEAR, bounds.LAST_YEAR)
                & bounds.in_range("workers", 0, bounds.PEOPLE_IN_A_REGENCY)
                & bounds.in_range("amount", 0, bounds.RUPIAH)
                & bounds.in_range("realised", 0, bounds.RUPIAH),
                name="budget_within_bounds",
            ),
        ]

    def __str__(self) -> str:
        return f"APBD {self.year} {self.region.name} {self.category_code}"

    def regions_concerned(self) -> list[Region]:
        """The regions whose scope decides who reads and changes it (kernel.permissions)."""
        return [self.region]


@bounded_text
class Commitment(models.Model):
    """A concrete promise made in an agreement or a meeting, owned by one region."""

    class Kind(models.TextChoices):
        BUDGET = "budget", _("Budget contribution")
        REGULATION = "regulation", _("Regulation")
        PLANNING = "planning", _("Development planning (RPD/RKPD)")
        REGISTRATION = "registration", _("Registration of workers")
        ENFORCEMENT = "enforcement", _("Joint inspection / compliance")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    OPEN_STATUSES = (Status.PLANNED, Status.IN_PROGRESS)

    region = models.ForeignKey(
        Region, models.PROTECT, related_name="commitments", verbose_name=_("region")
    )
    agreement = models.ForeignKey(
        Agreement, models.CASCADE, null=True, blank=True, related_name="commitments"
    )
    meeting = models.ForeignKey(
        "agreements.Meeting", models.CASCADE, null=True, blank=True, related_name="commitments"
    )
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    description = models.TextField(_("what was promised"), validators=[bounds.MULTILINE_TEXT])
    responsible = models.CharField(
        _("responsible institution"), max_length=200, validators=[bounds.PLAIN_TEXT]
    )
    due_date = models.DateField(
        _("due date"), null=True, blank=True, db_index=True, validators=[bounds.DATE_BOUNDS]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True, validators=[bounds.DATE_BOUNDS])
    evidence = models.TextField(_("evidence"), blank=True, validators=[bounds.MULTILINE_TEXT])
    category_code = models.CharField(
        _("participant category code"),
        max_length=30,
        blank=True,
        help_text=_("e.g. NON_ASN"),
        validators=[bounds.PLAIN_TEXT],
    )
    workers = models.PositiveIntegerField(
        _("workers concerned"),
        null=True,
        blank=True,
        validators=bounds.at_most(bounds.PEOPLE_IN_A_REGENCY),
    )
    amount = models.DecimalField(
        _("amount (Rp)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=bounds.at_most(bounds.RUPIAH),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement__isnull=False) | Q(meeting__isnull=False),
                name="commitment_has_source",
            ),
            models.CheckConstraint(
                condition=bounds.in_range("due_date", bounds.FIRST_DAY, bounds.LAST_DAY)
                & bounds.in_range("done_on", bounds.FIRST_DAY, bounds.LAST_DAY)
                & bounds.in_range("workers", 0, bounds.PEOPLE_IN_A_REGENCY)
                & bounds.in_range("amount", 0, bounds.RUPIAH),
                name="commitment_within_bounds",
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def regions_concerned(self) -> list[Region]:
        """The regions whose scope decides who reads and changes it (kernel.permissions)."""
        return [self.region]

    def is_overdue(self, today: dt.date) -> bool:
        return bool(self.due_date and self.due_date < today and self.status in self.OPEN_STATUSES)

    @property
    def overdue_now(self) -> bool:
        return self.is_overdue(timezone.localdate())
