import datetime as dt

import pytest
from django.urls import reverse

from agreements import selectors
from agreements.models import Agreement, Commitment
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


def test_agreement_in_force_follows_the_dates_not_todays_status():
    kalbar = region("61")
    old = ActiveAgreementFactory.create(
        valid_from=dt.date(2018, 1, 1), valid_until=dt.date(2022, 12, 31),
        status=Agreement.Status.EXPIRED, signed_on=dt.date(2018, 1, 1),
    )  # fmt: skip
    new = ActiveAgreementFactory.create(valid_from=dt.date(2023, 2, 21))
    assert selectors.agreement_in_force(kalbar, on=dt.date(2020, 6, 1)) == old
    assert selectors.agreement_in_force(kalbar, on=dt.date(2024, 6, 1)) == new
    assert selectors.agreement_in_force(kalbar, on=dt.date(2023, 1, 15)) is None


def test_a_terminated_agreement_is_not_in_force_after_its_end():
    agreement = ActiveAgreementFactory.create(
        status=Agreement.Status.TERMINATED, ended_on=dt.date(2024, 1, 1)
    )
    assert selectors.agreement_in_force(agreement.region, on=dt.date(2023, 6, 1)) == agreement
    assert selectors.agreement_in_force(agreement.region, on=dt.date(2024, 6, 1)) is None


def test_regulation_in_force_until_revoked():
    regulation = RegulationFactory.create(revoked_on=dt.date(2025, 1, 1))
    kalbar = region("61")
    assert selectors.regulation_in_force(kalbar, on=dt.date(2022, 4, 30)) is None
    assert selectors.regulation_in_force(kalbar, on=dt.date(2023, 1, 1)) == regulation
    assert selectors.regulation_in_force(kalbar, on=dt.date(2025, 1, 1)) is None


def test_budget_for_year_adds_up_the_groups():
    BudgetFactory.create(amount=1_000_000, realised=400_000, workers=100)
    BudgetFactory.create(category_code="PEKERJA_RENTAN", amount=500_000, workers=50)
    totals = selectors.budget_for_year(region("61"), 2023)
    assert totals is not None
    assert (totals.amount, totals.realised, totals.workers, totals.allocations) == (
        1_500_000, 400_000, 150, 2,
    )  # fmt: skip
    assert selectors.budget_for_year(region("61"), 2019) is None


def test_commitment_counts_split_done_overdue_and_open():
    on = dt.date(2024, 6, 1)
    CommitmentFactory.create(status=Commitment.Status.DONE, due_date=dt.date(2024, 1, 1))
    CommitmentFactory.create(due_date=dt.date(2024, 5, 1))
    CommitmentFactory.create(due_date=dt.date(2024, 7, 1), status=Commitment.Status.IN_PROGRESS)
    CommitmentFactory.create(due_date=None)
    CommitmentFactory.create(status=Commitment.Status.DROPPED)
    counts = selectors.commitment_counts(region("61"), on=on)
    assert (counts.done, counts.overdue, counts.open) == (1, 1, 2)
