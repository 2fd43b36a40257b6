"""A record of uploads the count import refused, so administrators see imports that fail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regions.text_rule import bounded_text


@bounded_text
class ImportFailure(models.Model):
    """One refused upload: who, when, which file, how many errors and the first of them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=200)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    errors = models.PositiveIntegerField(_("errors"), default=0)
    first_error = models.CharField(_("first error"), max_length=400, blank=True)
    applying = models.BooleanField(
        _("refused when applying"),
        default=False,
        help_text=_(
            "The file passed its check but could not be written, e.g. a month was approved."
        ),
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("failed import")
        verbose_name_plural = _("failed imports")

    def __str__(self) -> str:
        return f"{self.filename} · {self.at:%Y-%m-%d %H:%M}"
