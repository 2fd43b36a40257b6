"""Schemathesis against /api/schema/ with every check: generated requests to the read and
import operations, signed in with a real token as a provincial officer. No server error, no
answer outside the schema, every schema-valid request accepted (2xx, or 404/409 for a code or
month the data does not hold) and every schema-invalid one refused.

Bounded (a few examples per operation) so the whole suite stays quick on two cores.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from knox.models import AuthToken
from schemathesis.specs.openapi.checks import positive_data_acceptance

from coverage_portal.wsgi import application
from tests.coverage_portal.api.helpers import served_schema

pytestmark = pytest.mark.django_db
EXAMPLES = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def auth(kalbar_month: Any, kalbar_officer: Any) -> dict[str, str]:
    """A Kalimantan Barat officer: a role that reads and imports, with data to read."""
    cache.clear()  # a fresh throttle budget
    _token, text = AuthToken.objects.create(user=kalbar_officer)
    return {"Authorization": f"Token {text}"}


@pytest.fixture(autouse=True)
def _requests_keep_the_test_transaction() -> Iterator[None]:
    """As Django's test client does: a request must not close the test's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_dict(served_schema())
schema.app = application


@schema.include(method="GET").parametrize()
@EXAMPLES
def test_reads(case: Any, auth: dict[str, str]) -> None:
    case.call_and_validate(headers=auth)


@schema.include(method="POST", path_regex=r"/(dataValueSets|counts/bulk/)$").parametrize()
@EXAMPLES
def test_imports(case: Any, auth: dict[str, str]) -> None:
    case.call_and_validate(headers=auth)


@schema.include(method="POST", path_regex=r"/adx$").parametrize()
@EXAMPLES
def test_adx_import(case: Any, auth: dict[str, str]) -> None:
    """An ADX body's grammar is XML Schema (/api/adx/schema.xsd), which the OpenAPI document
    can only call a string: a string that is no ADX document is rightly a 400, so only that
    check is left out; bad parameters must still be refused, and nothing may answer 5xx."""
    case.call_and_validate(headers=auth, excluded_checks=[positive_data_acceptance])
