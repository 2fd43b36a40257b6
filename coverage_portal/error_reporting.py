"""Error reporting through Sentry (or any Sentry-compatible server), only when configured.

Reports carry the request id of the log lines that go with them, and no personal data:
the portal holds officials' names and counts that are not public until approved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration

from coverage_portal.logging_config import request_id

if TYPE_CHECKING:
    from sentry_sdk.types import Event


def start(*, dsn: str, environment: str, traces_sample_rate: float) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        before_send=_with_request_id,
    )


def _with_request_id(event: Event, _hint: dict[str, Any]) -> Event:
    event.setdefault("tags", {})["request_id"] = request_id.get()
    return event
