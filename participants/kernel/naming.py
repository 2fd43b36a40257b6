"""Codes and names in both languages, for the lists administrators extend: categories (what
officers enter against) and workforce kinds (what a denominator counts)."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CODE_VALIDATOR = RegexValidator(r"^[A-Z][A-Z0-9_]*$", _("Use capital letters, digits and _."))


class BilingualName(models.Model):
    name_id = models.CharField(_("name (Indonesian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id
