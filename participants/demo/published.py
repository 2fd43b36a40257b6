"""The published Kalimantan Barat figures the demo is calibrated to, for the note beside them.

The domain brief's article gives, for December 2022, a headline of 632.494 active participants
= 34,55 % of the workforce, and segments PU 385.004, BPU 98.541 and Jakon 149.949. The demo
reproduces the segments exactly and derives the denominator from the headline (1.830.662), but
its headline differs: the segments themselves add up to 633.494 (1.000 more than the article's
headline), and the demo adds migrant workers (PMI), which the article does not report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from participants.demo.calibration import KALBAR, KALBAR_2022, KALBAR_ANCHOR


@dataclass(frozen=True)
class PublishedFigures:
    region_code: str
    period: dt.date
    participants: int
    percent: Decimal
    segments: dict[str, int]
    source: str

    @property
    def segments_sum(self) -> int:
        return sum(self.segments.values())


KALBAR_DECEMBER_2022 = PublishedFigures(
    region_code=KALBAR,
    period=KALBAR_ANCHOR,
    participants=632_494,
    percent=Decimal("34.55"),
    segments=dict(KALBAR_2022),
    source="BPJS Ketenagakerjaan Kalimantan Barat, Desember 2022 (brief domain)",
)


def published_figures(region_code: str) -> PublishedFigures | None:
    """The published figures a region's demo data is calibrated to, if any."""
    return KALBAR_DECEMBER_2022 if region_code == KALBAR else None
