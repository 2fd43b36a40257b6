"""Where the rules meet the workflow: a count write and a submission."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Protocol

from participants.counts.models import ParticipantCount
from participants.kernel.periods import add_months
from participants.rules.evaluation import Finding, Key, active_rules, findings_for, load_figures
from participants.rules.models import ValidationRule
from regions.models import Region

Importance = ValidationRule.Importance


class Cell(Protocol):
    @property
    def region_id(self) -> int: ...
    @property
    def period(self) -> dt.date: ...


def write_findings(
    cells: Sequence[Cell],
    regions: Mapping[int, Region],
    after: Mapping[Key, int | None],
    *,
    any_rules: bool = True,
) -> list[tuple[int, Finding]]:
    """Violations in the regencies and months a write touches, each with the index of the
    batch's first cell there; `after` holds the values as the write would leave them.
    `any_rules=False`: the caller already knows no rule is switched on (no query)."""
    rules = active_rules() if any_rules else []
    if not rules:
        return []
    first: dict[tuple[int, dt.date], int] = {}
    for index, cell in enumerate(cells):
        if cell.region_id in regions and isinstance(cell.period, dt.date):
            first.setdefault((cell.region_id, cell.period), index)
    if not first:
        return []
    last = max(period for _region, period in first)
    figures = load_figures(rules, {r for r, _p in first}, after, last)
    places = [(regions[r], p) for r, p in first]
    return [
        (first[(f.region_id, f.period)], f)
        for f in findings_for(rules, figures, places)
        if f.outcome == "violated"
    ]


def report_findings(province: Region, period: dt.date) -> list[Finding]:
    """Violations among a province's stored values of a month."""
    rules = active_rules()
    if not rules:
        return []
    regencies = list(Region.objects.filter(parent=province).valid_on(period).defer("boundary"))
    ids = {r.pk for r in regencies}
    months = [period, add_months(period, -1), add_months(period, -12)]
    rows = ParticipantCount.objects.filter(region_id__in=ids, period__in=months).values_list(
        "region_id", "category_id", "period", "active_participants"
    )
    counts = {(r, c, p): v for r, c, p, v in rows}
    figures = load_figures(rules, ids, counts, period)
    found = findings_for(rules, figures, [(r, period) for r in regencies])
    return [f for f in found if f.outcome == "violated"]


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule.importance == Importance.ERROR]


def to_acknowledge(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule.importance == Importance.WARNING]
