"""`/` shows each role its own work first, within its scope."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from participants.entry.services import counts_write, report_send_back, report_submit
from participants.models import MonthlyReport, StaleBucket
from participants.selectors import due_period
from regions.demo import seed_offices
from regions.models import Office, Region, Role
from tests.agreements.factories import ActionFactory, ActiveAgreementFactory, MeetingFactory
from tests.participants.conftest import full_month

pytestmark = pytest.mark.django_db


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_officer_sees_the_due_month_and_what_is_missing(client, kalbar_officer):
    page = _home(client, kalbar_officer)
    assert 'data-testid="home-provincial_officer"' in page
    assert f"/laporan/61/{due_period():%Y-%m}/" in page
    assert "70 sel kosong" in page  # 14 regencies × 5 categories, nothing entered yet


def test_the_officer_sees_a_returned_report_with_the_approvers_comment(
    client, kalbar_officer, kalbar_approver
):
    counts_write(actor=kalbar_officer, cells=full_month("61", due_period()), source="web")
    report = MonthlyReport.objects.get(period=due_period())
    report = report_submit(actor=kalbar_officer, report=report, acknowledge_warnings=True)
    report_send_back(actor=kalbar_approver, report=report, comment="PU Sambas terlalu tinggi")
    page = _home(client, kalbar_officer)
    assert "Dikembalikan" in page and "PU Sambas terlalu tinggi" in page


def test_the_approver_sees_the_reports_waiting_and_recent_decisions(
    client, kalbar_officer, kalbar_approver, jatim_officer
):
    for officer, code in ((kalbar_officer, "61"), (jatim_officer, "35")):
        counts_write(actor=officer, cells=full_month(code, due_period()), source="web")
        report = MonthlyReport.objects.get(province__code=code, period=due_period())
        report_submit(actor=officer, report=report, acknowledge_warnings=True)
    page = _home(client, kalbar_approver)
    assert 'data-testid="waiting-count">1<' in page
    assert "Kalimantan Barat" in page and "Jawa Timur" not in page


def test_branch_staff_see_meetings_overdue_actions_and_expiring_agreements(client, make_user):
    seed_offices()
    staff = make_user(Role.BRANCH_STAFF, office=Office.objects.get(code="cabang-kolaka"))
    koltim = Region.objects.get(code="74.11")
    today = timezone.localdate()
    soon = timezone.now() + dt.timedelta(days=3)
    meeting = MeetingFactory.create(
        title="Rapat monev Koltim", host_region=koltim, regions=[koltim], starts_at=soon
    )
    ActionFactory.create(
        meeting=meeting, description="Kirim data honorer", due_date=today - dt.timedelta(days=2)
    )
    ActiveAgreementFactory.create(
        title="PKS Koltim", region=koltim, valid_until=today + dt.timedelta(days=40)
    )
    ActiveAgreementFactory.create(title="MoU Kalbar", valid_until=today + dt.timedelta(days=40))
    page = _home(client, staff)
    assert "Rapat monev Koltim" in page and "Kirim data honorer" in page
    assert "PKS Koltim" in page and "MoU Kalbar" not in page


def test_the_viewer_sees_the_due_months_completeness(client, viewer, kalbar_officer):
    counts_write(actor=kalbar_officer, cells=full_month("61", due_period()), source="web")
    report = MonthlyReport.objects.get(period=due_period())
    report_submit(actor=kalbar_officer, report=report, acknowledge_warnings=True)
    page = _home(client, viewer)
    expected = Region.objects.provinces().valid_on(due_period()).count()
    assert f"1 dari {expected} provinsi sudah mengajukan" in page


def test_the_national_admin_sees_stalled_recomputes(client, national_admin):
    kalbar = Region.objects.get(code="61")
    StaleBucket.objects.create(province=kalbar, period=dt.date(2024, 1, 1))
    StaleBucket.objects.filter(province=kalbar).update(
        marked_at=timezone.now() - dt.timedelta(minutes=20)
    )
    page = _home(client, national_admin)
    assert 'data-testid="stalled"' in page and "Kalimantan Barat Januari 2024" in page


def test_a_viewer_sees_no_import_link_an_officer_does(client, viewer, kalbar_officer):
    assert reverse("participants:import-upload") not in _home(client, viewer)
    assert reverse("participants:import-upload") in _home(client, kalbar_officer)
