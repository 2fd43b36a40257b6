"""Dashboards kept as HTML (coverage_portal/dashboards/pages.py): a recompute of a month the
page reads, a report's step or an agreement added, edited or deleted shows on the next
request; saves of a later month leave the page kept; what is kept is never another scope's."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.models import Agreement
from agreements.services import agreement_save
from participants.coverage import engine
from participants.models import MonthlyReport
from participants.services import report_reopen
from regions.models import Role
from tests.agreements.factories import ActiveAgreementFactory
from tests.coverage_portal.dashboards.test_parts import kalbar_figure
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
PERIOD = dt.date(2022, 12, 1)


@pytest.fixture
def kalbar_approved():
    put_workforce("61", PERIOD.year, 1_000_000)
    report = put_counts("61", PERIOD, {"61.71": {"PU": 30_000}}, status="approved")
    engine.recompute_all()
    return report


def month_label(html: str) -> str:
    option = html.split('<option value="2022-12"')[1]
    return option.split(">", 1)[1].split("<", 1)[0]


def test_a_report_step_shows_in_the_kept_month_selector_before_any_recompute(
    client, viewer, make_user, kalbar_approved, english
):
    client.force_login(viewer)
    client.cookies["django_language"] = "en"
    national = reverse("dashboards:national")
    assert "partial: 1 of 37 provinces" in month_label(client.get(national).content.decode())
    assert "1 of 37" in month_label(client.get(national).content.decode())  # kept

    report_reopen(actor=make_user(Role.NATIONAL_ADMIN), report=kalbar_approved, reason="fix")
    assert MonthlyReport.objects.get(pk=kalbar_approved.pk).status == "reopened"
    assert "partial: 0 of 37 provinces" in month_label(client.get(national).content.decode())


def test_a_recompute_shows_on_the_kept_regency_page(client, viewer, kalbar_approved):
    client.force_login(viewer)
    regency = reverse("dashboards:regency", args=["61.71"])
    figure = 'data-testid="total-participants">'
    assert f"{figure}30.000<" in client.get(regency, {"bulan": "2022-12"}).content.decode()
    put_counts("61", PERIOD, {"61.71": {"PU": 45_000}}, status="approved")
    engine.recompute_all()
    assert f"{figure}45.000<" in client.get(regency, {"bulan": "2022-12"}).content.decode()
    assert kalbar_figure(client, reverse("dashboards:national"), "ranking", "61") == "45.000"


def test_a_new_agreement_shows_on_the_kept_province_page_at_once(client, viewer, kalbar_approved):
    client.force_login(viewer)
    province = reverse("dashboards:province", args=["61"])
    before = client.get(province, {"bulan": "2022-12"}).content.decode()
    assert "Nota kesepakatan Kalbar 2022" not in before
    ActiveAgreementFactory(
        title="Nota kesepakatan Kalbar 2022",
        signed_on=dt.date(2022, 6, 1),
        valid_from=dt.date(2022, 6, 1),
    )
    after = client.get(province, {"bulan": "2022-12"}).content.decode()
    assert "Nota kesepakatan Kalbar 2022" in after.split('data-testid="timeline"')[1]
    assert before.split('data-testid="regencies"')[1] == after.split('data-testid="regencies"')[1]


def queries_of(client, url, **params):
    with CaptureQueriesContext(connection) as done:
        response = client.get(url, params)
    assert response.status_code == 200
    # Below the header (each response masks its CSRF token anew).
    return len(done.captured_queries), response.content.decode().split("<main", 1)[1]


def test_next_months_saves_leave_this_months_page_kept(client, viewer, kalbar_approved):
    client.force_login(viewer)
    national = reverse("dashboards:national")
    built, first = queries_of(client, national, bulan="2022-12")
    kept, again = queries_of(client, national, bulan="2022-12")
    assert kept < built and again == first

    put_counts("61", dt.date(2023, 1, 1), {"61.71": {"PU": 31_000}})  # the month-end's saves
    engine.recompute_all()
    after, later = queries_of(client, national, bulan="2022-12")
    # The new month joins the month selector, so the page is drawn again once …
    assert after > kept
    assert '<option value="2023-01"' in later and '<option value="2023-01"' not in first
    # … and stays kept while that month's figures change (the recompute the save queues
    # redraws only the stale months).
    put_counts("61", dt.date(2023, 1, 1), {"61.71": {"PU": 32_000}})
    assert engine.recompute_stale() > 0
    assert queries_of(client, national, bulan="2022-12") == (kept, later)


def test_an_earlier_months_recompute_shows_on_the_kept_page(client, viewer, kalbar_approved):
    client.force_login(viewer)
    regency = reverse("dashboards:regency", args=["61.71"])
    _, before = queries_of(client, regency, bulan="2022-12")
    assert "12.345" not in before
    put_counts("61", dt.date(2022, 6, 1), {"61.71": {"PU": 12_345}}, status="approved")
    engine.recompute_all()
    _, after = queries_of(client, regency, bulan="2022-12")
    assert "12.345" in after.split('data-testid="trend"')[1]


def test_an_agreement_edited_or_deleted_shows_on_the_kept_page_at_once(
    client, viewer, make_user, kalbar_approved
):
    agreement = ActiveAgreementFactory(
        title="Nota kesepakatan Kalbar 2022",
        signed_on=dt.date(2022, 6, 1),
        valid_from=dt.date(2022, 6, 1),
    )
    client.force_login(viewer)
    province = reverse("dashboards:province", args=["61"])

    def timeline() -> str:
        html = client.get(province, {"bulan": "2022-12"}).content.decode()
        return html.split('data-testid="timeline"')[1]

    assert "Nota kesepakatan Kalbar 2022" in timeline()
    assert "Nota kesepakatan Kalbar 2022" in timeline()  # kept
    edited = Agreement.objects.get(pk=agreement.pk)
    edited.title = "Perjanjian kerja sama Kalbar 2022"
    agreement_save(actor=make_user(Role.NATIONAL_ADMIN), agreement=edited)
    assert "Perjanjian kerja sama Kalbar 2022" in timeline()
    edited.delete()
    assert "Kalbar 2022" not in timeline()
