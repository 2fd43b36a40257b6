"""Every API resource × every role: anonymous 401, no role 403, and each role sees only its
scope, as on the pages."""

from __future__ import annotations

import pytest

from tests.coverage_portal.api.conftest import ROLES

pytestmark = pytest.mark.django_db

READS = [
    "/api/v1/regions/",
    "/api/v1/regions/61/",
    "/api/v1/categories/",
    "/api/v1/workforce-kinds/",
    "/api/v1/reports/",
    "/api/v1/counts/?province=61&period=2023-12",
    "/api/v1/coverage/?period=2023-12",
    "/api/v1/workforce-totals/",
    "/api/v1/targets/",
    "/api/v1/agreements/",
    "/api/v1/meetings/",
    "/api/v1/commitments/",
    "/api/v1/regulations/",
    "/api/v1/budgets/",
    "/api/v1/dataValueSets?orgUnit=ID&period=202312",
    "/api/schema/?format=json",
]


@pytest.mark.parametrize("url", READS)
def test_anonymous_gets_401(api_as, url):
    response = api_as("anonymous").get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("url", [u for u in READS if "schema" not in u])
def test_an_account_without_a_role_gets_403(api_as, url):
    assert api_as("outsider").get(url).status_code == 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", [u for u in READS if "61/" not in u and "orgUnit" not in u])
def test_every_role_reads_every_list(api_as, role, url):
    assert api_as(role).get(url).status_code == 200


# Who sees Kalimantan Barat's December counts: its own people and national accounts.
KALBAR_COUNTS = {
    "national_admin": True,
    "kalbar_officer": True,
    "kalbar_approver": True,
    "jatim_officer": False,
    "viewer": True,
    "kolaka_staff": False,
}


@pytest.mark.parametrize("role", ROLES)
def test_counts_follow_the_scope(api_as, role, kalbar_month):
    body = api_as(role).get("/api/v1/counts/?province=61&period=2023-12").json()
    assert (body["count"] > 0) is KALBAR_COUNTS[role]
    reports = api_as(role).get("/api/v1/reports/").json()
    assert (reports["count"] == 1) is KALBAR_COUNTS[role]


@pytest.mark.parametrize("role", ROLES)
def test_a_region_outside_the_scope_is_not_found(api_as, role):
    status = api_as(role).get("/api/v1/regions/61.71/").status_code
    assert status == (200 if KALBAR_COUNTS[role] else 404)


@pytest.mark.parametrize("role", ROLES)
def test_a_report_outside_the_scope_is_not_found(api_as, role, kalbar_month):
    status = api_as(role).get(f"/api/v1/reports/{kalbar_month.pk}/").status_code
    assert status == (200 if KALBAR_COUNTS[role] else 404)


def test_branch_staff_see_only_the_regencies_they_serve(api_as):
    body = api_as("kolaka_staff").get("/api/v1/regions/?parent=74&page_size=100").json()
    assert sorted(r["code"] for r in body["results"]) == ["74.01", "74.08", "74.11"]


def test_a_revoked_token_is_refused(kalbar_officer):
    from knox.models import AuthToken
    from rest_framework.test import APIClient

    token, text = AuthToken.objects.create(user=kalbar_officer)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {text}")
    assert client.get("/api/v1/categories/").status_code == 200
    token.delete()
    assert client.get("/api/v1/categories/").status_code == 401


def test_session_authentication_works_for_the_docs(client, viewer):
    client.force_login(viewer)
    assert client.get("/api/v1/categories/").status_code == 200
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"<script>" not in docs.content  # the start-up script is a separate file (CSP)


def test_the_docs_send_anonymous_visitors_to_the_login_page(client):
    response = client.get("/api/docs/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_reads_carry_an_etag_and_answer_304_when_unchanged(api_as):
    client = api_as("viewer")
    first = client.get("/api/v1/categories/")
    again = client.get("/api/v1/categories/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_schema_documents_every_operation(api_as):
    schema = api_as("viewer").get("/api/schema/?format=json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method} {path} has no summary"
            assert {"400", "401", "403"} <= set(operation["responses"]), f"{method} {path}"
