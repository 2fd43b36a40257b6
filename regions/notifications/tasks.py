"""The notifications' email job, under its old name regions.tasks.email_notifications."""

from celery import shared_task

from regions.notifications.email import notifications_email_pending


@shared_task(
    name="regions.tasks.email_notifications",
    acks_late=True,
    soft_time_limit=120,
    time_limit=150,
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=3,
)
def email_notifications() -> int:
    """Email the notifications not yet emailed (queued after each send, and by the reminders)."""
    return notifications_email_pending()
