"""Workforce kinds and totals (denominators), targets, stale marks and the coverage table."""

from __future__ import annotations

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from participants.kernel.naming import CODE_VALIDATOR, BilingualName
from regions import bounds
from regions.models import Region
from regions.text_rule import bounded_text

YEAR_VALIDATORS = bounds.year_validators()
YEAR_IN_RANGE = bounds.in_range("year", bounds.FIRST_YEAR, bounds.LAST_YEAR)


@bounded_text
class WorkforceKind(BilingualName):
    """What a workforce total (coverage denominator) counts, e.g. BPS Sakernas employed."""

    code = models.CharField(_("code"), max_length=30, unique=True, validators=[CODE_VALIDATOR])
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("workforce kind")
        verbose_name_plural = _("workforce kinds")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


@bounded_text
class WorkforceTotal(models.Model):
    """One figure of a typed series: e.g. BPS Sakernas employed population, Kalbar, 2023."""

    kind = models.ForeignKey(
        "participants.WorkforceKind", models.PROTECT, related_name="totals", verbose_name=_("kind")
    )
    region = models.ForeignKey(
        Region, models.PROTECT, related_name="workforce_totals", verbose_name=_("region")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    month = models.PositiveSmallIntegerField(
        _("month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    value = models.PositiveBigIntegerField(
        _("value"), validators=bounds.at_most(bounds.PEOPLE_IN_A_REGION)
    )
    source = models.CharField(_("source"), max_length=500, validators=[bounds.PLAIN_TEXT])
    note = models.TextField(_("note"), blank=True, validators=[bounds.MULTILINE_TEXT])
    history = HistoricalRecords()

    class Meta:
        ordering = ["region__code", "kind__code", "-year"]
        verbose_name = _("workforce total")
        verbose_name_plural = _("workforce totals")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "region", "year"],
                condition=Q(month__isnull=True),
                name="one_yearly_workforce_total",
            ),
            models.UniqueConstraint(
                fields=["kind", "region", "year", "month"],
                condition=Q(month__isnull=False),
                name="one_monthly_workforce_total",
            ),
            models.CheckConstraint(
                condition=YEAR_IN_RANGE
                & bounds.in_range("month", 1, 12)
                & bounds.in_range("value", 0, bounds.PEOPLE_IN_A_REGION),
                name="workforce_total_within_bounds",
            ),
        ]

    def __str__(self) -> str:
        when = f"{self.year}-{self.month:02d}" if self.month else str(self.year)
        return f"{self.kind.code} {self.region.code} {when}"


@bounded_text
class Target(models.Model):
    """A coverage target for a region and year, for all categories or for one."""

    region = models.ForeignKey(
        Region, models.PROTECT, related_name="coverage_targets", verbose_name=_("region")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    category = models.ForeignKey(
        "participants.Category",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("category"),
        help_text=_("Empty for a target over all categories."),
    )
    participants = models.PositiveBigIntegerField(
        _("target participants"),
        null=True,
        blank=True,
        validators=bounds.at_most(bounds.PEOPLE_IN_A_REGION),
    )
    percent = models.DecimalField(
        _("target coverage (%)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=bounds.at_most(100),
    )
    source = models.CharField(
        _("source"), max_length=500, blank=True, validators=[bounds.PLAIN_TEXT]
    )
    note = models.TextField(_("note"), blank=True, validators=[bounds.MULTILINE_TEXT])
    history = HistoricalRecords()

    class Meta:
        ordering = ["region__code", "-year"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year"],
                condition=Q(category__isnull=True),
                name="one_overall_target",
            ),
            models.UniqueConstraint(
                fields=["region", "year", "category"],
                condition=Q(category__isnull=False),
                name="one_category_target",
            ),
            models.CheckConstraint(
                condition=Q(participants__isnull=False) | Q(percent__isnull=False),
                name="target_has_a_figure",
            ),
            models.CheckConstraint(
                condition=YEAR_IN_RANGE
                & bounds.in_range("participants", 0, bounds.PEOPLE_IN_A_REGION)
                & bounds.in_range("percent", 0, 100),
                name="target_within_bounds",
            ),
        ]

    def __str__(self) -> str:
        scope = self.category.code if self.category else "TOTAL"
        return f"{self.region.code} {self.year} {scope}"


@bounded_text
class CoverageRow(models.Model):
    """What every page and export reads: one region × month × category (NULL = all).

    Written only by participants.coverage.engine; never edited by hand. Derived data rebuilt from
    validated rows, so its foreign keys carry no database constraint: checking ~1,4 million
    deferred references at commit tripled the full recompute's time.
    """

    # The unique indexes below start with region; a separate FK index would only slow inserts.
    region = models.ForeignKey(
        Region,
        models.DO_NOTHING,
        related_name="coverage_rows",
        db_index=False,
        db_constraint=False,
    )
    level = models.CharField(max_length=10, choices=Region.Level.choices)
    period = models.DateField()
    category = models.ForeignKey(
        "participants.Category",
        models.DO_NOTHING,
        null=True,
        related_name="coverage_rows",
        db_index=False,
        db_constraint=False,
    )
    # NULL when no regency under the row has a figure (not reported, "no data", a category
    # not collected yet): unknown, never 0. Sums over some regencies are partial
    # (regencies_reported < regencies_expected).
    participants = models.PositiveBigIntegerField(null=True)
    denominator_kind = models.ForeignKey(
        "participants.WorkforceKind",
        models.DO_NOTHING,
        null=True,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    denominator_value = models.PositiveBigIntegerField(null=True)
    denominator_year = models.PositiveSmallIntegerField(null=True)
    # Above 100% is possible (a stale or partial denominator); the table must still hold it,
    # up to the largest ratio regions.bounds allows: every count at its ceiling over a
    # denominator of 1.
    coverage_percent = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    target_participants = models.PositiveBigIntegerField(null=True)
    target_percent = models.DecimalField(max_digits=6, decimal_places=2, null=True)
    target_gap = models.BigIntegerField(null=True)
    regencies_reported = models.PositiveIntegerField(default=0)
    regencies_expected = models.PositiveIntegerField(default=0)
    all_approved = models.BooleanField(default=False)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("coverage row")
        verbose_name_plural = _("coverage table")
        constraints = [
            # One index serves every read and the recompute: pages read one month at a time
            # (a month has ~4.000 rows, so filtering its level is cheap), the recompute
            # deletes and inserts by month. No level column: a region implies its level, and
            # comparing text under the database's collation doubled the index's build time.
            # NULL category (the total) counts as a value. (SQLite, for the quick start
            # only, cannot express this and goes without.)
            models.UniqueConstraint(
                fields=["period", "region", "category"],
                nulls_distinct=False,
                name="one_coverage_row",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region.code} {self.period:%Y-%m} {self.category_id or 'TOTAL'}"


class RecomputeBucket(models.Model):
    """Scratch rows naming the province × month buckets of the recompute in progress.

    Filled and emptied inside one recompute transaction (recomputes are serialised), so the
    set-based SQL can join against typed columns on PostgreSQL and SQLite alike.
    """

    province = models.ForeignKey(
        Region, models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    period = models.DateField()
    period_end = models.DateField()
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [models.Index(fields=["province", "period"])]

    def __str__(self) -> str:
        return f"recompute {self.province_id} {self.period:%Y-%m}"


Bucket = tuple[int, dt.date]  # province id, first day of the month: what a stale mark names


@bounded_text
class StaleBucket(models.Model):
    """A province × month whose coverage rows must be recomputed.

    Written in the same transaction as the change that made it stale, so a missed or failed
    recompute is always caught up later, even when the broker was down at save time.
    """

    province = models.ForeignKey(Region, models.CASCADE, related_name="+")
    period = models.DateField()
    marked_at = models.DateTimeField(auto_now=True)
    # A bucket the engine could not compute keeps its mark with the reason; the other
    # buckets go on, and national administrators see it listed (admin, admin home).
    failed_at = models.DateTimeField(_("failed at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True, db_default="")  # raw SQL marks too

    class Meta:
        verbose_name = _("stale coverage bucket")
        verbose_name_plural = _("stale coverage buckets")
        constraints = [
            models.UniqueConstraint(fields=["province", "period"], name="one_stale_mark")
        ]

    def __str__(self) -> str:
        state = "failed" if self.failed_at else "stale"
        return f"{state} {self.province.code} {self.period:%Y-%m}"
