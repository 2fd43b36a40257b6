"""Writes of validation rules and of the nightly results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participants.counts.models import Category, ParticipantCount
from participants.coverage.models import WorkforceKind
from participants.kernel.periods import add_months, months_between
from participants.rules.builtin import parameter_problems
from participants.rules.evaluation import Compiled, active_rules, findings_for, load_figures
from participants.rules.expressions import Node, figures, parse
from participants.rules.models import RuleResult, ValidationRule
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region


def _unknown_codes(node: Node) -> list[str]:
    categories = set(Category.objects.values_list("code", flat=True))
    kinds = set(WorkforceKind.objects.values_list("code", flat=True))
    return [
        f.code
        for f in figures(node)
        if f.code not in (kinds if f.kind == "workforce" else categories)
    ]


def rule_problems(rule: ValidationRule) -> dict[str, list[str]]:
    """What is wrong with a rule as typed, by field: syntax, unknown codes, thresholds."""
    problems: dict[str, list[str]] = {}
    if rule.builtin:
        found = parameter_problems(rule.builtin, rule.parameters)
        if found:
            problems["parameters"] = found
        return problems
    if rule.parameters:
        problems["parameters"] = parameter_problems("", rule.parameters)
    for side in ("left", "right"):
        try:
            node = parse(getattr(rule, side))
        except ValidationError as error:
            problems[side] = error.messages
            continue
        unknown = _unknown_codes(node)
        if unknown:
            problems[side] = [_("Unknown code: %(codes)s.") % {"codes": ", ".join(unknown)[:120]}]
    return problems


def rule_check(rule: ValidationRule) -> None:
    """Raise the rule's problems as a ValidationError by field (the admin form shows them)."""
    rule.full_clean(exclude=["regions"])
    problems = rule_problems(rule)
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def rule_save(
    *, actor: PortalUser, rule: ValidationRule, regions: Iterable[Region] | None = None
) -> ValidationRule:
    """Create or change a rule (national administrators only); a built-in keeps its kind."""
    access.require(actor, Action.ADMINISTER, None)
    if rule.pk:
        stored = ValidationRule.objects.get(pk=rule.pk)
        rule.builtin = stored.builtin
    rule_check(rule)
    rule.save()
    if regions is not None:
        rule.regions.set(regions)
    return rule


def rule_results_refresh(
    *, rule_ids: list[int] | None = None, first: dt.date | None = None, last: dt.date | None = None
) -> int:
    """Run the rules over every stored month (or a range) and keep each outcome; returns how
    many results were written. Idempotent: a rerun replaces the same rows."""
    rules = active_rules(rule_ids)
    stored = ParticipantCount.objects.values_list("period", flat=True)
    first = first or stored.order_by("period").first()
    last = last or stored.order_by("-period").first()
    if not rules or first is None or last is None:
        return 0
    regencies = list(Region.objects.regencies().defer("boundary"))
    written = 0
    for period in months_between(first, last):
        written += _refresh_month(rules, regencies, period)
    return written


@transaction.atomic
def _refresh_month(rules: list[Compiled], regencies: list[Region], period: dt.date) -> int:
    rows = ParticipantCount.objects.filter(
        period__in=[period, add_months(period, -1), add_months(period, -12)]
    ).values_list("region_id", "category_id", "period", "active_participants")
    counts = {(r, c, p): v for r, c, p, v in rows}
    present = {r for r, _c, p in counts if p == period}
    places = [(r, period) for r in regencies if r.pk in present]
    figures_ = load_figures(rules, present, counts, period)
    now = timezone.now()
    results = [
        RuleResult(
            rule=f.rule,
            region_id=f.region_id,
            period=f.period,
            left_value=f.left,
            right_value=f.right,
            outcome=f.outcome,
            checked_at=now,
        )
        for f in findings_for(rules, figures_, places)
    ]
    RuleResult.objects.filter(rule__in=[c.rule for c in rules], period=period).delete()
    RuleResult.objects.bulk_create(results, batch_size=2000)
    return len(results)
