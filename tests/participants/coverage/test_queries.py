"""No N+1 on the coverage tables and their downloads: one region costs what all of them do."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participants.models import MonthlyReport
from regions.models import Region
from tests.coverage_portal.factories import MonthlyReportFactory, category_row, total_row

pytestmark = pytest.mark.django_db
DEC = dt.date(2022, 12, 1)
PAGES = [
    reverse("coverage:national"),
    reverse("coverage:national") + "?format=csv",
    reverse("coverage:national") + "?format=xlsx",
    reverse("coverage:province", args=["35"]),
    reverse("coverage:province", args=["35"]) + "?format=csv",
]


def fill(level: str, parent: str | None, start: int, stop: int) -> None:
    """Rows for the regions start…stop of `level` (under `parent`): this month, last month
    and last year's totals and one category."""
    regions = Region.objects.filter(level=level, valid_until=None).order_by("code")
    if parent:
        regions = regions.filter(parent__code=parent)
    for region in regions[start:stop]:
        for period in (DEC, dt.date(2022, 11, 1), dt.date(2021, 12, 1)):
            total_row(region.code, period, 1_000, regencies_reported=1, regencies_expected=1)
        category_row(region.code, DEC, "PU", 1_000)


def queries(client, url: str) -> tuple[int, int]:
    """The number of queries the page runs and the size of what it returns."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"period": "2022-12"})
    assert response.status_code == 200
    return len(captured), len(response.content)


@pytest.mark.parametrize("url", PAGES)
def test_one_region_costs_as_many_queries_as_every_region(client, viewer, url):
    MonthlyReportFactory(period=DEC, status=MonthlyReport.Status.APPROVED)
    client.force_login(viewer)
    level, parent = ("regency", "35") if "/35/" in url else ("province", None)
    total_row(parent or "ID", DEC, 1_000, regencies_reported=1, regencies_expected=1)
    fill(level, parent, 0, 1)
    one, one_size = queries(client, url)
    fill(level, parent, 1, 40)  # Jawa Timur has 38 regencies, the country 38 provinces
    many, many_size = queries(client, url)
    assert many_size > one_size  # the other regions are in the table
    assert many <= one
