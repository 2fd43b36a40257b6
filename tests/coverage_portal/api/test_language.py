"""The API's language: Accept-Language first, then the person's choice, then Indonesian."""

from __future__ import annotations

import pytest
from django.conf import settings
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
URL = "/api/dataValueSets"


def _message(client: APIClient, **headers: str) -> str:
    body = {
        "dataValues": [{"orgUnit": "61.71", "dataElement": "PU", "period": "2023", "value": "1"}]
    }
    response = client.post(URL, body, format="json", **headers)
    return response.json()["response"]["conflicts"][0]["value"]


def test_accept_language_decides_then_the_choice_then_indonesian(api_as):
    client = api_as("kalbar_officer")  # its cookie chose English
    assert "monthly period" in _message(client)
    indonesian = _message(client, HTTP_ACCEPT_LANGUAGE="id-ID,id;q=0.9")
    assert "monthly period" not in indonesian
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    assert _message(client) == indonesian
    english = client.get("/api/me", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert english["Content-Language"] == "en"
