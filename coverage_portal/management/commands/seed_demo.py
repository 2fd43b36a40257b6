"""Fill an empty portal with demo data from every app, and print the demo accounts.

Each app owns its own demo module; this floor-3 command only calls them in order. Every
seeder is idempotent, so `make run` can call this on every start.
"""

from typing import Any

from django.core.management.base import BaseCommand

from regions import demo as regions_demo


class Command(BaseCommand):
    help = "Create demo offices, accounts and data (idempotent) and print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        accounts = regions_demo.seed()
        self.stdout.write(self.style.SUCCESS("Demo data ready. Demo accounts:"))
        for account in accounts:
            where = account.province_code or account.office_code or "nasional"
            self.stdout.write(
                f"  {account.username:<18} {regions_demo.DEMO_PASSWORD}  {account.role} ({where})"
            )
