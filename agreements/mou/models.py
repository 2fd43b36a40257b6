"""Agreements (MoU, PKS, KSO) between a regional government and BPJS, with their legal bases
and signatories."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions import bounds
from regions.models import Office, Region
from regions.text_rule import bounded_text


@bounded_text
class LegalBasis(models.Model):
    """A regulation agreements cite as their legal basis; admins extend the list."""

    short_name = models.CharField(
        _("short name"), max_length=60, unique=True, validators=[bounds.PLAIN_TEXT]
    )
    title = models.CharField(_("title"), max_length=300, blank=True, validators=[bounds.PLAIN_TEXT])
    issued_on = models.DateField(
        _("issued on"),
        null=True,
        blank=True,
        validators=[bounds.DateBounds(bounds.FIRST_LEGAL_YEAR)],
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")

    def __str__(self) -> str:
        return self.short_name


@bounded_text
class Agreement(models.Model):
    class Kind(models.TextChoices):
        MOU = "mou", _("Memorandum of understanding (nota kesepakatan)")
        PKS = "pks", _("Cooperation agreement (PKS)")
        KSO = "kso", _("Operational cooperation (KSO)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed")
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")
        RENEWED = "renewed", _("Renewed")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.MOU)
    title = models.CharField(_("title"), max_length=300, validators=[bounds.PLAIN_TEXT])
    region = models.ForeignKey(
        Region,
        models.PROTECT,
        related_name="agreements",
        limit_choices_to={"level__in": ["province", "regency"]},
        verbose_name=_("regional government"),
    )
    office = models.ForeignKey(
        Office,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("BPJS office"),
    )
    region_number = models.CharField(
        _("regional government's number"),
        max_length=120,
        blank=True,
        validators=[bounds.PLAIN_TEXT],
    )
    office_number = models.CharField(
        _("BPJS office's number"), max_length=120, blank=True, validators=[bounds.PLAIN_TEXT]
    )
    signed_on = models.DateField(
        _("date signed"), null=True, blank=True, validators=[bounds.DATE_BOUNDS]
    )
    signed_place = models.CharField(
        _("place signed"), max_length=200, blank=True, validators=[bounds.PLAIN_TEXT]
    )
    valid_from = models.DateField(
        _("valid from"), null=True, blank=True, validators=[bounds.DATE_BOUNDS]
    )
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, db_index=True, validators=[bounds.DATE_BOUNDS]
    )
    legal_bases = models.ManyToManyField(
        LegalBasis, blank=True, related_name="agreements", verbose_name=_("legal basis")
    )
    scope = models.TextField(
        _("scope clauses (one per line)"), blank=True, validators=bounds.LONG_TEXT
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    successor = models.OneToOneField(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessor",
        verbose_name=_("renewed by"),
    )
    ended_on = models.DateField(
        _("ended on"), null=True, blank=True, validators=[bounds.DATE_BOUNDS]
    )
    end_reason = models.TextField(
        _("reason for ending"), blank=True, validators=[bounds.MULTILINE_TEXT]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # history_date already says when; a change of legal bases is a change of the agreement.
    history = HistoricalRecords(m2m_fields=[legal_bases], excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_from__lte=models.F("valid_until")),
                name="agreement_validity_ordered",
            ),
            models.CheckConstraint(
                condition=bounds.in_range("signed_on", bounds.FIRST_DAY, bounds.LAST_DAY)
                & bounds.in_range("valid_from", bounds.FIRST_DAY, bounds.LAST_DAY)
                & bounds.in_range("valid_until", bounds.FIRST_DAY, bounds.LAST_DAY)
                & bounds.in_range("ended_on", bounds.FIRST_DAY, bounds.LAST_DAY),
                name="agreement_dates_within_bounds",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            raise ValidationError({"valid_until": _("The end date must follow the start date.")})

    @property
    def scope_clauses(self) -> list[str]:
        return [line.strip() for line in self.scope.splitlines() if line.strip()]

    def status_on(self, day: dt.date) -> str:
        """The status its dates give it on `day`: signed and started is active, past its end
        expired. The daily job stores the same moves; reading this never waits for it."""
        live = self.status in (self.Status.SIGNED, self.Status.ACTIVE)
        if live and self.valid_until is not None and self.valid_until < day:
            return self.Status.EXPIRED
        if self.status == self.Status.SIGNED and self.valid_from and self.valid_from <= day:
            return self.Status.ACTIVE
        return self.status

    @property
    def effective_status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_effective_status_display(self) -> str:
        return str(self.Status(self.effective_status).label)

    def regions_concerned(self) -> list[Region]:
        """The regions whose scope decides who reads and changes it (kernel.permissions)."""
        return [self.region]


@bounded_text
class Signatory(models.Model):
    class Side(models.TextChoices):
        REGION = "region", _("Regional government")
        BPJS = "bpjs", _("BPJS Ketenagakerjaan")

    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="signatories")
    side = models.CharField(_("side"), max_length=8, choices=Side.choices)
    name = models.CharField(_("name"), max_length=120, validators=[bounds.PLAIN_TEXT])
    position = models.CharField(_("position"), max_length=200, validators=[bounds.PLAIN_TEXT])
    history = HistoricalRecords()

    class Meta:
        ordering = ["side", "pk"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return f"{self.name} ({self.position})"
