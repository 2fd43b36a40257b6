import datetime as dt

import pytest
from django.urls import reverse

from agreements import selectors
from tests.agreements.factories import (
    ActiveAgreementFactory,
    BudgetFactory,
    CommitmentFactory,
    MeetingFactory,
    RegulationFactory,
    region,
)

pytestmark = pytest.mark.django_db


def test_timeline_puts_every_kind_of_record_in_date_order(kalbar_officer):
    kalbar = region("61")
    agreement = ActiveAgreementFactory.create(signed_on=dt.date(2023, 2, 21))
    MeetingFactory.create(
        starts_at=dt.datetime(2021, 7, 1, 2, tzinfo=dt.UTC), regions=[region("61.71")]
    )
    RegulationFactory.create(enacted_on=dt.date(2022, 5, 1))
    BudgetFactory.create(region=region("61.12"), year=2022)
    CommitmentFactory.create(agreement=agreement, due_date=dt.date(2024, 12, 31))
    entries = selectors.timeline_for(kalbar_officer, kalbar)
    assert [e.kind for e in entries] == ["meeting", "budget", "regulation", "agreement",
                                         "commitment"]  # fmt: skip
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    window = selectors.timeline_for(
        kalbar_officer, kalbar, start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31)
    )
    assert [e.kind for e in window] == ["budget", "regulation"]


def test_timeline_is_empty_for_an_outsider(jatim_officer):
    ActiveAgreementFactory.create()
    assert selectors.timeline_for(jatim_officer, region("61")) == []


def test_meeting_on_the_timeline_uses_the_local_date():
    # 16.30 UTC on 29 February is already 01.30 WIT on 1 March in Papua
    meeting = MeetingFactory.create(
        host_region=region("91"),
        regions=[region("91")],
        starts_at=dt.datetime(2024, 2, 29, 16, 30, tzinfo=dt.UTC),
    )
    assert meeting.local_start.date() == dt.date(2024, 3, 1)


def test_timeline_page_shows_entries_and_refuses_outsiders(client, kalbar_officer, jatim_officer):
    ActiveAgreementFactory.create(title="MoU Kalbar")
    url = reverse("agreements:region-timeline", args=["61"])
    client.force_login(kalbar_officer)
    assert "MoU Kalbar" in client.get(url).content.decode()
    client.force_login(jatim_officer)
    assert client.get(url).status_code == 404
