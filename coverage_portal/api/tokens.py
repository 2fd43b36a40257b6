"""API tokens (django-rest-knox): created, rotated and revoked by their owner.

Knox stores only a digest; the token itself is shown once, when it is made. `key` is its
first characters (knox's token_key), enough to tell one's tokens apart on the page.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from knox.models import AuthToken
from knox.settings import knox_settings

from regions import access
from regions.access import Action
from regions.access.users import PortalUser


def tokens_for(user: PortalUser) -> QuerySet[AuthToken]:
    return AuthToken.objects.filter(user=user).order_by("-created")


@transaction.atomic
def token_create(*, actor: PortalUser) -> tuple[AuthToken, str]:
    """A new token for the actor; returns the stored row and the token text (shown once)."""
    if not access.allows(actor, Action.VIEW):
        raise ValidationError(
            _("This account has no role in the portal yet; an administrator must give it one.")
        )
    AuthToken.objects.filter(user=actor, expiry__lt=timezone.now()).delete()
    limit = knox_settings.TOKEN_LIMIT_PER_USER
    if limit is not None and tokens_for(actor).count() >= limit:
        raise ValidationError(
            _("You already have %(limit)s tokens; revoke one first.") % {"limit": limit}
        )
    return AuthToken.objects.create(user=actor)


def _own(actor: PortalUser, key: str) -> AuthToken:
    token = tokens_for(actor).filter(token_key=key).first()
    if token is None:
        raise ValidationError(_("No such token of yours."))
    return token


@transaction.atomic
def token_revoke(*, actor: PortalUser, key: str) -> None:
    _own(actor, key).delete()


@transaction.atomic
def token_rotate(*, actor: PortalUser, key: str) -> tuple[AuthToken, str]:
    """Replace one token by a new one in one step, so a script is never left without."""
    _own(actor, key).delete()
    return token_create(actor=actor)
