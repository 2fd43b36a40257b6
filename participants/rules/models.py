"""Validation rules an administrator defines, and what the nightly run found.

A rule compares two expressions (participants/rules/expressions.py) over one regency and
month. The built-in checks of participants/entry/quality.py are rows too, so an administrator
sees them, tunes their thresholds or switches them off.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from participants.kernel.naming import BilingualName
from regions import bounds
from regions.models import Region
from regions.text_rule import bounded_text


@bounded_text
class ValidationRule(BilingualName):
    class Operator(models.TextChoices):
        LT = "<", "<"
        LE = "<=", "≤"
        EQ = "==", "="
        GE = ">=", "≥"
        GT = ">", ">"
        NE = "!=", "≠"

    class Importance(models.TextChoices):
        ERROR = "error", _("Error: blocks submission")
        WARNING = "warning", _("Warning: must be acknowledged")
        INFO = "info", _("Information")

    class PeriodType(models.TextChoices):
        MONTHLY = "monthly", _("Every month")
        QUARTERLY = "quarterly", _("Quarter ends (March, June, September, December)")
        YEARLY = "yearly", _("Year end (December)")

    class Builtin(models.TextChoices):
        OUTLIER = "outlier", _("Unusual against the last 12 months (median/MAD)")
        JUMP = "jump", _("Large change against last month")
        DROP = "drop", _("Dropped to zero")
        WORKFORCE = "workforce", _("Above the workforce total")

    builtin = models.CharField(
        _("built-in check"), max_length=12, choices=Builtin.choices, blank=True, default=""
    )
    left = models.CharField(
        _("left side"), max_length=300, blank=True, help_text=_("e.g. NON_ASN or PU[previous]")
    )
    operator = models.CharField(_("operator"), max_length=2, choices=Operator.choices, default="<=")
    right = models.CharField(
        _("right side"), max_length=300, blank=True, help_text=_("e.g. PU or 0.9 * PU[previous]")
    )
    importance = models.CharField(
        _("importance"), max_length=8, choices=Importance.choices, default=Importance.WARNING
    )
    period_type = models.CharField(
        _("period type"), max_length=10, choices=PeriodType.choices, default=PeriodType.MONTHLY
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="+",
        verbose_name=_("applies to"),
        help_text=_("Provinces or regencies; empty for every regency."),
    )
    parameters = models.JSONField(
        _("thresholds"), default=dict, blank=True, help_text=_("Built-in checks only.")
    )
    description_id = models.TextField(
        _("description (Indonesian)"), blank=True, validators=[bounds.MULTILINE_TEXT]
    )
    description_en = models.TextField(
        _("description (English)"), blank=True, validators=[bounds.MULTILINE_TEXT]
    )
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords(m2m_fields=[regions])

    class Meta:
        ordering = ["builtin", "name_id"]
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")
        constraints = [
            models.UniqueConstraint(
                fields=["builtin"], condition=~models.Q(builtin=""), name="one_row_per_builtin"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """A built-in check is named by its code, in the page's language; a rule a person
        defined keeps the names they typed."""
        if self.builtin:
            return str(self.get_builtin_display())
        return super().name

    @property
    def description(self) -> str:
        english = (get_language() or "id").startswith("en")
        return self.description_en if english else self.description_id

    @property
    def statement(self) -> str:
        if self.builtin:
            return self.get_builtin_display()
        return f"{self.left} {self.get_operator_display()} {self.right}"

    def applies_in(self, month: int) -> bool:
        if self.period_type == self.PeriodType.QUARTERLY:
            return month % 3 == 0
        if self.period_type == self.PeriodType.YEARLY:
            return month == 12
        return True


@bounded_text
class RuleResult(models.Model):
    """A rule's outcome for one regency and month, as the last run over history found it."""

    class Outcome(models.TextChoices):
        PASSED = "passed", _("Passed")
        VIOLATED = "violated", _("Violated")
        SKIPPED = "skipped", _("Skipped (a figure is unknown)")

    rule = models.ForeignKey(ValidationRule, models.CASCADE, related_name="results")
    region = models.ForeignKey(Region, models.CASCADE, related_name="+", verbose_name=_("regency"))
    period = models.DateField(_("period"))
    left_value = models.DecimalField(max_digits=30, decimal_places=4, null=True)
    right_value = models.DecimalField(max_digits=30, decimal_places=4, null=True)
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices)
    checked_at = models.DateTimeField(_("checked at"))

    class Meta:
        ordering = ["period", "region__code"]
        verbose_name = _("rule result")
        verbose_name_plural = _("rule results")
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "region", "period"], name="one_result_per_rule_cell"
            )
        ]
        indexes = [models.Index(fields=["period", "outcome"])]

    def __str__(self) -> str:
        return f"{self.rule} {self.region_id} {self.period:%Y-%m}"
