"""The scorecard facts per region: regulation in force, budget of a year, commitments counted."""

import datetime as dt

import pytest

from agreements import selectors
from agreements.models import Commitment
from tests.agreements.factories import (
    BudgetFactory,
    CommitmentFactory,
    RegulationFactory,
    region,
)

pytestmark = pytest.mark.django_db


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
