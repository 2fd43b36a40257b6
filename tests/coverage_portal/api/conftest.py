"""API clients for every role, each calling with a real knox token as a script would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from knox.models import AuthToken
from rest_framework.test import APIClient

from participants.models import MonthlyReport
from participants.services import counts_write
from regions.demo import seed_offices
from regions.models import Office, Region, Role
from regions.services import user_scope_assign
from tests.participants.conftest import DECEMBER, full_month
from tests.regions.factories import UserFactory

ROLES = [
    "national_admin",
    "kalbar_officer",
    "kalbar_approver",
    "jatim_officer",
    "viewer",
    "kolaka_staff",
]


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    """tests/conftest.py's make_user without the password: API callers use tokens (and the
    docs test force_login), and hashing a password for each of the matrix's hundreds of users
    would be most of this package's run time."""

    def make(role: str, province: str | None = None, office: Office | None = None) -> Any:
        user = UserFactory()
        user.set_unusable_password()
        user.save()
        user_scope_assign(
            user=user,
            role=role,
            province=Region.objects.get(code=province) if province else None,
            office=office,
        )
        return user

    return make


@pytest.fixture
def kolaka_staff(db: None, make_user: Callable[..., Any]) -> Any:
    """BPJS branch staff of Kantor Cabang Kolaka (74.01, 74.08, 74.11, in Sulawesi Tenggara)."""
    seed_offices()
    return make_user(Role.BRANCH_STAFF, office=Office.objects.get(code="cabang-kolaka"))


@pytest.fixture
def outsider(db: None) -> Any:
    """Signed in, but without any role or scope."""
    return UserFactory()


def token_client(user: Any | None) -> APIClient:
    """In English, so tests can match the services' msgids (the API speaks the portal's
    language: Indonesian unless the language cookie says otherwise)."""
    client = APIClient()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if user is not None:
        _token, text = AuthToken.objects.create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {text}")
    return client


@pytest.fixture
def api_as(request: pytest.FixtureRequest) -> Callable[[str], APIClient]:
    """api_as("kalbar_officer") → a client with a token of that fixture's user;
    api_as("anonymous") → no credentials at all."""

    def make(role: str) -> APIClient:
        if role == "anonymous":
            return APIClient()
        return token_client(request.getfixturevalue(role))

    return make


@pytest.fixture
def kalbar_month(kalbar_officer: Any) -> MonthlyReport:
    """Kalimantan Barat, December 2023: every regency × active category filled in."""
    result = counts_write(actor=kalbar_officer, cells=full_month("61"), source="web")
    assert result.applied, result.errors
    return MonthlyReport.objects.get(province__code="61", period=DECEMBER)
