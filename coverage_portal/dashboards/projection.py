"""Target progress and a simple projection from the last 12 months of the coverage table."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from participants.models import CoverageRow
from participants.periods import add_months
from participants.selectors_coverage import TrendPoint, target_progress


@dataclass(frozen=True)
class Projection:
    target: int | None
    target_percent: Decimal | None
    progress: Decimal | None
    gap: int | None
    monthly_pace: Decimal | None
    months_left: int
    needed_per_month: int | None
    reached_on: dt.date | None
    already_reached: bool


def _pace(trend: list[TrendPoint]) -> Decimal | None:
    """Net new participants per month over the last 12 months (counts are stocks)."""
    if len(trend) < 13 or trend[-1].row is None or trend[-13].row is None:
        return None
    return Decimal(trend[-1].row.participants - trend[-13].row.participants) / 12


def project(row: CoverageRow | None, trend: list[TrendPoint]) -> Projection | None:
    if row is None or (row.target_participants is None and row.target_percent is None):
        return None
    gap = row.target_gap
    if gap is None and row.target_participants is not None:
        gap = row.target_participants - row.participants
    months_left = 12 - row.period.month
    pace = _pace(trend)
    reached = gap is not None and gap <= 0
    reached_on = None
    if gap is not None and not reached and pace and pace > 0:
        reached_on = add_months(row.period, math.ceil(gap / pace))
    return Projection(
        target=row.target_participants,
        target_percent=row.target_percent,
        progress=target_progress(row),
        gap=gap,
        monthly_pace=pace,
        months_left=months_left,
        needed_per_month=math.ceil(gap / months_left) if gap and gap > 0 and months_left else None,
        reached_on=reached_on,
        already_reached=reached,
    )
