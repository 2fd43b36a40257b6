"""`manage.py send_reminders [--date YYYY-MM-DD]`: the daily reminder job, run by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from agreements.reminders import reminders_send


class Command(BaseCommand):
    help = "Expire agreements past their end date and send due reminders (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=dt.date.fromisoformat, help="act as if today were")

    def handle(self, *args: Any, **options: Any) -> None:
        summary = reminders_send(today=options["date"])
        self.stdout.write(
            f"activated {summary.activated}, expired {summary.expired}, "
            f"notifications {summary.notified}, emails {summary.emailed}"
        )
