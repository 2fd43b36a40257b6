"""Workflow buttons, the reports list and the audit pages, for owner, colleague and outsider."""

from __future__ import annotations

import pytest
from django.urls import reverse

from participants.entry.services import counts_write, report_approve, report_submit
from participants.models import MonthlyReport
from tests.participants.conftest import cell, full_month

pytestmark = pytest.mark.django_db
ARGS = ["61", "2023-12"]


def url(name, *extra):
    return reverse(f"participants:{name}", args=[*ARGS, *extra])


@pytest.fixture
def report(kalbar_officer):
    counts_write(actor=kalbar_officer, cells=full_month("61"), source="web")
    return MonthlyReport.objects.get()


def test_officer_submits_from_the_page(client, report, kalbar_officer):
    client.force_login(kalbar_officer)
    response = client.post(url("submit"), follow=True)
    assert response.redirect_chain[-1][0] == url("grid")
    report.refresh_from_db()
    assert report.status == "submitted"


def test_submit_is_refused_to_the_approver_and_outsider(
    client, report, kalbar_approver, jatim_officer
):
    client.force_login(kalbar_approver)
    assert client.post(url("submit")).status_code == 403
    client.force_login(jatim_officer)
    assert client.post(url("submit")).status_code == 404
    report.refresh_from_db()
    assert report.status == "draft"


def test_submit_page_only_accepts_post(client, report, kalbar_officer):
    client.force_login(kalbar_officer)
    assert client.get(url("submit")).status_code == 405


def test_approver_sees_approve_and_approves(client, report, kalbar_officer, kalbar_approver):
    report_submit(actor=kalbar_officer, report=report)
    client.force_login(kalbar_approver)
    assert 'data-testid="approve"' in client.get(url("grid")).content.decode()
    client.post(url("approve"))
    report.refresh_from_db()
    assert report.is_locked


def test_officer_cannot_approve_from_the_page(client, report, kalbar_officer):
    report_submit(actor=kalbar_officer, report=report)
    client.force_login(kalbar_officer)
    assert client.post(url("approve")).status_code == 403


def test_send_back_without_comment_shows_the_message(
    client, report, kalbar_officer, kalbar_approver
):
    report_submit(actor=kalbar_officer, report=report)
    client.force_login(kalbar_approver)
    response = client.post(url("send-back"), {"comment": ""}, follow=True)
    assert "data-testid" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "submitted"
    client.post(url("send-back"), {"comment": "Periksa Sambas"})
    report.refresh_from_db()
    assert report.status == "draft"


def test_reopen_by_national_admin_only(
    client, report, kalbar_officer, kalbar_approver, national_admin
):
    report_submit(actor=kalbar_officer, report=report)
    report_approve(actor=kalbar_approver, report=report)
    client.force_login(kalbar_approver)
    assert client.post(url("reopen"), {"reason": "x"}).status_code == 403
    client.force_login(national_admin)
    assert 'data-testid="reopen"' in client.get(url("grid")).content.decode()
    client.post(url("reopen"), {"reason": "Koreksi data BPJS"})
    report.refresh_from_db()
    assert report.status == "reopened"


def test_reports_list_shows_a_year_of_the_officers_province(
    client, report, kalbar_officer, django_assert_max_num_queries
):
    client.force_login(kalbar_officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("participants:report-list") + "?period=2023-12")
    html = response.content.decode()
    assert html.count('data-testid="report-row"') == 12
    assert "Kalimantan Barat" in html and "Jawa Timur" not in html


def test_reports_list_for_national_users_lists_every_province_once(
    client, national_admin, django_assert_max_num_queries
):
    client.force_login(national_admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("participants:report-list"))
    assert response.content.decode().count('data-testid="report-row"') == 38


def test_report_history_shows_steps_and_changed_values(client, report, kalbar_officer):
    counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 4321)], source="web")
    client.force_login(kalbar_officer)
    html = client.get(url("report-history")).content.decode()
    assert "4.321" in html and "web" in html and kalbar_officer.get_full_name() in html


def test_cell_history_shows_old_and_new_value_and_channel(client, report, kalbar_officer):
    counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 4321)], source="import")
    client.force_login(kalbar_officer)
    response = client.get(url("cell-history", "61.71", "PU"), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "4.321" in html and "import" in html
    old = next(
        c
        for c in full_month("61")
        if c.region_id == report.counts.get(region__code="61.71", category__code="PU").region_id
        and c.active_participants
    )
    assert f"{old.active_participants:,}".replace(",", ".") in html


@pytest.mark.parametrize("name", ["report-history", "grid"])
def test_outsider_sees_no_audit_or_grid_of_another_province(client, report, jatim_officer, name):
    client.force_login(jatim_officer)
    assert client.get(url(name)).status_code == 404


def test_outsider_sees_no_cell_history(client, report, jatim_officer):
    client.force_login(jatim_officer)
    assert client.get(url("cell-history", "61.71", "PU")).status_code == 404
