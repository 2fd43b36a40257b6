"""Django looks for admin registrations here; each feature package registers its own models."""

from participants.coverage import admin as coverage_admin
from participants.entry import admin as entry_admin

__all__ = ["coverage_admin", "entry_admin"]
