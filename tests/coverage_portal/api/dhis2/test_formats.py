"""DHIS2's formats on one endpoint: JSON, DXF2 XML, CSV (suffix or Accept), read and written."""

from __future__ import annotations

import defusedxml.ElementTree as SafeET
import pytest

from participants.models import ParticipantCount
from tests.coverage_portal.api.helpers import stored

pytestmark = pytest.mark.django_db
URL = "/api/dataValueSets"
MONTH = {"orgUnit": "61", "period": "202312"}
DXF = "{http://dhis2.org/schema/dxf/2.0}"


def test_xml_out_and_back_in_changes_nothing(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    by_suffix = client.get(f"{URL}.xml", MONTH)
    by_accept = client.get(URL, MONTH, HTTP_ACCEPT="application/xml")
    assert by_suffix["Content-Type"].startswith("application/xml")
    assert by_suffix.content.split(b">", 2)[2] == by_accept.content.split(b">", 2)[2]
    root = SafeET.fromstring(by_suffix.content)
    assert root.tag == f"{DXF}dataValueSet" and root.get("dataSet") == "KEPESERTAAN"
    before = stored()
    response = client.post(URL, by_suffix.content, content_type="application/xml")
    assert response.status_code == 200, response.json()
    assert response.json()["response"]["importCount"]["ignored"] == len(root)
    assert stored() == before


def test_csv_out_and_a_change_back_in(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    response = client.get(f"{URL}.csv", MONTH)
    assert response["Content-Type"].startswith("application/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("dataelement,period,orgunit,catoptcombo,attroptcombo,value")
    changed = [lines[0]] + [
        line.replace(",61.71,ACTIVE,HllvX50cXC0,", ",61.71,ACTIVE,HllvX50cXC0,")
        for line in lines[1:]
        if line.startswith("PU,202312,61.71,")
    ]
    parts = changed[1].split(",")
    parts[5] = "777"
    body = "\n".join([changed[0], ",".join(parts)]).encode()
    imported = client.post(URL, body, content_type="application/csv")
    assert imported.status_code == 200, imported.json()
    count = ParticipantCount.objects.get(region__code="61.71", category__code="PU")
    assert count.active_participants == 777


def test_a_csv_with_an_extra_column_is_a_conflict(api_as, kalbar_month):
    body = b"de,pe,ou,coc,aoc,value,sb,lu,c,f,d,sex\nPU,202312,61.71,,,5,,,,,,F\n"
    response = api_as("kalbar_officer").post(URL, body, content_type="text/csv")
    assert response.status_code == 409
    assert response.json()["response"]["conflicts"][0]["errorCode"] == "E7613"


def test_unknown_types_are_refused(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    assert client.get(URL, MONTH, HTTP_ACCEPT="text/html").status_code == 406
    assert client.post(URL, b"x", content_type="text/plain").status_code == 415
