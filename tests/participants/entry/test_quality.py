"""Warnings: median-based outliers, month-over-month jumps, drops to zero, above the workforce."""

from __future__ import annotations

import pytest

from participants.entry.quality import robust_outlier
from participants.entry.services import counts_write
from participants.kernel.periods import add_months
from participants.models import WorkforceKind, WorkforceTotal
from regions.models import Region
from tests.participants.conftest import DECEMBER, cell

pytestmark = pytest.mark.django_db


def _history(values, region="61.71", category="PU"):
    cells = [
        cell(region, category, v, period=add_months(DECEMBER, -len(values) + i))
        for i, v in enumerate(values)
    ]
    counts_write(actor=None, cells=cells, source="demo")


def test_one_earlier_outlier_does_not_hide_the_next_one():
    history = [1000, 1010, 1020, 1030, 9000, 1040, 1050, 1060, 1070, 1080, 1090, 1100]
    assert robust_outlier(5000, history) is not None
    assert robust_outlier(1110, history) is None


def test_steady_growth_raises_no_warning(kalbar_officer):
    _history([1000 + 10 * i for i in range(12)])
    result = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1125)], source="web")
    assert result.warnings == []


def test_a_jump_against_last_month_is_a_warning_not_an_error(kalbar_officer):
    _history([1000 + 10 * i for i in range(12)])
    result = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 2500)], source="web")
    assert result.applied and len(result.warnings) == 1
    assert "1.110 → 2.500" in result.warnings[0].message


def test_unusual_against_the_year_but_close_to_last_month(kalbar_officer):
    _history([1000] * 11 + [1250])
    result = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1300)], source="web")
    assert any("12" in w.message and "1.000" in w.message for w in result.warnings)


def test_drop_to_zero_is_flagged(kalbar_officer):
    _history([500, 510, 520])
    result = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 0)], source="web")
    assert len(result.warnings) == 1 and "520" in result.warnings[0].message


def test_value_above_the_regencys_workforce_total_is_flagged(kalbar_officer):
    kind = WorkforceKind.objects.get(code="WAGE_WORKERS")
    WorkforceTotal.objects.create(
        kind=kind, region=Region.objects.get(code="61.71"), year=2023, value=900, source="test"
    )
    result = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1000)], source="web")
    assert any("900" in w.message for w in result.warnings)


def test_a_months_series_looked_up_give_each_cell_the_same_year_as_grouping_every_value():
    from participants.entry.quality import _series, _year_values

    after = {
        (region, category, add_months(DECEMBER, -back)): 100 * region + back
        for region in (1, 2)
        for category in (7, 8)
        for back in range(1, 30)
        if back % 5  # gaps: a month without a value stays unknown
    }
    cells = [cell_input(region, category) for region in (1, 2) for category in (7, 8)]
    for one in cells:
        after[one.key] = one.active_participants
    looked_up, grouped = _series(after, cells), _series(after)
    assert looked_up.keys() == grouped.keys() and looked_up != grouped  # not the same path
    for one in cells:
        year = _year_values(looked_up, one)
        assert year == _year_values(grouped, one) and len(year) == 12 and None in year


def cell_input(region, category):
    from participants.entry.validation import CellInput

    return CellInput(region, category, DECEMBER, 1000)
