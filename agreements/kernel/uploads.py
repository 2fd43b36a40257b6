"""The upload form every record's page shows; the file is checked by documents.services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, DOCX, JPG or PNG)"))
    title = forms.CharField(label=_("Description"), max_length=200, required=False)
