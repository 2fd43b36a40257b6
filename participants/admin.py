"""Django looks for admin registrations here; each feature package registers its own models."""

from participants.coverage import admin as coverage_admin
from participants.entry import admin as entry_admin
from participants.followup import admin as followup_admin
from participants.rules import admin as rules_admin

__all__ = ["coverage_admin", "entry_admin", "followup_admin", "rules_admin"]
