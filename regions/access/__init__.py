"""Who may do what where: the one lock every door asks (pages, exports, admin, API).

`rules` answers for a user, an action and a region; `users` is the acting user's type; `roles` gives
each role's group its model permissions; `admin` holds the admin to the same rules as the pages.
"""

from regions.access.rules import (
    Action,
    actions_on,
    allows,
    can,
    is_national,
    offices_for,
    regions_for,
    require,
    role_of,
    scope_key,
    scope_of,
    scoped,
)

__all__ = [
    "Action",
    "actions_on",
    "allows",
    "can",
    "is_national",
    "offices_for",
    "regions_for",
    "require",
    "role_of",
    "scope_key",
    "scope_of",
    "scoped",
]
