"""Real third-party DHIS2 clients, unchanged, against a live server: dhis2.py (Basic) and
dhis2-client (ApiToken) read a month, import with each strategy, dry run and async."""

from __future__ import annotations

import pytest
from dhis2 import Api
from dhis2_client import DHIS2Client
from knox.models import AuthToken

from participants.models import ParticipantCount

pytestmark = pytest.mark.django_db(transaction=True)
MONTH = {"orgUnit": "61.71", "period": "202312"}


def _value(value: str) -> dict:
    return {
        "dataValues": [
            {"orgUnit": "61.71", "dataElement": "PU", "period": "202312", "value": value}
        ]
    }


def _stored() -> int | None:
    return ParticipantCount.objects.get(
        region__code="61.71", category__code="PU"
    ).active_participants


def test_dhis2_py_reads_and_imports_with_basic_auth(live_server, kalbar_month, kalbar_officer):
    kalbar_officer.set_password("a long pass phrase")
    kalbar_officer.save()
    api = Api(live_server.url, kalbar_officer.username, "a long pass phrase")
    assert api.version_int >= 38
    values = api.get("dataValueSets", params=MONTH).json()["dataValues"]
    assert {v["dataElement"] for v in values} >= {"PU"}
    for strategy, value, expected in (
        ("CREATE_AND_UPDATE", "901", 901),
        ("UPDATE", "902", 902),
        ("CREATE", "903", 902),
    ):
        answer = api.post("dataValueSets", _value(value), params={"importStrategy": strategy})
        assert answer.json()["response"]["status"] == "SUCCESS"
        assert _stored() == expected
    dry = api.post("dataValueSets", _value("904"), params={"dryRun": "true"}).json()
    assert dry["response"]["importCount"]["updated"] == 1 and _stored() == 902
    job = api.post("dataValueSets", _value("905"), params={"async": "true"}).json()["response"]
    summary = api.get(f"system/taskSummaries/DATAVALUE_IMPORT/{job['id']}").json()
    assert summary["importCount"]["updated"] == 1 and _stored() == 905
    deleted = api.post("dataValueSets", _value("905"), params={"importStrategy": "DELETE"}).json()
    assert deleted["response"]["importCount"]["deleted"] == 1 and _stored() is None


def test_dhis2_client_with_an_api_token(live_server, kalbar_month, kalbar_officer):
    _token, text = AuthToken.objects.create(user=kalbar_officer)
    client = DHIS2Client(live_server.url, token=text)
    assert client.get("/api/system/info")["version"].startswith("2.")
    assert client.get("/api/me")["username"] == kalbar_officer.username
    month = client.get("/api/dataValueSets", params=MONTH)
    assert month["dataValues"]
    answer = client.post("/api/dataValueSets", json=_value("777"))
    assert answer["response"]["status"] == "SUCCESS" and _stored() == 777
    client.close()
