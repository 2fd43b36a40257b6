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
    assert 'orgUnit="61.71" period="2023-12-01/P1M"' in text
    assert text.count("<group ") == 14  # one per regency of Kalimantan Barat


def test_export_then_import_changes_nothing(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    exported = client.get(URL, {"orgUnit": "61", "period": "2023-12"}).content
    before, audit = stored(), history_size()
    response = client.post(URL, exported, content_type=ADX)
    assert response.status_code == 200, response.json()
    summary = response.json()
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
    summary = api_as("kalbar_officer").post(URL, body, content_type=ADX).json()
    assert summary["status"] == "SUCCESS"
    assert summary["importCount"]["updated"] == 2


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
    assert response.json()["conflicts"] == [
        {
            "object": "adx",
            "value": "A DTD or entity declaration is not accepted in an ADX document.",
        }
    ]


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        (
            '<group orgUnit="61.71" period="2023-12-15/P1M"><dataValue dataElement="PU" value="1"/>'
            "</group>",
            "calendar month period such as 2023-12-01/P1M",
        ),
        (
            '<group orgUnit="61.71" period="2023-12-01/P1Y"><dataValue dataElement="PU" value="1"/>'
            "</group>",
            "calendar month period",
        ),
        (
            '<group orgUnit="61.71" period="2023-12-01/P1M">'
            '<dataValue dataElement="PU" value="12.5"/></group>',
            "value 12.5 of PU is a count of people: give a whole number.",
        ),
        (
            '<group orgUnit="61.71" period="2023-12-01/P1M">'
            '<dataValue dataElement="PU" value="many"/></group>',
            "value 'many' is not a number (xs:decimal).",
        ),
    ],
)
def test_periods_and_values_the_profile_does_not_allow_are_refused(api_as, groups, message):
    response = api_as("kalbar_officer").post(URL, document(groups), content_type=ADX)
    assert response.status_code == 400
    assert message in response.json()["conflicts"][0]["value"]


def test_broken_xml_and_a_foreign_root_are_refused(api_as):
    client = api_as("kalbar_officer")
    assert client.post(URL, b"<adx", content_type=ADX).status_code == 400
    other = b'<data xmlns="urn:example"/>'
    response = client.post(URL, other, content_type=ADX)
    assert "root element must be adx" in response.json()["conflicts"][0]["value"]


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
