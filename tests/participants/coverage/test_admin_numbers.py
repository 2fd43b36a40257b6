"""The admin reads workforce totals and targets the Indonesian way and shows them so."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from participants.models import Target, WorkforceKind, WorkforceTotal
from regions.models import Region
from tests.coverage_portal.factories import total_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, national_admin):
    national_admin.is_staff = national_admin.is_superuser = True
    national_admin.save()
    client.force_login(national_admin)
    return client


def _total(value):
    return {
        "kind": WorkforceKind.objects.get(code="EMPLOYED").pk,
        "region": Region.objects.get(code="61").pk,
        "year": "2023",
        "month": "",
        "value": value,
        "source": "BPS",
        "note": "",
    }


def test_a_workforce_total_typed_150_000_is_one_hundred_fifty_thousand(admin_client):
    response = admin_client.post(
        reverse("admin:participants_workforcetotal_add"), _total("150.000")
    )

    assert response.status_code == 302
    assert WorkforceTotal.objects.get().value == 150_000


def test_a_decimal_workforce_total_is_refused_with_a_message(admin_client):
    response = admin_client.post(reverse("admin:participants_workforcetotal_add"), _total("150,5"))

    assert response.status_code == 200
    assert not WorkforceTotal.objects.exists()
    assert "tanpa desimal" in response.content.decode()


def test_lists_and_forms_show_indonesian_formats(admin_client):
    total = WorkforceTotal.objects.create(
        kind=WorkforceKind.objects.get(code="EMPLOYED"),
        region=Region.objects.get(code="61"),
        year=2022,
        value=1_357_060,
        source="BPS",
    )
    listing = admin_client.get(reverse("admin:participants_workforcetotal_changelist"))
    change = admin_client.get(reverse("admin:participants_workforcetotal_change", args=[total.pk]))

    assert "1.357.060" in listing.content.decode()
    assert 'value="1.357.060"' in change.content.decode()
    assert ">2022<" in listing.content.decode()  # a year is no number to group


def test_a_target_percent_takes_a_comma(admin_client):
    form = {
        "region": Region.objects.get(code="61").pk,
        "year": "2024",
        "category": "",
        "participants": "235.000",
        "percent": "52,15",
        "source": "",
        "note": "",
    }
    response = admin_client.post(reverse("admin:participants_target_add"), form)

    assert response.status_code == 302
    target = Target.objects.get()
    assert (target.participants, str(target.percent)) == (235_000, "52.15")
    listing = admin_client.get(reverse("admin:participants_target_changelist")).content.decode()
    assert "235.000" in listing and "52,15%" in listing


def test_the_read_only_coverage_row_shows_its_figures_formatted(admin_client):
    row = total_row("61", dt.date(2022, 12, 1), 632_494, denominator=1_830_662)
    listing = admin_client.get(reverse("admin:participants_coveragerow_changelist"))
    page = admin_client.get(reverse("admin:participants_coveragerow_change", args=[row.pk]))

    assert page.status_code == 200
    assert row.coverage_percent == Decimal("34.5500")
    for html in (listing.content.decode(), page.content.decode()):
        assert "632.494" in html and "1.830.662" in html and "34,55%" in html
