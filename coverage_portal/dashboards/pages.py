"""Dashboard pages kept as HTML across requests, keyed so that new figures show at once.

What a dashboard shows under the site's header is the same for every user of one scope, in
one language, until the coverage table is recomputed or a monthly report changes (saved,
imported, submitted, approved, sent back: every step writes a report event, and the month
selector and completeness read the reports). So the page is rendered once per scope ×
language × page × region × month asked, keyed on the coverage table's last computation and
the latest report event: two probes of primary keys in one query. The agreements' timeline
and scorecard, and a regency's BPJS offices, have no such probe (those records keep no
history of their changes), so they are drawn on every request into slots of the kept HTML.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from coverage_portal.dashboards.parts import SECONDS, scope_key
from participants.models import CoverageRow, ReportEvent
from participants.selectors import parse_period

VERSION_SQL = "SELECT (SELECT MAX(id) FROM {coverage}), (SELECT MAX(id) FROM {events})"


@dataclass
class Page:
    """A dashboard's content HTML with its slots, and what the slots' live parts need."""

    title: str
    content: str
    period: Any = None
    live: dict[str, Any] = field(default_factory=dict)

    def filled(self, slots: dict[str, str]) -> SafeString:
        content = self.content
        for name, html in slots.items():
            content = content.replace(slot(name), html)
        # Our templates rendered (and escaped) the content and every slot.
        return mark_safe(content)


def slot(name: str) -> str:
    return f"<!--slot:{name}-->"


def data_version() -> tuple[int | None, int | None]:
    """The coverage table's last computation and the latest report event (largest ids:
    every recompute re-inserts its rows, every report step adds an event; ids are never
    reused)."""
    sql = VERSION_SQL.format(
        coverage=connection.ops.quote_name(CoverageRow._meta.db_table),
        events=connection.ops.quote_name(ReportEvent._meta.db_table),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        computed, event = cursor.fetchone()
    return computed, event


def _month(wanted: str | None) -> str:
    """The month asked for, as a key: anything that is not a month opens the default one."""
    try:
        return f"{parse_period(wanted or ''):%Y-%m}"
    except ValueError:
        return ""


def cached_page(
    request: HttpRequest,
    name: str,
    region_pk: int | None,
    wanted: str | None,
    build: Callable[[], tuple[str, dict[str, Any]]],
) -> Page:
    """The page `build()` renders (its template and context), or the one kept for the same
    key. The context's `title`, `period` and `live` go with the kept HTML."""
    parts = (
        name,
        scope_key(request.user),
        translation.get_language(),
        region_pk,
        _month(wanted),
        data_version(),
        timezone.localdate(),
    )
    key = "dashboard-page:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    page: Page | None = cache.get(key)
    if page is None:
        template, context = build()
        if "demo_data" in context:  # the header's badge reads the same answer
            request.demo_data = context["demo_data"]  # type: ignore[attr-defined]
        content = render_to_string(template, context, request)
        page = Page(context["title"], content, context.get("period"), context.get("live", {}))
        cache.set(key, page, SECONDS)
    return page
