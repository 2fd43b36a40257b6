"""Robust outlier analysis over any months and region, uncapped.

Two methods, both robust to the skew of these counts (DHIS2's mean ± SD lists are not, and stop
at 500 rows): a value against the median and MAD of its own last twelve months, and a
regency's year-on-year change against the median and MAD of every regency's change in the same
category and month.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from statistics import median
from typing import cast

from participants.entry.quality import robust_outlier
from participants.entry.selectors import counts_for
from participants.followup.models import FollowUp
from participants.kernel.periods import add_months
from participants.rules.builtin import Builtin, Tuning, current_tuning
from regions.access.users import PortalUser
from regions.models import Region

METHODS = ("mad", "yoy")


@dataclass(frozen=True)
class Outlier:
    count_id: int
    region_code: str
    region_name: str
    category_code: str
    period: dt.date
    value: int
    reference: int  # the median of the last 12 months, or the value a year before
    score: float  # how many robust standard deviations away
    followed_up: bool

    @property
    def score_text(self) -> str:
        return "∞" if math.isinf(self.score) else f"{self.score:.1f}".replace(".", ",")


Row = tuple[int, str, str, str, dt.date, int]  # count id, code, name, category, period, value


def _rows(user: PortalUser, first: dt.date, last: dt.date, region: Region | None) -> list[Row]:
    counts = counts_for(user).filter(
        period__gte=add_months(first, -12), period__lte=last, active_participants__isnull=False
    )
    if region is not None:
        counts = counts.filter(
            region__in=[region.pk, *region.children.values_list("pk", flat=True)]
        )
    rows = counts.order_by("period").values_list(
        "pk", "region__code", "region__name", "category__code", "period", "active_participants"
    )
    return cast(list[Row], list(rows))  # unknown values are filtered out above


def _spread(values: list[float]) -> tuple[float, float]:
    centre = median(values)
    return centre, 1.4826 * median(abs(v - centre) for v in values)


def _by_history(rows: list[Row], first: dt.date, tuning: Tuning) -> list[tuple[Row, int, float]]:
    series: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        series[(row[1], row[3])].append(row)
    found = []
    for values in series.values():
        for i, row in enumerate(values):
            history = [r[5] for r in values[max(0, i - 12) : i] if r[4] >= add_months(row[4], -12)]
            if row[4] < first:
                continue
            centre = robust_outlier(row[5], history, tuning)
            if centre is not None:
                _c, spread = _spread([float(h) for h in history])
                score = abs(row[5] - centre) / spread if spread else math.inf
                found.append((row, centre, score))
    return found


def _by_year(rows: list[Row], first: dt.date, tuning: Tuning) -> list[tuple[Row, int, float]]:
    values = {(r[1], r[3], r[4]): r[5] for r in rows}
    changes: dict[tuple[str, dt.date], list[tuple[Row, int, float]]] = defaultdict(list)
    for row in rows:
        before = values.get((row[1], row[3], add_months(row[4], -12)))
        if row[4] >= first and before and row[5]:
            changes[(row[3], row[4])].append((row, before, math.log(row[5] / before)))
    factor = tuning.get(Builtin.OUTLIER, "mad_factor")
    found = []
    for group in changes.values():
        if len(group) < 3:
            continue
        centre, spread = _spread([c for _r, _b, c in group])
        for row, before, change in group:
            score = abs(change - centre) / spread if spread else math.inf
            if abs(change - centre) > max(factor * spread, 0.05):
                found.append((row, before, score))
    return found


def outliers_for(
    user: PortalUser,
    *,
    first: dt.date,
    last: dt.date,
    region: Region | None = None,
    method: str = "mad",
) -> list[Outlier]:
    """Every outlier in the months and region the user may see, the most unusual first."""
    rows = _rows(user, first, last, region)
    tuning = current_tuning()
    found = (_by_year if method == "yoy" else _by_history)(rows, first, tuning)
    flagged = set(
        FollowUp.objects.filter(
            count_id__in=[r[0] for r, _ref, _s in found], closed_at__isnull=True
        ).values_list("count_id", flat=True)
    )
    outliers = [
        Outlier(row[0], row[1], row[2], row[3], row[4], row[5], int(ref), score, row[0] in flagged)
        for row, ref, score in found
    ]
    return sorted(outliers, key=lambda o: (-o.score, o.period, o.region_code, o.category_code))
