"""The public page shows approved figures only: never a draft month or province, never
names of people; its downloads carry the same figures and a licence."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.cache import cache

from participants.services import recompute_stale
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
DEC, JAN = dt.date(2022, 12, 1), dt.date(2023, 1, 1)
APPROVED_PU, DRAFT_PU = 385_004, 777_123


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def months():
    """December: Kalimantan Barat approved, Jawa Timur still a draft. January: a draft."""
    put_counts("61", DEC, {"61.71": {"PU": APPROVED_PU, "BPU": 98_541}}, status="approved")
    put_counts("35", DEC, {"35.78": {"PU": DRAFT_PU}}, status="draft")
    put_counts("61", JAN, {"61.71": {"PU": 391_555}}, status="draft")
    put_workforce("61", 2022, 1_830_662)
    recompute_stale()


def text(response) -> str:
    return response.content.decode()


def test_anonymous_visitors_see_approved_province_figures(client, months):
    page = client.get("/publik/")
    assert page.status_code == 200
    body = text(page)
    assert "385.004" in body and "Kalimantan Barat" in body
    assert "26,41%" in body  # 385.004 + 98.541 of 1.830.662 employed


def test_a_draft_province_or_month_never_shows(client, months):
    body = text(client.get("/publik/"))
    assert "777.123" not in body
    assert 'data-testid="national-pending"' in body  # Jawa Timur's draft holds the nation back
    assert "391.555" not in body
    assert client.get("/publik/?bulan=2023-01").status_code == 404
    assert "777.123" not in text(client.get("/publik/data.csv?bulan=2022-12"))
    assert "777123" not in text(client.get("/publik/data.json?bulan=2022-12"))


def test_no_approved_month_says_so(client):
    page = client.get("/publik/")
    assert 'data-testid="public-empty"' in text(page)


def test_the_downloads_carry_the_figures_and_a_licence(client, months):
    csv_response = client.get("/publik/data.csv?bulan=2022-12")
    assert csv_response["Content-Type"].startswith("text/csv")
    assert 'rel="license"' in csv_response["Link"]
    rows = list(csv.DictReader(io.StringIO(text(csv_response))))
    kalbar = next(r for r in rows if r["region_code"] == "61" and r["category"] == "")
    assert kalbar["participants"] == str(APPROVED_PU + 98_541)
    assert kalbar["denominator_kind"] == "EMPLOYED"
    data = client.get("/publik/data.json?bulan=2022-12").json()
    assert data["licence"]["name"].startswith("Creative Commons Attribution 4.0")
    assert {r["region_code"] for r in data["rows"]} == {"61"}


def test_no_names_of_people_or_internal_notes(client, months, kalbar_officer):
    from participants.models import WorkforceTotal

    kalbar_officer.first_name, kalbar_officer.last_name = "Siti", "Rahmawati"
    kalbar_officer.save()
    WorkforceTotal.objects.update(source="Surat Kadisnaker", note="Catatan internal")
    for url in ("/publik/", "/publik/data.csv?bulan=2022-12", "/publik/data.json?bulan=2022-12"):
        body = text(client.get(url))
        for secret in ("Rahmawati", kalbar_officer.username, "Kadisnaker", "Catatan internal"):
            assert secret not in body, (url, secret)


def test_the_page_is_in_indonesian_by_default_and_english_on_request(client, months):
    assert "Provinsi" in text(client.get("/publik/"))
    client.cookies["django_language"] = "en"
    assert "Provinces" in text(client.get("/publik/"))


def test_the_page_has_no_inline_script(client, months):
    body = text(client.get("/publik/"))
    assert "<script>" not in body and "onclick" not in body


def test_too_many_requests_from_one_address_are_refused(client, months, settings):
    settings.PUBLIC_RATE_PER_MINUTE = 3
    statuses = [client.get("/publik/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_figures_are_cached(client, months, django_assert_max_num_queries):
    client.get("/publik/")
    with django_assert_max_num_queries(3):
        client.get("/publik/")
