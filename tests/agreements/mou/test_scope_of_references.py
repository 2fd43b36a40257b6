"""An officer names only the BPJS offices serving their scope, through every door."""

import pytest
from django.core.exceptions import ValidationError

from agreements import services
from agreements.models import Agreement
from regions.models import Office
from tests.agreements.factories import region

pytestmark = pytest.mark.django_db


def test_the_service_refuses_an_office_outside_the_actors_scope(kalbar_officer, offices):
    agreement = Agreement(title="MoU", region=region("61"))
    agreement.office = Office.objects.get(code="cabang-kolaka")
    with pytest.raises(ValidationError, match="Kantor Cabang Kolaka"):
        services.agreement_record(actor=kalbar_officer, agreement=agreement, signatories=[])
    assert not Agreement.objects.exists()


def test_the_page_refuses_the_kolaka_office_for_a_kalbar_agreement(client, kalbar_officer, offices):
    client.force_login(kalbar_officer)
    kolaka = Office.objects.get(code="cabang-kolaka")
    data = {"kind": "mou", "title": "MoU", "region": region("61").pk, "office": kolaka.pk}
    data |= {"sig-TOTAL_FORMS": "0", "sig-INITIAL_FORMS": "0"}
    response = client.post("/kesepakatan/baru/", data)
    assert response.status_code == 200
    assert not Agreement.objects.exists()


def test_the_office_filter_offers_kolaka_staff_only_the_offices_they_may_see(client, kolaka_staff):
    client.force_login(kolaka_staff)
    for url in ("/kesepakatan/", "/kesepakatan/komitmen/"):
        offered = client.get(url).context["filter"].form.fields["office"].queryset
        assert 0 < offered.count() < Office.objects.count()
        assert not offered.filter(code="cabang-pontianak").exists()
