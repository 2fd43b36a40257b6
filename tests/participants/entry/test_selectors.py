"""One reader of a region-month's counts: the grid and the counts export read through
counts_for, see the same counts, and pay no query for sharing it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participants.entry.services import counts_write
from participants.selectors import counts_for, grid_for
from participants.transfer.counts_export import export_rows
from regions.models import Region
from tests.participants.conftest import full_month

DECEMBER = dt.date(2023, 12, 1)
pytestmark = pytest.mark.django_db


@pytest.fixture
def two_provinces() -> None:
    for province in ("61", "35"):
        assert counts_write(actor=None, cells=full_month(province, DECEMBER), source="web").applied


def _queries(read) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = read()
    return len(captured), result


def test_the_grid_and_the_export_read_the_same_counts_in_the_users_scope(
    two_provinces, kalbar_officer
):
    kalbar = Region.objects.filter(code="61")
    read = counts_for(kalbar_officer, regions=kalbar, periods=[DECEMBER])
    expected = set(read.values_list("region__code", "category__code"))
    assert expected and {code[:2] for code, _ in expected} == {"61"}
    assert counts_for(kalbar_officer, periods=[DECEMBER]).count() == len(expected)  # Jatim hidden

    grid = grid_for(kalbar_officer, "61", DECEMBER)
    assert {(c.region.code, c.category.code) for c in grid.counts.values()} == expected
    rows = export_rows(user=kalbar_officer, province=None, periods=[DECEMBER])
    assert {(row[1], row[3]) for row in rows} == expected


def test_reading_through_counts_for_costs_no_extra_query(two_provinces, kalbar_officer):
    kalbar = Region.objects.get(code="61")
    grid_for(kalbar_officer, "61", DECEMBER)  # the user's scope is read once, then cached
    grid_queries, _ = _queries(lambda: grid_for(kalbar_officer, "61", DECEMBER))
    export_queries, rows = _queries(
        lambda: list(export_rows(user=kalbar_officer, province=kalbar, periods=[DECEMBER]))
    )
    assert rows
    assert (grid_queries, export_queries) == (GRID_QUERIES, EXPORT_QUERIES)


GRID_QUERIES, EXPORT_QUERIES = 7, 1  # as before both read through counts_for
