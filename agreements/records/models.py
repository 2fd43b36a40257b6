"""Regional regulations and APBD budget allocations: what a region has put in law and money."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from regions import bounds
from regions.models import Region


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
