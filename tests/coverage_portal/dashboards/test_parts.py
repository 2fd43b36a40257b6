"""The dashboards' cached parts: shared by users of one scope, invalidated by a recompute."""

import datetime as dt

import pytest
from django.urls import reverse

from participants.coverage import engine
from participants.models import MonthlyReport
from regions.models import Role
from tests.coverage_portal.dashboards.helpers import table_rows
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
PERIOD = dt.date(2022, 12, 1)


def kalbar_figure(client, url: str, testid: str, code: str) -> str:
    html = client.get(url, {"bulan": "2022-12"}).content.decode()
    return table_rows(html, testid)[code][2]


@pytest.fixture
def kalbar_counted():
    put_workforce("61", PERIOD.year, 1_000_000)
    put_counts("61", PERIOD, {"61.71": {"PU": 30_000}}, status=MonthlyReport.Status.APPROVED)
    engine.recompute_all()


def test_a_recompute_invalidates_the_cached_ranking_and_figures(client, viewer, kalbar_counted):
    client.force_login(viewer)
    national, province = reverse("dashboards:national"), reverse("dashboards:province", args=["61"])
    assert kalbar_figure(client, national, "ranking", "61") == "30.000"
    assert kalbar_figure(client, province, "regencies", "61.71") == "30.000"
    assert kalbar_figure(client, national, "ranking", "61") == "30.000"  # read from the cache

    put_counts("61", PERIOD, {"61.71": {"PU": 45_000}}, status=MonthlyReport.Status.APPROVED)
    assert kalbar_figure(client, national, "ranking", "61") == "30.000"  # not recomputed yet
    engine.recompute_all()
    assert kalbar_figure(client, national, "ranking", "61") == "45.000"
    assert kalbar_figure(client, province, "regencies", "61.71") == "45.000"


def test_a_cached_part_is_shared_only_within_one_scope(client, viewer, make_user, kalbar_counted):
    client.force_login(viewer)
    national = reverse("dashboards:national")
    assert "61" in table_rows(client.get(national).content.decode(), "ranking")
    jatim = make_user(Role.VIEWER, province="35")
    client.force_login(jatim)
    ranking = table_rows(client.get(national).content.decode(), "ranking")
    assert "61" not in ranking and "35" in ranking
