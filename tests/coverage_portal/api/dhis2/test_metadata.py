"""DHIS2 metadata a client maps against: the one data set, its elements, combos, units."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_one_data_set_with_its_elements(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    [data_set] = client.get("/api/dataSets.json").json()["dataSets"]
    assert data_set["id"] == data_set["code"] == "KEPESERTAAN"
    assert data_set["periodType"] == "Monthly"
    elements = {e["dataElement"]["id"] for e in data_set["dataSetElements"]}
    listed = client.get("/api/dataElements", {"paging": "false"}).json()["dataElements"]
    assert elements == {e["code"] for e in listed} and "PU" in elements
    assert client.get("/api/dataElements/PU").json()["valueType"] == "INTEGER_ZERO_OR_POSITIVE"


def test_category_option_combos_include_dhis2s_default(api_as):
    combos = api_as("viewer").get("/api/categoryOptionCombos").json()["categoryOptionCombos"]
    assert {c["id"] for c in combos} == {"ACTIVE", "INACTIVE", "EMPLOYERS", "HllvX50cXC0"}


def test_organisation_units_in_scope_with_code_name_parent_and_level(api_as):
    body = api_as("kalbar_officer").get("/api/organisationUnits", {"pageSize": "5"}).json()
    assert body["pager"]["pageSize"] == 5 and body["pager"]["total"] > 14
    units = api_as("kalbar_officer").get("/api/organisationUnits?paging=false").json()
    by_code = {u["code"]: u for u in units["organisationUnits"]}
    assert by_code["61"]["level"] == 2 and by_code["61.71"]["level"] == 3
    assert by_code["61.71"]["parent"] == {"id": "61"} and by_code["61.71"]["name"]
    assert "35" not in by_code  # Jawa Timur is outside a Kalimantan Barat officer's scope
    assert api_as("kalbar_officer").get("/api/organisationUnits/35.78").status_code == 404


def test_metadata_needs_an_account(api_as):
    assert api_as("anonymous").get("/api/dataSets").status_code == 401
