"""The partial-month rule: a month is complete when every expected provincial report is in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from participants import selectors
from participants.coverage.reporting import coverage_summary
from participants.models import MonthlyReport
from regions.models import Region
from tests.coverage_portal.factories import total_row

pytestmark = pytest.mark.django_db
NOV, DEC = dt.date(2022, 11, 1), dt.date(2022, 12, 1)
STATUS = MonthlyReport.Status


def reports(period: dt.date, status: str = STATUS.APPROVED, *, but: tuple[str, ...] = ()) -> None:
    """A report in `status` for every province that existed all month, except `but`."""
    valid = Region.objects.provinces().valid_on(period).exclude(code__in=but)
    MonthlyReport.objects.bulk_create(
        MonthlyReport(province=p, period=period, status=status)
        for p in valid
        if p.is_valid_on(selectors.month_end(period))
    )


def test_a_month_is_complete_once_every_expected_province_has_submitted():
    reports(DEC, STATUS.SUBMITTED)

    month = selectors.month_completeness(DEC)

    assert month.complete
    assert (month.reported, month.expected_count) == (37, 37)  # before Papua Barat Daya


def test_one_missing_province_makes_the_month_partial_and_says_how_much_is_in():
    reports(DEC, but=("61",))

    month = selectors.month_completeness(DEC)

    assert month.partial
    with translation.override("id"):
        assert month.label == "sebagian: 36 dari 37 provinsi melapor"
    with translation.override("en"):
        assert month.label == "partial: 36 of 37 provinces reported"


@pytest.mark.parametrize("status", [STATUS.DRAFT, STATUS.REOPENED])
def test_a_draft_or_reopened_report_is_not_reported(status):
    reports(DEC, but=("61",))
    MonthlyReport.objects.create(province=Region.objects.get(code="61"), period=DEC, status=status)

    assert selectors.month_completeness(DEC).partial


def test_a_region_is_complete_on_the_reports_its_figures_rest_on():
    reports(DEC, but=("61",))
    kalbar, pontianak, jatim = (Region.objects.get(code=c) for c in ("61", "61.71", "35"))

    assert selectors.month_completeness(DEC, region=jatim).complete
    assert selectors.month_completeness(DEC, region=kalbar).partial
    assert selectors.month_completeness(DEC, region=pontianak).partial


def test_pages_open_on_the_newest_complete_month(viewer, kalbar_officer):
    for period in (NOV, DEC):
        total_row("ID", period, 1_000_000)
        total_row("61", period, 600_000)
    reports(NOV)
    reports(DEC, but=("35",))  # Kalimantan Barat is in, Jawa Timur is not

    assert selectors.latest_complete_period(viewer) == NOV
    assert selectors.latest_complete_period(viewer, Region.objects.get(code="61")) == DEC
    assert selectors.latest_complete_period(kalbar_officer) == DEC  # complete in its scope
    assert [m.partial for m in selectors.period_choices(viewer)] == [True, False]


def test_with_no_complete_month_the_newest_is_the_default(viewer):
    total_row("ID", NOV, 1_000_000)
    total_row("ID", DEC, 1_000_000)

    assert selectors.latest_complete_period(viewer) == DEC


def test_a_region_without_a_single_count_has_not_reported():
    reports(DEC, but=("11",))
    aceh = total_row("11", DEC, 0, regencies_reported=0, regencies_expected=23)
    kalbar = total_row("61", DEC, 632_494, regencies_reported=14, regencies_expected=14)

    summary = coverage_summary(aceh.region, DEC)

    assert not selectors.has_figures(aceh) and selectors.has_figures(kalbar)
    assert summary["completeness"] == "not_reported"
    assert summary["participants"] == {"total": None} and summary["coverage_percent"] is None
    assert coverage_summary(kalbar.region, DEC)["completeness"] == "complete"
    national = coverage_summary(total_row("ID", DEC, 632_494).region, DEC)
    assert (national["completeness"], national["reports_submitted"]) == ("partial", 36)
