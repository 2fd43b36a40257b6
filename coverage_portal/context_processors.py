from typing import Any

from django.http import HttpRequest

from regions.access import Action, allows, scope_of


def portal(request: HttpRequest) -> dict[str, Any]:
    """The signed-in user's role and scope, shown in the header of every page."""
    scope = scope_of(request.user)
    return {
        "user_scope": scope,
        "user_role_label": scope.get_role_display() if scope else "",
        "user_scope_label": scope.describe_scope() if scope else "",
        # Which links the header shows: only where the role may act.
        "nav_may": {
            "view": allows(request.user, Action.VIEW),
            "enter_data": allows(request.user, Action.ENTER_DATA),
            "log_activity": allows(request.user, Action.LOG_ACTIVITY),
        },
    }
