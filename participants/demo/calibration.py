"""The arithmetic behind the demo counts: published totals in, whole-number series out.

Everything here is pure (no database), deterministic (seeded `random.Random`) and exact where
it must be: `apportion` splits a total into whole numbers that add up to it, so a province's
published total is met to the person however its regencies are drawn.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from collections.abc import Mapping, Sequence

from participants.kernel.periods import add_months
from regions.loader import DATA_DIR

SEED = "coverage-portal-demo-v1"
ANCHOR = dt.date(2023, 12, 1)  # the month of the per-province reference figures
REFERENCE_CSV = DATA_DIR / "reference" / "bpjs_active_participants.csv"
TOP_LEVEL = ("PU", "BPU", "JAKON", "PMI")

# Domain brief, national Dec 2023: PU 25 jt, BPU 9,19 jt, Jakon 7,36 jt; PMI from Sep 2022
# (262.999). These add up to more than the 41,56 jt headline, so they are scaled to it.
NATIONAL_SEGMENTS = {"PU": 25_000_000, "BPU": 9_190_000, "JAKON": 7_360_000, "PMI": 263_000}
# Domain brief, Kalimantan Barat Dec 2022 (exact); PMI is not published: an assumption.
KALBAR = "61"
KALBAR_ANCHOR = dt.date(2022, 12, 1)
KALBAR_2022 = {"PU": 385_004, "BPU": 98_541, "JAKON": 149_949}
KALBAR_2022_PMI_GUESS = 2_500
KALBAR_2022_EMPLOYERS = 12_141
# Provinces the reference table lacks share what is left of the national total by these
# rough weights (formal employment, an assumption; Papua Pegunungan lowest).
MISSING_WEIGHTS = {
    "75": 1.0, "76": 0.9, "81": 1.3, "82": 1.1, "91": 1.6,
    "92": 1.0, "93": 0.6, "94": 0.9, "95": 0.4, "96": 0.9,
}  # fmt: skip
# Monthly growth before and after Dec 2023: 35,68 jt (Sep 2022) → 41,56 jt (Dec 2023) is
# about +1 %/month; by Feb 2025 Jakon fell to 5,53 jt while PU and BPU grew a little.
GROWTH_BEFORE = {"PU": 0.0095, "BPU": 0.0140, "JAKON": 0.0090, "PMI": 0.0040}
GROWTH_AFTER = {"PU": 0.0035, "BPU": 0.0030, "JAKON": -0.0200, "PMI": 0.0}
NON_ASN_SHARE = (0.10, 0.21)  # of PU; national 3,89 jt non-ASN in Sep 2022
INACTIVE_RATIO = (0.35, 0.60)  # nonaktif/aktif; national 19,51 / 41,56 jt
PU_PER_EMPLOYER = 31  # 385.004 PU / 12.141 employers in Kalbar 2022


def rng(*key: object) -> random.Random:
    return random.Random(":".join([SEED, *map(str, key)]))


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Whole numbers proportional to `weights` that add up to `total` exactly."""
    weight_sum = sum(weights)
    if weight_sum <= 0:
        return [0] * len(weights)
    raw = [total * w / weight_sum for w in weights]
    shares = [math.floor(x) for x in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: shares[i] - raw[i])
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


def reference_totals() -> dict[str, int]:
    """Active participants in 2023-12 by region code ('ID' is the nation) from the CSV."""
    with REFERENCE_CSV.open(encoding="utf-8", newline="") as handle:
        return {
            row["region_code"]: int(row["value"])
            for row in csv.DictReader(handle)
            if row["period"] == "2023-12" and row["category"] == "TOTAL"
        }


def province_totals(province_codes: Sequence[str]) -> dict[str, int]:
    """Every province's 2023-12 total: published where known, the remainder shared out."""
    reference = reference_totals()
    totals = {code: reference[code] for code in province_codes if code in reference}
    missing = [code for code in province_codes if code not in reference]
    rest = reference["ID"] - sum(totals.values())
    shares = apportion(rest, [MISSING_WEIGHTS.get(code, 1.0) for code in missing])
    return totals | dict(zip(missing, shares, strict=True))


def segment_targets(national: int) -> dict[str, float]:
    scale = national / sum(NATIONAL_SEGMENTS.values())
    return {c: v * scale for c, v in NATIONAL_SEGMENTS.items()}


def split_by_segment(totals: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """Province × segment for 2023-12: rows exact, columns raked towards the national split."""
    targets = segment_targets(sum(totals.values()))
    matrix = {p: _seed_row(p, t, targets) for p, t in totals.items()}
    for _round in range(30):  # iterative proportional fitting
        for c in TOP_LEVEL:
            column = sum(row[c] for row in matrix.values())
            for row in matrix.values():
                row[c] *= targets[c] / column
        for p, row in matrix.items():
            factor = totals[p] / sum(row.values())
            for c in TOP_LEVEL:
                row[c] *= factor
    return {
        p: dict(zip(TOP_LEVEL, apportion(totals[p], [row[c] for c in TOP_LEVEL]), strict=True))
        for p, row in matrix.items()
    }


def _seed_row(province: str, total: int, targets: Mapping[str, float]) -> dict[str, float]:
    if province == KALBAR:  # keep Kalbar's published 2022 mix so its two anchors agree
        return {**KALBAR_2022, "PMI": KALBAR_2022_PMI_GUESS}
    draw = rng("mix", province)
    return {c: total * targets[c] * draw.uniform(0.7, 1.3) for c in TOP_LEVEL}


def series(province: str, segment: str, anchor_value: int, periods: Sequence[dt.date]) -> list[int]:
    """A province's segment month by month: exact at the anchors, smooth growth between."""
    draw = rng("series", province, segment)
    before = GROWTH_BEFORE[segment] * draw.uniform(0.7, 1.3)
    after = GROWTH_AFTER[segment] * draw.uniform(0.7, 1.3)
    kalbar_2022 = KALBAR_2022.get(segment) if province == KALBAR else None
    values = []
    for period in periods:
        months = _months(ANCHOR, period)
        if months >= 0:
            value = anchor_value * (1 + after) ** months
        elif kalbar_2022 is None:
            value = anchor_value * (1 + before) ** months
        elif period >= KALBAR_ANCHOR:  # geometric path between the two published months
            value = kalbar_2022 * (anchor_value / kalbar_2022) ** ((months + 12) / 12)
        else:
            value = kalbar_2022 * (1 + before) ** (months + 12)
        exact = period == ANCHOR or (kalbar_2022 is not None and period == KALBAR_ANCHOR)
        values.append(round(value if exact else value * draw.uniform(0.997, 1.003)))
    return values


def _months(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def demo_periods(first: dt.date, last: dt.date) -> list[dt.date]:
    periods, period = [], first
    while period <= last:
        periods.append(period)
        period = add_months(period, 1)
    return periods
