"""DHIS2 dataValueSets: export, import by DHIS2's options, the WebMessage, conflicts named."""

from __future__ import annotations

import pytest

from participants.models import MonthlyReport, ParticipantCount
from participants.services import counts_write, report_approve, report_submit
from tests.coverage_portal.api.helpers import data_value, history_size, stored
from tests.participants.conftest import cell

pytestmark = pytest.mark.django_db
URL = "/api/dataValueSets"


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


def _summary(response):
    return response.json()["response"]


def test_a_province_exports_its_regencies_values(api_as, detailed_month):
    body = api_as("kalbar_officer").get(URL, {"orgUnit": "61", "period": "202312"}).json()
    assert body["orgUnit"] == "61" and body["period"] == "202312"
    assert body["dataSet"] == "KEPESERTAAN"
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
    message = response.json()
    assert (message["httpStatus"], message["status"]) == ("OK", "OK")
    summary = message["response"]
    assert summary["responseType"] == "ImportSummary" and summary["status"] == "SUCCESS"
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
    assert _summary(client.post(URL, exported, format="json"))["status"] == "SUCCESS"
    changed = {"dataValues": [data_value("61.71", "PU", "132005")]}
    response = client.post(URL, changed, format="json")
    assert response.status_code == 409
    [conflict] = _summary(response)["conflicts"]
    assert conflict["object"] == "61.71/PU/202312" and conflict["errorCode"] == "E7643"
    assert conflict["value"] == "The 2023-12 report is approved and cannot be changed."
    assert conflict["indexes"] == [0]


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
    summary = _summary(api_as("kalbar_officer").post(URL, body, format="json"))
    assert summary["importCount"] == {"imported": 1, "updated": 1, "ignored": 1, "deleted": 0}
    count = ParticipantCount.objects.get(region__code="61.71", category__code="PU")
    assert (count.active_participants, count.employers) == (999, 12)


def _stored(region, category):
    return ParticipantCount.objects.get(
        region__code=region, category__code=category
    ).active_participants


@pytest.mark.parametrize("flag", ["true", "1", "TRUE", "yes"])
def test_a_dry_run_stores_nothing(api_as, kalbar_month, flag):
    before = stored()
    body = {"dataValues": [data_value("61.71", "PU", "999")]}
    response = api_as("kalbar_officer").post(f"{URL}?dryRun={flag}", body, format="json")
    summary = _summary(response)
    assert response.status_code == 200
    assert summary["importOptions"]["dryRun"] is True and summary["importCount"]["updated"] == 1
    assert stored() == before


def test_a_value_outside_the_scope_refuses_the_whole_set(api_as, kalbar_month):
    before = stored()
    body = {"dataValues": [data_value("61.71", "PU", "999"), data_value("35.78", "PU", "5000")]}
    response = api_as("kalbar_officer").post(URL, body, format="json")
    assert response.status_code == 409
    assert response.json()["httpStatus"] == "Conflict"
    summary = _summary(response)
    assert summary["status"] == "ERROR" and summary["rejectedIndexes"] == [1]
    assert summary["importCount"]["imported"] == summary["importCount"]["updated"] == 0
    [conflict] = summary["conflicts"]
    assert conflict["object"] == "35.78/PU/202312" and conflict["errorCode"] == "E7617"
    assert conflict["value"] == "You may not enter data for Kota Surabaya."
    assert stored() == before


def test_atomic_mode_none_stores_the_values_without_conflicts(api_as, kalbar_month):
    body = {"dataValues": [data_value("61.71", "PU", "999"), data_value("35.78", "PU", "5000")]}
    response = api_as("kalbar_officer").post(f"{URL}?atomicMode=NONE", body, format="json")
    assert response.status_code == 409
    summary = _summary(response)
    assert summary["status"] == "WARNING" and summary["rejectedIndexes"] == [1]
    assert summary["importCount"] == {"imported": 0, "updated": 1, "ignored": 1, "deleted": 0}
    assert _stored("61.71", "PU") == 999


def test_strategies_create_update_and_delete(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    old = _stored("61.71", "PU")
    values = {
        "dataValues": [
            data_value("61.71", "PU", "999"),
            data_value("61.71", "PU", "7", categoryOptionCombo="EMPLOYERS"),
        ]
    }
    created = _summary(client.post(f"{URL}?importStrategy=CREATE", values, format="json"))
    assert created["importCount"] == {"imported": 1, "updated": 0, "ignored": 1, "deleted": 0}
    assert _stored("61.71", "PU") == old  # CREATE leaves a stored value alone
    values["dataValues"][1]["value"] = "8"
    updated = _summary(client.post(f"{URL}?importStrategy=UPDATE", values, format="json"))
    assert updated["importCount"] == {"imported": 0, "updated": 2, "ignored": 0, "deleted": 0}
    audit = history_size()
    deleted = _summary(client.post(f"{URL}?importStrategy=delete", values, format="json"))
    assert deleted["importCount"] == {"imported": 0, "updated": 0, "ignored": 0, "deleted": 2}
    count = ParticipantCount.objects.get(region__code="61.71", category__code="PU")
    assert count.active_participants is None and count.employers is None and count.no_data
    assert history_size() > audit  # the clearing is in the audit trail
    export = client.get(URL, {"orgUnit": "61.71", "period": "202312"}).json()["dataValues"]
    assert ("PU", "ACTIVE") not in {(v["dataElement"], v["categoryOptionCombo"]) for v in export}
    with_deleted = client.get(
        URL, {"orgUnit": "61.71", "period": "202312", "includeDeleted": "true"}
    ).json()["dataValues"]
    assert any(v["dataElement"] == "PU" and v.get("deleted") for v in with_deleted)


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"categoryOptionCombo": "FEMALE"}, "E7613"),
        ({"categoryOptionCombo": "employers"}, "E7613"),
        ({"SEX": "F"}, "E7613"),
        ({"attributeOptionCombo": "X1234567890"}, "E7615"),
        ({"value": "12.5"}, "E7619"),
        ({"value": "1" * 5000}, "E7619"),
        ({"value": "1000000000000000000000000000000"}, "E7619"),
        ({"value": "١٢"}, "E7619"),
        ({"period": "000012"}, "E7611"),
        ({"period": "999912"}, "E7611"),
        ({"period": "2023-12"}, "E7611"),
        ({"orgUnit": "61.71\x00"}, "E7612"),
        ({"dataElement": "XX"}, "E7610"),
    ],
)
def test_anything_the_portal_does_not_know_is_a_conflict(api_as, kalbar_month, extra, code):
    before = stored()
    body = {"dataValues": [{**data_value("61.71", "PU", "1"), **extra}]}
    response = api_as("kalbar_officer").post(URL, body, format="json")
    assert response.status_code == 409
    [conflict] = _summary(response)["conflicts"]
    assert conflict["errorCode"] == code and conflict["indexes"] == [0]
    assert stored() == before


def test_a_huge_json_number_is_a_clear_conflict(api_as, kalbar_month):
    body = '{"dataValues": [{"orgUnit": "61.71", "dataElement": "PU", "period": "202312", '
    body += '"value": 1000000000000000000000000000000}]}'
    response = api_as("kalbar_officer").post(URL, body, content_type="application/json")
    assert response.status_code == 409
    assert "too large" in _summary(response)["conflicts"][0]["value"]


def test_dhis2s_default_category_option_combo_is_active_participants(api_as, kalbar_month):
    body = {"dataValues": [data_value("61.71", "PU", "998", categoryOptionCombo="HllvX50cXC0")]}
    response = api_as("kalbar_officer").post(URL, body, format="json")
    assert response.status_code == 200
    assert _stored("61.71", "PU") == 998


def test_an_unreadable_set_is_a_400(api_as):
    response = api_as("kalbar_officer").post(URL, {"dataValues": "x"}, format="json")
    assert response.status_code == 400
    assert "dataValues" in _summary(response)["conflicts"][0]["value"]


@pytest.mark.parametrize("role", ["kalbar_approver", "viewer", "kolaka_staff", "outsider"])
def test_roles_that_do_not_enter_counts_cannot_import(api_as, role):
    body = {"dataValues": [data_value("61.71", "PU", "1")]}
    assert api_as(role).post(URL, body, format="json").status_code == 403


def test_export_outside_the_scope_is_not_found(api_as, kalbar_month):
    client = api_as("jatim_officer")
    assert client.get(URL, {"orgUnit": "61", "period": "202312"}).status_code == 404


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"orgUnit": "61"}, 409),
        ({"orgUnit": "61", "period": "202313"}, 400),
        ({"orgUnit": "61", "period": "000012"}, 400),
        ({"orgUnit": "61", "period": "999912"}, 400),
        ({"orgUnit": "61", "startDate": "0000-01-01", "endDate": "2023-12-31"}, 400),
        ({"orgUnit": "61", "period": "202312", "limit": "-1"}, 400),
        ({"orgUnit": "61", "period": "202312", "dataSet": "OTHER"}, 400),
    ],
)
def test_export_parameters_are_checked(api_as, params, status):
    assert api_as("kalbar_officer").get(URL, params).status_code == status


def test_export_parameters_as_dhis2_reads_them(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    two = client.get(URL, {"orgUnit": ["61.71", "61.72"], "period": ["202312", "202311"]}).json()
    assert {v["orgUnit"] for v in two["dataValues"]} == {"61.71", "61.72"}
    ranged = client.get(
        URL, {"orgUnit": "61.71", "startDate": "2023-12-01", "endDate": "2023-12-31"}
    ).json()
    assert {v["period"] for v in ranged["dataValues"]} == {"202312"}
    recent = client.get(URL, {"orgUnit": "61", "lastUpdated": "2000-01-01"}).json()
    assert len(recent["dataValues"]) >= len(ranged["dataValues"])
    limited = client.get(URL, {"orgUnit": "61", "period": "202312", "limit": "2"}).json()
    assert len({(v["orgUnit"], v["dataElement"]) for v in limited["dataValues"]}) == 2
    children = client.get(URL, {"orgUnit": "61", "period": "202312", "children": "true"})
    assert children.status_code == 200
