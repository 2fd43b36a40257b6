"""Asynchronous imports (DHIS2's `async=true`): the document waits in the cache under a job
id, a Celery task imports it, and the summary waits there for the task summary endpoint.

The task takes ids only (job id, user id); a job lives a day, like DHIS2's in-memory ones.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import asdict
from typing import Any

from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

from participants.transfer.exchange.values import ImportOptions

JOB_TYPE = "DATAVALUE_IMPORT"
LIFETIME = 24 * 3600
ALPHABET = string.ascii_letters + string.digits


def job_id() -> str:
    """A DHIS2-shaped uid: 11 characters, a letter first."""
    return secrets.choice(string.ascii_letters) + "".join(
        secrets.choice(ALPHABET) for _ in range(10)
    )


def _key(job: str) -> str:
    return f"exchange-job:{job}"


def job_start(*, actor_id: int, body: bytes, kind: str, options: ImportOptions) -> dict[str, Any]:
    """Queue an import; the answer is DHIS2's job reference."""
    job = job_id()
    created = timezone.now().isoformat(timespec="milliseconds")
    state = {"actor": actor_id, "body": body, "kind": kind, "options": asdict(options)}
    cache.set(_key(job), {"state": "queued", "created": created, "input": state}, LIFETIME)
    data_values_import_job.delay(job)
    return {
        "name": "dataValueImport",
        "id": job,
        "created": created,
        "jobType": JOB_TYPE,
        "relativeNotifierEndpoint": f"/api/system/tasks/{JOB_TYPE}/{job}",
    }


def job_for(job: str, actor_id: int) -> dict[str, Any] | None:
    """The job as its owner sees it; None for another account's job or an unknown id."""
    stored = cache.get(_key(job))
    if not stored or stored.get("owner", stored.get("input", {}).get("actor")) != actor_id:
        return None
    return stored


@shared_task(name="participants.transfer.exchange.data_values_import_job")
def data_values_import_job(job: str) -> None:
    from django.contrib.auth import get_user_model

    from participants.transfer.exchange.formats import import_document

    stored = cache.get(_key(job))
    if not stored or "input" not in stored:
        return
    given = stored["input"]
    actor = get_user_model().objects.get(pk=given["actor"])
    summary = import_document(
        actor=actor,
        body=given["body"],
        kind=given["kind"],
        options=ImportOptions(**given["options"]),
    )
    done = {
        "state": "done",
        "owner": given["actor"],
        "created": stored["created"],
        "completed": timezone.now().isoformat(timespec="milliseconds"),
        "summary": summary.response(),
    }
    cache.set(_key(job), done, LIFETIME)
