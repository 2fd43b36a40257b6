"""DHIS2 dataValueSets: export, import, dry run, the import summary, and refusals named."""

from __future__ import annotations

import pytest

from participants.models import MonthlyReport, ParticipantCount
from participants.services import counts_write, report_approve, report_submit
from tests.coverage_portal.api.helpers import data_value, history_size, stored
from tests.participants.conftest import cell

pytestmark = pytest.mark.django_db
URL = "/api/v1/dataValueSets"


@pytest.fixture
def detailed_month(kalbar_month, kalbar_officer):
    """Beside the full month: inactive members and employers on one cell, no data on another."""
    counts_write(
        actor=kalbar_officer,
        cells=[
            cell("61.71", "PU", 132004, inactive_participants=20311, employers=3120),
            cell("61.72", "PMI", None, no_data_reason="Data BP2MI belum masuk"),
        ],
        source="web",
    )
    return kalbar_month


def test_a_province_exports_its_regencies_values(api_as, detailed_month):
    body = api_as("kalbar_officer").get(URL, {"orgUnit": "61", "period": "202312"}).json()
    assert body["orgUnit"] == "61" and body["period"] == "202312"
    values = {
        (v["orgUnit"], v["dataElement"], v["categoryOptionCombo"]): v for v in body["dataValues"]
    }
    assert values[("61.71", "PU", "ACTIVE")]["value"] == "132004"
    assert values[("61.71", "PU", "INACTIVE")]["value"] == "20311"
    assert values[("61.71", "PU", "EMPLOYERS")]["value"] == "3120"
    no_data = values[("61.72", "PMI", "ACTIVE")]
    assert no_data["value"] == "" and no_data["comment"] == "Data BP2MI belum masuk"
    assert {v["orgUnit"] for v in body["dataValues"]} == set(
        ParticipantCount.objects.filter(period__month=12).values_list("region__code", flat=True)
    )


def test_export_then_import_changes_nothing(api_as, detailed_month):
    client = api_as("kalbar_officer")
    exported = client.get(URL, {"orgUnit": "61", "period": "202312"}).json()
    before, audit = stored(), history_size()
    version = MonthlyReport.objects.get().version
    response = client.post(URL, exported, format="json")
    assert response.status_code == 200, response.json()
    summary = response.json()
    assert summary["status"] == "SUCCESS"
    assert summary["importCount"] == {
        "imported": 0,
        "updated": 0,
        "ignored": len(exported["dataValues"]),
        "deleted": 0,
    }
    assert stored() == before and history_size() == audit
    assert MonthlyReport.objects.get().version == version


def test_an_approved_month_round_trips_but_refuses_a_change(
    api_as, detailed_month, kalbar_officer, kalbar_approver
):
    report_submit(actor=kalbar_officer, report=detailed_month, acknowledge_warnings=True)
    report_approve(actor=kalbar_approver, report=detailed_month)
    client = api_as("kalbar_officer")
    exported = client.get(URL, {"orgUnit": "61", "period": "202312"}).json()
    assert client.post(URL, exported, format="json").json()["status"] == "SUCCESS"
    changed = {"dataValues": [data_value("61.71", "PU", "132005")]}
    response = client.post(URL, changed, format="json")
    assert response.status_code == 409
    assert response.json()["conflicts"] == [
        {
            "object": "61.71/PU/202312",
            "value": "The 2023-12 report is approved and cannot be changed.",
        }
    ]


def test_import_counts_new_changed_and_same_values(api_as, kalbar_month):
    body = {
        "period": "202312",
        "dataValues": [
            {"orgUnit": "61.71", "dataElement": "PU", "value": "999"},  # changed
            {
                "orgUnit": "61.71",
                "dataElement": "PU",
                "categoryOptionCombo": "EMPLOYERS",
                "value": "12",
            },
            {"orgUnit": "61.01", "dataElement": "BPU", "value": str(_stored("61.01", "BPU"))},
        ],
    }
    summary = api_as("kalbar_officer").post(URL, body, format="json").json()
    assert summary["importCount"] == {"imported": 0, "updated": 2, "ignored": 1, "deleted": 0}
    count = ParticipantCount.objects.get(region__code="61.71", category__code="PU")
    assert (count.active_participants, count.employers) == (999, 12)


def _stored(region, category):
    return ParticipantCount.objects.get(
        region__code=region, category__code=category
    ).active_participants


def test_a_dry_run_stores_nothing(api_as, kalbar_month):
    before = stored()
    body = {"dataValues": [data_value("61.71", "PU", "999")]}
    response = api_as("kalbar_officer").post(f"{URL}?dryRun=true", body, format="json")
    summary = response.json()
    assert response.status_code == 200
    assert summary["dryRun"] is True and summary["importCount"]["updated"] == 1
    assert stored() == before


def test_a_value_outside_the_scope_refuses_the_whole_set(api_as, kalbar_month):
    before = stored()
    body = {"dataValues": [data_value("61.71", "PU", "999"), data_value("35.78", "PU", "5000")]}
    response = api_as("kalbar_officer").post(URL, body, format="json")
    assert response.status_code == 409
    summary = response.json()
    assert summary["status"] == "ERROR"
    assert summary["importCount"]["imported"] == summary["importCount"]["updated"] == 0
    assert summary["conflicts"] == [
        {"object": "35.78/PU/202312", "value": "You may not enter data for Kota Surabaya."}
    ]
    assert stored() == before


def test_unknown_codes_are_named(api_as, kalbar_month):
    body = {"dataValues": [data_value("61", "PU", "1"), data_value("61.71", "XX", "1")]}
    conflicts = api_as("kalbar_officer").post(URL, body, format="json").json()["conflicts"]
    assert [c["object"] for c in conflicts] == ["61", "XX"]
    assert "per regency" in conflicts[0]["value"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"dataValues": "x"}, "Send an object with a list `dataValues`."),
        (
            {"dataValues": [data_value("61.71", "PU", "12.5")]},
            "value '12.5' is not a whole number.",
        ),
        ({"dataValues": [{**data_value("61.71", "PU", "1"), "period": "2023-12"}]}, "YYYYMM"),
        (
            {"dataValues": [data_value("61.71", "PU", "1", categoryOptionCombo="X")]},
            "is not one of",
        ),
    ],
)
def test_an_unreadable_set_is_a_400_with_a_clear_message(api_as, value, message):
    response = api_as("kalbar_officer").post(URL, value, format="json")
    assert response.status_code == 400
    assert message in response.json()["conflicts"][0]["value"]


def test_a_negative_value_is_refused_by_the_count_rules(api_as, kalbar_month):
    body = {"dataValues": [data_value("61.71", "PU", "-5")]}
    response = api_as("kalbar_officer").post(URL, body, format="json")
    assert response.status_code == 409
    assert "0 or more" in response.json()["conflicts"][0]["value"]


@pytest.mark.parametrize("role", ["kalbar_approver", "viewer", "kolaka_staff", "outsider"])
def test_roles_that_do_not_enter_counts_cannot_import(api_as, role):
    body = {"dataValues": [data_value("61.71", "PU", "1")]}
    assert api_as(role).post(URL, body, format="json").status_code == 403


def test_export_outside_the_scope_is_not_found(api_as, kalbar_month):
    client = api_as("jatim_officer")
    assert client.get(URL, {"orgUnit": "61", "period": "202312"}).status_code == 404


@pytest.mark.parametrize("params", [{"orgUnit": "61"}, {"orgUnit": "61", "period": "2023-13"}])
def test_export_parameters_are_checked(api_as, params):
    response = api_as("kalbar_officer").get(URL, params)
    assert response.status_code == 400
    assert "period" in response.json()["errors"]
