"""Fill an empty portal with demo data from every app, and print the demo accounts.

Each app owns its own demo module; this floor-3 command only calls them in order. Every
seeder is idempotent, so `make run` calls this on every start.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from agreements.demo import scenarios as agreements_demo
from agreements.demo import scorecard as demo_scorecard
from participants import services as participants
from regions import demo as regions_demo


class Command(BaseCommand):
    help = "Create demo offices, accounts and data (idempotent) and print the demo logins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--accounts", action="store_true", help="Only print the demo accounts (make run)."
        )
        parser.add_argument(
            "--no-accounts", action="store_true", help="Seed without printing the accounts."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["accounts"]:  # make run has just seeded them
            self._print_accounts(regions_demo.DEMO_ACCOUNTS)
            return
        started = time.perf_counter()
        accounts = regions_demo.seed()
        # One transaction for the counts and the denominators and targets: the coverage
        # recompute their writes ask for runs once, after it commits, not once a year and
        # then again for the targets.
        with transaction.atomic():
            counts = participants.demo_counts_seed()
            participants.demo_coverage_seed()
        self.stdout.write(
            f"Demo counts: {counts.created} created, {counts.updated} updated, "
            f"{counts.unchanged} unchanged ({counts.seconds:.1f} s)."
        )
        agreements_demo.seed()
        demo_scorecard.seed()
        # Coverage figures ready at once, even with no worker running.
        buckets = participants.recompute_stale()
        self.stdout.write(f"Coverage recomputed for {buckets} province-month buckets.")
        results = participants.demo_quality_seed()
        self.stdout.write(f"Validation rules: {results} results; demo follow-ups marked.")
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready in {time.perf_counter() - started:.0f} s.")
        )
        if not options["no_accounts"]:
            self._print_accounts(accounts)

    def _print_accounts(self, accounts: Any) -> None:
        self.stdout.write("Demo accounts (password for all: " + regions_demo.DEMO_PASSWORD + "):")
        for account in accounts:
            where = account.province_code or account.office_code or "nasional"
            self.stdout.write(f"  {account.username:<18} {account.role} ({where})")
