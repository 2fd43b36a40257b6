"""Warnings on plausible-but-suspicious counts; they never block a save, only a submission.

Counts are skewed and grow in steps, so "unusual" is judged robustly: distance from the median
of the last twelve months against the median absolute deviation (MAD), not mean ± SD, which
one outlier inflates until it hides itself (DHIS2's complaint in reference-systems.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
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


def robust_outlier(value: int, history: Sequence[int], tuning: Tuning = DEFAULT) -> int | None:
    """The median the value is unusual against, or None when it is usual."""
    if len(history) < tuning.get(Builtin.OUTLIER, "min_history"):
        return None
    centre = _median(history)
    mad = _median([abs(h - centre) for h in history])
    tolerance = max(
        tuning.get(Builtin.OUTLIER, "mad_factor") * 1.4826 * mad,
        tuning.get(Builtin.OUTLIER, "relative_floor") * centre,
        tuning.get(Builtin.OUTLIER, "absolute_floor"),
    )
    return round(centre) if abs(value - centre) > tolerance else None


def _median(values: Sequence[float]) -> float:
    """statistics.median without its generality: it runs for every cell of an import."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def monthly_jump(value: int, previous: int | None, tuning: Tuning = DEFAULT) -> float | None:
    """The relative month-over-month change when it is unusually large."""
    if not previous or abs(value - previous) <= tuning.get(Builtin.JUMP, "absolute_floor"):
        return None
    change = (value - previous) / previous
    return change if abs(change) > tuning.get(Builtin.JUMP, "monthly_limit") else None


def workforce_total(ctx: WriteContext, cell: CellInput) -> int | None:
    """The most recent total (monthly before yearly) of the category's denominator."""
    category = ctx.categories.get(cell.category_id)
    if category is None or category.measured_by_id is None:
        return None
    series = ctx.workforce.get((cell.region_id, category.measured_by_id), [])
    known = [
        (year, month or 0, value)
        for year, month, value in series
        if (year, month or 0) <= (cell.period.year, cell.period.month)
    ]
    return max(known)[2] if known else None


Series = dict[tuple[int, int], dict[dt.date, int | None]]  # (region, category) -> by month


def _series(after: dict[Key, int | None]) -> Series:
    """Each series' values by month, grouped once for the whole write."""
    series: Series = {}
    for (region, category, period), value in after.items():
        series.setdefault((region, category), {})[period] = value
    return series


def cell_warnings(
    index: int,
    cell: CellInput,
    ctx: WriteContext,
    after: dict[Key, int | None],
    series: Series | None = None,
    tuning: Tuning | None = None,
) -> Iterator[CellProblem]:
    tuning = tuning or current_tuning()
    value = cell.active_participants
    if value is None or not isinstance(cell.period, dt.date):
        return
    months = _year_before(cell.period)
    if series is None:
        history = [after.get((cell.region_id, cell.category_id, m)) for m in months]
    else:
        own = series.get((cell.region_id, cell.category_id), {})
        history = [own.get(m) for m in months]
    previous = history[0]
    known = [h for h in history if h is not None]
    field = "active_participants"
    if value == 0 and previous and tuning.on(Builtin.DROP):
        yield CellProblem(
            index,
            field,
            _("Dropped to zero (last month %(previous)s).") % {"previous": format_number(previous)},
        )
        return
    jump = monthly_jump(value, previous, tuning) if tuning.on(Builtin.JUMP) else None
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
    outlier = jump is None and tuning.on(Builtin.OUTLIER)
    centre = robust_outlier(value, known, tuning) if outlier else None
    if centre is not None:
        yield CellProblem(
            index,
            field,
            _("Unusual against the last 12 months (median %(median)s).")
            % {"median": format_number(centre)},
        )
    total = workforce_total(ctx, cell) if tuning.on(Builtin.WORKFORCE) else None
    if total is not None and value > total:
        yield CellProblem(
            index,
            field,
            _("Above the regency's workforce total (%(total)s).") % {"total": format_number(total)},
        )


def write_warnings(
    cells: Sequence[CellInput], ctx: WriteContext, after: dict[Key, int | None]
) -> list[CellProblem]:
    series = _series(after)
    tuning = current_tuning()
    return [
        w
        for index, cell in enumerate(cells)
        for w in cell_warnings(index, cell, ctx, after, series, tuning)
    ]
