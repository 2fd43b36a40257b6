"""The coverage engine's jobs; their names stay those of the old participants.tasks (beat and
queued messages use them)."""

from celery import shared_task

from participants.coverage import engine as coverage


@shared_task(
    name="participants.tasks.recompute_stale",
    acks_late=True,
    soft_time_limit=600,
    time_limit=660,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def recompute_stale() -> int:
    """Recompute every stale province × month; returns how many buckets were done."""
    return coverage.recompute_stale()


@shared_task(
    name="participants.tasks.nightly_full_recompute",
    acks_late=True,
    soft_time_limit=1800,
    time_limit=1900,
)
def nightly_full_recompute() -> int:
    """Catch up anything an incremental run missed by rebuilding every bucket."""
    return coverage.recompute_all()
