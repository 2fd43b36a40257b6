"""ADX: the export validates against the IHE ADX 2015 loose schema, round-trips unchanged,
and the import refuses DTDs, entities and values the profile does not allow."""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema

from tests.coverage_portal.api.helpers import history_size, stored

pytestmark = pytest.mark.django_db
URL = "/api/v1/adx"
ADX = "application/adx+xml"
SCHEMA = Path(__file__).parent / "adx_schema" / "adx_loose.xsd"


@pytest.fixture(scope="module")
def adx_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


def document(groups: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-01-15T09:00:00+07:00">{groups}</adx>'
    ).encode()


def test_the_export_is_valid_against_the_ihe_schema(api_as, kalbar_month, adx_schema):
    response = api_as("kalbar_officer").get(URL, {"orgUnit": "61", "period": "2023-12"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(ADX)
    adx_schema.validate(response.content)
    text = response.content.decode()
    assert 'orgUnit="61.71" period="2023-12-01/P1M" dataSet="KEPESERTAAN"' in text
    assert text.count("<group ") == 14  # one per regency of Kalimantan Barat


def test_export_then_import_changes_nothing(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    exported = client.get(URL, {"orgUnit": "61", "period": "2023-12"}).content
    before, audit = stored(), history_size()
    response = client.post(URL, exported, content_type=ADX)
    assert response.status_code == 200, response.json()
    summary = response.json()["response"]
    assert summary["status"] == "SUCCESS"
    assert summary["importCount"]["ignored"] == exported.decode().count("<dataValue ")
    assert summary["importCount"]["imported"] == summary["importCount"]["updated"] == 0
    assert stored() == before and history_size() == audit


def test_an_import_changes_values_through_the_count_rules(api_as, kalbar_month):
    body = document(
        '<group orgUnit="61.71" period="2023-12-01/P1M">'
        '<dataValue dataElement="PU" value="4242"/>'
        '<dataValue dataElement="PU" measure="EMPLOYERS" value="17"/></group>'
    )
    summary = api_as("kalbar_officer").post(URL, body, content_type=ADX).json()["response"]
    assert summary["status"] == "SUCCESS"
    assert summary["importCount"]["updated"] == 1 and summary["importCount"]["imported"] == 1


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE adx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-01-15T09:00:00Z">
<group orgUnit="&secret;" period="2023-12-01/P1M"><dataValue dataElement="PU" value="1"/></group>
</adx>"""
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-01-15T09:00:00Z">&lol2;</adx>"""
PLAIN_DTD = b"""<?xml version="1.0"?><!DOCTYPE adx SYSTEM "http://example.invalid/adx.dtd">
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-01-15T09:00:00Z"/>"""


@pytest.mark.parametrize("body", [XXE, BOMB, PLAIN_DTD], ids=["xxe", "entity-bomb", "dtd"])
def test_dtds_and_entities_are_refused(api_as, body):
    response = api_as("kalbar_officer").post(URL, body, content_type=ADX)
    assert response.status_code == 400
    [conflict] = response.json()["response"]["conflicts"]
    assert conflict["value"] == "A DTD or entity declaration is not accepted in an ADX document."


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('period="2023-12-15/P1M"><dataValue dataElement="PU" value="1"/>', "calendar month"),
        ('period="2023-12-01/P1Y"><dataValue dataElement="PU" value="1"/>', "calendar month"),
        ('period="0000-12-01/P1M"><dataValue dataElement="PU" value="1"/>', "from 2000 to 2100"),
        ('period="9999-12-01/P1M"><dataValue dataElement="PU" value="1"/>', "from 2000 to 2100"),
        ('period="2023-12-01/P1M"><dataValue dataElement="PU" value="12.5"/>', "whole number"),
        ('period="2023-12-01/P1M"><dataValue dataElement="PU" value="many"/>', "whole number"),
        ('period="2023-12-01/P1M"><dataValue dataElement="PU" SEX="F" value="9"/>', "'SEX'"),
        (
            'period="2023-12-01/P1M"><dataValue dataElement="PU" MEASURE="EMPLOYERS" value="9"/>',
            "'MEASURE'",
        ),
        (
            'period="2023-12-01/P1M"><dataValue dataElement="PU" categoryOptionCombo="EMPLOYERS"'
            ' measure="NOPE" value="9"/>',
            None,
        ),
        (
            'period="2023-12-01/P1M" dataSet="OTHER"><dataValue dataElement="PU" value="9"/>',
            "OTHER",
        ),
    ],
)
def test_what_the_portal_does_not_know_is_a_conflict_never_stored(
    api_as, kalbar_month, value, message
):
    before = stored()
    body = document(f'<group orgUnit="61.71" {value}</group>')
    response = api_as("kalbar_officer").post(URL, body, content_type=ADX)
    if message is None:  # as in DHIS2, categoryOptionCombo is read in preference to measure
        assert response.status_code == 200, response.json()
        return
    assert response.status_code == 409
    assert message in response.json()["response"]["conflicts"][0]["value"]
    assert stored() == before


def test_broken_xml_and_a_foreign_root_are_refused(api_as):
    client = api_as("kalbar_officer")
    assert client.post(URL, b"<adx", content_type=ADX).status_code == 400
    other = b'<data xmlns="urn:example"/>'
    response = client.post(URL, other, content_type=ADX)
    assert "root element must be adx" in response.json()["response"]["conflicts"][0]["value"]


def test_other_content_types_are_refused(api_as):
    response = api_as("kalbar_officer").post(URL, {"x": 1}, format="json")
    assert response.status_code == 415


def test_an_empty_month_is_not_found(api_as):
    response = api_as("viewer").get(URL, {"orgUnit": "61", "period": "2023-12"})
    assert response.status_code == 404


def test_a_national_export_has_one_group_per_regency_with_counts(api_as, kalbar_month, adx_schema):
    response = api_as("national_admin").get(URL, {"orgUnit": "ID", "period": "2023-12"})
    adx_schema.validate(response.content)
    assert response.content.decode().count("<group ") == 14


def test_adx_travels_on_dhis2s_data_value_sets_too(api_as, kalbar_month, adx_schema):
    client = api_as("kalbar_officer")
    params = {"orgUnit": "61", "period": "202312"}
    by_suffix = client.get("/api/dataValueSets.adx", params)
    by_accept = client.get("/api/dataValueSets", params, HTTP_ACCEPT=ADX)
    for response in (by_suffix, by_accept):
        assert response["Content-Type"].startswith(ADX)
        adx_schema.validate(response.content)
    response = client.post("/api/dataValueSets", by_suffix.content, content_type=ADX)
    assert response.status_code == 200 and response.json()["response"]["status"] == "SUCCESS"


def test_the_export_is_valid_against_the_portals_strict_schema(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    served = client.get("/api/adx/schema.xsd")
    assert served.status_code == 200 and served["Content-Type"].startswith("application/xml")
    assert client.get("/api/v1/adx/schema.xsd").content == served.content
    strict = xmlschema.XMLSchema(served.content.decode())
    for org_unit in ("61", "61.71"):
        exported = client.get(URL, {"orgUnit": org_unit, "period": "2023-12"}).content
        strict.validate(exported)
    unknown = document(
        '<group orgUnit="61.71" period="2023-12-01/P1M" dataSet="KEPESERTAAN">'
        '<dataValue dataElement="PU" measure="MALE" value="1"/></group>'
    )
    assert not strict.is_valid(unknown)
    answer = client.post(URL, unknown, content_type=ADX).json()["response"]
    assert answer["status"] == "ERROR" and answer["conflicts"]
    assert api_as("anonymous").get("/api/adx/schema.xsd").status_code == 401
