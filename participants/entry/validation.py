"""What a count write may contain: the cell types, the number parser and the error rules.

The rules take a `WriteContext` loaded in a constant number of queries, so validating a
100.000-row import costs the same number of round trips as validating one cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.utils.translation import gettext as _

from participants.counts.models import Category, MonthlyReport, ParticipantCount
from participants.kernel.periods import FIRST_PERIOD, add_months, current_period
from participants.rules.builtin import Tuning
from regions import access, bounds
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region
from regions.values.formatting import format_number
from regions.values.numbers import parse_whole_number

MAX_EMPLOYERS = bounds.EMPLOYERS_IN_A_REGENCY
MAX_COUNT = bounds.PEOPLE_IN_A_REGENCY
MAX_REASON = 250

Key = tuple[int, int, dt.date]  # region id, category id, period


@dataclass(frozen=True, slots=True)
class CellInput:
    region_id: int
    category_id: int
    period: dt.date
    active_participants: int | None
    inactive_participants: int | None = None
    employers: int | None = None
    no_data_reason: str = ""

    @property
    def key(self) -> Key:
        return (self.region_id, self.category_id, self.period)


@dataclass(frozen=True)
class CellProblem:
    index: int
    field: str
    message: str


class StoredCount(NamedTuple):
    """A stored count as the rules need it: far cheaper than a model instance per row."""

    pk: int
    active_participants: int | None
    inactive_participants: int | None
    employers: int | None
    no_data_reason: str


STORED_FIELDS = StoredCount._fields


@dataclass
class WriteContext:
    """Everything the rules need, read once: regions, categories, reports, stored counts."""

    regions: dict[int, Region]
    categories: dict[int, Category]
    reports: dict[tuple[int, dt.date], MonthlyReport]
    stored: dict[Key, StoredCount]
    history: dict[Key, int | None] = field(default_factory=dict)  # earlier months' values
    workforce: dict[tuple[int, int], list[tuple[int, int | None, int]]] = field(
        default_factory=dict
    )  # (region, kind) -> [(year, month, value)]
    tuning: Tuning | None = None  # the built-in checks' thresholds, when read with the rest
    custom_rules: bool = True  # False when no administrator's rule is switched on

    def report_key(self, cell: CellInput) -> tuple[int, dt.date]:
        """The (province id, period) of the report a cell of a known regency belongs to."""
        return (self.regions[cell.region_id].parent_id or 0, cell.period)

    def report_for(self, cell: CellInput) -> MonthlyReport | None:
        if cell.region_id not in self.regions:
            return None
        return self.reports.get(self.report_key(cell))


def cell_from_count(count: ParticipantCount) -> CellInput:
    return CellInput(
        region_id=count.region_id,
        category_id=count.category_id,
        period=count.period,
        active_participants=count.active_participants,
        inactive_participants=count.inactive_participants,
        employers=count.employers,
        no_data_reason=count.no_data_reason,
    )


def parse_count(text: str) -> int | None:
    """'632.494', '632 494' or '632494' → 632494; '' → None; anything else is an error.

    The rule lives in regions.values.numbers, shared with the admin, imports and agreements forms.
    """
    return parse_whole_number(text)


def value_problems(cell: CellInput) -> Iterator[tuple[str, str]]:
    """Rules on the cell alone: whole numbers ≥ 0, and either a value or a reason."""
    for name, limit in (
        ("active_participants", MAX_COUNT),
        ("inactive_participants", MAX_COUNT),
        ("employers", MAX_EMPLOYERS),
    ):
        message = bounds.whole_number_problem(getattr(cell, name), limit)
        if message:
            yield name, message
    reason = cell.no_data_reason.strip()
    text = bounds.text_problem(reason)
    if text:
        yield "no_data_reason", text
    if reason and cell.active_participants is not None:
        yield "no_data_reason", _("Give either a number or a reason for no data, not both.")
    if not reason and cell.active_participants is None:
        yield (
            "active_participants",
            _("Enter the number of active participants, or mark “no data” with a reason."),
        )
    if len(reason) > MAX_REASON:
        yield "no_data_reason", _("Keep the reason for no data under 250 characters.")


def period_problems(period: Any, today_period: dt.date) -> Iterator[tuple[str, str]]:
    if not isinstance(period, dt.date) or period.day != 1:
        yield "period", _("The period must be the first day of a month.")
    elif period < FIRST_PERIOD:
        yield "period", _("Periods before January 2014 are not accepted (BPJS began then).")
    elif period > today_period:
        yield "period", _("This period is in the future.")


def place_problems(
    cell: CellInput,
    ctx: WriteContext,
    actor: PortalUser | None,
    changes: bool = True,
    allowed: dict[int, bool] | None = None,
) -> Iterator[tuple[str, str]]:
    """Rules against the database: the regency, the category, the actor's scope, the lock.

    A locked report refuses changes only: re-sending its unchanged values (re-importing an
    export of an approved month) is no edit, and is reported as unchanged.
    """
    region = ctx.regions.get(cell.region_id)
    category = ctx.categories.get(cell.category_id)
    if category is None:
        yield "category", _("Unknown category.")
    if region is None or region.level != Region.Level.REGENCY:
        yield "region", _("Unknown regency.")
        return
    if actor is not None and not _may_enter(actor, region, {} if allowed is None else allowed):
        yield "region", _("You may not enter data for %(name)s.") % {"name": region.name}
        return
    if isinstance(cell.period, dt.date) and not region.is_valid_on(cell.period):
        yield (
            "region",
            _("%(code)s %(name)s did not exist in %(period)s.")
            % {
                "code": region.code,
                "name": region.name,
                "period": f"{cell.period:%Y-%m}",
            },
        )
    report = ctx.report_for(cell)
    if changes and report is not None and not report.is_editable:
        yield (
            "report",
            _("The %(period)s report is %(status)s and cannot be changed.")
            % {
                "period": f"{cell.period:%Y-%m}",
                "status": report.get_status_display().lower(),
            },
        )


def _may_enter(actor: PortalUser, region: Region, allowed: dict[int, bool]) -> bool:
    """The access rules, asked once per province of a batch (`allowed` remembers)."""
    province = region.parent_id or 0
    if province not in allowed:
        allowed[province] = access.can(actor, Action.ENTER_DATA, region.parent)
    return allowed[province]


def retired_problem(cell: CellInput, ctx: WriteContext, changes: bool) -> str | None:
    category = ctx.categories.get(cell.category_id)
    if category is not None and not category.is_active and changes:
        return _("The category %(code)s is retired; it takes no new values.") % {
            "code": category.code
        }
    return None


def duplicate_problems(cells: Sequence[CellInput]) -> Iterator[CellProblem]:
    seen: set[Key] = set()
    for index, cell in enumerate(cells):
        if cell.key in seen:
            yield CellProblem(index, "region", _("This cell appears more than once."))
        seen.add(cell.key)


def subgroup_problems(
    cells: Sequence[CellInput], ctx: WriteContext, after: dict[Key, int | None]
) -> Iterator[CellProblem]:
    """A sub-group (NON_ASN) may not exceed its parent (PU) once the write is applied."""
    pairs_of = {pk: _subgroup_pairs(category, ctx) for pk, category in ctx.categories.items()}
    for index, cell in enumerate(cells):
        for child, parent in pairs_of.get(cell.category_id, ()):
            if child is None or parent is None:
                continue
            child_value = after.get((cell.region_id, child.pk, cell.period))
            parent_value = after.get((cell.region_id, parent.pk, cell.period))
            if child_value is not None and parent_value is not None and child_value > parent_value:
                yield CellProblem(
                    index,
                    "active_participants",
                    _("%(child)s (%(child_value)s) may not exceed %(parent)s (%(parent_value)s).")
                    % {
                        "child": child.code,
                        "child_value": format_number(child_value),
                        "parent": parent.code,
                        "parent_value": format_number(parent_value),
                    },
                )
                break


def _subgroup_pairs(
    category: Category, ctx: WriteContext
) -> list[tuple[Category | None, Category | None]]:
    """(child, parent) pairs a value of this category takes part in."""
    pairs: list[tuple[Category | None, Category | None]]
    pairs = [(category, ctx.categories.get(category.parent_id or 0))]
    subs = [s for s in ctx.categories.values() if s.parent_id == category.pk]
    return pairs + [(sub, category) for sub in subs]


def cell_errors(
    cells: Sequence[CellInput], ctx: WriteContext, actor: PortalUser | None, changed: set[int]
) -> list[CellProblem]:
    today = current_period()
    errors: list[CellProblem] = list(duplicate_problems(cells))
    allowed: dict[int, bool] = {}
    months: dict[Any, bool] = {}  # a batch holds few months: each is judged once
    for index, cell in enumerate(cells):
        changes = index in changed
        if _plain_values(cell) and _plain_place(cell, ctx, actor, changes, allowed):
            period = cell.period
            if period not in months:
                months[period] = not any(period_problems(period, today))
            if months[period]:
                continue
        for name, message in (
            *value_problems(cell),
            *period_problems(cell.period, today),
            *place_problems(cell, ctx, actor, changes, allowed),
        ):
            errors.append(CellProblem(index, name, message))
        retired = retired_problem(cell, ctx, changes)
        if retired:
            errors.append(CellProblem(index, "category", retired))
    return errors


def _plain_values(cell: CellInput) -> bool:
    """True when value_problems has nothing to say: the common cell, without building one
    message check per field (a 100.000-row import asks this 100.000 times)."""
    active, inactive, employers = (
        cell.active_participants,
        cell.inactive_participants,
        cell.employers,
    )
    return (
        not cell.no_data_reason
        and type(active) is int
        and 0 <= active <= MAX_COUNT
        and (inactive is None or (type(inactive) is int and 0 <= inactive <= MAX_COUNT))
        and (employers is None or (type(employers) is int and 0 <= employers <= MAX_EMPLOYERS))
    )


def _plain_place(
    cell: CellInput,
    ctx: WriteContext,
    actor: PortalUser | None,
    changes: bool,
    allowed: dict[int, bool],
) -> bool:
    """True when place_problems and retired_problem have nothing to say (same rules)."""
    region = ctx.regions.get(cell.region_id)
    category = ctx.categories.get(cell.category_id)
    if category is None or region is None or region.level != Region.Level.REGENCY:
        return False
    if changes and not category.is_active:
        return False
    if actor is not None and not _may_enter(actor, region, allowed):
        return False
    if not isinstance(cell.period, dt.date) or not region.is_valid_on(cell.period):
        return False
    report = ctx.reports.get((region.parent_id or 0, cell.period))
    return not (changes and report is not None and not report.is_editable)


def history_window(periods: set[dt.date]) -> tuple[dt.date, dt.date]:
    """The stored months the rules look at: twelve before the earliest period, to the latest."""
    valid = [p for p in periods if isinstance(p, dt.date)] or [current_period()]
    return add_months(min(valid), -12), max(valid)
