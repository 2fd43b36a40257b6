"""Dates and years of agreements records within 2000–2100: one test a defect that broke
pages for everyone once such a record was stored."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from agreements.meetings.exports import _end
from agreements.meetings.models import Meeting
from agreements.models import BudgetAllocation, Regulation
from tests import hostile
from tests.agreements.factories import BudgetFactory, MeetingFactory, RegulationFactory, region

pytestmark = pytest.mark.django_db


def meeting_post(day: str, time: str = "09:00") -> dict[str, str]:
    return {
        "kind": "rakor",
        "title": "Rakor",
        "date": day,
        "time": time,
        "host_region": str(region("61").pk),
        "regions": str(region("61.71").pk),
        **{f"{p}-{k}": v for p in ("att", "act") for k, v in (("TOTAL_FORMS", "0"),
           ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"), ("MAX_NUM_FORMS", "1000"))},
    }  # fmt: skip


@pytest.mark.parametrize(("day", "time"), [("0001-01-01", "00:00"), ("9999-12-31", "23:00")])
def test_a_meeting_outside_the_years_2000_to_2100_is_a_form_error(
    client, kalbar_officer, day, time
):
    client.force_login(kalbar_officer)
    hostile.tried()
    response = client.post(reverse("agreements:meeting-create"), meeting_post(day, time))
    assert response.status_code == 200 and not Meeting.objects.exists()


def test_the_database_refuses_a_meeting_in_year_9999():
    meeting = MeetingFactory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(
            starts_at=dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC)
        )


def test_the_calendar_end_of_a_meeting_on_the_last_day_does_not_overflow():
    start = dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC)
    assert _end(start) == start.replace(minute=59, second=59)
    assert _end(timezone.now()) > timezone.now()


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


def test_an_officer_may_name_only_the_offices_serving_their_province(client, kalbar_officer):
    from regions.demo import seed_offices

    seed_offices()
    client.force_login(kalbar_officer)
    form = client.get(reverse("agreements:agreement-create")).context["form"]
    names = {office.code for office in form.fields["office"].queryset}
    assert "cabang-pontianak" in names and "cabang-kolaka" not in names
