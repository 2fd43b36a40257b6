"""Dashboards kept as HTML (coverage_portal/dashboards/pages.py): a recompute, a report's
step or a new agreement shows on the next request; what is kept is never another scope's."""

import datetime as dt

import pytest
from django.urls import reverse

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
