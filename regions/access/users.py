"""The one type for "the person acting": every service, selector and access check takes it.

It is what Django puts on `request.user`, so a view passes it on unchanged. Commands and
tasks that act for nobody pass None, which every check treats as no one.
"""

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser, User

PortalUser: TypeAlias = User | AnonymousUser


def recorded(actor: PortalUser | None) -> User | None:
    """The user an audit row names: nobody for a command, a task or an anonymous request."""
    return actor if isinstance(actor, User) and actor.pk else None
