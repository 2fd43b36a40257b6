"""draft → submitted → approved (locked) → reopened → submitted: each role allowed or refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from participants.counts.deadlines import is_late
from participants.entry.services import (
    counts_write,
    report_approve,
    report_reopen,
    report_send_back,
    report_submit,
)
from participants.models import MonthlyReport, ParticipantCount
from tests.participants.conftest import DECEMBER, cell, full_month

pytestmark = pytest.mark.django_db
Status = MonthlyReport.Status


@pytest.fixture
def filled(kalbar_officer):
    counts_write(actor=kalbar_officer, cells=full_month("61"), source="web")
    return MonthlyReport.objects.get(province__code="61", period=DECEMBER)


@pytest.fixture
def submitted(filled, kalbar_officer):
    return report_submit(actor=kalbar_officer, report=filled)


@pytest.fixture
def approved(submitted, kalbar_approver):
    return report_approve(actor=kalbar_approver, report=submitted)


def test_officer_submits_a_complete_report(filled, kalbar_officer):
    report = report_submit(actor=kalbar_officer, report=filled)
    assert report.status == Status.SUBMITTED and report.submitted_at is not None
    assert report.events.last().action == "submitted"
    assert report.events.last().actor == kalbar_officer


def test_submission_needs_every_regency_and_category(kalbar_officer):
    counts_write(actor=kalbar_officer, cells=full_month("61")[:-1], source="web")
    report = MonthlyReport.objects.get()
    with pytest.raises(ValidationError) as error:
        report_submit(actor=kalbar_officer, report=report)
    assert error.value.code == "incomplete"


def test_explicit_no_data_with_a_reason_completes_a_cell(kalbar_officer):
    cells = full_month("61")
    last = cells.pop()
    cells.append(
        last.__class__(
            last.region_id,
            last.category_id,
            last.period,
            None,
            no_data_reason="Data belum tersedia",
        )
    )
    counts_write(actor=kalbar_officer, cells=cells, source="web")
    assert report_submit(actor=kalbar_officer, report=MonthlyReport.objects.get()).status == (
        Status.SUBMITTED
    )


def test_warnings_must_be_acknowledged_before_submitting(kalbar_officer):
    counts_write(actor=None, cells=full_month("61", DECEMBER.replace(month=11)), source="demo")
    zero = cell("61.01", "BPU", 0)
    cells = [c for c in full_month("61") if c.key != zero.key] + [zero]
    counts_write(actor=kalbar_officer, cells=cells, source="web")
    report = MonthlyReport.objects.get(period=DECEMBER)
    with pytest.raises(ValidationError) as error:
        report_submit(actor=kalbar_officer, report=report)
    assert error.value.code == "warnings"
    report = report_submit(actor=kalbar_officer, report=report, acknowledge_warnings=True)
    assert report.status == Status.SUBMITTED
    assert "1" in report.events.last().comment


@pytest.mark.parametrize("who", ["kalbar_approver", "viewer", "jatim_officer"])
def test_only_officers_of_the_province_submit(filled, who, request):
    with pytest.raises(PermissionDenied):
        report_submit(actor=request.getfixturevalue(who), report=filled)


def test_approver_approves_and_the_report_locks(submitted, kalbar_approver, kalbar_officer):
    report = report_approve(actor=kalbar_approver, report=submitted)
    assert report.is_locked and report.approved_at is not None
    result = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1)], source="web")
    assert not result.applied and result.errors[0].field == "report"


@pytest.mark.parametrize("who", ["kalbar_officer", "viewer", "jatim_officer"])
def test_others_may_not_approve(submitted, who, request):
    with pytest.raises(PermissionDenied):
        report_approve(actor=request.getfixturevalue(who), report=submitted)


def test_approving_a_draft_is_not_possible(filled, kalbar_approver):
    with pytest.raises(ValidationError):
        report_approve(actor=kalbar_approver, report=filled)


def test_send_back_needs_a_comment_and_returns_a_draft(submitted, kalbar_approver):
    with pytest.raises(ValidationError):
        report_send_back(actor=kalbar_approver, report=submitted, comment="  ")
    report = report_send_back(actor=kalbar_approver, report=submitted, comment="Cek Sintang")
    assert report.status == Status.DRAFT
    assert report.events.last().comment == "Cek Sintang"


def test_officer_may_not_send_back(submitted, kalbar_officer):
    with pytest.raises(PermissionDenied):
        report_send_back(actor=kalbar_officer, report=submitted, comment="x")


def test_only_a_national_administrator_reopens_with_a_reason(approved, national_admin):
    with pytest.raises(ValidationError):
        report_reopen(actor=national_admin, report=approved, reason="")
    report = report_reopen(actor=national_admin, report=approved, reason="Koreksi BPJS")
    assert report.status == Status.REOPENED and report.is_editable
    assert report.events.last().comment == "Koreksi BPJS"


@pytest.mark.parametrize("who", ["kalbar_officer", "kalbar_approver", "viewer"])
def test_provincial_roles_may_not_reopen(approved, who, request):
    with pytest.raises(PermissionDenied):
        report_reopen(actor=request.getfixturevalue(who), report=approved, reason="x")


def test_national_approver_without_reopen_right_is_refused(approved, make_user):
    approver = make_user("provincial_approver")
    with pytest.raises(PermissionDenied):
        report_reopen(actor=approver, report=approved, reason="x")


def test_reopened_report_is_edited_and_submitted_again(approved, national_admin, kalbar_officer):
    report = report_reopen(actor=national_admin, report=approved, reason="Koreksi")
    result = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1234)], source="web")
    assert result.applied
    report = report_submit(actor=kalbar_officer, report=report, acknowledge_warnings=True)
    assert report.status == Status.SUBMITTED
    steps = list(report.events.values_list("action", flat=True))
    assert steps[-4:] == ["approved", "reopened", "saved", "submitted"]


def test_every_step_raises_the_version_so_open_grids_conflict(filled, kalbar_officer):
    before = filled.version
    report = report_submit(actor=kalbar_officer, report=filled)
    assert report.version == before + 1
    assert ParticipantCount.objects.filter(report=report).count() == 14 * 5


def test_late_and_locked_are_different_things(approved):
    assert approved.is_locked
    on_time = timezone.make_aware(dt.datetime(2024, 1, 10, 23, 0))
    approved.submitted_at = on_time
    assert not is_late(approved)
    approved.submitted_at = on_time + dt.timedelta(days=1)
    assert is_late(approved)
    draft = MonthlyReport(province=approved.province, period=dt.date(2023, 1, 1))
    assert is_late(draft) and not draft.is_locked
