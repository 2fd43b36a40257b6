"""Every agreements form, filled with whatever a careless or hostile person types: never a
500, and a refused form stores nothing (nor its signatories, attendees or actions)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agreements.meetings.models import Attendee, FollowUpAction, Meeting
from agreements.models import Agreement, BudgetAllocation, Commitment, Regulation, Signatory
from regions.models import Region
from tests import hostile
from tests.agreements.factories import AgreementFactory

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MODELS = (Agreement, Signatory, Commitment, Regulation, BudgetAllocation, Meeting, Attendee)


def stored() -> tuple[int, ...]:
    return (*(m.objects.count() for m in MODELS), FollowUpAction.objects.count())


def region_choice() -> st.SearchStrategy[str]:
    """A region of the officer's own, another province's, or no region at all."""
    return st.one_of(
        st.sampled_from(["61.71", "61", "35.01"]).map(
            lambda code: str(Region.objects.get(code=code).pk)
        ),
        hostile.number_text(),
    )


def formset(prefix: str, **fields: st.SearchStrategy[str]) -> st.SearchStrategy[dict]:
    row = st.fixed_dictionaries({f"{prefix}-0-{k}": v for k, v in fields.items()})
    management = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    return row.map(lambda r: {**management, **r})


def merged(*parts: st.SearchStrategy[dict]) -> st.SearchStrategy[dict]:
    return st.tuples(*parts).map(lambda ds: {k: v for d in ds for k, v in d.items()})


AGREEMENT = merged(
    st.fixed_dictionaries(
        {
            "kind": st.one_of(st.just("mou"), hostile.text(8)),
            "title": hostile.text(),
            "region": region_choice(),
            "region_number": hostile.text(150),
            "signed_place": hostile.text(250),
            "valid_from": hostile.date_text(),
            "valid_until": hostile.date_text(),
            "scope": hostile.text(),
        }
    ),
    formset(
        "sig",
        side=st.sampled_from(["region", "bpjs", "x"]),
        name=hostile.text(150),
        position=hostile.text(250),
    ),
)
MEETING = merged(
    st.fixed_dictionaries(
        {
            "kind": st.one_of(st.just("rakor"), hostile.text(8)),
            "title": hostile.text(),
            "date": hostile.date_text(),
            "time": st.one_of(st.sampled_from(["23:00", "00:00", "25:61"]), hostile.text(6)),
            "host_region": region_choice(),
            "regions": region_choice(),
            "place": hostile.text(),
            "summary": hostile.text(),
            "source_url": hostile.text(60),
        }
    ),
    formset(
        "att", name=hostile.text(150), position=hostile.text(250), institution=hostile.text(250)
    ),
    formset(
        "act",
        description=hostile.text(),
        owner=hostile.text(250),
        due_date=hostile.date_text(),
        status=st.sampled_from(["open", "done", "?"]),
    ),
)
COMMITMENT = st.fixed_dictionaries(
    {
        "region": region_choice(),
        "kind": st.one_of(st.just("budget"), hostile.text(8)),
        "description": hostile.text(),
        "responsible": hostile.text(250),
        "due_date": hostile.date_text(),
        "status": st.sampled_from(["planned", "done", "?"]),
        "category_code": hostile.text(40),
        "workers": hostile.number_text(),
        "amount": hostile.number_text(),
    }
)
REGULATION = st.fixed_dictionaries(
    {
        "region": region_choice(),
        "kind": st.one_of(st.just("perda"), hostile.text(8)),
        "number": hostile.text(80),
        "year": hostile.year_text(),
        "title": hostile.text(),
        "enacted_on": hostile.date_text(),
        "revoked_on": hostile.date_text(),
    }
)
BUDGET = st.fixed_dictionaries(
    {
        "region": region_choice(),
        "year": hostile.year_text(),
        "category_code": hostile.text(40),
        "label": hostile.text(150),
        "workers": hostile.number_text(),
        "amount": hostile.number_text(),
        "realised": hostile.number_text(),
        "notes": hostile.text(),
    }
)


def post_and_judge(client, url: str, data: dict) -> None:
    before = stored()
    hostile.tried()
    response = client.post(url, data)
    assert not hostile.server_error(response.status_code)
    if response.status_code != 302:  # refused: the form again, with its errors
        assert not hostile.refused_yet_stored(before, stored())


@FUZZ
@given(data=AGREEMENT)
def test_agreement_form(client, kalbar_officer, data):
    client.force_login(kalbar_officer)
    post_and_judge(client, reverse("agreements:agreement-create"), data)


@FUZZ
@given(data=MEETING)
def test_meeting_form(client, kalbar_officer, data):
    client.force_login(kalbar_officer)
    post_and_judge(client, reverse("agreements:meeting-create"), data)


@FUZZ
@given(data=COMMITMENT)
def test_commitment_form(client, kalbar_officer, data):
    client.force_login(kalbar_officer)
    agreement = Agreement.objects.first() or AgreementFactory.create()
    url = reverse("agreements:commitment-create") + f"?agreement={agreement.pk}"
    post_and_judge(client, url, data)


@FUZZ
@given(data=REGULATION)
def test_regulation_form(client, kalbar_officer, data):
    client.force_login(kalbar_officer)
    post_and_judge(client, reverse("agreements:regulation-create"), data)


@FUZZ
@given(data=BUDGET)
def test_budget_form(client, kalbar_officer, data):
    client.force_login(kalbar_officer)
    post_and_judge(client, reverse("agreements:budget-create"), data)
