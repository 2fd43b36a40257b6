"""DHIS2 clients' ways in: `ApiToken <t>` backed by the portal's tokens, and HTTP Basic,
counted by django-axes and refused over plain HTTP where the site is HTTPS-only."""

from __future__ import annotations

import base64

import pytest
from django.core.cache import cache
from django.test import override_settings
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
ME = "/api/me"


def _basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


@pytest.fixture
def officer(kalbar_officer):
    kalbar_officer.set_password("a long pass phrase")
    kalbar_officer.save()
    return kalbar_officer


def test_a_portal_token_sent_as_a_dhis2_api_token(kalbar_officer):
    _token, text = AuthToken.objects.create(user=kalbar_officer)
    client = APIClient()
    assert client.get(ME, HTTP_AUTHORIZATION=f"ApiToken {text}").status_code == 200
    assert client.get(ME, HTTP_AUTHORIZATION="ApiToken wrong").status_code == 401


def test_basic_authentication_and_its_lockout(officer):
    cache.clear()
    client = APIClient()
    good = _basic(officer.username, "a long pass phrase")
    assert client.get(ME, HTTP_AUTHORIZATION=good).json()["username"] == officer.username
    for _attempt in range(10):
        bad = client.get(ME, HTTP_AUTHORIZATION=_basic(officer.username, "guess"))
        assert bad.status_code in (401, 403, 429)
    assert client.get(ME, HTTP_AUTHORIZATION=good).status_code != 200  # locked out


@override_settings(SECURE_SSL_REDIRECT=True)
def test_basic_is_refused_over_plain_http_where_the_site_is_https_only(officer):
    good = _basic(officer.username, "a long pass phrase")
    response = APIClient().get(ME, HTTP_AUTHORIZATION=good, secure=True)
    assert response.status_code == 200
    plain = APIClient().get(ME, HTTP_AUTHORIZATION=good, HTTP_X_FORWARDED_PROTO="http")
    assert plain.status_code != 200
