import pytest
from django.urls import reverse

from tests.agreements.factories import ActiveAgreementFactory

pytestmark = pytest.mark.django_db


def test_kolaka_staff_are_refused_a_kalbar_agreement_in_the_admin(client, kolaka_staff):
    agreement = ActiveAgreementFactory.create(title="MoU Kalbar")
    client.force_login(kolaka_staff)
    change = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    assert client.get(change).status_code == 403
    listing = client.get(reverse("admin:agreements_agreement_changelist"))
    assert "MoU Kalbar" not in listing.content.decode()


def test_the_owner_edits_an_agreement_in_the_admin_through_the_service(client, kalbar_officer):
    agreement = ActiveAgreementFactory.create(title="MoU Kalbar")
    client.force_login(kalbar_officer)
    change = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    assert client.get(change).status_code == 200
    listing = client.get(reverse("admin:agreements_agreement_changelist"))
    assert "MoU Kalbar" in listing.content.decode()
