"""Regions of Indonesia with their history, BPJS offices, and who may see which region."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regions.kernel.text_rule import bounded_text
from regions.kernel.timezones import TIMEZONE_ABBREVIATIONS


class RegionQuerySet(models.QuerySet["Region"]):
    def current(self) -> RegionQuerySet:
        return self.filter(valid_until__isnull=True)

    def valid_on(self, day: dt.date) -> RegionQuerySet:
        started = Q(valid_from__isnull=True) | Q(valid_from__lte=day)
        not_ended = Q(valid_until__isnull=True) | Q(valid_until__gte=day)
        return self.filter(started & not_ended)

    def provinces(self) -> RegionQuerySet:
        return self.filter(level=Region.Level.PROVINCE)

    def regencies(self) -> RegionQuerySet:
        return self.filter(level=Region.Level.REGENCY)

    def expected_to_report(self, period: dt.date) -> RegionQuerySet:
        """Regencies expected in a month's reports: those that existed in that month."""
        return self.regencies().valid_on(period)


@bounded_text
class Region(models.Model):
    """A national, province or regency (kabupaten/kota) unit, identified by Kemendagri code.

    One table for every level (as CommCare's flattened locations) keeps roll-ups simple:
    a regency's parent is its province, a province's parent is the national row `ID`.
    """

    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        PROVINCE = "province", _("Province")
        REGENCY = "regency", _("Regency / city")

    class Kind(models.TextChoices):
        NEGARA = "negara", _("Country")
        PROVINSI = "provinsi", _("Province")
        KABUPATEN = "kabupaten", _("Regency (kabupaten)")
        KOTA = "kota", _("City (kota)")

    code = models.CharField(_("Kemendagri code"), max_length=16, unique=True)
    name = models.CharField(_("official name"), max_length=120)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children"
    )
    timezone = models.CharField(_("time zone (IANA)"), max_length=32, default="Asia/Jakarta")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True, db_index=True)
    successor = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("successor"),
    )
    boundary = models.JSONField(_("boundary geometry (GeoJSON)"), null=True, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_from__lte=models.F("valid_until")),
                name="region_validity_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def timezone_abbreviation(self) -> str:
        return TIMEZONE_ABBREVIATIONS.get(self.timezone, self.timezone)

    @property
    def is_current(self) -> bool:
        return self.valid_until is None

    @property
    def province_code(self) -> str:
        return self.code.split(".")[0]

    def is_valid_on(self, day: dt.date) -> bool:
        started = self.valid_from is None or self.valid_from <= day
        return started and (self.valid_until is None or day <= self.valid_until)


@bounded_text
class Office(models.Model):
    """A BPJS Ketenagakerjaan office: a regional office (Kanwil) or a branch (Kantor Cabang)."""

    class Kind(models.TextChoices):
        REGIONAL = "kanwil", _("Regional office (Kantor Wilayah)")
        BRANCH = "cabang", _("Branch (Kantor Cabang)")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="branches",
        limit_choices_to={"kind": Kind.REGIONAL},
        verbose_name=_("regional office"),
    )
    head_title = models.CharField(_("head's title"), max_length=80, blank=True)
    head_name = models.CharField(_("head's name"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    regencies = models.ManyToManyField(
        Region, through="OfficeRegency", related_name="offices", blank=True
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("BPJS office")
        verbose_name_plural = _("BPJS offices")

    def __str__(self) -> str:
        return self.name


class OfficeRegency(models.Model):
    """A regency served by a branch; a regency is served by one branch only."""

    office = models.ForeignKey(Office, models.CASCADE, limit_choices_to={"kind": "cabang"})
    region = models.OneToOneField(
        Region,
        models.PROTECT,
        related_name="serving_office_link",
        limit_choices_to={"level": Region.Level.REGENCY},
        verbose_name=_("regency"),
    )

    class Meta:
        verbose_name = _("regency served")
        verbose_name_plural = _("regencies served")

    def __str__(self) -> str:
        return f"{self.office} → {self.region}"


class Role(models.TextChoices):
    NATIONAL_ADMIN = "national_admin", _("National administrator")
    PROVINCIAL_OFFICER = "provincial_officer", _("Provincial officer")
    PROVINCIAL_APPROVER = "provincial_approver", _("Provincial approver")
    BRANCH_STAFF = "branch_staff", _("BPJS branch staff")
    VIEWER = "viewer", _("Viewer")


@bounded_text
class UserScope(models.Model):
    """A user's role and the part of the country it applies to: all, one province, one office."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("National")
        PROVINCE = "province", _("One province")
        OFFICE = "office", _("One BPJS office")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="scope", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    kind = models.CharField(_("scope"), max_length=10, choices=Kind.choices)
    province = models.ForeignKey(
        Region,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"level": Region.Level.PROVINCE},
        verbose_name=_("province"),
    )
    office = models.ForeignKey(
        Office, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("office")
    )

    class Meta:
        verbose_name = _("user role and scope")
        verbose_name_plural = _("user roles and scopes")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="national", province__isnull=True, office__isnull=True)
                    | Q(kind="province", province__isnull=False, office__isnull=True)
                    | Q(kind="office", province__isnull=True, office__isnull=False)
                ),
                name="userscope_target_matches_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.describe_scope()}"

    def clean(self) -> None:
        allowed = ROLE_SCOPE_KINDS.get(self.role)
        if allowed is None:  # no such role: the role field has said so
            return
        if self.kind not in allowed:
            raise ValidationError(
                {
                    "kind": _("This role needs a scope of: %(kinds)s.")
                    % {"kinds": ", ".join(str(self.Kind(k).label) for k in allowed)}
                }
            )

    def describe_scope(self) -> str:
        if self.kind == self.Kind.PROVINCE and self.province:
            return self.province.name
        if self.kind == self.Kind.OFFICE and self.office:
            return self.office.name
        return str(_("National"))


ROLE_SCOPE_KINDS: dict[str, tuple[str, ...]] = {
    Role.NATIONAL_ADMIN: ("national",),
    Role.PROVINCIAL_OFFICER: ("province",),
    Role.PROVINCIAL_APPROVER: ("province", "national"),
    Role.BRANCH_STAFF: ("office",),
    Role.VIEWER: ("national", "province", "office"),
}


@bounded_text
class WorkerHeartbeat(models.Model):
    """Written by a periodic Celery task, so operators can see when a worker last did work."""

    hostname = models.CharField(max_length=200)
    seen_at = models.DateTimeField()

    class Meta:
        ordering = ["-seen_at"]
        get_latest_by = "seen_at"

    def __str__(self) -> str:
        return f"{self.hostname} @ {self.seen_at:%Y-%m-%d %H:%M:%S}"
