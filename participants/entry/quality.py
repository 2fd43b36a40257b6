"""Warnings on plausible-but-suspicious counts; they never block a save, only a submission.

Counts are skewed and grow in steps, so "unusual" is judged robustly: distance from the median
of the last twelve months against the median absolute deviation (MAD), not mean ± SD, which
one outlier inflates until it hides itself (DHIS2's complaint in reference-systems.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext as _

from participants.entry.validation import CellInput, CellProblem, Key, WriteContext
from participants.kernel.periods import add_months
from participants.rules.builtin import DEFAULT, Builtin, Tuning, current_tuning
from regions.values.formatting import format_number, format_percent

# The thresholds (and whether each check runs) are the built-in rules' rows: see
# participants/rules/builtin.py for their defaults and bounds.


@cache
def _year_before(period: dt.date) -> tuple[dt.date, ...]:
    """The twelve months before a period, most recent first."""
    return tuple(add_months(period, -n) for n in range(1, 13))


@dataclass(frozen=True)
class Limits:
    """The built-in rules' switches and thresholds, read once per write: a 100.000-cell
    import asks them for every cell."""

    drop: bool
    jump: bool
    outlier: bool
    workforce: bool
    jump_floor: float
    monthly_limit: float
    min_history: float
    mad_factor: float
    relative_floor: float
    absolute_floor: float

    @classmethod
    def of(cls, tuning: Tuning) -> Limits:
        return cls(
            drop=tuning.on(Builtin.DROP),
            jump=tuning.on(Builtin.JUMP),
            outlier=tuning.on(Builtin.OUTLIER),
            workforce=tuning.on(Builtin.WORKFORCE),
            jump_floor=tuning.get(Builtin.JUMP, "absolute_floor"),
            monthly_limit=tuning.get(Builtin.JUMP, "monthly_limit"),
            min_history=tuning.get(Builtin.OUTLIER, "min_history"),
            mad_factor=tuning.get(Builtin.OUTLIER, "mad_factor"),
            relative_floor=tuning.get(Builtin.OUTLIER, "relative_floor"),
            absolute_floor=tuning.get(Builtin.OUTLIER, "absolute_floor"),
        )


def robust_outlier(value: int, history: Sequence[int], tuning: Tuning = DEFAULT) -> int | None:
    """The median the value is unusual against, or None when it is usual."""
    return _outlier(value, history, Limits.of(tuning))


def _outlier(value: int, history: Sequence[int], limits: Limits) -> int | None:
    if len(history) < limits.min_history:
        return None
    centre = _median(history)
    floor = max(limits.relative_floor * centre, limits.absolute_floor)
    if abs(value - centre) <= floor:  # within the floors: usual, whatever the MAD says
        return None
    mad = _median([abs(h - centre) for h in history])
    tolerance = max(limits.mad_factor * 1.4826 * mad, floor)
    return round(centre) if abs(value - centre) > tolerance else None


def _median(values: Sequence[float]) -> float:
    """statistics.median without its generality: it runs for every cell of an import."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def monthly_jump(value: int, previous: int | None, limits: Limits) -> float | None:
    """The relative month-over-month change when it is unusually large."""
    if not previous or abs(value - previous) <= limits.jump_floor:
        return None
    change = (value - previous) / previous
    return change if abs(change) > limits.monthly_limit else None


def workforce_total(ctx: WriteContext, cell: CellInput) -> int | None:
    """The most recent total (monthly before yearly) of the category's denominator."""
    category = ctx.categories.get(cell.category_id)
    if not ctx.workforce or category is None or category.measured_by_id is None:
        return None
    series = ctx.workforce.get((cell.region_id, category.measured_by_id), [])
    known = [
        (year, month or 0, value)
        for year, month, value in series
        if (year, month or 0) <= (cell.period.year, cell.period.month)
    ]
    return max(known)[2] if known else None


# (region, category) -> (the first month's number, the values month by month from it)
Series = dict[tuple[int, int], tuple[int, list[int | None]]]


def _month(period: dt.date) -> int:
    return period.year * 12 + period.month - 1


def _series(after: dict[Key, int | None], cells: Sequence[CellInput] = ()) -> Series:
    """Each series' values as a list by month, built once for the whole write, so a cell's
    year before is one slice instead of twelve look-ups.

    When the cells' series over their months and the year before are fewer values than
    `after` holds (a month's save: 190 × 13 against every stored value read), they are
    looked up; otherwise (an import of many months) `after` is grouped in one pass."""
    months = [_month(c.period) for c in cells if type(c.period) is dt.date and c.period.day == 1]
    keys = {(c.region_id, c.category_id) for c in cells}
    if months and len(keys) * (max(months) - min(months) + 13) <= len(after):
        first = min(months) - 12
        periods = [dt.date(m // 12, m % 12 + 1, 1) for m in range(first, max(months) + 1)]
        get = after.get
        return {(r, c): (first, [get((r, c, p)) for p in periods]) for r, c in keys}
    grouped: dict[tuple[int, int], dict[int, int | None]] = {}
    for (region, category, period), value in after.items():
        if isinstance(period, dt.date) and period.day == 1:
            grouped.setdefault((region, category), {})[_month(period)] = value
    series: Series = {}
    for key, by_month in grouped.items():
        first = min(by_month)
        values: list[int | None] = [None] * (max(by_month) - first + 1)
        for month, value in by_month.items():
            values[month - first] = value
        series[key] = (first, values)
    return series


def _year_values(series: Series, cell: CellInput) -> list[int | None]:
    """The cell's series in the twelve months before its own, oldest first."""
    first, values = series.get((cell.region_id, cell.category_id), (0, []))
    end = _month(cell.period) - first
    if 12 <= end <= len(values):
        return values[end - 12 : end]
    return [values[i] if 0 <= i < len(values) else None for i in range(end - 12, end)]


def cell_warnings(
    index: int,
    cell: CellInput,
    ctx: WriteContext,
    after: dict[Key, int | None],
    series: Series | None = None,
    limits: Limits | None = None,
) -> Iterator[CellProblem]:
    limits = limits or Limits.of(current_tuning())
    value = cell.active_participants
    if value is None or not isinstance(cell.period, dt.date):
        return
    if series is None or cell.period.day != 1:
        history = [
            after.get((cell.region_id, cell.category_id, m)) for m in _year_before(cell.period)
        ]
    else:
        history = _year_values(series, cell)[::-1]
    known: list[int] = (
        history  # type: ignore[assignment]  # no None in it
        if None not in history
        else [h for h in history if h is not None]
    )
    previous = history[0]
    field = "active_participants"
    if value == 0 and previous and limits.drop:
        yield CellProblem(
            index,
            field,
            _("Dropped to zero (last month %(previous)s).") % {"previous": format_number(previous)},
        )
        return
    jump = monthly_jump(value, previous, limits) if limits.jump else None
    if jump is not None:
        yield CellProblem(
            index,
            field,
            _("Changed by %(change)s against last month (%(previous)s → %(value)s).")
            % {
                "change": format_percent(jump * 100, 1),
                "previous": format_number(previous),
                "value": format_number(value),
            },
        )
    # the series' median is needed only when the jump has not already said it all
    centre = _outlier(value, known, limits) if jump is None and limits.outlier else None
    if centre is not None:
        yield CellProblem(
            index,
            field,
            _("Unusual against the last 12 months (median %(median)s).")
            % {"median": format_number(centre)},
        )
    total = workforce_total(ctx, cell) if limits.workforce else None
    if total is not None and value > total:
        yield CellProblem(
            index,
            field,
            _("Above the regency's workforce total (%(total)s).") % {"total": format_number(total)},
        )


def write_warnings(
    cells: Sequence[CellInput], ctx: WriteContext, after: dict[Key, int | None]
) -> list[CellProblem]:
    series = _series(after, cells)
    limits = Limits.of(ctx.tuning if ctx.tuning is not None else current_tuning())
    return [
        w
        for index, cell in enumerate(cells)
        for w in cell_warnings(index, cell, ctx, after, series, limits)
    ]
