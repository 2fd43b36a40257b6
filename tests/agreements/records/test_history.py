"""Commitments, regulations and budgets keep their history: who, when, old and new value."""

from decimal import Decimal

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Commitment
from tests.agreements.factories import BudgetFactory, CommitmentFactory, RegulationFactory

pytestmark = pytest.mark.django_db


def test_a_commitments_status_change_names_the_user_and_both_statuses(kalbar_officer):
    commitment = CommitmentFactory.create()
    services.commitment_set_status(
        actor=kalbar_officer, commitment=commitment, status=Commitment.Status.IN_PROGRESS
    )
    new, old = commitment.history.all()[:2]
    assert (old.status, new.status) == (Commitment.Status.PLANNED, Commitment.Status.IN_PROGRESS)
    assert new.history_user == kalbar_officer


def test_a_budget_change_keeps_the_old_amount(kalbar_officer):
    budget = BudgetFactory.create(amount=Decimal(100))
    budget.amount = Decimal(250)
    services.budget_save(actor=kalbar_officer, budget=budget)
    new, old = budget.history.all()[:2]
    assert (old.amount, new.amount) == (Decimal(100), Decimal(250))
    assert new.history_user == kalbar_officer


def test_a_regulation_saved_through_its_service_is_recorded(kalbar_officer):
    regulation = RegulationFactory.create()
    regulation.title = "Pergub perlindungan pekerja rentan"
    services.regulation_save(actor=kalbar_officer, regulation=regulation)
    assert regulation.history.first().history_user == kalbar_officer


@pytest.mark.parametrize("name", ["budgetallocation", "commitment", "regulation"])
def test_record_history_pages_answer_the_national_admin_and_refuse_branch_staff(
    client, national_admin, kolaka_staff, name
):
    factory = {
        "budgetallocation": BudgetFactory,
        "commitment": CommitmentFactory,
        "regulation": RegulationFactory,
    }[name]
    record = factory.create()
    url = reverse(f"admin:agreements_{name}_history", args=[record.pk])
    client.force_login(kolaka_staff)
    assert client.get(url).status_code in (403, 404)
    client.force_login(national_admin)
    assert client.get(url).status_code == 200
