"""A value marked for follow-up: who asked, why, and how it was closed (DHIS2's follow-up flag,
kept with its comments instead of a bare boolean)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from participants.counts.models import ParticipantCount
from regions import bounds
from regions.text_rule import bounded_text


@bounded_text
class FollowUp(models.Model):
    count = models.ForeignKey(
        ParticipantCount, models.CASCADE, related_name="follow_ups", verbose_name=_("value")
    )
    comment = models.TextField(_("comment"), max_length=1000, validators=[bounds.MULTILINE_TEXT])
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("marked by")
    )
    opened_at = models.DateTimeField(_("marked at"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closing_comment = models.TextField(
        _("closing comment"), max_length=1000, blank=True, validators=[bounds.MULTILINE_TEXT]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_at__isnull=True) | ~models.Q(closing_comment=""),
                name="followup_closed_with_a_comment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.count} · {self.opened_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
