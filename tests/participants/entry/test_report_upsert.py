"""The month reports a write needs: created with a new report's defaults, or taken as they are."""

import datetime as dt

import pytest
from django.db import transaction

from participants.counts.models import MonthlyReport
from participants.entry import report_upsert
from tests.conftest import region

pytestmark = pytest.mark.django_db
MONTH = dt.date(2023, 12, 1)


def test_missing_reports_are_created_with_the_defaults_and_existing_ones_kept_as_they_are():
    kalbar, jatim = region("61"), region("35")
    approved = MonthlyReport.objects.create(
        province=kalbar, period=MONTH, status=MonthlyReport.Status.APPROVED, version=7
    )

    with transaction.atomic():
        reports = report_upsert.reports_ensure([(kalbar.pk, MONTH), (jatim.pk, MONTH)])

    by_province = {r.province_id: r for r in reports}
    assert by_province[kalbar.pk] == approved
    assert (by_province[kalbar.pk].status, by_province[kalbar.pk].version) == ("approved", 7)
    created = MonthlyReport.objects.get(province=jatim, period=MONTH)
    fresh = MonthlyReport(province=jatim, period=MONTH)
    assert by_province[jatim.pk] == created
    assert (created.status, created.version, created.submitted_at) == (
        fresh.status,
        fresh.version,
        None,
    )
    # what the write reads from the returned reports is what the table holds
    assert by_province[jatim.pk].updated_at == created.updated_at
    assert by_province[jatim.pk].period == MONTH


def test_the_portable_statement_and_the_arrays_find_the_same_reports():
    keys = [(region(code).pk, MONTH) for code in ("61", "35", "11")]
    with transaction.atomic():
        arrays = {r.pk for r in report_upsert.reports_ensure(keys)}
        portable = set(report_upsert._upsert(keys))
    assert arrays == portable and len(arrays) == 3
