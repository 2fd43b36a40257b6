"""{% unread_notifications %}: the signed-in user's unread count, for the badge in the header."""

from typing import Any

from django import template

from regions.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: dict[str, Any]) -> int:
    request = context.get("request")
    return unread_count(request.user) if request is not None else 0
