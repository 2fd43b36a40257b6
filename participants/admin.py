"""Admin for participants. Issue 4 registers its models in admin_coverage."""

from participants import admin_coverage  # noqa: F401
