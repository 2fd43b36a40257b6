"""Checks on a whole stored report: which cells are still empty, which values look unusual."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from participants.counts.models import Category, MonthlyReport, ParticipantCount
from participants.entry.context import load_context
from participants.entry.quality import write_warnings
from participants.entry.validation import CellProblem, cell_from_count
from regions.models import Region


def expected_regencies(province: Region, period: dt.date) -> QuerySet[Region]:
    return Region.objects.filter(parent=province).expected_to_report(period).order_by("code")


def missing_cells(report: MonthlyReport) -> list[str]:
    """'61.71 PU'-style labels of expected cells with neither a value nor a no-data reason."""
    filled = set(
        ParticipantCount.objects.filter(report=report).values_list("region_id", "category_id")
    )
    categories = list(Category.objects.filter(is_active=True))
    return [
        f"{regency.code} {regency.name} · {category.code}"
        for regency in expected_regencies(report.province, report.period)
        for category in categories
        if (regency.pk, category.pk) not in filled
    ]


def report_warnings(report: MonthlyReport) -> list[tuple[ParticipantCount, CellProblem]]:
    """Every warning on the report's stored values, with the count it is about."""
    counts = list(
        ParticipantCount.objects.filter(report=report)
        .select_related("region", "category")
        .defer("region__boundary")
    )
    cells = [cell_from_count(c) for c in counts]
    ctx = load_context(cells, lock=False)
    after = dict(ctx.history)
    after.update((key, count.active_participants) for key, count in ctx.stored.items())
    return [(counts[w.index], w) for w in write_warnings(cells, ctx, after)]
