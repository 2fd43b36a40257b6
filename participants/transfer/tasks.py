"""Celery tasks of the import pages (found through coverage_portal.celery)."""

from celery import shared_task

from participants.transfer import staging


@shared_task(acks_late=True, soft_time_limit=120, time_limit=180)
def sweep_import_previews() -> int:
    """Delete import previews older than a day (twin: manage.py sweep_import_previews)."""
    return staging.sweep()
