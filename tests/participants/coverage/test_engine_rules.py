import datetime as dt
from decimal import Decimal

import pytest

from participants.coverage import engine as coverage
from participants.models import CoverageRow
from regions.models import Region
from regions.values.formatting import format_percent
from tests.participants.coverage.factories import put_counts, put_target, put_workforce, spread

pytestmark = pytest.mark.django_db
DEC_2022 = dt.date(2022, 12, 1)
KALBAR_2022_12 = {"PU": 385_004, "BPU": 98_541, "JAKON": 149_949}


def kalbar_counts(figures: dict[str, int]) -> dict[str, dict[str, int]]:
    regencies = list(Region.objects.regencies().current().filter(parent__code="61"))
    values: dict[str, dict[str, int]] = {r.code: {} for r in regencies}
    for category, total in figures.items():
        for regency, share in zip(regencies, spread(total, len(regencies)), strict=True):
            values[regency.code][category] = share
    return values


def row(code: str, period: dt.date, category: str | None = None) -> CoverageRow:
    return (
        CoverageRow.objects.get(region__code=code, period=period, category__code=category)
        if category
        else CoverageRow.objects.get(region__code=code, period=period, category=None)
    )


def test_kalbar_december_2022_published_segments_roll_up_to_the_province():
    put_counts("61", DEC_2022, kalbar_counts(KALBAR_2022_12))
    put_workforce("61", 2022, 1_830_662)
    coverage.recompute_stale()
    total = row("61", DEC_2022)
    assert total.participants == sum(KALBAR_2022_12.values())
    assert row("61", DEC_2022, "PU").participants == KALBAR_2022_12["PU"]
    assert total.denominator_value == 1_830_662
    assert total.coverage_percent == round(
        Decimal(total.participants) * 100 / Decimal(1_830_662), 4
    )
    assert total.regencies_reported == total.regencies_expected == 14


def test_kalbar_headline_total_gives_the_published_34_55_percent():
    # The brief's headline (632.494) is 1.000 below the sum of its own segments (633.494).
    put_counts("61", DEC_2022, kalbar_counts({"PU": 385_004, "BPU": 98_541, "JAKON": 148_949}))
    put_workforce("61", 2022, 1_830_662)
    coverage.recompute_stale()
    total = row("61", DEC_2022)
    assert total.participants == 632_494
    assert format_percent(total.coverage_percent) == "34,55%"


def test_regency_coverage_is_unknown_when_only_the_province_has_a_denominator():
    put_counts("61", DEC_2022, kalbar_counts(KALBAR_2022_12))
    put_workforce("61", 2022, 1_830_662)
    coverage.recompute_stale()
    regency_rows = CoverageRow.objects.filter(level="regency", region__parent__code="61")
    assert regency_rows.count() == 14 * 6
    assert not regency_rows.exclude(coverage_percent=None).exists()
    assert not regency_rows.exclude(denominator_value=None).exists()


def test_totals_count_top_level_categories_only():
    put_counts("61", DEC_2022, {"61.71": {"PU": 1000, "NON_ASN": 200, "BPU": 500}})
    coverage.recompute_stale()
    assert row("61.71", DEC_2022).participants == 1500
    assert row("61", DEC_2022).participants == 1500
    assert row("61.71", DEC_2022, "NON_ASN").participants == 200


def test_province_denominator_sums_children_only_when_every_child_has_one():
    regencies = list(Region.objects.regencies().current().filter(parent__code="65"))
    put_counts("65", DEC_2022, {r.code: {"PU": 100} for r in regencies})
    for regency in regencies[:-1]:
        put_workforce(regency.code, 2022, 1000)
    coverage.recompute_stale()
    assert row("65", DEC_2022).denominator_value is None
    put_workforce(regencies[-1].code, 2022, 1000)
    coverage.recompute_all()
    assert row("65", DEC_2022).denominator_value == 1000 * len(regencies)


def test_national_row_sums_provinces_and_counts_expected_regencies():
    put_counts("61", DEC_2022, {"61.71": {"PU": 10}})
    put_counts("35", DEC_2022, {"35.74": {"PU": 5}})
    coverage.recompute_stale()
    national = row("ID", DEC_2022)
    assert national.participants == 15
    assert national.regencies_reported == 2
    assert national.regencies_expected == 514
    provinces = CoverageRow.objects.filter(level="province", period=DEC_2022, category=None)
    assert provinces.count() == 37  # Papua Barat Daya (96) begins in January 2023


def test_target_gap_uses_participants_target():
    put_counts("61", DEC_2022, kalbar_counts(KALBAR_2022_12))
    put_target("61", 2022, participants=700_000)
    coverage.recompute_stale()
    assert row("61", DEC_2022).target_gap == 700_000 - sum(KALBAR_2022_12.values())


def test_before_the_split_old_papua_codes_roll_up_into_old_papua():
    july_2022 = dt.date(2022, 7, 1)
    put_counts("91", july_2022, {"91.09": {"PU": 700}, "91.03": {"PU": 300}})
    coverage.recompute_stale()
    assert row("91", july_2022).participants == 1000
    assert row("91", july_2022).regencies_expected == 29
    assert not CoverageRow.objects.filter(region__code="94", period=july_2022).exists()
    assert row("ID", july_2022).regencies_expected == 514
