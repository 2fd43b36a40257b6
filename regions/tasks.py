import socket

from celery import shared_task

from regions.services import heartbeat_record


@shared_task(
    name="regions.tasks.record_heartbeat", acks_late=True, soft_time_limit=30, time_limit=60
)
def record_heartbeat() -> int:
    """Prove a worker is alive by writing to the database; returns the heartbeat's id."""
    return heartbeat_record(hostname=socket.gethostname()).pk
