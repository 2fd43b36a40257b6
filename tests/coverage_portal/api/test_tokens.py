"""API tokens: made, rotated and revoked by their owner on the portal page or with
`manage.py api_token`; only their digest is stored."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def works(token: str) -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client.get("/api/v1/categories/").status_code == 200


def test_the_command_prints_the_token_as_the_last_word(kalbar_officer):
    out = StringIO()
    call_command("api_token", kalbar_officer.username, stdout=out)
    token = out.getvalue().strip().splitlines()[-1].split()[-1]
    assert works(token)
    stored = AuthToken.objects.get(user=kalbar_officer)
    assert token not in (stored.digest, stored.token_key)  # only a digest and a prefix
    assert stored.expiry is not None


def test_the_command_refuses_unknown_users_and_users_without_a_role(outsider):
    with pytest.raises(CommandError, match="No user"):
        call_command("api_token", "nobody")
    with translation.override("en"), pytest.raises(CommandError, match="no role"):
        call_command("api_token", outsider.username)


def test_the_page_creates_rotates_and_revokes(client, kalbar_officer):
    client.force_login(kalbar_officer)
    assert client.get("/api/tokens/").status_code == 200
    created = client.post("/api/tokens/new/")
    assert created.status_code == 201
    first = created.context["new_token"]
    assert works(first)
    key = AuthToken.objects.get().token_key
    rotated = client.post(f"/api/tokens/{key}/rotate/")
    second = rotated.context["new_token"]
    assert works(second) and not works(first)
    client.post(f"/api/tokens/{AuthToken.objects.get().token_key}/revoke/")
    assert not works(second)
    assert not AuthToken.objects.exists()


def test_nobody_revokes_someone_elses_token(client, kalbar_officer, jatim_officer):
    _token, text = AuthToken.objects.create(user=kalbar_officer)
    client.force_login(jatim_officer)
    client.post(f"/api/tokens/{text[:15]}/revoke/")
    assert works(text)


def test_the_page_needs_a_login_and_its_actions_a_post(client, kalbar_officer):
    assert client.get("/api/tokens/").status_code == 302
    client.force_login(kalbar_officer)
    assert client.get("/api/tokens/new/").status_code == 405


def test_throttling_is_per_token(monkeypatch, kalbar_officer):
    from django.core.cache import cache

    from coverage_portal.api.guards import TokenRateThrottle

    cache.clear()
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "2/minute"})
    one, other = (AuthToken.objects.create(user=kalbar_officer)[1] for _ in range(2))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {one}")
    statuses = [client.get("/api/v1/categories/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert works(other)
    cache.clear()
