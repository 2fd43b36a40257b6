import datetime as dt

import pytest
from rest_framework.test import APIClient

from participants.models import MonthlyReport
from regions.models import Region
from tests.coverage_portal.factories import MonthlyReportFactory

pytestmark = pytest.mark.django_db


def test_the_grid_in_the_api_scoped_with_validity(viewer, kalbar_officer):
    MonthlyReportFactory(province=Region.objects.get(code="61"), period=dt.date(2022, 12, 1),
                         status=MonthlyReport.Status.APPROVED,
                         submitted_at=dt.datetime(2023, 1, 5, tzinfo=dt.UTC))  # fmt: skip
    client = APIClient()
    client.force_authenticate(viewer)
    body = client.get("/api/v1/reporting-rates/", {"sampai": "2022-12", "jumlah": "6"}).json()
    by_code = {p["code"]: p for p in body["provinces"]}
    assert by_code["61"]["cells"][-1] == {"period": "2022-12", "state": "approved", "late": False}
    assert by_code["93"]["cells"][0]["state"] is None  # Papua Selatan, before August 2022
    assert by_code["93"]["cells"][-1]["state"] == "missing"
    client.force_authenticate(kalbar_officer)
    mine = client.get("/api/v1/reporting-rates/", {"sampai": "2022-12"}).json()
    assert [p["code"] for p in mine["provinces"]] == ["61"]
    assert client.get("/api/v1/reporting-rates/", {"jumlah": "0"}).status_code == 400
