"""The nightly run of the validation rules over history."""

from celery import shared_task

from participants.rules.services import rule_results_refresh


@shared_task(
    name="participants.rules.tasks.rules_nightly",
    acks_late=True,
    soft_time_limit=1800,
    time_limit=1900,
)
def rules_nightly(rule_ids: list[int] | None = None) -> int:
    """Every active rule (or the given ones) over every stored month; returns the results."""
    return rule_results_refresh(rule_ids=rule_ids)
