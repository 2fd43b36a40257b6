"""Progress towards a target: how far, how much per month is needed, when at this pace.

The one projection rule: `/cakupan/`, the dashboards, the report and `coverage_report` all
call `row_progress`, so they name the same month for the same data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from participants.kernel.periods import add_months

if TYPE_CHECKING:
    from participants.coverage.models import CoverageRow


@dataclasses.dataclass(frozen=True)
class Progress:
    target: int
    participants: int
    progress_percent: Decimal
    gap: int
    months_left: int
    needed_per_month: int | None  # None once the target is met or the year is over
    monthly_trend: Decimal | None  # net new participants per month over the last 12 months
    reached_in: dt.date | None  # the month the target is reached at the trend
    reached: bool
    target_percent: Decimal | None = None

    @property
    def not_at_this_pace(self) -> bool:
        return not self.reached and self.reached_in is None


def row_progress(row: CoverageRow | None, series: Mapping[dt.date, int]) -> Progress | None:
    """Progress of a coverage row, `series` being its region's participants per month.

    A target set as a percentage counts once the engine has turned it into participants
    (it needs a known denominator); without that there is nothing to project.
    """
    if row is None or not row.target_participants:
        return None
    found = progress(target=row.target_participants, period=row.period, series=series)
    if found is None:
        return None
    return dataclasses.replace(found, target_percent=row.target_percent)


def progress(*, target: int, period: dt.date, series: Mapping[dt.date, int]) -> Progress | None:
    """`series`: participants per month up to `period` (at least `period` itself)."""
    if target <= 0 or period not in series:
        return None
    now = series[period]
    gap = target - now
    months_left = 12 - period.month
    trend = _trend(period, series)
    return Progress(
        target=target,
        participants=now,
        progress_percent=round(Decimal(now) * 100 / Decimal(target), 2),
        gap=gap,
        months_left=months_left,
        needed_per_month=math.ceil(gap / months_left) if gap > 0 and months_left else None,
        monthly_trend=trend,
        reached_in=_reached_in(period, gap, trend),
        reached=gap <= 0,
    )


def _trend(period: dt.date, series: Mapping[dt.date, int]) -> Decimal | None:
    """Average net change per month over the last 12 months (fewer when history is short)."""
    for back in range(12, 0, -1):
        start = add_months(period, -back)
        if start in series:
            return round(Decimal(series[period] - series[start]) / back, 2)
    return None


def _reached_in(period: dt.date, gap: int, trend: Decimal | None) -> dt.date | None:
    if gap <= 0:
        return period
    if trend is None or trend <= 0:
        return None
    return add_months(period, math.ceil(Decimal(gap) / trend))
