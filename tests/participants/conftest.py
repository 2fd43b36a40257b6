"""Helpers to build count writes for a province and month in tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from participants.entry.services import CellInput
from participants.models import Category
from regions.models import Region

DECEMBER = dt.date(2023, 12, 1)


def cell(region: str, category: str, value: int | None, **extra: Any) -> CellInput:
    """A cell by codes: cell("61.71", "PU", 1000)."""
    return CellInput(
        region_id=Region.objects.get(code=region).pk,
        category_id=Category.objects.get(code=category).pk,
        period=extra.pop("period", DECEMBER),
        active_participants=value,
        **extra,
    )


def full_month(province: str, period: dt.date = DECEMBER, base: int = 1000) -> list[CellInput]:
    """A plausible value for every current regency × active category of a province."""
    regencies = Region.objects.regencies().filter(parent__code=province).valid_on(period)
    categories = list(Category.objects.filter(is_active=True))
    return [
        CellInput(
            region_id=regency.pk,
            category_id=category.pk,
            period=period,
            active_participants=base // (10 if category.parent_id else 1) + i,
        )
        for i, regency in enumerate(regencies.order_by("code"))
        for category in categories
    ]


@pytest.fixture
def month_of(db: None) -> Callable[..., list[CellInput]]:
    return full_month


def grid_post_data(province: str, period: dt.date, base: int, version: int) -> dict[str, str]:
    """The POST body of the data-entry grid with every cell of full_month() filled in."""
    data = {"version": str(version)}
    for c in full_month(province, period, base):
        data[f"v-{c.region_id}-{c.category_id}"] = f"{c.active_participants:,}".replace(",", ".")
    return data
