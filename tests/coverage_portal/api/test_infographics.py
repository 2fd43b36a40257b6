import datetime as dt

import pytest
from rest_framework.test import APIClient

from tests.coverage_portal.factories import total_row

pytestmark = pytest.mark.django_db


def test_the_infographic_in_the_api(viewer, kalbar_officer):
    total_row("61", dt.date(2022, 12, 1), 632_494)
    client = APIClient()
    client.force_authenticate(kalbar_officer)
    response = client.get("/api/v1/infographics/61/", {"bulan": "2022-12"})
    assert response.status_code == 200 and response.content.startswith(b"\x89PNG")
    assert client.get("/api/v1/infographics/35/").status_code == 404
