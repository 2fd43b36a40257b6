"""The demo's starting points, read from the seeded counts in a few grouped queries.

Denominators and targets are drawn around the counts the demo already holds, so coverage
lands in a plausible band (roughly 20–50 %) in every regency and province. A regency that
changed code (the Papua split) is followed to its successor, so the old and the new code of
the same place get the same figures.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, Sum

from participants.counts.models import ParticipantCount
from regions.models import Region


@dataclass(frozen=True)
class Place:
    """A regency as it was in some months: its id, its province and the place it became."""

    pk: int
    province_id: int
    canonical: int  # the id of the current regency this one became (itself when current)
    valid_from: dt.date | None
    valid_until: dt.date | None

    def valid_in(self, year: int) -> bool:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        started = self.valid_from is None or self.valid_from <= last
        return started and (self.valid_until is None or self.valid_until >= first)

    def valid_on(self, day: dt.date) -> bool:
        started = self.valid_from is None or self.valid_from <= day
        return started and (self.valid_until is None or self.valid_until >= day)


def places() -> list[Place]:
    rows = Region.objects.regencies().values_list(
        "pk", "parent_id", "successor_id", "valid_from", "valid_until"
    )
    successor = {pk: succ for pk, _p, succ, _f, _u in rows if succ}

    def canonical(pk: int) -> int:
        seen = set()
        while pk in successor and pk not in seen:
            seen.add(pk)
            pk = successor[pk]
        return pk

    return [Place(pk, parent, canonical(pk), start, end) for pk, parent, _s, start, end in rows]


@dataclass
class Stock:
    """Active participants of one place in one month: all top-level categories, PU, non-ASN."""

    total: int = 0
    pu: int = 0
    non_asn: int = 0


def stocks(period: dt.date, regencies: list[Place]) -> dict[int, Stock]:
    """Per canonical regency, its participants in `period` (one grouped query)."""
    canonical = {p.pk: p.canonical for p in regencies}
    rows = (
        ParticipantCount.objects.filter(period=period, active_participants__isnull=False)
        .filter(Q(category__parent__isnull=True) | Q(category__code="NON_ASN"))
        .values("region_id", "category__code", "category__parent_id")
        .annotate(value=Sum("active_participants"))
    )
    found: dict[int, Stock] = defaultdict(Stock)
    for row in rows:
        stock = found[canonical.get(row["region_id"], row["region_id"])]
        if row["category__parent_id"] is None:
            stock.total += row["value"]
        if row["category__code"] == "PU":
            stock.pu += row["value"]
        elif row["category__code"] == "NON_ASN":
            stock.non_asn += row["value"]
    return dict(found)


def seeded_periods() -> list[dt.date]:
    return list(
        ParticipantCount.objects.order_by("period").values_list("period", flat=True).distinct()
    )


def reference_stocks(periods: list[dt.date], regencies: list[Place]) -> dict[int, Stock]:
    """What the denominators are drawn around: December 2023 (the month of the published
    per-province figures), else the nearest seeded month before it; a regency with no count
    in that month (a province's month left to fill) takes its latest earlier one."""
    anchor = dt.date(2023, 12, 1)
    candidates = sorted((p for p in periods if p <= anchor), reverse=True) or periods[:1]
    found: dict[int, Stock] = {}
    for period in candidates[:3]:
        found = stocks(period, regencies) | found
    return found
