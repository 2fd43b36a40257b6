"""The probes that name what a kept page read (participants/coverage/versions.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from participants.coverage import engine
from participants.coverage.versions import coverage_version, reports_version
from participants.models import ReportEvent
from participants.services import report_reopen
from regions.models import Role
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
DECEMBER, JANUARY = dt.date(2022, 12, 1), dt.date(2023, 1, 1)


def version_of(month: dt.date) -> int:
    found = coverage_version(month)
    assert found is not None
    return found


def step() -> int:
    found, _demo = reports_version()
    assert found is not None
    return found


@pytest.fixture
def december():
    put_workforce("61", 2022, 1_000_000)
    report = put_counts("61", DECEMBER, {"61.71": {"PU": 30_000}}, status="approved")
    engine.recompute_stale()
    return report


def test_a_later_months_recompute_leaves_the_earlier_months_version(december):
    before = version_of(DECEMBER)
    put_counts("61", JANUARY, {"61.71": {"PU": 31_000}})
    engine.recompute_stale()
    assert version_of(DECEMBER) == before
    assert version_of(JANUARY) > before


def test_a_recompute_of_the_month_or_an_earlier_one_changes_it(december):
    before = version_of(JANUARY)
    put_counts("61", DECEMBER, {"61.71": {"PU": 32_000}}, status="approved")
    engine.recompute_stale()
    assert version_of(JANUARY) > before


def test_the_month_also_read_counts_though_it_is_later(december):
    put_counts("61", JANUARY, {"61.71": {"PU": 31_000}})
    engine.recompute_stale()
    assert coverage_version(dt.date(2022, 11, 1)) is None
    assert coverage_version(dt.date(2022, 11, 1), also=JANUARY) is not None


def test_a_step_changes_the_reports_version_and_a_save_does_not(december, make_user):
    report_reopen(actor=make_user(Role.NATIONAL_ADMIN), report=december, reason="fix")
    before = step()
    ReportEvent.objects.create(report=december, action="saved", at=timezone.now())
    assert step() == before
    december.refresh_from_db()
    december.status = "approved"
    december.save()
    report_reopen(actor=make_user(Role.NATIONAL_ADMIN), report=december, reason="again")
    assert step() > before
    assert reports_version()[1] is False  # no demo data
