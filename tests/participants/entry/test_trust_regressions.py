"""Counts, the grid and its history within their bounds and scope: one test a defect."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from participants.entry.services import counts_write
from participants.models import Category, ParticipantCount
from regions.models import Region
from tests import hostile
from tests.participants.conftest import DECEMBER, cell
from tests.participants.transfer.helpers import csv_bytes

pytestmark = pytest.mark.django_db
MONTH = f"{DECEMBER:%Y-%m}"


def grid(province: str = "61") -> str:
    return reverse("participants:grid", args=[province, MONTH])


def field(code: str, category: str = "PU") -> str:
    region = Region.objects.get(code=code)
    return f"v-{region.pk}-{Category.objects.get(code=category).pk}"


@pytest.mark.parametrize("value", [2**63 - 1, 10**28, 50_000_001])
def test_an_absurd_count_is_refused_and_nothing_is_saved(english, value):
    hostile.tried()
    result = counts_write(actor=None, cells=[cell("61.71", "PU", value)], source="import")
    assert not result.applied and "too large" in result.errors[0].message
    assert not ParticipantCount.objects.exists()


def test_the_database_refuses_a_count_beyond_the_bound():
    counts_write(actor=None, cells=[cell("61.71", "PU", 1)], source="import")
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipantCount.objects.update(active_participants=2**63 - 1)


@pytest.mark.parametrize("text", ["9" * 29, "9" * 5000, "9.223.372.036.854.775.807"])
def test_a_count_of_many_digits_is_a_message_on_the_grid(client, kalbar_officer, text):
    client.force_login(kalbar_officer)
    hostile.tried()
    response = client.post(grid(), {"version": "0", field("61.71"): text}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and b'data-testid="problem"' in response.content
    assert not ParticipantCount.objects.exists()


def test_a_nul_in_a_no_data_reason_is_a_message(client, kalbar_officer):
    client.force_login(kalbar_officer)
    region = Region.objects.get(code="61.71")
    reason = f"r-{region.pk}-{Category.objects.get(code='PU').pk}"
    hostile.tried()
    response = client.post(
        grid(), {"version": "0", reason: "tidak ada\x00data"}, HTTP_HX_REQUEST="true"
    )
    # Refused at the door, with its reason (coverage_portal.middleware).
    assert response.status_code == 400 and "kontrol" in response.content.decode()
    assert not ParticipantCount.objects.exists()


def test_history_pages_name_the_system_for_changes_nobody_made(client, kalbar_officer, tmp_path):
    path = tmp_path / "counts.csv"
    path.write_bytes(csv_bytes([(MONTH, "61.71", "PU", "1000")]))
    call_command("import_counts", str(path))  # no --user: the system made the change
    client.force_login(kalbar_officer)
    history = client.get(reverse("participants:report-history", args=["61", MONTH]))
    one_cell = client.get(
        reverse("participants:cell-history", args=["61", MONTH, "61.71", "PU"]),
        HTTP_HX_REQUEST="true",
    )
    assert history.status_code == 200 and one_cell.status_code == 200
    assert "sistem" in history.content.decode() or "system" in history.content.decode()


def test_branch_staff_see_neither_the_values_nor_the_history_of_other_regencies(
    client, kolaka_staff
):
    counts_write(
        actor=None,
        cells=[cell("74.01", "PU", 7_401_017), cell("74.02", "PU", 7_402_017)],
        source="import",
    )
    client.force_login(kolaka_staff)
    page = client.get(grid("74")).content.decode()
    history = client.get(reverse("participants:report-history", args=["74", MONTH]))
    other = reverse("participants:cell-history", args=["74", MONTH, "74.02", "PU"])
    assert "7.401.017" in page and "7.402.017" not in page and "74.02" not in page
    assert "7.402.017" not in history.content.decode()
    assert client.get(other).status_code == 404
