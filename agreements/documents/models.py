"""Uploaded documents of agreements, meetings, regulations and commitments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions import bounds
from regions.models import Region
from regions.text_rule import bounded_text

OWNER_FIELDS = ("agreement", "meeting", "regulation", "commitment")


@bounded_text
class Document(models.Model):
    """A checked file; `file` holds a generated name, `original_name` only what is shown."""

    agreement = models.ForeignKey(
        "agreements.Agreement", models.CASCADE, null=True, blank=True, related_name="documents"
    )
    meeting = models.ForeignKey(
        "agreements.Meeting", models.CASCADE, null=True, blank=True, related_name="documents"
    )
    regulation = models.ForeignKey(
        "agreements.Regulation", models.CASCADE, null=True, blank=True, related_name="documents"
    )
    commitment = models.ForeignKey(
        "agreements.Commitment", models.CASCADE, null=True, blank=True, related_name="documents"
    )
    file = models.FileField(_("file"), max_length=200)
    original_name = models.CharField(_("file name"), max_length=200, validators=[bounds.PLAIN_TEXT])
    content_type = models.CharField(max_length=100, validators=[bounds.PLAIN_TEXT])
    size = models.PositiveIntegerField(_("size (bytes)"))
    title = models.CharField(
        _("description"), max_length=200, blank=True, validators=[bounds.PLAIN_TEXT]
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(agreement__isnull=False, meeting=None, regulation=None, commitment=None)
                    | Q(agreement=None, meeting__isnull=False, regulation=None, commitment=None)
                    | Q(agreement=None, meeting=None, regulation__isnull=False, commitment=None)
                    | Q(agreement=None, meeting=None, regulation=None, commitment__isnull=False)
                ),
                name="document_has_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title or self.original_name

    @property
    def owner(self) -> models.Model:
        for field in OWNER_FIELDS:
            value = getattr(self, field)
            if value is not None:
                return value
        raise ValueError("document without owner")

    def regions_concerned(self) -> list[Region]:
        """A document is read and changed by whoever may read and change its owner."""
        return self.owner.regions_concerned()  # type: ignore[attr-defined]
