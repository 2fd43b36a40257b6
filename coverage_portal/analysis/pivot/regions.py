"""Which regions a pivot shows: one level under the chosen region, or every level nested.

The region dimension lists the regions of one level (provinces, or regencies) under the
chosen region, whose own row is its total. The region-level dimension lists the chosen
region itself first (national or provincial total), then each province followed, when
regencies are asked for, by its regencies: totals and their parts on one axis, every figure
read from the coverage table, none added here.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from coverage_portal.analysis.pivot import choice as c
from participants import selectors as coverage
from regions.access import Action, regions_for
from regions.access.users import PortalUser
from regions.models import Region


def in_scope(user: PortalUser, choice: c.PivotChoice, level: str) -> list[Region]:
    """The regions of `level` under the chosen region that the user may read, in the range."""
    regions = regions_for(user, Action.VIEW).filter(level=level).defer("boundary")
    if choice.parent.level == Region.Level.PROVINCE:
        regions = regions.filter(parent=choice.parent)
    started = Q(valid_from__isnull=True) | Q(valid_from__lte=coverage.month_end(choice.end))
    ended = Q(valid_until__isnull=True) | Q(valid_until__gte=choice.start)
    return list(regions.filter(started & ended).order_by("code"))


def one_level(user: PortalUser, choice: c.PivotChoice) -> list[Region]:
    return in_scope(user, choice, c.LEVELS[choice.level][0])


def nested(user: PortalUser, choice: c.PivotChoice) -> list[tuple[Region, int]]:
    """(region, depth): the chosen region, then provinces each with its regencies."""
    regencies = in_scope(user, choice, Region.Level.REGENCY) if choice.level == "kabupaten" else []
    if choice.parent.level != Region.Level.NATIONAL:
        return [(choice.parent, 0), *((r, 1) for r in regencies)]
    under: dict[int | None, list[Region]] = defaultdict(list)
    for regency in regencies:
        under[regency.parent_id].append(regency)
    out: list[tuple[Region, int]] = [(choice.parent, 0)]
    for province in in_scope(user, choice, Region.Level.PROVINCE):
        out.append((province, 1))
        out += [(r, 2) for r in under.pop(province.pk, [])]
    out += [(r, 2) for rest in under.values() for r in rest]  # a parent outside the range
    return out
