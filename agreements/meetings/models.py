"""Meetings with regional governments, who attended, and the follow-up actions agreed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions import bounds
from regions.models import Office, Region
from regions.text_rule import bounded_text


@bounded_text
class Meeting(models.Model):
    class Kind(models.TextChoices):
        COORDINATION = "rakor", _("Coordination meeting (rapat koordinasi)")
        MONEV = "monev", _("Monitoring and evaluation (monev)")
        KSO = "kso", _("Operational cooperation (KSO)")
        AUDIENCE = "audiensi", _("Audience (audiensi)")
        SOCIALISATION = "sosialisasi", _("Socialisation (sosialisasi)")
        CARD_HANDOVER = "kartu", _("Card handover")
        SIGNING = "penandatanganan", _("Signing")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300, validators=[bounds.PLAIN_TEXT])
    starts_at = models.DateTimeField(_("starts at"), db_index=True, validators=[bounds.DATE_BOUNDS])
    host_region = models.ForeignKey(
        Region,
        models.PROTECT,
        related_name="hosted_meetings",
        verbose_name=_("host region"),
        help_text=_("Its time zone is the one the meeting time is entered and shown in."),
    )
    place = models.CharField(_("place"), max_length=300, blank=True, validators=[bounds.PLAIN_TEXT])
    regions = models.ManyToManyField(
        Region, related_name="meetings", verbose_name=_("regions concerned")
    )
    offices = models.ManyToManyField(
        Office, blank=True, related_name="meetings", verbose_name=_("BPJS offices")
    )
    chair = models.CharField(
        _("chaired by"), max_length=200, blank=True, validators=[bounds.PLAIN_TEXT]
    )
    summary = models.TextField(_("summary"), blank=True, validators=[bounds.MULTILINE_TEXT])
    decisions = models.TextField(_("decisions"), blank=True, validators=[bounds.MULTILINE_TEXT])
    source_url = models.URLField(_("source link"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A change of the regions concerned changes who reads the meeting: it is kept too.
    history = HistoricalRecords(m2m_fields=[regions, offices], excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=bounds.before("starts_at", bounds.FIRST_MOMENT, bounds.LAST_MOMENT),
                name="meeting_start_within_bounds",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.host_region.timezone)

    @property
    def local_start(self) -> dt.datetime:
        """The start in the host province's zone, as people there read it."""
        return self.starts_at.astimezone(self.zone)

    @property
    def local_start_naive(self) -> dt.datetime:
        """For templates: a naive value, so the `date` filter does not convert it to WIB."""
        return self.local_start.replace(tzinfo=None)

    @property
    def zone_abbreviation(self) -> str:
        return self.host_region.timezone_abbreviation

    def regions_concerned(self) -> list[Region]:
        """The host region and the regions concerned: anyone who may view one of them reads
        the meeting; only someone who may log activity on all of them changes it."""
        if self.pk is None:
            return [self.host_region]
        return [self.host_region, *self.regions.all()]


@bounded_text
class Attendee(models.Model):
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="attendees")
    name = models.CharField(_("name"), max_length=120, blank=True, validators=[bounds.PLAIN_TEXT])
    position = models.CharField(_("position"), max_length=200, validators=[bounds.PLAIN_TEXT])
    institution = models.CharField(
        _("institution"), max_length=200, blank=True, validators=[bounds.PLAIN_TEXT]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")

    def __str__(self) -> str:
        return self.name or self.position


@bounded_text
class FollowUpAction(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="actions")
    description = models.TextField(_("what"), validators=[bounds.MULTILINE_TEXT])
    owner = models.CharField(_("owner"), max_length=200, validators=[bounds.PLAIN_TEXT])
    due_date = models.DateField(
        _("due date"), null=True, blank=True, db_index=True, validators=[bounds.DATE_BOUNDS]
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True, validators=[bounds.DATE_BOUNDS])
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        constraints = [
            models.CheckConstraint(
                condition=bounds.in_range("due_date", bounds.FIRST_DAY, bounds.LAST_DAY)
                & bounds.in_range("done_on", bounds.FIRST_DAY, bounds.LAST_DAY),
                name="action_dates_within_bounds",
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def is_overdue(self, today: dt.date) -> bool:
        return bool(self.due_date and self.due_date < today and self.status == self.Status.OPEN)

    @property
    def overdue_now(self) -> bool:
        return self.is_overdue(timezone.localdate())
