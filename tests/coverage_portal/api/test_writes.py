"""Writes through the API use the same services as the pages: counts, workflow, workforce
totals and targets, agreements and their records — each refused to the roles that may not."""

from __future__ import annotations

import pytest

from agreements.models import Agreement, Regulation
from participants.models import MonthlyReport, ParticipantCount, WorkforceTotal
from tests.coverage_portal.api.conftest import ROLES

pytestmark = pytest.mark.django_db
BULK = "/api/v1/counts/bulk/"


def bulk(value=777, **extra):
    count = {"region": "61.71", "category": "PU", "period": "2023-12", "active_participants": value}
    return {"counts": [count], **extra}


# 409: an officer of another province may enter data, but not here; the cell is refused.
BULK_STATUS = {
    "national_admin": 200,
    "kalbar_officer": 200,
    "kalbar_approver": 403,
    "jatim_officer": 409,
    "viewer": 403,
    "kolaka_staff": 403,
    "outsider": 403,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", [*ROLES, "outsider", "anonymous"])
def test_bulk_counts_by_role(api_as, role, kalbar_month):
    response = api_as(role).post(BULK, bulk(), format="json")
    assert response.status_code == BULK_STATUS[role]
    stored = ParticipantCount.objects.get(region__code="61.71", category__code="PU")
    assert (stored.active_participants == 777) is (BULK_STATUS[role] == 200)


def test_bulk_dry_run_and_expected_versions(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    seen = {"province": "61", "period": "2023-12", "version": kalbar_month.version}
    dry = client.post(BULK, bulk(dry_run=True, expected_versions=[seen]), format="json").json()
    assert dry["updated"] == 1 and not dry["applied"]
    assert client.post(BULK, bulk(expected_versions=[seen]), format="json").json()["applied"]
    stale = client.post(BULK, bulk(778, expected_versions=[seen]), format="json")
    assert stale.status_code == 409
    assert stale.json()["errors"][0]["field"] == "version"


def test_bulk_names_every_bad_cell(api_as):
    body = {
        "counts": [
            {"region": "61.71", "category": "PU", "period": "2023-13", "active_participants": 1},
            {"region": "61.99", "category": "PU", "period": "2023-12", "active_participants": 1},
        ]
    }
    client = api_as("kalbar_officer")
    first = client.post(BULK, body, format="json")
    assert first.status_code == 400
    assert first.json()["errors"] == [
        {
            "index": 0,
            "field": "period",
            "message": "Give a month as YYYY-MM, e.g. 2023-12, not '2023-13'.",
        }
    ]
    body["counts"].pop(0)
    second = client.post(BULK, body, format="json")
    assert second.status_code == 409
    assert second.json()["errors"][0]["message"] == "Unknown regency code '61.99'."


def test_the_workflow_through_the_api(api_as, kalbar_month):
    url = f"/api/v1/reports/{kalbar_month.pk}"
    officer, approver, admin = (
        api_as(r) for r in ("kalbar_officer", "kalbar_approver", "national_admin")
    )
    assert approver.post(f"{url}/submit/", {}, format="json").status_code == 403
    submitted = officer.post(f"{url}/submit/", {"acknowledge_warnings": True}, format="json")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert officer.post(f"{url}/approve/").status_code == 403
    refused = approver.post(f"{url}/send-back/", {"comment": ""}, format="json")
    assert refused.status_code == 400
    assert approver.post(f"{url}/approve/").json()["locked"] is True
    assert approver.post(f"{url}/reopen/", {"reason": "x"}, format="json").status_code == 403
    reopened = admin.post(f"{url}/reopen/", {"reason": "Koreksi Sambas"}, format="json").json()
    assert reopened["status"] == "reopened"
    assert [e["action"] for e in reopened["events"]][-3:] == ["submitted", "approved", "reopened"]


def test_a_step_that_is_not_possible_now_is_a_400(api_as, kalbar_month):
    response = api_as("kalbar_approver").post(f"/api/v1/reports/{kalbar_month.pk}/approve/")
    assert response.status_code == 400
    assert response.json()["detail"] == "This report is draft; that step is not possible now."


def test_another_provinces_report_is_not_found(api_as, kalbar_month):
    assert (
        api_as("jatim_officer").post(f"/api/v1/reports/{kalbar_month.pk}/submit/").status_code
        == 404
    )


WORKFORCE = {"kind": "EMPLOYED", "region": "61", "year": 2022, "value": 1830662, "source": "BPS"}


@pytest.mark.parametrize("role", ROLES)
def test_only_national_administrators_write_workforce_totals(api_as, role):
    response = api_as(role).post("/api/v1/workforce-totals/", WORKFORCE, format="json")
    assert response.status_code == (201 if role == "national_admin" else 403)
    assert WorkforceTotal.objects.filter(region__code="61").exists() is (role == "national_admin")


def test_workforce_total_rules_come_back_as_400(api_as):
    client = api_as("national_admin")
    client.post("/api/v1/workforce-totals/", WORKFORCE, format="json")
    again = client.post("/api/v1/workforce-totals/", WORKFORCE, format="json")
    assert again.status_code == 400
    total = WorkforceTotal.objects.get()
    patched = client.patch(f"/api/v1/workforce-totals/{total.pk}/", {"value": 1}, format="json")
    assert patched.json()["value"] == 1


AGREEMENT = {"kind": "kso", "title": "KSO Kolaka Timur", "region": "74.11"}


@pytest.mark.parametrize("role", ROLES)
def test_agreements_are_recorded_within_the_scope(api_as, role):
    response = api_as(role).post("/api/v1/agreements/", AGREEMENT, format="json")
    allowed = role in ("national_admin", "kolaka_staff")
    assert response.status_code == (201 if allowed else 403)
    if allowed:
        assert response.json()["status"] == "draft"
        assert Agreement.objects.get().created_by is not None


def test_agreement_update_and_records_go_through_the_services(api_as):
    client = api_as("kolaka_staff")
    created = client.post("/api/v1/agreements/", AGREEMENT, format="json").json()
    patched = client.patch(f"/api/v1/agreements/{created['id']}/", {"title": "KSO"}, format="json")
    assert patched.json()["title"] == "KSO"
    assert (
        client.patch(
            f"/api/v1/agreements/{created['id']}/", {"status": "active"}, format="json"
        ).json()["status"]
        == "draft"
    )
    regulation = {"region": "74.11", "kind": "perda", "number": "5", "year": 2020, "title": "Perda"}
    assert client.post("/api/v1/regulations/", regulation, format="json").status_code == 201
    assert client.post("/api/v1/regulations/", regulation, format="json").status_code == 400
    assert Regulation.objects.count() == 1
    commitment = {
        "region": "74.11",
        "agreement": created["id"],
        "kind": "budget",
        "description": "Iuran non-ASN",
        "responsible": "Pemkab",
    }
    assert client.post("/api/v1/commitments/", commitment, format="json").status_code == 201
    budget = {
        "region": "74.11",
        "year": 2022,
        "category_code": "NON_ASN",
        "amount": 1000,
        "realised": 2000,
    }
    assert client.post("/api/v1/budgets/", budget, format="json").status_code == 400


def test_meetings_need_every_region_in_scope(api_as):
    meeting = {
        "kind": "kso",
        "title": "Rapat KSO",
        "starts_at": "2021-10-14T10:00:00+08:00",
        "host_region": "74.11",
        "regions": ["74.11"],
        "offices": ["cabang-kolaka"],
    }
    client = api_as("kolaka_staff")
    assert client.post("/api/v1/meetings/", meeting, format="json").status_code == 201
    wider = {**meeting, "regions": ["74.11", "61.71"]}
    assert client.post("/api/v1/meetings/", wider, format="json").status_code == 403


def test_monthly_report_lookup_is_unaffected_by_writes(kalbar_month):
    assert MonthlyReport.objects.count() == 1
