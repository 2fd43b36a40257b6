"""Periodic work of the agreements app; the logic lives in agreements.reminders."""

from __future__ import annotations

from celery import shared_task

from agreements.reminders import reminders_send


@shared_task(
    acks_late=True,
    soft_time_limit=600,
    time_limit=660,
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=3,
)
def daily_reminders() -> dict[str, int]:
    """Expire agreements past their end and send reminders (celery beat, once a day)."""
    summary = reminders_send()
    return {
        "activated": summary.activated,
        "expired": summary.expired,
        "notified": summary.notified,
        "emailed": summary.emailed,
    }
