"""No N+1: a list costs the same few queries whatever the number of rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/counts/?province=61&period=2023-12&page_size=1000",
    "/api/v1/reports/",
    "/api/v1/regions/?page_size=1000",
    "/api/v1/dataValueSets?orgUnit=61&period=202312",
    "/api/v1/adx?orgUnit=61&period=2023-12",
]


@pytest.mark.parametrize("url", LISTS)
def test_a_list_costs_a_fixed_number_of_queries(
    api_as, kalbar_month, url, django_assert_max_num_queries
):
    client = api_as("viewer")
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200


def test_agreements_and_meetings_lists_do_not_grow_with_rows(api_as):
    client = api_as("kolaka_staff")

    def add(n: int) -> None:
        client.post(
            "/api/v1/agreements/",
            {"kind": "kso", "title": f"KSO {n}", "region": "74.11"},
            format="json",
        )
        client.post(
            "/api/v1/meetings/",
            {
                "kind": "kso",
                "title": f"Rapat {n}",
                "starts_at": "2021-10-14T10:00:00+08:00",
                "host_region": "74.11",
                "regions": ["74.11", "74.01"],
            },
            format="json",
        )

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add(0)
    urls = ("/api/v1/agreements/", "/api/v1/meetings/")
    for url in urls:  # the first request also reads what is then cached (token, scope)
        queries(url)
    # Signatories, attendees and follow-up actions are prefetched: a few queries per list.
    one = {url: queries(url) for url in urls}
    for n in range(1, 5):
        add(n)
    for url, count in one.items():
        assert client.get(url).json()["count"] == 5
        assert queries(url) == count <= 12
