"""Delete import previews nobody applied or cancelled within a day (celery beat runs it hourly)."""

from typing import Any

from django.core.management.base import BaseCommand

from participants.transfer.staging import sweep


class Command(BaseCommand):
    help = "Delete import previews older than a day."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deleted {sweep()} import preview(s) older than a day.")
