"""The Inpres 2/2021 scorecard, in the spirit of the Paritrana Award.

Three pillars, 100 points in all, written out on the scorecard page (METHOD):
kinerja (performance, 50) from the coverage table; kebijakan (policy, 30) and penerapan
(implementation, 20) from the agreements app. Unknown figures earn no points and are shown
as unknown, so a region cannot rank higher by not reporting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from agreements import selectors as agreements
from participants import selectors as coverage
from participants.selectors import month_end
from regions.access.users import PortalUser
from regions.models import Region
from regions.values.formatting import format_percent, format_rupiah

NON_ASN = "NON_ASN"
PILLARS = {"kinerja": _("Performance"), "kebijakan": _("Policy"), "penerapan": _("Implementation")}
METHOD = [
    ("kinerja", _("Coverage vs target"), 30, _("progress to the year's target, capped at 100%")),
    ("kinerja", _("Non-ASN coverage"), 20, _("non-ASN participants ÷ non-ASN headcount")),
    ("kebijakan", _("Agreement in force"), 15, _("an MoU or cooperation agreement in force")),
    ("kebijakan", _("Regulation in force"), 15, _("a regional regulation on the programme")),
    ("penerapan", _("Budget this year"), 10, _("APBD allocation for worker protection")),
    ("penerapan", _("Commitments kept"), 10, _("done ÷ (done + overdue) commitments")),
]


@dataclass
class Criterion:
    pillar: str
    label: str
    max_points: int
    points: Decimal
    detail: str

    @property
    def pillar_name(self) -> str:
        return str(PILLARS.get(self.pillar, self.pillar))


@dataclass
class Scorecard:
    region: Region
    criteria: list[Criterion]
    rank: int | None = None
    completeness: str = ""  # whether its coverage figures are complete, partial, not reported

    @property
    def total(self) -> Decimal:
        return sum((c.points for c in self.criteria), Decimal(0))

    def pillar_points(self, pillar: str) -> Decimal:
        return sum((c.points for c in self.criteria if c.pillar == pillar), Decimal(0))

    @property
    def kinerja(self) -> Decimal:
        return self.pillar_points("kinerja")

    @property
    def kebijakan(self) -> Decimal:
        return self.pillar_points("kebijakan")

    @property
    def penerapan(self) -> Decimal:
        return self.pillar_points("penerapan")


def _share(percent: Decimal | None, max_points: int) -> Decimal:
    if percent is None:
        return Decimal(0)
    return (min(percent, Decimal(100)) * max_points / 100).quantize(Decimal("0.01"))


def _ratio_text(done: int, overdue: int) -> str:
    return str(_("%(done)s done, %(overdue)s overdue") % {"done": done, "overdue": overdue})


@dataclass(frozen=True)
class AgreementFacts:
    """What the agreements app knows of each region, read for all regions at once."""

    agreements: dict[int, Any]
    regulations: dict[int, Any]
    budgets: dict[int, Any]
    commitments: dict[int, Any]


def agreement_facts(regions: list[Region], period: dt.date) -> AgreementFacts:
    day = month_end(period)
    return AgreementFacts(
        agreements.agreements_in_force(regions, on=day),
        agreements.regulations_in_force(regions, on=day),
        agreements.budgets_for_year(regions, period.year),
        agreements.commitments_counted(regions, on=day),
    )


def score(
    region: Region, period: dt.date, total: Any, non_asn: Any, facts: AgreementFacts | None = None
) -> Scorecard:
    """One region's card; `total` and `non_asn` are its coverage rows (or None)."""
    facts = facts or agreement_facts([region], period)
    unknown = str(_("no data"))
    progress = coverage.target_progress(total)
    non_asn_percent = non_asn.coverage_percent if non_asn else None
    agreement = facts.agreements.get(region.pk)
    regulation = facts.regulations.get(region.pk)
    budget = facts.budgets.get(region.pk)
    counts = facts.commitments.get(region.pk, agreements.CommitmentCounts(0, 0, 0))
    due = counts.done + counts.overdue
    values = [
        (_share(progress, 30), format_percent(progress) if progress is not None else unknown),
        (_share(non_asn_percent, 20), format_percent(non_asn_percent) if non_asn else unknown),
        (Decimal(15 if agreement else 0), str(agreement or _("none"))),
        (Decimal(15 if regulation else 0), str(regulation or _("none"))),
        (
            Decimal(10 if budget and budget.amount else 0),
            format_rupiah(budget.amount) if budget else str(_("none")),
        ),
        (
            _share(Decimal(counts.done * 100) / due if due else None, 10),
            _ratio_text(counts.done, counts.overdue),
        ),
    ]
    criteria = [
        Criterion(pillar, str(label), max_points, points, detail)
        for (pillar, label, max_points, _how), (points, detail) in zip(METHOD, values, strict=True)
    ]
    return Scorecard(region, criteria)


def ranking(
    user: PortalUser, *, level: str, period: dt.date, parent: Region | None = None
) -> list[Scorecard]:
    """Cards for every region of `level` in the user's scope, best first, ranked 1…n."""
    items = coverage.coverage_of_regions(user, level=level, period=period, parent=parent)
    non_asn = coverage.category_rows(
        user, level=level, period=period, category_code=NON_ASN, parent=parent
    )
    facts = agreement_facts([i.region for i in items], period)
    cards = [score(i.region, period, i.now, non_asn.get(i.region.pk), facts) for i in items]
    for card, item in zip(cards, items, strict=True):
        card.completeness = item.status_label
    cards.sort(key=lambda c: (-c.total, c.region.code))
    for rank, card in enumerate(cards, start=1):
        card.rank = rank
    return cards
