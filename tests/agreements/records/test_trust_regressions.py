"""Dates and years of agreements records within 2000–2100: one test a defect that broke
pages for everyone once such a record was stored."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from agreements.models import BudgetAllocation, Regulation
from tests import hostile
from tests.agreements.factories import BudgetFactory, RegulationFactory, region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", ["0", "32767", "1999", "2101"])
def test_a_regulation_or_budget_year_outside_2000_to_2100_is_a_form_error(
    client, kalbar_officer, year
):
    client.force_login(kalbar_officer)
    hostile.tried(2)
    regulation = client.post(
        reverse("agreements:regulation-create"),
        {"region": region("61").pk, "kind": "perda", "number": "1", "year": year, "title": "T"},
    )
    budget = client.post(
        reverse("agreements:budget-create"),
        {"region": region("61").pk, "year": year, "category_code": "NON_ASN", "amount": "1"},
    )
    assert regulation.status_code == 200 and budget.status_code == 200
    assert not Regulation.objects.exists() and not BudgetAllocation.objects.exists()


@pytest.mark.parametrize(("factory", "model"), [(RegulationFactory, Regulation),
                                                (BudgetFactory, BudgetAllocation)])  # fmt: skip
@pytest.mark.parametrize("year", [0, 32767])
def test_the_database_refuses_years_0_and_32767(factory, model, year):
    record = factory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=record.pk).update(year=year)


def test_a_budget_above_the_largest_regional_budget_is_a_form_error(client, kalbar_officer):
    client.force_login(kalbar_officer)
    hostile.tried()
    response = client.post(
        reverse("agreements:budget-create"),
        {"region": region("61").pk, "year": "2024", "category_code": "X", "amount": "1" + "0" * 15},
    )
    assert response.status_code == 200 and not BudgetAllocation.objects.exists()
