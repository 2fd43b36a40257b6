"""The approval loop is closed: each step reaches the people who act next, in their language,
and a sent-back report shows as returned, with the comment, until it is submitted again."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation

from participants.entry.services import (
    counts_write,
    report_approve,
    report_reopen,
    report_send_back,
    report_submit,
)
from participants.entry.workflow import is_returned, latest_step
from participants.models import MonthlyReport
from regions.models import Notification, Role
from tests.participants.conftest import DECEMBER, full_month

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user):
    return {
        "officer": make_user(Role.PROVINCIAL_OFFICER, province="61"),
        "approver": make_user(Role.PROVINCIAL_APPROVER, province="61"),
        "admin": make_user(Role.NATIONAL_ADMIN),
        "outsider": make_user(Role.PROVINCIAL_APPROVER, province="35"),
    }


@pytest.fixture
def report(people):
    counts_write(actor=people["officer"], cells=full_month("61"), source="web")
    return MonthlyReport.objects.get(province__code="61", period=DECEMBER)


def _told(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("key", flat=True))


def test_submitting_tells_the_provinces_approvers_by_portal_and_email(
    report, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(actor=people["officer"], report=report)
    assert _told(people["approver"]) == ["participants.report_submitted"]
    assert _told(people["outsider"]) == [] and _told(people["officer"]) == []
    assert [m.to for m in mail.outbox] == [[people["approver"].email]]
    assert "/laporan/61/2023-12/" in mail.outbox[0].body


def test_a_send_back_tells_the_officers_with_the_comment(report, people):
    submitted = report_submit(actor=people["officer"], report=report)
    report_send_back(actor=people["approver"], report=submitted, comment="Cek angka PU Sambas")
    notice = Notification.objects.get(user=people["officer"])
    assert notice.link == "/laporan/61/2023-12/"
    with translation.override("id"):
        assert "dikembalikan" in str(notice) and "Cek angka PU Sambas" in str(notice)
    with translation.override("en"):
        assert str(notice).startswith("The report of Kalimantan Barat for December 2023 was sent")


def test_approval_tells_the_officers_and_reopening_tells_both(report, people):
    submitted = report_submit(actor=people["officer"], report=report)
    approved = report_approve(actor=people["approver"], report=submitted)
    assert _told(people["officer"]) == ["participants.report_approved"]
    report_reopen(actor=people["admin"], report=approved, reason="Koreksi BPS")
    assert "participants.report_reopened" in _told(people["officer"])
    assert "participants.report_reopened" in _told(people["approver"])


def test_a_sent_back_report_is_returned_until_it_is_submitted_again(report, people):
    submitted = report_submit(actor=people["officer"], report=report)
    back = report_send_back(actor=people["approver"], report=submitted, comment="Cek PU")
    step = latest_step(back)
    assert is_returned(back, step) and step.comment == "Cek PU"
    counts_write(actor=people["officer"], cells=full_month("61", base=1100), source="web")
    back.refresh_from_db()
    assert is_returned(back, latest_step(back))  # saving is not a step
    again = report_submit(actor=people["officer"], report=back)
    assert not is_returned(again, latest_step(again))
    assert latest_step(again).action == "submitted"


def test_the_report_list_shows_a_returned_report_as_returned(report, people, client):
    submitted = report_submit(actor=people["officer"], report=report)
    back = report_send_back(actor=people["approver"], report=submitted, comment="Cek PU")
    client.force_login(people["officer"])
    page = client.get("/laporan/", {"period": "2023-12"}).content.decode()
    assert page.count('data-testid="returned-badge"') == 1
    report_submit(actor=people["officer"], report=back)
    page = client.get("/laporan/", {"period": "2023-12"}).content.decode()
    assert 'data-testid="returned-badge"' not in page and "2023" in page
