"""Coverage tables kept as HTML across requests, keyed on what they read.

A month's table is the same for every user of one scope, in one language, until a month it
reads is recomputed (the month itself, and the earlier ones its changes and progress read) or
a report step changes the month's completeness. So its HTML is rendered once per scope ×
language × region × month and kept under a key that names those: the newest coverage row of
the months up to the one shown and the latest completeness step (participants.coverage.
versions). Officers polling their province's table after a save see the recompute's figures
on the first request after it, and the same kept HTML until then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from participants.coverage.versions import coverage_version, reports_version
from regions.access import scope_key
from regions.kernel.kept import kept, key_of
from regions.models import Region


def kept_table(
    request: HttpRequest, parent: Region | None, period: dt.date, build: Callable[[], str]
) -> SafeString:
    """The HTML `build()` renders, or the one kept for the same key."""
    reports = reports_version()
    request.demo_data = reports[1]  # type: ignore[attr-defined]  # the header's badge
    key = key_of(
        "coverage-table",
        scope_key(request.user),
        translation.get_language(),
        parent and parent.pk,
        period,
        reports,
        coverage_version(period),
        timezone.localdate(),
    )
    # `build()` rendered it from our templates, which escape every value.
    return mark_safe(kept(key, build))
