"""Parts of the dashboards cached across requests, keyed so that a recompute invalidates them.

The coverage-derived parts of a page (ranking, trend, categories, projection) are the same
for every user with the same scope, so they are built once per region × month × language ×
scope and read back from the shared cache. The key names the coverage table's last
computation: the largest row id, one probe of the primary key. Every recompute deletes and
re-inserts its buckets' rows, and ids are never reused (PostgreSQL sequences, SQLite
AUTOINCREMENT), so a recompute always changes it. The month's completeness (which provincial
reports are in) is part of the key too: a report submitted before the recompute still shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.utils import translation

from participants import selectors as coverage
from regions.access import scope_key
from regions.access.users import PortalUser
from regions.kernel.kept import kept, key_of

T = TypeVar("T")


def cached(
    name: str,
    user: PortalUser,
    computed: int | None,
    months: Iterable[coverage.MonthCompleteness],
    *parts: Any,
    build: Callable[[], T],
) -> T:
    """`build()`, or what it returned for the same key since the last recompute.

    `computed` is the coverage table's `last_computation()`; `months` are the months whose
    completeness the part shows; `parts` name the rest (region, month)."""
    reports = sorted((m.period, sorted(m.expected), sorted(m.submitted)) for m in months)
    language = translation.get_language()
    key = key_of("dashboard-part", name, scope_key(user), language, computed, reports, *parts)
    return kept(key, build)
