"""Whatever is typed into the data-entry grid: never a 500, and all of it or none is stored."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participants.models import Category, MonthlyReport, ParticipantCount
from regions.models import Region
from tests import hostile

pytestmark = pytest.mark.django_db
URL = reverse("participants:grid", args=["61", "2023-12"])
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def stored() -> tuple:
    counts = ParticipantCount.objects.order_by("pk").values_list(
        "region_id", "category_id", "active_participants", "no_data_reason"
    )
    versions = MonthlyReport.objects.values_list("pk", "version")
    return tuple(counts), tuple(versions), ParticipantCount.history.count()


@FUZZ
@given(
    values=st.lists(hostile.number_text(), min_size=1, max_size=4),
    reasons=st.lists(hostile.text(300), max_size=2),
    version=st.one_of(st.just("0"), hostile.number_text()),
)
def test_bad_grid_input_is_never_a_server_error_nor_half_saved(
    client, kalbar_officer, values, reasons, version
):
    client.force_login(kalbar_officer)
    regencies = list(Region.objects.filter(parent__code="61").current().order_by("code")[:4])
    pu = Category.objects.get(code="PU").pk
    data = {"version": version}
    for regency, value in zip(regencies, values, strict=False):
        data[f"v-{regency.pk}-{pu}"] = value
    for regency, reason in zip(regencies, reasons, strict=False):
        data[f"r-{regency.pk}-{pu}"] = reason
    before = stored()
    hostile.tried()

    response = client.post(URL, data, HTTP_HX_REQUEST="true")

    assert not hostile.server_error(response.status_code)
    refused_at_the_door = response.status_code == 400  # coverage_portal.middleware
    if refused_at_the_door or b'data-testid="problem"' in response.content:
        assert not hostile.refused_yet_stored(before, stored())
    else:
        assert b'data-testid="saved"' in response.content
