import datetime as dt

import pytest

from participants.coverage import selectors as coverage
from participants.kernel.periods import add_months
from regions.models import Region
from tests.coverage_portal.factories import category_row, total_row
from tests.regions.factories import UserFactory

pytestmark = pytest.mark.django_db
DEC_2022 = dt.date(2022, 12, 1)


@pytest.fixture
def rows():
    total_row("ID", DEC_2022, 40_000_000)
    total_row("61", DEC_2022, 632_494, denominator=1_830_662)
    total_row("61", add_months(DEC_2022, -1), 600_000, denominator=1_830_662)
    total_row("61", add_months(DEC_2022, -3), 590_000)
    total_row("35", DEC_2022, 4_100_000)
    category_row("61", DEC_2022, "NON_ASN", 5_000)
    category_row("61", DEC_2022, "PU", 385_004)


def test_officer_reads_only_their_provinces_rows(rows, kalbar_officer):
    ranking = coverage.coverage_of_regions(kalbar_officer, level="province", period=DEC_2022)
    assert [item.region.code for item in ranking] == ["61"]
    assert coverage.national_region(kalbar_officer) is None
    jatim = Region.objects.get(code="35")
    assert coverage.region_total(kalbar_officer, jatim, DEC_2022) is None


def test_user_without_a_scope_reads_nothing(rows):
    nobody = UserFactory()
    assert coverage.available_periods(nobody) == []


def test_available_periods_are_newest_first(rows, viewer):
    assert coverage.available_periods(viewer)[:2] == [DEC_2022, add_months(DEC_2022, -1)]


def test_change_is_unknown_when_either_month_is_unknown(rows, viewer):
    ranking = coverage.coverage_of_regions(viewer, level="province", period=DEC_2022)
    kalbar = next(i for i in ranking if i.region.code == "61")
    jatim = next(i for i in ranking if i.region.code == "35")
    assert kalbar.change_month is not None and kalbar.change_month > 0
    assert kalbar.change_year is None  # no row a year before
    assert jatim.coverage is None and jatim.change_month is None


def test_trend_keeps_gaps_as_missing_months(rows, viewer):
    trend = coverage.region_trend(viewer, Region.objects.get(code="61"), DEC_2022)
    assert len(trend) == 24 and trend[-1].period == DEC_2022
    assert [p.row is not None for p in trend[-4:]] == [True, False, True, True]


def test_categories_follow_their_order_with_subgroups(rows, viewer):
    rows_ = coverage.region_categories(viewer, Region.objects.get(code="61"), DEC_2022)
    assert [r.category.code for r in rows_] == ["PU", "NON_ASN"]


def test_expected_regencies_follow_region_validity(viewer):
    papua = Region.objects.get(code="91")
    before = coverage.expected_regencies(viewer, dt.date(2022, 6, 1), parent=papua).count()
    after = coverage.expected_regencies(viewer, DEC_2022, parent=papua).count()
    assert (before, after) == (29, 9)
