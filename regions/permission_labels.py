"""Permissions named in the page's language on the user and group forms.

Django stores a permission's name as English text when the app is migrated ("Can add stale
coverage bucket"); the label here is built from the model's translated name instead, and a
model's own permissions take their (translated) label from its Meta.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import Permission
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext as _

ACTIONS = {
    "add": lambda model: _("Can add %(model)s") % {"model": model},
    "change": lambda model: _("Can change %(model)s") % {"model": model},
    "delete": lambda model: _("Can delete %(model)s") % {"model": model},
    "view": lambda model: _("Can view %(model)s") % {"model": model},
}


def permission_label(permission: Permission) -> str:
    model = permission.content_type.model_class()
    if model is None:
        return str(permission)
    action, _sep, model_name = permission.codename.partition("_")
    if action in ACTIONS and model_name == model._meta.model_name:
        label = ACTIONS[action](model._meta.verbose_name)
    else:
        label = str(dict(model._meta.permissions).get(permission.codename, permission.name))
    return f"{model._meta.app_config.verbose_name} | {model._meta.verbose_name} | {label}"


class PermissionLabelsMixin:
    """For a ModelAdmin whose form picks permissions (a user's or a group's)."""

    def formfield_for_manytomany(
        self,
        db_field: models.ManyToManyField[Any, Any],
        request: HttpRequest | None = None,
        **kwargs: Any,
    ) -> forms.ModelMultipleChoiceField[Any] | None:
        field = super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]
        if field is not None and db_field.related_model is Permission:
            field.label_from_instance = permission_label  # type: ignore[method-assign]
        return field
