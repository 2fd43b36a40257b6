"""The app's models, defined in its packages; importing them here registers them, and every
other app imports them from here."""

from regions.kernel.models import (
    Office,
    OfficeRegency,
    Region,
    RegionQuerySet,
    Role,
    UserScope,
    WorkerHeartbeat,
)
from regions.notifications.models import Notification

__all__ = [
    "Notification",
    "Office",
    "OfficeRegency",
    "Region",
    "RegionQuerySet",
    "Role",
    "UserScope",
    "WorkerHeartbeat",
]
