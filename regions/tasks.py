import socket

from celery import shared_task

from regions.notifications.services import notifications_email_pending
from regions.services import heartbeat_record


@shared_task(acks_late=True, soft_time_limit=30, time_limit=60)
def record_heartbeat() -> int:
    """Prove a worker is alive by writing to the database; returns the heartbeat's id."""
    return heartbeat_record(hostname=socket.gethostname()).pk


@shared_task(
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
