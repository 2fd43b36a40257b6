"""Demo denominators and targets: every regency has a workforce figure, every province a
target, each labelled real or synthetic, and Kalimantan Barat's published figures hold."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Sum

from participants.coverage import engine
from participants.coverage.models import CoverageRow, Target, WorkforceTotal
from participants.demo import counts as demo_counts
from participants.demo import coverage as demo_coverage
from regions.models import Region

DEC_2022 = dt.date(2022, 12, 1)
JAN_2023 = dt.date(2023, 1, 1)


@pytest.fixture
def seeded(db) -> int:
    demo_counts.seed(first=DEC_2022, last=dt.date(2023, 2, 1))
    written = demo_coverage.seed()
    engine.recompute_stale()
    return written


def test_every_regency_has_a_labelled_workforce_figure_each_year(seeded):
    for year, day in ((2022, DEC_2022), (2023, JAN_2023)):
        regencies = set(Region.objects.regencies().valid_on(day).values_list("pk", flat=True))
        employed = WorkforceTotal.objects.filter(kind__code="EMPLOYED", year=year, month=None)
        with_figure = set(employed.filter(region__in=regencies).values_list("region", flat=True))
        assert with_figure == regencies
    sources = set(
        WorkforceTotal.objects.filter(region__level="regency").values_list("source", flat=True)
    )
    assert sources and all(s.startswith("DEMO:") for s in sources)


def test_kalimantan_barat_2022_regencies_add_up_to_the_published_denominator(seeded):
    regencies = WorkforceTotal.objects.filter(
        kind__code="EMPLOYED", year=2022, region__parent__code="61"
    )
    assert regencies.aggregate(s=Sum("value"))["s"] == demo_coverage.KALBAR_2022_EMPLOYED
    province = CoverageRow.objects.get(region__code="61", period=DEC_2022, category=None)
    assert (province.participants, province.denominator_value) == (636_498, 1_830_662)
    assert f"{province.coverage_percent:.2f}" == "34.77"
    mapped = CoverageRow.objects.filter(
        region__parent__code="61", period=DEC_2022, category=None, coverage_percent__isnull=False
    )
    assert mapped.count() == 14  # every Kalbar regency is coloured on the map


def test_every_province_has_a_target_whose_source_says_whether_it_is_synthetic(seeded):
    provinces = Region.objects.provinces().valid_on(JAN_2023)
    targets = Target.objects.filter(year=2023, category=None, region__in=provinces)
    assert targets.count() == provinces.count()
    assert all(t.source.startswith("DEMO: target sintetis") for t in targets)
    real = Target.objects.get(region__code="61", year=2021)
    assert (real.participants, real.source.startswith("DEMO")) == (235_000, False)
    row = CoverageRow.objects.get(region__code="61", period=JAN_2023, category=None)
    assert row.target_participants and row.target_gap is not None


def test_seeding_twice_writes_nothing(seeded):
    assert seeded > 0
    assert demo_coverage.seed() == 0
