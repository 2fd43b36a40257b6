"""An agreement names only the offices serving its province."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_officer_may_name_only_the_offices_serving_their_province(client, kalbar_officer):
    from regions.demo import seed_offices

    seed_offices()
    client.force_login(kalbar_officer)
    form = client.get(reverse("agreements:agreement-create")).context["form"]
    names = {office.code for office in form.fields["office"].queryset}
    assert "cabang-pontianak" in names and "cabang-kolaka" not in names
