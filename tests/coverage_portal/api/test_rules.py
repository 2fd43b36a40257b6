"""Validation rules, their results and follow-ups through the API: the same services and
the same scope as the pages."""

from __future__ import annotations

import pytest

from participants.models import FollowUp, ParticipantCount, ValidationRule
from participants.services import rule_results_refresh
from tests.coverage_portal.api.conftest import ROLES

pytestmark = pytest.mark.django_db
FOLLOW_UPS = "/api/v1/follow-ups/"
RULES = "/api/v1/validation-rules/"
RULE = {"name_id": "x", "name_en": "x", "left": "NON_ASN", "operator": "<=", "right": "PU"}

MARK_STATUS = {
    "national_admin": 201,
    "kalbar_officer": 201,
    "kalbar_approver": 201,
    "viewer": 403,  # reads follow-ups; the national team that marks them is the administrators
    "jatim_officer": 404,
    "kolaka_staff": 404,
    "outsider": 403,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", [*ROLES, "outsider", "anonymous"])
def test_marking_a_value_for_follow_up_by_role(api_as, role, kalbar_month):
    count = ParticipantCount.objects.get(region__code="61.71", category__code="PU")
    response = api_as(role).post(FOLLOW_UPS, {"count": count.pk, "comment": "Cek"}, format="json")
    assert response.status_code == MARK_STATUS[role]
    assert FollowUp.objects.count() == (1 if MARK_STATUS[role] == 201 else 0)


def test_a_follow_up_round_trip_is_audited_and_hidden_from_outsiders(api_as, kalbar_month):
    count = ParticipantCount.objects.get(region__code="61.71", category__code="PU")
    created = api_as("kalbar_officer").post(
        FOLLOW_UPS, {"count": count.pk, "comment": "Naik tajam"}, format="json"
    )
    url = f"{FOLLOW_UPS}{created.json()['id']}/close/"
    assert api_as("jatim_officer").post(url, {"comment": "x"}, format="json").status_code == 404
    assert api_as("jatim_officer").get(FOLLOW_UPS).json()["count"] == 0
    assert api_as("kalbar_approver").post(url, {"comment": ""}, format="json").status_code == 400
    closed = api_as("kalbar_approver").post(url, {"comment": "Dikonfirmasi"}, format="json")
    assert closed.status_code == 200 and closed.json()["closing_comment"] == "Dikonfirmasi"
    assert (
        api_as("kalbar_approver").post(url, {"comment": "lagi"}, format="json").status_code == 400
    )
    followup = FollowUp.objects.get()
    assert [h.history_type for h in followup.history.order_by("history_date")] == ["+", "~"]


@pytest.mark.parametrize("role", [*ROLES, "outsider"])
def test_only_national_administrators_add_rules(api_as, role):
    response = api_as(role).post(RULES, RULE, format="json")
    assert response.status_code == (201 if role == "national_admin" else 403)


@pytest.mark.parametrize("right", ["PU +", "NOPE", "__import__('os').system('x')", "PU\x00"])
def test_a_bad_expression_is_a_400_and_nothing_is_stored(api_as, right):
    response = api_as("national_admin").post(RULES, RULE | {"right": right}, format="json")
    assert response.status_code == 400  # a NUL is refused before the field (plain-input door)
    assert "\x00" in right or "right" in response.json()["errors"]
    assert not ValidationRule.objects.filter(builtin="").exists()


def test_rule_results_are_scoped(api_as, kalbar_month, national_admin):
    api_as("national_admin").post(RULES, RULE, format="json")
    assert rule_results_refresh() > 0
    assert api_as("kalbar_officer").get("/api/v1/rule-results/").json()["count"] > 0
    assert api_as("jatim_officer").get("/api/v1/rule-results/").json()["count"] == 0
