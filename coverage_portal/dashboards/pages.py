"""Dashboard pages kept as HTML across requests, keyed so that new figures show at once.

What a dashboard shows under the site's header is the same for every user of one scope, in
one language, until a month it reads is recomputed or a monthly report's completeness changes
(submitted, approved, sent back, reopened: the month selector and the default month read
those). So the page is rendered once per scope × language × page × region × month shown, keyed
on what it reads: the months that have figures, the latest report step that changes a month's
completeness, whether demo data is shown, and the newest coverage row of the months up to the
one shown (every recompute re-inserts its buckets' rows with new ids; ids are never reused).
A save of next month's figures — the month-end's traffic — leaves last month's pages kept.
The agreements' timeline and scorecard are drawn into slots of the kept HTML and kept
with it while no agreement, meeting or record changes (their history's newest ids); a
regency's BPJS offices keep no history, so they are drawn on every request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from agreements.selectors import timeline_version
from coverage_portal.dashboards.panels import pick_period
from participants.selectors import (
    available_periods,
    coverage_version,
    parse_period,
    period_choices,
    published_figures,
    reports_version,
)
from regions.access import scope_key
from regions.access.users import PortalUser
from regions.kernel.kept import kept, key_of
from regions.models import Region


@dataclass
class Page:
    """A dashboard's content HTML with its slots, and what the slots' live parts need."""

    title: str
    content: str
    period: Any = None
    live: dict[str, Any] = field(default_factory=dict)
    key: str = ""  # the key it is kept under

    def filled(self, slots: dict[str, str]) -> SafeString:
        content = self.content
        for name, html in slots.items():
            content = content.replace(slot(name), html)
        # Our templates rendered (and escaped) the content and every slot.
        return mark_safe(content)


def slot(name: str) -> str:
    return f"<!--slot:{name}-->"


def _coverage_version(region: Region | None, shown: dt.date | None) -> int | None:
    """The newest coverage row of the months a page of `shown` reads, and of the month of a
    published note."""
    if shown is None:
        return None
    published = published_figures(region.code) if region is not None else None
    return coverage_version(shown, published.period if published is not None else None)


def _shown_month(
    user: PortalUser, region: Region | None, wanted: str, reports: Any, periods: list[dt.date]
) -> dt.date | None:
    """The month the page shows (the one asked for, else the latest complete), kept for as
    long as the months with figures and their completeness stay the same."""
    key = key_of("dashboard-month", scope_key(user), region and region.pk, wanted, reports, periods)

    def month() -> str:
        picked = pick_period(period_choices(user, region), wanted)
        return f"{picked:%Y-%m}" if picked else ""

    found = kept(key, month)
    return parse_period(found) if found else None


def _month(wanted: str | None) -> str:
    """The month asked for, as a key: anything that is not a month opens the default one."""
    try:
        return f"{parse_period(wanted or ''):%Y-%m}"
    except ValueError:
        return ""


def cached_page(
    request: HttpRequest,
    name: str,
    region: Region | None,
    wanted: str | None,
    build: Callable[[], tuple[str, dict[str, Any]]],
) -> Page:
    """The page `build()` renders (its template and context), or the one kept for the same
    key. The context's `title`, `period` and `live` go with the kept HTML."""
    user, month = request.user, _month(wanted)
    reports = reports_version()
    request.demo_data = reports[1]  # type: ignore[attr-defined]  # the header's badge
    periods = available_periods(user)
    shown = _shown_month(user, region, month, reports, periods)
    key = key_of(
        "dashboard-page",
        name,
        scope_key(user),
        translation.get_language(),
        region and region.pk,
        month,
        shown,
        periods,
        reports,
        _coverage_version(region, shown),
        timezone.localdate(),
    )

    def page() -> Page:
        template, context = build()
        content = render_to_string(template, context, request)
        live = context.get("live", {})
        return Page(context["title"], content, context.get("period"), live, key)

    return kept(key, page)


def kept_slots(page: Page, build: Callable[[], dict[str, str]]) -> dict[str, str]:
    """The slots `build()` draws from the agreements' records, kept for the page's key (its
    scope, language, region, month and figures) while no such record changes."""
    if not page.key:
        return build()
    return kept(key_of("dashboard-slots", page.key, timeline_version()), build)
