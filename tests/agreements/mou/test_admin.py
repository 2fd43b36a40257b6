import pytest
from django.urls import reverse

from tests.agreements.factories import ActiveAgreementFactory, MeetingFactory, region

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


def test_meetings_in_the_admin_follow_the_regions_concerned(client, kolaka_staff):
    mine = MeetingFactory.create(title="Rapat Koltim", host_region=region("74.11"),
                                 regions=[region("74.11")])  # fmt: skip
    MeetingFactory.create(title="Rapat Kalbar")
    client.force_login(kolaka_staff)
    page = client.get(reverse("admin:agreements_meeting_changelist")).content.decode()
    assert "Rapat Koltim" in page
    assert "Rapat Kalbar" not in page
    assert client.get(reverse("admin:agreements_meeting_change", args=[mine.pk])).status_code == 200
