import pytest
from django.urls import reverse

from tests.agreements.factories import MeetingFactory, region

pytestmark = pytest.mark.django_db


def test_meetings_in_the_admin_follow_the_regions_concerned(client, kolaka_staff):
    mine = MeetingFactory.create(title="Rapat Koltim", host_region=region("74.11"),
                                 regions=[region("74.11")])  # fmt: skip
    MeetingFactory.create(title="Rapat Kalbar")
    client.force_login(kolaka_staff)
    page = client.get(reverse("admin:agreements_meeting_changelist")).content.decode()
    assert "Rapat Koltim" in page
    assert "Rapat Kalbar" not in page
    assert client.get(reverse("admin:agreements_meeting_change", args=[mine.pk])).status_code == 200
