"""The target projection is one rule: /cakupan/, /dasbor/ and coverage_report name one month."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from participants.coverage import engine as coverage
from participants.kernel.periods import add_months
from tests.participants.coverage.factories import put_counts, put_target, put_workforce

pytestmark = pytest.mark.django_db
JUNE = dt.date(2025, 6, 1)


@pytest.fixture
def six_rising_months():
    """January–June 2025 rising by 1.000 a month to 15.000; the 2025 target is 16.000."""
    for back in range(6):
        put_counts("61", add_months(JUNE, -back), {"61.71": {"PU": 15_000 - 1_000 * back}})
    put_workforce("61", 2025, 100_000)
    put_target("61", 2025, participants=16_000)
    coverage.recompute_stale()


def _coverage_page_month(client) -> dt.date:
    response = client.get(reverse("coverage:national"), {"period": "2025-06"})
    (line,) = [ln for ln in response.context["table"].lines if ln.region.code == "61"]
    return line.progress.reached_in


def _dashboard_month(client) -> dt.date:
    response = client.get(reverse("dashboards:province", args=["61"]), {"bulan": "2025-06"})
    return response.context["projection"].reached_in


def _command_month(capsys) -> str:
    call_command("coverage_report", region="61", period="2025-06")
    return json.loads(capsys.readouterr().out)["projection"]["reached_in"]


def test_every_surface_names_the_same_month(client, viewer, six_rising_months, capsys):
    client.force_login(viewer)
    assert _coverage_page_month(client) == dt.date(2025, 7, 1)
    assert _dashboard_month(client) == dt.date(2025, 7, 1)
    assert _command_month(capsys) == "2025-07"


def test_the_table_form_of_the_command_names_it_too(six_rising_months, capsys):
    call_command("coverage_report", region="61", period="2025-06", format="table")
    assert "target tercapai 2025-07 dengan laju ini" in capsys.readouterr().out
