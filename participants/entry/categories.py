"""Writes of categories, the columns officers enter against (PU, BPU, Jakon, …).

Which categories exist and what they add up to changes every coverage figure, so each write
marks every bucket stale. Only national administrators (or a trusted system caller,
`actor=None`) change the list every report is made of.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction

from participants.counts.models import Category
from participants.coverage.services import mark_everything_stale
from regions import access
from regions.access import Action
from regions.access.users import PortalUser


@transaction.atomic
def category_save(*, category: Category, actor: PortalUser | None = None) -> Category:
    """Add, change or retire one category (audited through django-simple-history)."""
    _require_administrator(actor)
    category.full_clean()
    category._history_user = actor  # type: ignore[attr-defined]
    category.save()
    mark_everything_stale()
    return category


@transaction.atomic
def categories_set_active(
    *, categories: Iterable[Category], active: bool, actor: PortalUser | None = None
) -> int:
    """Retire or reactivate several categories: all of them or, on a refusal, none."""
    _require_administrator(actor)
    changed = 0
    for category in categories:
        category.is_active = active
        category_save(category=category, actor=actor)
        changed += 1
    return changed


def _require_administrator(actor: PortalUser | None) -> None:
    if actor is not None and not access.allows(actor, Action.ADMINISTER):
        raise PermissionDenied
