"""Demo denominators and targets, so the demo portal shows real-looking coverage.

Real figures where the brief or regions/data/reference has them (national Sakernas employed
population, Jawa Tengah, Kalimantan Barat 2022 derived from its published 34,55%, the
Kalbar 2021 target); elsewhere a synthetic employed population labelled as demo data.
Written through the same services as the admin, so stale buckets are marked; idempotent.
"""

from __future__ import annotations

import csv
import random
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

from participants.coverage.models import Target, WorkforceKind, WorkforceTotal
from participants.coverage.services import target_save, workforce_total_save
from participants.entry.models import ParticipantCount
from participants.periods import add_months, current_period
from regions.loader import DATA_DIR
from regions.models import Region

FIRST_YEAR = 2022
DEMO_SOURCE = "DEMO: estimasi sintetis, bukan data BPS"
BRIEF = "Brief domain: 632.494 peserta = 34,55% angkatan kerja (Kalbar, Des 2022)"
KALBAR_2022_EMPLOYED = 1_830_662  # 632.494 / 34,55%
REAL_TARGETS = [
    ("61", 2021, 235_000, None, "Target nasional untuk Kalimantan Barat 2021 (brief domain)"),
    ("ID", 2024, None, Decimal("52.15"), "Target Kemendagri 52,15% (brief domain)"),
]


@transaction.atomic
def seed() -> int:
    kind = WorkforceKind.objects.get(code="EMPLOYED")
    written = 0
    for region, year, value, source in _figures():
        written += _put_total(kind, region, year, value, source)
    for code, year, participants, percent, source in REAL_TARGETS:
        written += _put_target(Region.objects.get(code=code), year, participants, percent, source)
    return written


def demo_years() -> range:
    """Every year the demo counts reach: from 2022 to the year of the month now due."""
    return range(FIRST_YEAR, add_months(current_period(), -1).year + 1)


def _figures() -> list[tuple[Region, int, int, str]]:
    real = _reference_figures()
    years = demo_years()
    figures = []
    rng = random.Random("coverage-portal-demo-workforce")
    for province in Region.objects.provinces().order_by("code"):
        active = _active_at_end_of_2023(province)
        rate = Decimal(rng.uniform(0.22, 0.45))
        for year in years:
            if (province.code, year) in real:
                value, source = real[(province.code, year)]
            elif active:
                value, source = (
                    int(Decimal(active) / rate * Decimal(1 + (year - 2023) * 0.015)),
                    DEMO_SOURCE,
                )
            else:
                continue
            figures.append((province, year, value, source))
    national = Region.objects.get(code="ID")
    figures += [(national, y, *real[("ID", y)]) for y in years if ("ID", y) in real]
    return figures


def _reference_figures() -> dict[tuple[str, int], tuple[int, str]]:
    """BPS Sakernas figures shipped in regions/data/reference (August preferred)."""
    figures: dict[tuple[str, int], tuple[int, str]] = {("61", 2022): (KALBAR_2022_EMPLOYED, BRIEF)}
    with open(DATA_DIR / "reference" / "employed_population.csv", encoding="utf-8") as handle:
        for row in sorted(csv.DictReader(handle), key=lambda r: r["month"] == "8"):
            source = f"BPS Sakernas {row['year']}-{int(row['month']):02d}: {row['source']}"
            figures[(row["region_code"], int(row["year"]))] = (int(row["value"]), source[:500])
    return figures


def _active_at_end_of_2023(province: Region) -> int:
    counts = ParticipantCount.objects.filter(
        region__parent=province, period__year=2023, period__month=12, category__parent=None
    )
    return counts.aggregate(total=Sum("active_participants"))["total"] or 0


def _put_total(kind: WorkforceKind, region: Region, year: int, value: int, source: str) -> int:
    total = WorkforceTotal.objects.filter(kind=kind, region=region, year=year, month=None).first()
    if total and (total.value, total.source) == (value, source):
        return 0
    total = total or WorkforceTotal(kind=kind, region=region, year=year)
    total.value, total.source = value, source
    workforce_total_save(total=total)
    return 1


def _put_target(
    region: Region, year: int, participants: int | None, percent: Decimal | None, source: str
) -> int:
    target = Target.objects.filter(region=region, year=year, category=None).first()
    if target and (target.participants, target.percent, target.source) == (
        participants,
        percent,
        source,
    ):
        return 0
    target = target or Target(region=region, year=year)
    target.participants, target.percent, target.source = participants, percent, source
    target_save(target=target)
    return 1
