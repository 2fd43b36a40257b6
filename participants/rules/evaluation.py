"""Rules applied to the figures of regencies and months, read in a constant number of queries.

A figure that is unknown — no value, "no data", no report, a category that did not exist, no
workforce total or target — makes its side unknown and the rule is skipped ("–"), never 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from participants.counts.models import Category
from participants.coverage.models import Target, WorkforceTotal
from participants.kernel.periods import add_months
from participants.rules.expressions import Figure, Node, evaluate, figures, parse
from participants.rules.models import ValidationRule
from regions.models import Region
from regions.values.formatting import format_number

Key = tuple[int, int, dt.date]  # region id, category id, period
Outcome = str  # RuleResult.Outcome values
COMPARE = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "!=": lambda a, b: a != b,
}


@dataclass(frozen=True)
class Compiled:
    rule: ValidationRule
    left: Node
    right: Node
    places: frozenset[int]  # region ids it is limited to; empty for everywhere


@dataclass(frozen=True)
class Finding:
    rule: ValidationRule
    region_id: int
    period: dt.date
    left: Decimal | None
    right: Decimal | None
    outcome: Outcome

    @property
    def message(self) -> str:
        return _(
            "Rule “%(name)s” (%(importance)s): %(statement)s is not met (%(left)s, %(right)s)."
        ) % {
            "name": self.rule.name,
            "importance": self.rule.get_importance_display(),
            "statement": self.rule.statement,
            "left": figure_text(self.left),
            "right": figure_text(self.right),
        }


def figure_text(value: Decimal | None) -> str:
    """A side's value as messages and the results page show it: 5.000, or 0,75; "–" unknown."""
    if value is None:
        return "–"
    return (
        format_number(int(value))
        if value == value.to_integral_value()
        else f"{value:.2f}".replace(".", ",")
    )


def active_rules(ids: Iterable[int] | None = None) -> list[Compiled]:
    """The switched-on rules of the expression kind, parsed (built-ins run in quality.py)."""
    rules = ValidationRule.objects.filter(is_active=True, builtin="").prefetch_related("regions")
    if ids is not None:
        rules = rules.filter(pk__in=list(ids))
    compiled = []
    for rule in rules:
        places = frozenset(r.pk for r in rule.regions.all())
        compiled.append(Compiled(rule, parse(rule.left), parse(rule.right), places))
    return compiled


@dataclass
class Figures:
    """Everything the rules may read for some regencies and months."""

    counts: Mapping[Key, int | None]
    categories: Mapping[str, int]  # code → id
    workforce: dict[tuple[int, str], list[tuple[int, int, int]]] = field(default_factory=dict)
    targets: dict[tuple[int, int, str], int | None] = field(default_factory=dict)

    def lookup(self, region_id: int, period: dt.date, figure: Figure) -> int | None:
        if figure.shift == "previous":
            period = add_months(period, -1)
        elif figure.shift == "last_year":
            period = add_months(period, -12)
        if figure.kind == "workforce":
            series = self.workforce.get((region_id, figure.code), [])
            known = [s for s in series if (s[0], s[1]) <= (period.year, period.month)]
            return max(known)[2] if known else None
        if figure.kind == "target":
            return self.targets.get((region_id, period.year, figure.code))
        category = self.categories.get(figure.code)
        return None if category is None else self.counts.get((region_id, category, period))


def load_figures(
    rules: list[Compiled], region_ids: set[int], counts: Mapping[Key, int | None], last: dt.date
) -> Figures:
    kinds = {
        f.code
        for c in rules
        for f in (*figures(c.left), *figures(c.right))
        if f.kind == "workforce"
    }
    targeted = {
        f.code for c in rules for f in (*figures(c.left), *figures(c.right)) if f.kind == "target"
    }
    result = Figures(counts, dict(Category.objects.values_list("code", "pk")))
    if kinds:
        series = WorkforceTotal.objects.filter(
            region_id__in=region_ids, kind__code__in=kinds, year__lte=last.year
        ).values_list("region_id", "kind__code", "year", "month", "value")
        for region_id, kind, year, month, value in series:
            result.workforce.setdefault((region_id, kind), []).append((year, month or 0, value))
    if targeted:
        rows = Target.objects.filter(
            region_id__in=region_ids, category__code__in=targeted, year__lte=last.year
        ).values_list("region_id", "year", "category__code", "participants")
        result.targets = {(r, y, c): v for r, y, c, v in rows}
    return result


def applies(compiled: Compiled, region: Region | Any, period: dt.date) -> bool:
    if not compiled.rule.applies_in(period.month):
        return False
    places = compiled.places
    return not places or region.pk in places or region.parent_id in places


def judge(compiled: Compiled, figures_: Figures, region_id: int, period: dt.date) -> Finding:
    left = evaluate(compiled.left, lambda f: figures_.lookup(region_id, period, f))
    right = evaluate(compiled.right, lambda f: figures_.lookup(region_id, period, f))
    if left is None or right is None:
        outcome = "skipped"
    else:
        outcome = "passed" if COMPARE[compiled.rule.operator](left, right) else "violated"
    return Finding(compiled.rule, region_id, period, left, right, outcome)


def findings_for(
    rules: list[Compiled], figures_: Figures, places: Iterable[tuple[Region, dt.date]]
) -> list[Finding]:
    """Every applicable rule's outcome for each (regency, month)."""
    return [
        judge(compiled, figures_, region.pk, period)
        for region, period in places
        for compiled in rules
        if applies(compiled, region, period)
    ]
