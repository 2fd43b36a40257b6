"""Coverage rows and monthly reports for dashboard tests, until the engine fills the table."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

import factory
from django.utils import timezone

from participants.models import Category, CoverageRow, MonthlyReport, WorkforceKind
from regions.models import Region


class CoverageRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoverageRow

    region = factory.LazyFunction(lambda: Region.objects.get(code="61"))
    level = factory.LazyAttribute(lambda row: row.region.level)
    period = dt.date(2022, 12, 1)
    category = None
    participants = 1000
    computed_at = factory.LazyFunction(timezone.now)
    # Reported unless a test says otherwise: a row with no regency reported is "not reported".
    regencies_reported = 1
    regencies_expected = 1
    all_approved = True


class MonthlyReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonthlyReport

    province = factory.LazyFunction(lambda: Region.objects.get(code="61"))
    period = dt.date(2022, 12, 1)
    status = MonthlyReport.Status.DRAFT


def employed() -> WorkforceKind:
    return WorkforceKind.objects.get(code="EMPLOYED")


def total_row(code: str, period: dt.date, participants: int, **extra: Any) -> CoverageRow:
    """A region's all-categories row; give `denominator=` to make its coverage known."""
    denominator = extra.pop("denominator", None)
    if denominator is not None:
        extra.update(
            denominator_kind=employed(),
            denominator_value=denominator,
            denominator_year=period.year,
            coverage_percent=(Decimal(participants) * 100 / denominator).quantize(
                Decimal("0.0001")
            ),
        )
    row = CoverageRowFactory(
        region=Region.objects.get(code=code), period=period, participants=participants, **extra
    )
    return cast(CoverageRow, row)


def category_row(code: str, period: dt.date, category: str, participants: int) -> CoverageRow:
    row = CoverageRowFactory(
        region=Region.objects.get(code=code),
        period=period,
        category=Category.objects.get(code=category),
        participants=participants,
    )
    return cast(CoverageRow, row)
